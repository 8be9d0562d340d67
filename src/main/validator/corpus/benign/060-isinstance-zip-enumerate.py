# expect: allowed
def normalise(values):
    return [float(v) if isinstance(v, (int, float)) else 0.0 for v in values]

for index, (left, right) in enumerate(zip("abc", normalise([1, "x", 2.5]))):
    print(index, left, right)
print(sum(map(int, "1 2 3".split())))
