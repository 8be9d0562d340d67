# expect: allowed trusted
import os

def listing():
    here = os.getcwd()
    return [name for name in os.listdir(".") if os.path.isfile(os.path.join(here, name))]

print(os.path.exists("setup.py"), os.environ.get("HOME", ""))
