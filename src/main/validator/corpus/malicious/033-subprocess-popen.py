# expect: blocked trusted process
import subprocess
subprocess.Popen(["sh", "-c", "id"])
