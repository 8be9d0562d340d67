# expect: blocked trusted introspection
import inspect
frame = inspect.currentframe()
print(frame)
