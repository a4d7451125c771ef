"""One log format: every line the server writes is a JSON object, uvicorn's own included."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message"}`, and the `traceback` of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["traceback"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        # ASCII escapes: a lone surrogate from a client cannot break the line.
        return json.dumps(line)


_LOGGED = "__newsfacts_logged__"


def mark_logged(error: BaseException) -> None:
    """Say that `error`'s traceback is in the log already, with the request it failed."""
    setattr(error, _LOGGED, True)


class SkipLoggedErrors(logging.Filter):
    """Starlette re-raises an error after its 500 is sent, and the server logs it again:
    that second traceback is dropped when the application has logged the first."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not getattr(error, _LOGGED, False)


def log_config(level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the server (uvicorn takes it as `log_config`): our
    loggers and uvicorn's at `level`, any other library's warnings, all as JSON on stderr."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "filters": {"skip_logged_errors": {"()": SkipLoggedErrors}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            "uvicorn": {"level": level},
            "uvicorn.error": {"level": level, "filters": ["skip_logged_errors"]},
            "uvicorn.access": {"level": level},
            "newsfacts": {"level": level, "propagate": True},
        },
    }
