# expect: blocked trusted process
import os
x = os.system
x("id")
