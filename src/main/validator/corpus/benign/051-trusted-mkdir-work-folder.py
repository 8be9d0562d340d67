# expect: allowed trusted
from pathlib import Path

output = Path("out")
output.mkdir(exist_ok=True)
(output / "result.json").write_text("{}")
