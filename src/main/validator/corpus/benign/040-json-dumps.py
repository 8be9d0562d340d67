# expect: allowed
import json

report = {"items": [1, 2, 3], "ok": True}
print(json.dumps(report, indent=2, sort_keys=True))
