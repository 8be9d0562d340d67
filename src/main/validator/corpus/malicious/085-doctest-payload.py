# expect: blocked testing process
def add(a, b):
    """Adds.

    >>> __import__("os").system("id")
    0
    """
    return a + b

if __name__ == "__main__":
    import doctest
    doctest.testmod()
