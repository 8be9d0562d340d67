# expect: blocked code-execution
code = compile("print('hi')", "<x>", "exec")
fn = type(lambda: 0)(code, {})
fn()
