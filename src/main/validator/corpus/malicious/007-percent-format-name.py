# expect: blocked code-execution
import builtins
name = "%s%s" % ("ev", "al")
getattr(builtins, name)("1")
