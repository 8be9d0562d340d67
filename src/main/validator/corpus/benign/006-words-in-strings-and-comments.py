# expect: allowed
# We never call eval() or os.system() here; subprocess is mentioned only in prose.
def describe():
    """Explains why eval, exec and subprocess.run are not used by this module."""
    return "Use os.system carefully; prefer subprocess.run([...]) over eval(text)."

print(describe())
