# expect: blocked trusted code-execution
import importlib
name = input()
importlib.import_module(name)
