# expect: allowed
people = [("Ada", 36), ("Alan", 41), ("Grace", 85)]
by_age = sorted(people, key=lambda person: person[1])
oldest = max(people, key=lambda person: person[1])
print(by_age, oldest)
