# expect: allowed
import secrets
import uuid

print(uuid.uuid4(), secrets.token_hex(8))
