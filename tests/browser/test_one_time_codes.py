"""A member of the performance team sets up one-time codes in the browser: scans (here, reads)
the key, types the code an app would show, and reaches the dashboard; every page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.factories import PASSWORD
from tests.support.totp import totp

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_team_sets_up_one_time_codes_and_signs_in_with_one(
    page, council, settings, assert_accessible
):
    settings.ONE_TIME_CODES_REQUIRED = True
    refused: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(council["team"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Set up one-time codes")).to_be_visible()
    expect(page.get_by_role("img", name="QR code of the key")).to_be_visible()
    assert_accessible(page)
    key = page.locator("#totp-key").inner_text()

    wrong = str((int(totp(key)) + 1) % 1_000_000).zfill(6)
    page.get_by_label("Code from your authenticator app").fill(wrong)
    page.get_by_role("button", name="Confirm the code").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    assert_accessible(page)
    page.wait_for_timeout(1100)  # each wrong code makes the next wait longer: 1 s after one

    page.get_by_label("Code from your authenticator app").fill(totp(key))
    page.get_by_role("button", name="Confirm the code").click()
    expect(page.get_by_role("status")).to_contain_text("One-time codes are set up")
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_be_visible()
    assert refused == []
