# expect: blocked testing filesystem
m = "a" + "+"
open("../outside.txt", m)
