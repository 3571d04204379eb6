"""One page to update every return of a period at once: all saved, or none."""

from decimal import Decimal

import pytest
from django.urls import reverse

from actionplans.models import ActionUpdate
from scorecard.models import Result
from tests.support.factories import ResultFactory
from tests.support.returns import action_for, measure_for

pytestmark = pytest.mark.django_db


def url(period) -> str:
    return reverse("returns:update_all", args=[period.pk])


def row(prefix: str, version: int = 0, **fields) -> dict:
    data = {f"{prefix}-version": version}
    data.update({f"{prefix}-{name}": value for name, value in fields.items()})
    return data


def test_the_page_has_a_row_per_item(client, officer, measure, action, q3):
    client.force_login(officer)
    page = client.get(url(q3)).content.decode()
    assert f'name="m{measure.pk}-actual"' in page
    assert f'name="a{action.pk}-rag"' in page
    assert "NI 192" in page and "CIP01.1.3" in page


def test_submit_all_saves_every_filled_row(client, officer, measure, action, judged, q3):
    client.force_login(officer)
    data = {
        "action": "submit",
        **row(f"m{measure.pk}", actual="55", commentary="Up."),
        **row(f"a{action.pk}", rag="green", commentary=""),
        **row(f"m{judged.pk}", actual="", officer_rag="", commentary=""),
    }
    response = client.post(url(q3), data)
    assert response.status_code == 302
    result = Result.objects.get(measure=measure)
    assert (result.actual, result.status, result.rag) == (Decimal("55"), "submitted", "green")
    assert ActionUpdate.objects.get().status == "submitted"
    assert not Result.objects.filter(measure=judged).exists()  # left blank, left alone


def test_one_bad_row_saves_nothing_and_keeps_everything_typed(client, officer, measure, action, q3):
    client.force_login(officer)
    data = {
        "action": "submit",
        **row(f"m{measure.pk}", actual="20", commentary="Down."),  # Red, no corrective action
        **row(f"a{action.pk}", rag="green", commentary="Fine."),
    }
    page = client.post(url(q3), data).content.decode()
    assert "There is a problem" in page
    assert f'href="#id_m{measure.pk}-corrective_action"' in page
    assert "NI 192, Corrective action: A Red result needs a corrective action" in page
    assert 'value="20"' in page and "Fine." in page
    assert not Result.objects.exists() and not ActionUpdate.objects.exists()


def test_save_all_as_drafts(client, officer, measure, q3):
    client.force_login(officer)
    client.post(url(q3), {"action": "draft", **row(f"m{measure.pk}", actual="20")})
    assert Result.objects.get().status == "draft"


def test_a_conflict_on_one_row_saves_none(client, officer, measure, action, q3):
    stale = ResultFactory(measure=measure, period=q3, actual=Decimal("40"), status="draft")
    Result.objects.filter(pk=stale.pk).update(version=3)
    client.force_login(officer)
    data = {
        "action": "draft",
        **row(f"a{action.pk}", rag="green"),
        **row(f"m{measure.pk}", version=1, actual="41"),
    }
    page = client.post(url(q3), data).content.decode()
    assert "Your changes were not saved" in page
    assert Result.objects.get().actual == Decimal("40")
    assert not ActionUpdate.objects.exists()


def test_the_query_count_does_not_grow_with_items(
    client, officer, q3, django_assert_max_num_queries
):
    def count_for(n: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for i in range(n):
            measure_for(officer, q3, code=f"M{n}-{i:02d}")
            action_for(officer, code=f"A{n}-{i:02d}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(q3)).status_code == 200
        return len(queries)

    client.force_login(officer)
    small = count_for(5)
    large = count_for(25)  # 60 items in all
    assert large == small
    with django_assert_max_num_queries(20):
        client.get(url(q3))
