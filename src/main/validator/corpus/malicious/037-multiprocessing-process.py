# expect: blocked trusted process
from multiprocessing import Process
Process(target=print).start()
