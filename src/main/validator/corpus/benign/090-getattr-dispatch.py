# expect: allowed
# Dispatch on one's own methods by a computed name, and setattr on an object that is None by default.
class Shell:
    def do_greet(self, arg):
        return "hello " + arg

    def run(self, command, arg):
        handler = getattr(self, "do_" + command, None)
        return handler(arg) if handler else None

    def _handle_conflict_error(self):
        return "error"

    def conflict(self, kind):
        return getattr(self, "_handle_conflict_%s" % kind)()


class Namespace:
    pass


def fill(namespace=None, dest="name", value=1):
    if namespace is None:
        namespace = Namespace()
    setattr(namespace, dest, value)
    return namespace


print(Shell().run("greet", "you"), fill().name)
