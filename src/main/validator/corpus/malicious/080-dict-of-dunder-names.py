# expect: blocked introspection
names = {"a": "__subclasses__"}
found = getattr(object, names["a"])()
