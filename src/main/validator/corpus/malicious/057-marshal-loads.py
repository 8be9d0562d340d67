# expect: blocked testing deserialization
import marshal
code = marshal.loads(blob)
