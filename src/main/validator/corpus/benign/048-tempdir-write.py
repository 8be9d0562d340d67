# expect: allowed testing
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as folder:
    target = Path(folder) / "scratch.txt"
    target.write_text("temporary")
    print(target.read_text())
