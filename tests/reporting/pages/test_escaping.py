"""What officers type (titles, commentary, corrective actions) is shown as text, never as markup,
on every page that builds its HTML in Python as well as in templates."""

import pytest
from django.urls import reverse

from scorecard.models import Perspective, Result
from tests.support.councils import measure

pytestmark = pytest.mark.django_db

TITLE = "<script>alert('title')</script>"
ACTION = '<img src=x onerror="alert(1)">'
REASON = 'Red: "agreed" by CMT <b>on appeal</b>.'


@pytest.fixture
def hostile(council):
    made = measure(
        "NI 666",
        title=TITLE,
        perspective=Perspective.objects.get(name="Customer"),
        targets={"2009/10 Q2": "40"},
        results={"2009/10 Q2": "20"},
    )
    Result.objects.filter(measure=made).update(corrective_action=ACTION, rag_explanation=REASON)
    return made


@pytest.mark.parametrize(
    "url",
    [
        reverse("dashboard"),
        reverse("items"),
        reverse("scorecard"),
        reverse("measure", args=["NI 666"]),
    ],
)
def test_typed_text_is_escaped(as_viewer, hostile, url):
    html = as_viewer.get(url).content.decode()

    assert "<script>alert" not in html
    assert '<img src=x onerror="alert(1)">' not in html
    assert "<b>on appeal</b>" not in html
    assert 'title="Red: "agreed"' not in html  # a quote cannot end the title attribute
    assert "&lt;script&gt;alert(" in html  # the title is there, as text
