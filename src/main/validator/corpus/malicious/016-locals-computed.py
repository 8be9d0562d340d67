# expect: blocked trusted code-execution
def run(name):
    return locals()[name]
