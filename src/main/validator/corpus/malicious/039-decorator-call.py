# expect: blocked trusted process
import os
@os.system
def payload():
    pass
