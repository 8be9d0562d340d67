# expect: blocked trusted introspection
import sys
sys.modules["os"].system("id")
