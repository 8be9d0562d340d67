# expect: blocked trusted process
import os
pid = os.fork()
