# expect: flagged resource
counter = 0
while True:
    counter += 1
