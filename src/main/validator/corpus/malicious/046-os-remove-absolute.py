# expect: blocked trusted filesystem
import os
os.remove("/etc/hosts")
