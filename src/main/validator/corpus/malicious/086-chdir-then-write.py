# expect: blocked trusted filesystem
import os
os.chdir("/")
