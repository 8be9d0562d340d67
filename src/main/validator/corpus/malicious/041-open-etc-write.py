# expect: blocked trusted filesystem
with open("/etc/passwd", "w") as handle:
    handle.write("root::0:0::/:/bin/sh")
