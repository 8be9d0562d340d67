# expect: blocked trusted process
from subprocess import *
run(["id"], check=True)
