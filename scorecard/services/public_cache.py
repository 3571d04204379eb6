"""The generation of the public pages' cache (issue 14).

A warm public page is served from the cache without touching the database, so the cache
itself must say when what the public may see has changed. Every page is cached under the
current generation; a change (publishing, unpublishing, an approval, any audited write)
starts a new one, and the old pages are never read again. A generation is a random token,
not a counter: if the cache loses it, the new one can never match pages cached before.

With more than one server process, the cache must be shared (``CACHE_URL``) for a change
to reach every process at once; see docs/public.md.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "public:generation"


def public_generation() -> str:
    """The current generation, starting one if the cache has none."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def public_pages_changed() -> None:
    """Start a new generation once the current transaction commits (at once outside one)."""
    transaction.on_commit(
        lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None), robust=True
    )
