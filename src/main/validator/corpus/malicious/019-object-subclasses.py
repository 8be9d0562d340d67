# expect: blocked introspection
for cls in object.__subclasses__():
    if cls.__name__ == "catch_warnings":
        print(cls)
