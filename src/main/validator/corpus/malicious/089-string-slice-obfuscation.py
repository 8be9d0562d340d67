# expect: blocked code-execution
import builtins
alphabet = "abcdefghijklmnopqrstuvwxyz"
name = alphabet[4] + alphabet[21] + alphabet[0] + alphabet[11]
getattr(builtins, name)("1")
