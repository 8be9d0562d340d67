# expect: blocked trusted process
import random
random._os.system("id")
