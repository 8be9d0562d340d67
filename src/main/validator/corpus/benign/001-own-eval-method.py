# expect: allowed
class Expression:
    def __init__(self, text):
        self.text = text

    def eval(self):
        return len(self.text)

    def run(self):
        return self.eval() * 2

print(Expression("abc").run())
