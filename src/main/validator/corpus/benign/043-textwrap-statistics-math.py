# expect: allowed
import math
import statistics
import textwrap

samples = [2.5, 3.1, 4.7, 5.0]
print(statistics.mean(samples), math.sqrt(16), math.pi)
print(textwrap.dedent("""
    indented
    text
"""))
