# expect: flagged resource
blob = "a" * 10 ** 12
