# expect: blocked trusted native
import mmap
buf = mmap.mmap(-1, 4096)
