# expect: allowed
import operator
from functools import reduce

getter = operator.itemgetter(1)
name_of = operator.attrgetter("real")
print(reduce(operator.mul, [1, 2, 3, 4]), getter([5, 6]), name_of(3))
