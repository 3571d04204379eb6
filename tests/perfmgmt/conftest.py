"""Fixtures shared by the tests of the security layer."""

import io
import json
import logging

import pytest


@pytest.fixture
def events():
    """The JSON lines the security logger writes during the test, parsed."""
    logger = logging.getLogger("perfmgmt.security")
    configured = [h for h in logger.handlers if h.formatter is not None]
    assert configured, "perfmgmt.security has no handler in LOGGING"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configured[0].formatter)
    logger.addHandler(handler)

    def read() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    logger.removeHandler(handler)
