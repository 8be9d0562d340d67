# expect: blocked syntax
def broken(:
    return 1
