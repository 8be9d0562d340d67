# expect: allowed
import re

def compile_regex(pattern):
    return re.compile(pattern)

digits = compile_regex(r"\d+")
print(digits.findall("a1b22"))
