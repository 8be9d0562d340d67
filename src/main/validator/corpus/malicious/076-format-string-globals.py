# expect: blocked introspection
def greet():
    pass
print("{0.__globals__}".format(greet))
