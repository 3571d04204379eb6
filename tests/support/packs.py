"""Report packs for tests: Oxfordshire CC's Cabinet pack, and what its forms post."""

from datetime import date

from reporting.forms import ANNEX_FIELDS, COVER_FIELDS, NARRATIVE_FIELDS
from reporting.models import ReportPack
from reporting.packs import pack_narrative_draft
from scorecard.models import ReportingPeriod
from tests.support.periods import period

CABINET_TITLE = "Q2 Performance Management: July – September 2009"


def cabinet_pack(**fields) -> ReportPack:
    """Oxfordshire CC's Cabinet report of 15 December 2009 as a pack, narrative pre-filled."""
    defaults = {
        "title": CABINET_TITLE,
        "committee": "Cabinet",
        "meeting_date": date(2009, 12, 15),
        "agenda_item": "EX7",
        "report_by": "County Council Management Team",
        "contact_officer": "Christa Brodie-Levinsohn, Corporate Performance",
        "contact_telephone": "01865 815463",
        "period": period("2009/10 Q2"),
    }
    pack = ReportPack.objects.create(**{**defaults, **fields})
    for field, text in pack_narrative_draft(pack).items():
        setattr(pack, field, text)
    pack.save()
    return pack


def cover(period: ReportingPeriod, **changes) -> dict:
    data = {
        "title": CABINET_TITLE,
        "committee": "Cabinet",
        "meeting_date": "2009-12-15",
        "agenda_item": "EX7",
        "report_by": "County Council Management Team",
        "contact_officer": "Christa Brodie-Levinsohn",
        "contact_telephone": "01865 815463",
        "period": period.pk,
        "include_scorecard": "on",
        "include_improvement_plan": "on",
        "include_exceptions": "on",
    }
    return {**data, **changes}


def edit_data(pack: ReportPack, **changes) -> dict:
    """What the edit form posts back when nothing is changed, with these changes."""
    data = {name: getattr(pack, name) for name in COVER_FIELDS + NARRATIVE_FIELDS}
    data["period"] = pack.period_id
    data["meeting_date"] = pack.meeting_date.isoformat() if pack.meeting_date else ""
    data.update({name: "on" for name in ANNEX_FIELDS if getattr(pack, name)})
    for name in ("objectives", "directorates", "perspectives", "plans"):
        data[name] = list(getattr(pack, name).values_list("pk", flat=True))
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
