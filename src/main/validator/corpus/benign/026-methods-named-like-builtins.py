# expect: allowed
class Pipeline:
    def __init__(self):
        self.steps = []

    def compile(self):
        return list(self.steps)

    def exec(self, value):
        for step in self.compile():
            value = step(value)
        return value

    def system(self):
        return "pipeline"

    def open(self, name):
        self.steps.append(lambda value: value + name)
        return self

p = Pipeline().open("a").open("b")
print(p.exec(""), p.system())
