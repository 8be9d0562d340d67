# expect: blocked testing filesystem
from pathlib import Path
Path("/tmp/evil").write_text("x")
