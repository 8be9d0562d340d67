# expect: allowed
import re

if (match := re.search(r"(\d+)", "order 66")) is not None:
    print(match.group(1))
