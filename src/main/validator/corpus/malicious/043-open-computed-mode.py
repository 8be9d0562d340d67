# expect: blocked trusted filesystem
import sys
mode = "w" if len(sys.argv) > 1 else "r"
open("/var/log/app.log", mode).write("x")
