# expect: blocked trusted process
import os as o
print(o.popen("id").read())
