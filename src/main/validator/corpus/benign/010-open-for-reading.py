# expect: allowed
def count_lines(path):
    with open(path) as handle:
        return sum(1 for _ in handle)

def read_config(path):
    with open(path, "r", encoding="utf-8") as handle:
        return handle.read()

def read_bytes(path):
    return open(path, mode="rb").read()
