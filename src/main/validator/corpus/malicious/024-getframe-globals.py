# expect: blocked trusted introspection
import sys
caller = sys._getframe(1).f_globals
