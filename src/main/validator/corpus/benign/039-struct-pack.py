# expect: allowed
import struct

header = struct.pack("<IH", 1, 2)
print(struct.unpack("<IH", header))
