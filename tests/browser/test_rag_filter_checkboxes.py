"""The RAG filter's checkboxes sit beside their own words, not on a line of their own.

A checkbox stretched across the column, between two labels, reads as belonging to either.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from scorecard.management.commands.load_demo import demo_password

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_rag_checkbox_is_small_and_on_its_labels_line(page, assert_accessible):
    call_command("load_demo", "--force", verbosity=0)
    page.goto("/")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password").fill(demo_password("viewer"))
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto("/items/")
    for name in ("Green", "Amber", "Red"):
        box = page.get_by_label(name, exact=True).bounding_box()
        label = page.locator("label", has=page.get_by_label(name, exact=True)).bounding_box()
        assert box["width"] < 40, f"the {name} checkbox is {box['width']} px wide"
        assert label["height"] < 2 * box["height"] + 16, f"{name}'s label wraps below its box"
    assert_accessible(page)
