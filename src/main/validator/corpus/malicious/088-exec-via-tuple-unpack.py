# expect: blocked code-execution
run, other = exec, print
run("x = 1")
