# expect: blocked trusted process
# logging.config imports and calls what a configuration names: a "()" factory of os.system runs a command.
import logging.config

logging.config.dictConfig({"version": 1, "handlers": {"h": {"()": "o" + "s.system", "command": "id"}}})
