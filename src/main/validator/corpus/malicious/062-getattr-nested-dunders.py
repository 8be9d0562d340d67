# expect: blocked introspection
base = getattr(getattr((), "__cla" + "ss__"), "__ba" + "ses__")
