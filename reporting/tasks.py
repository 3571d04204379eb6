"""Background work: building a report pack's PDF or Excel file."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from .exports import build_report
from .models import PackBuild
from .packs import pack_items
from .render import RENDERERS


def _progress(build: PackBuild, percent: int, message: str) -> None:
    PackBuild.objects.filter(pk=build.pk).update(progress=percent, message=message)


@task()
def build_pack(build_id: int) -> None:
    """Build one pack file, saying how far it has got so the browser can show it."""
    build = PackBuild.objects.select_related("pack__period").get(pk=build_id)
    PackBuild.objects.filter(pk=build.pk).update(status=PackBuild.Status.RUNNING)
    try:
        _progress(build, 10, "Rating measures and actions")
        items = pack_items(build.pack)
        _progress(build, 40, "Assembling the narrative and annexes")
        report = build_report("pack", build.pack.period, pack=build.pack, items=items)
        _progress(build, 60, f"Writing the {build.get_format_display()} file")
        data = RENDERERS[build.format](report)
        name = f"{slugify(build.pack.title)[:80] or 'report'}-{build.pk}.{build.format}"
        build.file.save(name, ContentFile(data), save=False)
        PackBuild.objects.filter(pk=build.pk).update(
            file=build.file.name,
            status=PackBuild.Status.DONE,
            progress=100,
            message="Ready to download",
            finished_at=timezone.now(),
        )
    except Exception as exc:
        PackBuild.objects.filter(pk=build.pk).update(
            status=PackBuild.Status.FAILED,
            message=f"The build failed: {exc}"[:300],
            finished_at=timezone.now(),
        )
        raise
