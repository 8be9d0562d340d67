# expect: allowed
class Visitor:
    def visit(self, node):
        handler = getattr(self, "visit_" + node["type"], self.generic_visit)
        return handler(node)

    def visit_number(self, node):
        return node["value"]

    def generic_visit(self, node):
        return None

print(Visitor().visit({"type": "number", "value": 3}))
