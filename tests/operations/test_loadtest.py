"""`make loadtest`'s machinery works end to end (issue 13): its own database and generated
council, `make serve`, viewers and officers under locust signing in and submitting returns
through the real form, then the database check. A small council and four users, stopping
once every officer has submitted every return (not after a time), so that it proves the
machinery without timing anything. PostgreSQL only, as `make loadtest` is.
"""

import re
import secrets

import pytest
from django.conf import settings

from loadtest.run import DEFAULTS, run
from tests.support.served import on_postgresql

pytestmark = pytest.mark.django_db


def test_the_load_test_signs_in_submits_every_return_and_checks_the_database(capfd):
    if not on_postgresql():
        pytest.skip("make loadtest runs on PostgreSQL")
    database = settings.DATABASES["default"]
    server = f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
    server += str(database["PORT"] or 5432)
    config = {
        **DEFAULTS,
        "LOADTEST_POSTGRES": server,
        "LOADTEST_DATABASE": f"{database['NAME']}_loadtest_{secrets.token_hex(4)}",
        "LOADTEST_MEASURES": "8",
        "LOADTEST_YEARS": "1",
        "LOADTEST_VIEWERS": "2",
        "LOADTEST_OFFICERS": "2",
        "LOADTEST_TIME": "3m",  # only a bound: the run stops when the work is done
        "LOADTEST_STOP_WHEN_DONE": "1",
        "LOADTEST_OFFICER_WAIT": "0.1-0.3",
        "LOADTEST_VIEWER_WAIT": "0.1-0.3",
        "LOADTEST_COLLECTSTATIC": "0",  # collected once for tests/operations (conftest)
    }
    assert run(config) == 0
    out = capfd.readouterr().out
    assert "Officers: 8 returns accepted; 8 stored; 8 audit entries; 0 discrepancies" in out
    # Each scenario's line, with no error (the counts depend on who signed in last).
    assert re.search(r"^2 officers +\d+ +0 ", out, re.M)
    assert re.search(r"^2 viewers +\d+ +0 ", out, re.M)
    assert re.search(r"^signing in +8 +0 ", out, re.M)  # a form and a post each
    assert "loadtest: passed" in out
