# expect: blocked code-execution
if False:
    def eval(text):
        return text
eval("__import__('os').getcwd()")
