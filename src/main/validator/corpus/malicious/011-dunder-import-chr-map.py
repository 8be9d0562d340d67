# expect: blocked process
mod = __import__("".join(map(chr, [111, 115])))
mod.system("uname -a")
