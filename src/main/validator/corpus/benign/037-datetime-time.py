# expect: allowed
import time
from datetime import datetime, timedelta

started = time.time()
tomorrow = datetime.now() + timedelta(days=1)
print(tomorrow.strftime("%Y-%m-%d"), time.time() - started >= 0)
