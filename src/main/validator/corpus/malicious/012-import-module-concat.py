# expect: blocked process
import importlib
proc = importlib.import_module("sub" + "process")
proc.run(["id"])
