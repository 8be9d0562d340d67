# expect: blocked introspection
classes = ().__class__.__bases__[0].__subclasses__()
print(len(classes))
