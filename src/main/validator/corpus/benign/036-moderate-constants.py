# expect: allowed
LIMIT = 2 ** 64
RULE = "-" * 80
GRID = [[0] * 10 for _ in range(10)]
print(LIMIT, RULE, len(GRID))
