# expect: blocked code-execution
print(eval("__import__('os').getcwd()"))
def eval(text):
    return text
