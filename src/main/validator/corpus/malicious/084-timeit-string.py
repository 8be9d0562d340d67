# expect: blocked trusted code-execution
import timeit
timeit.timeit("__import__('os').system('id')", number=1)
