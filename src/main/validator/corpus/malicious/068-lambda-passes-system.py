# expect: blocked trusted process
import os
(lambda run: run("id"))(os.system)
