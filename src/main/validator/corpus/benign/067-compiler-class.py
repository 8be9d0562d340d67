# expect: allowed
class Compiler:
    def __init__(self, source):
        self.source = source

    def compile(self):
        return [line.strip() for line in self.source.splitlines() if line.strip()]

compiler = Compiler("a\n\nb")
program = compiler.compile()
print(program)
