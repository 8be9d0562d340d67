# expect: blocked trusted introspection
import os
def call(name, *args):
    return getattr(os, name)(*args)
