# expect: blocked code-execution
def helper():
    return eval("1")
helper()
def eval(text):
    return text
