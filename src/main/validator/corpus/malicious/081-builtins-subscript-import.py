# expect: blocked code-execution
__builtins__["__import__"]("os")
