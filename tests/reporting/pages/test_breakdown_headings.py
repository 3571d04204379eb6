"""The dashboard's breakdown tables head their first column like a title: "Directorate"."""

import pytest
from django.urls import reverse

from tests.support.councils import small_council
from tests.support.pages import headers, main, table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("caption", "heading"),
    [
        ("By strategic objective", "Strategic objective"),
        ("By directorate", "Directorate"),
        ("By scorecard perspective", "Scorecard perspective (measures)"),
    ],
)
def test_each_breakdown_names_its_first_column_with_a_capital(as_viewer, council, caption, heading):
    small_council()
    page = main(as_viewer.get(reverse("dashboard")).content)

    assert headers(table(page, caption))[0] == heading
