# expect: blocked code-execution
loader = __builtins__.__dict__[chr(95) * 2 + "import" + chr(95) * 2]
loader("os")
