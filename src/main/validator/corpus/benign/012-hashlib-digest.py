# expect: allowed
import hashlib

def fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

print(fingerprint("abc"))
