# expect: allowed
from typing import List

Matrix = List[List[float]]

def multiply(a: Matrix, b: Matrix) -> Matrix:
    return [[sum(x * y for x, y in zip(row, column)) for column in zip(*b)] for row in a]

def identity(size: int) -> Matrix:
    return [[1.0 if i == j else 0.0 for j in range(size)] for i in range(size)]

def power(matrix: Matrix, exponent: int) -> Matrix:
    result = identity(len(matrix))
    while exponent:
        if exponent & 1:
            result = multiply(result, matrix)
        matrix = multiply(matrix, matrix)
        exponent >>= 1
    return result

print(power([[1, 1], [1, 0]], 10))
