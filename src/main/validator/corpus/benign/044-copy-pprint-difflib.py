# expect: allowed
import copy
import difflib
import pprint

original = {"a": [1, 2]}
clone = copy.deepcopy(original)
pprint.pprint(clone)
print("\n".join(difflib.unified_diff(["a"], ["b"], lineterm="")))
