# expect: blocked trusted process
from os import system as s
s("id")
