# expect: blocked trusted filesystem
import shutil
shutil.rmtree("/")
