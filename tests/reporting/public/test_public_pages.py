"""The public pages, open without signing in (issue 14): the council's scorecard by priority,
a page per published measure, the improvement plans' summary; everything else still needs a
signed-in user."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.support.pages import main

pytestmark = pytest.mark.django_db

Q2 = "2009/10 Q2"


def test_the_scorecard_shows_published_measures_by_priority(client, published):
    page = main(client.get(reverse("public:scorecard")).content)
    headings = [h.text for h in page.find_all("h2")]
    assert headings == ["An excellent authority", "Value for money", "Other measures"]
    text = page.text
    assert "How we are doing: 2009/10 Q2" in text
    assert "NI 192" in text and "45.0%" in text and "on or better than target" in text


def test_the_council_name_and_logo_come_from_the_settings(client, published):
    with override_settings(PUBLIC_LOGO="img/logo.svg", PUBLIC_LOGO_ALT="Demo crest"):
        content = client.get(reverse("public:scorecard")).content.decode()
    assert "Demo County Council: how we are doing" in content
    assert 'src="/static/img/logo.svg" alt="Demo crest"' in content


def test_a_measure_page_has_chart_table_rating_why_travel_and_commentary(client, published):
    url = reverse("public:measure", args=["NI 192"])
    page = main(client.get(url, {"period": Q2}).content)
    text = page.text
    assert page.find("svg") is not None and page.find("figcaption") is not None
    assert "Green: 45.0% is on or better than the target of 40.0%." in text
    assert "Improved" in text and "Since last year" in text
    assert "Recycling rose after the new kerbside collection." in text


def test_the_plans_summary_shows_approved_action_ratings_without_commentary(client, published):
    text = main(client.get(reverse("public:plans"), {"period": Q2}).content).text
    assert "Corporate Plan 2009/10" in text and "CIP01.1.4" in text and "Amber" in text
    assert "Survey results due in January." not in text


def test_nothing_published_says_so(client, council):
    text = main(client.get(reverse("public:scorecard")).content).text
    assert "has not published any performance results yet" in text


def test_the_rest_of_the_app_still_needs_a_sign_in(client, published):
    for name in ("dashboard", "scorecard", "items", "plans"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    measure = client.get(reverse("measure", args=["NI 192"]))
    assert measure.status_code == 302


def test_only_the_public_views_are_open(client):
    """Every URL under /public/ is one of the deliberately public views."""
    from perfmgmt.urls import urlpatterns
    from reporting import public_views

    public = next(p for p in urlpatterns[0].url_patterns if str(p.pattern) == "public/")
    for pattern in public.url_patterns:
        assert pattern.callback.__module__ == public_views.__name__
        assert getattr(pattern.callback, "login_required", True) is False
