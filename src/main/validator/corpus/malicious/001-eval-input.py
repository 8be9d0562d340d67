# expect: blocked code-execution
expression = input("> ")
print(eval(expression))
