# expect: allowed
from enum import Enum, auto

class Color(Enum):
    RED = auto()
    GREEN = auto()

def parse(name):
    return Color[name.upper()]

print(parse("red"), list(Color))
