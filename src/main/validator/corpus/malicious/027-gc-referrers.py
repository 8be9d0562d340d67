# expect: blocked trusted introspection
import gc
for obj in gc.get_objects():
    print(type(obj))
