# expect: allowed
exec_count = 0
system_name = "linux"
eval_score = 0.5
compile_time = 1.2
for step in range(3):
    exec_count += step
print(exec_count, system_name, eval_score, compile_time)
