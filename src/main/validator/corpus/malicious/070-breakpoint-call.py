# expect: blocked code-execution
def debug():
    breakpoint()
