# expect: blocked code-execution
import builtins
tail = "al"
getattr(builtins, f"ev{tail}")("3")
