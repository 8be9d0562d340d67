# expect: allowed
from functools import lru_cache

@lru_cache(maxsize=None)
def fibonacci(n: int) -> int:
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)

print([fibonacci(i) for i in range(20)])
