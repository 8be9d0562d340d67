# expect: allowed
def read_option(options, name, default=None):
    return getattr(options, name, default)

class Options:
    verbose = True

print(read_option(Options(), "verbose"))
