# expect: allowed
import bisect

def contains(sorted_items, value):
    index = bisect.bisect_left(sorted_items, value)
    return index < len(sorted_items) and sorted_items[index] == value

print(contains([1, 3, 5, 7], 5))
