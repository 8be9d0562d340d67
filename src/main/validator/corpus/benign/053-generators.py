# expect: allowed
def countdown(start):
    while start > 0:
        yield start
        start -= 1

def pairs(items):
    iterator = iter(items)
    yield from zip(iterator, iterator)

print(list(countdown(3)), list(pairs([1, 2, 3, 4])))
