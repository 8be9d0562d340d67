# expect: blocked code-execution
vars(__builtins__)["eval"]("1 + 2")
