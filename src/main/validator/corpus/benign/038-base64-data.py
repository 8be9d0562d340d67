# expect: allowed
import base64

encoded = base64.b64encode(b"payload bytes").decode("ascii")
decoded = base64.b64decode(encoded)
print(encoded, decoded)
