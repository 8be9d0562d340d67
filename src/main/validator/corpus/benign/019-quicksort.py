# expect: allowed
def quicksort(items):
    if len(items) <= 1:
        return items
    pivot, *rest = items
    smaller = [x for x in rest if x < pivot]
    larger = [x for x in rest if x >= pivot]
    return quicksort(smaller) + [pivot] + quicksort(larger)

print(quicksort([5, 3, 8, 1, 9, 2]))
