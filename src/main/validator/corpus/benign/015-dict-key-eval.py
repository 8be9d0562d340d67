# expect: allowed
operations = {"eval": lambda a, b: a + b, "exec": lambda a, b: a * b}
print(operations["eval"](1, 2), operations.get("exec")(3, 4))
