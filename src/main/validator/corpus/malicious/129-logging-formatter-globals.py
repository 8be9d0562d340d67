# expect: blocked trusted introspection
# A "{"-style logging format walks record attributes: this one reaches a function's globals when a record is formatted.
import logging

handler = logging.StreamHandler()
handler.setFormatter(logging.Formatter("{msg.__init__.__globals__}", style="{"))
