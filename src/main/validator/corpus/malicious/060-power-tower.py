# expect: flagged resource
value = 10 ** 10 ** 10
print(value)
