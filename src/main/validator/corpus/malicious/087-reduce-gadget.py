# expect: blocked trusted process
import os
class Payload:
    def __reduce__(self):
        return (os.system, ("id",))
