# expect: allowed
system = "linux"
exec_mode = "fast"
compile = False
print(system, exec_mode, compile)
