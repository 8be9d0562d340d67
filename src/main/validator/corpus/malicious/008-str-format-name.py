# expect: blocked code-execution
import builtins
name = "{}{}".format("ex", "ec")
getattr(builtins, name)("x = 1")
