# expect: blocked introspection
builtins_dict = (lambda: 0).__globals__["__builtins__"]
print(builtins_dict)
