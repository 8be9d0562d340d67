# expect: blocked process
# A string annotation is evaluated by typing.get_type_hints: the process starts when the hints are read.
import typing


def handler(request: "__import__('os').system('id')") -> None:
    return None


typing.get_type_hints(handler)
