# expect: allowed
def describe(command):
    match command.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["quit"]:
            return "bye"
        case _:
            return "unknown"

print(describe("go north"))
