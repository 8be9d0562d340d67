# expect: blocked testing filesystem
from pathlib import Path
(Path("..") / "secret.txt").unlink()
