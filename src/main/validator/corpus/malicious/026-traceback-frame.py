# expect: blocked introspection
try:
    1 / 0
except ZeroDivisionError as error:
    outer = error.__traceback__.tb_frame.f_back.f_globals
