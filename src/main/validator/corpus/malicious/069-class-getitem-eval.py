# expect: blocked code-execution
class Calculator:
    __getitem__ = eval
Calculator()["1 + 1"]
