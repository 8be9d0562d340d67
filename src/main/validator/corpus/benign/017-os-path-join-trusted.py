# expect: allowed trusted
import os.path

def output_path(name):
    return os.path.join("build", name + ".txt")

print(output_path("report"))
