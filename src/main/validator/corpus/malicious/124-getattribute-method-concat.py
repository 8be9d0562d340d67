# expect: blocked introspection
# __getattribute__ called as a method with a name folded from pieces reads __globals__ like getattr would.
handler = lambda: 0
namespace = handler.__getattribute__("__glo" + "bals__")
print(namespace)
