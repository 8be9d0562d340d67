# expect: blocked trusted process
import os
os.execv("/bin/sh", ["sh"])
