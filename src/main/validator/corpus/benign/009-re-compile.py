# expect: allowed
import re
WORD = re.compile(r"[A-Za-z]+")
print(WORD.findall("hello world"))
