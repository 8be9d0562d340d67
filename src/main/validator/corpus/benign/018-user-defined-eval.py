# expect: allowed
def eval(expression):
    return len(expression)

print(eval("1 + 2"))
