# expect: blocked trusted process
import posix
posix.system("id")
