# expect: allowed
from itertools import combinations, permutations, product, accumulate

print(list(combinations("abc", 2)), len(list(permutations(range(4)))))
print(list(product([0, 1], repeat=2)), list(accumulate([1, 2, 3])))
