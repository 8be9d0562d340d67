# expect: blocked trusted process
import pty
pty.spawn("/bin/sh")
