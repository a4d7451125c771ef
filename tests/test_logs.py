"""The log format the server is configured with: JSON lines, tracebacks as a field, once."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest

from app.logs import log_config, mark_logged


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """The server's logging configuration, writing to a buffer; restored afterwards."""
    stream = io.StringIO()
    config = log_config("info")
    config["handlers"]["stderr"]["stream"] = stream
    saved = {
        name: (logger.handlers[:], logger.level, logger.filters[:], logger.propagate)
        for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "newsfacts")
        for logger in [logging.getLogger(name)]
    }
    logging.config.dictConfig(config)
    yield stream
    for name, (handlers, level, filters, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers, logger.filters, logger.propagate = handlers, filters, propagate
        logger.setLevel(level)


def _fail() -> None:
    raise RuntimeError("disk on fire")


def test_a_traceback_is_a_field_of_one_json_line(server_log: io.StringIO) -> None:
    try:
        _fail()
    except RuntimeError:
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    (line,) = server_log.getvalue().splitlines()
    document = json.loads(line)
    assert document["level"] == "ERROR"
    assert document["message"] == "Exception in ASGI application"
    assert "RuntimeError: disk on fire" in document["traceback"]


def test_an_error_the_application_logged_is_not_logged_again_by_the_server(
    server_log: io.StringIO,
) -> None:
    try:
        _fail()
    except RuntimeError as error:
        logging.getLogger("newsfacts.errors").exception("unhandled error on GET /x")
        mark_logged(error)
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    lines = [json.loads(line) for line in server_log.getvalue().splitlines()]
    assert [line["message"] for line in lines] == ["unhandled error on GET /x"]
