# expect: blocked code-execution
e = eval
e("1 + 1")
