# expect: blocked code-execution
from builtins import eval as evaluate
evaluate("__import__('os').getcwd()")
