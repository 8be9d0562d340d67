# expect: allowed trusted
# An ordinary logging configuration: a stream handler on stdout and a format string.
import logging
import logging.config

logging.config.dictConfig(
    {
        "version": 1,
        "formatters": {"plain": {"format": "{asctime} {levelname} {message}", "style": "{"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"}},
        "root": {"handlers": ["console"], "level": "INFO"},
    }
)
logging.getLogger(__name__).info("started")
