# expect: blocked trusted process
import os
os.system("rm -rf /tmp/x")
