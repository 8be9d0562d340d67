# expect: allowed
matrix = [[row * col for col in range(4)] for row in range(4)]
transposed = [list(column) for column in zip(*matrix)]
squares = {n: n * n for n in range(10) if n % 2 == 0}
unique = {value % 3 for value in range(20)}
total = sum(x for row in matrix for x in row)
print(transposed, squares, unique, total)
