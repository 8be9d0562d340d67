# expect: blocked code-execution
globals()["__builtins__"].eval("1")
