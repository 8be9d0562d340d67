# expect: blocked code-execution
import types
def template():
    pass
clone = types.FunctionType(template.__code__, {})
