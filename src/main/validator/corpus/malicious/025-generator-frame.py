# expect: blocked introspection
gen = (x for x in [1])
frame = gen.gi_frame.f_back
print(frame)
