"""Writes for report packs."""

from django.db import transaction

from .models import PackBuild, ReportPack
from .packs import pack_fingerprint
from .tasks import build_pack


def pack_build_request(*, pack: ReportPack, format: str, user) -> PackBuild:
    """Start building the pack in `format`, or hand back the stored file if it still holds.

    A pack for a locked period whose data has not changed since it was built is served from
    storage rather than built again.
    """
    fingerprint = pack_fingerprint(pack)
    if pack.period.is_locked:
        stored = pack.builds.filter(
            format=format, status=PackBuild.Status.DONE, fingerprint=fingerprint
        ).first()
        if stored is not None:
            return stored
    build = PackBuild.objects.create(
        pack=pack, format=format, fingerprint=fingerprint, requested_by=user
    )
    transaction.on_commit(lambda: build_pack.enqueue(build.pk))
    return build
