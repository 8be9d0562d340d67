# expect: blocked introspection
# string.Formatter walks attribute paths in a field name, the same way str.format does.
import string

field, _ = string.Formatter().get_field("0.__class__.__base__", [()], {})
print(field)
