"""The public pages' cache generation (scorecard/services/public_cache.py): a change starts a
new one once it commits, and a lost generation never matches pages cached before."""

import pytest
from django.core.cache import cache

from scorecard.services.public_cache import GENERATION_KEY, public_generation, public_pages_changed

pytestmark = pytest.mark.django_db


def test_a_change_starts_a_new_generation_once_it_commits(django_capture_on_commit_callbacks):
    before = public_generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        public_pages_changed()
    assert public_generation() == before  # not yet committed: readers keep the old pages
    for callback in callbacks:
        callback()
    assert public_generation() != before


def test_a_lost_generation_is_replaced_by_a_new_one():
    before = public_generation()
    cache.delete(GENERATION_KEY)
    assert public_generation() not in (before, None)
