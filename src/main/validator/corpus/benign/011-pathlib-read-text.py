# expect: allowed testing
from pathlib import Path

def load(name):
    return Path(name).read_text(encoding="utf-8")
