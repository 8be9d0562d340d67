# expect: allowed
numbers = iter(range(100))
total = 0
while True:
    value = next(numbers)
    if value > 10:
        break
    total += value
print(total)
