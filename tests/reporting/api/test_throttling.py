"""Rate limiting: a caller who sends too many requests is told to wait, with 429."""

import pytest
from rest_framework.throttling import UserRateThrottle

from scorecard.models import Role

pytestmark = pytest.mark.django_db


def test_a_caller_over_the_rate_is_told_to_wait(bearer, monkeypatch):
    # The rate is a setting (API_THROTTLE_RATE); here a small one, so the test is quick.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/hour"})
    client = bearer(Role.VIEWER)
    codes = [client.get("/api/v1/periods/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert int(client.get("/api/v1/periods/")["Retry-After"]) > 0


def test_each_caller_has_their_own_allowance(bearer, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "1/hour"})
    first, second = bearer(Role.VIEWER, "first"), bearer(Role.VIEWER, "second")
    assert first.get("/api/v1/periods/").status_code == 200
    assert first.get("/api/v1/periods/").status_code == 429
    assert second.get("/api/v1/periods/").status_code == 200
