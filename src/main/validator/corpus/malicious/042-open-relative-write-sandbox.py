# expect: blocked filesystem
with open("out.txt", "w") as handle:
    handle.write("data")
