# expect: blocked code-execution
code = compile("1 + 1", "<string>", "eval")
