"""A warm public page is served from the cache without a database query (issue 14), and a
change of what the public may see (publishing, unpublishing, approving) shows at once."""

import pytest
from django.urls import reverse

from scorecard.models import Result
from scorecard.returns.period_services import period_publish, period_unlock, period_unpublish
from scorecard.returns.services import return_approve
from tests.support.periods import period

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"

WARM = [
    f"{reverse('public:scorecard')}?period={Q2}",
    reverse("public:scorecard"),
    f"{reverse('public:measure', args=['NI 192'])}?period={Q2}",
    f"{reverse('public:plans')}?period={Q2}",
    reverse("public:data"),
    reverse("public:data_json", args=["2009-10-q2"]),
]


@pytest.mark.parametrize("url", WARM)
def test_a_warm_public_page_makes_no_query(client, published, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_a_signed_in_visitor_gets_the_same_page_without_a_query(
    client, published, viewer, django_assert_num_queries
):
    """The session is never read on a public page: no query, and no name on it."""
    url = WARM[0]
    anonymous = client.get(url).content
    client.force_login(viewer)
    with django_assert_num_queries(0):
        signed_in = client.get(url)
    assert signed_in.content == anonymous
    assert viewer.username.encode() not in signed_in.content


def test_a_cold_page_is_bounded_in_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        client.get(WARM[0])


def test_approving_a_result_shows_it_at_once(
    client, published, performance_team, django_capture_on_commit_callbacks
):
    url = f"{reverse('public:measure', args=['LPI 060'])}?period={Q2}"
    assert b"123.4" not in client.get(url).content
    # Reopened to sign off a late approval: the period stays published meanwhile.
    period_unlock(user=performance_team, period=period(Q2), reason="A late approval")
    result = Result.objects.get(measure__code="LPI 060", period__label=Q2)
    with django_capture_on_commit_callbacks(execute=True):
        return_approve(user=performance_team, ret=result)
    assert b"123.4" in client.get(url).content


def test_publishing_shows_a_period_at_once(
    client, published, performance_team, django_capture_on_commit_callbacks
):
    q2 = period(Q2)
    with django_capture_on_commit_callbacks(execute=True):
        period_unpublish(user=performance_team, period=q2, reason="Checking a figure")
    assert b"has not published" in client.get(reverse("public:scorecard")).content
    with django_capture_on_commit_callbacks(execute=True):
        period_publish(user=performance_team, period=q2)
    assert b"How we are doing: 2009/10 Q2" in client.get(reverse("public:scorecard")).content
