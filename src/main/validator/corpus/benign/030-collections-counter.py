# expect: allowed
from collections import Counter, deque, OrderedDict, namedtuple

words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(2))
window = deque(maxlen=3)
for word in words:
    window.append(word)
Pair = namedtuple("Pair", "left right")
print(window, Pair(1, 2), OrderedDict(a=1))
