# expect: blocked code-execution
runner = getattr(__builtins__, "".join(["e", "x", "e", "c"]))
runner("print('hi')")
