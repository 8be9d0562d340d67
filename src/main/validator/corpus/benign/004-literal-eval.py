# expect: allowed
import ast
values = ast.literal_eval("[1, 2, 3]")
print(sum(values))
