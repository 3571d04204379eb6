"""What a browser posts from the set-up pages, built field by field."""


def measure_post(*, targets=(), stored=0, **fields) -> dict:
    """The measure form as a browser posts it: defaults, the given fields, and target rows
    (``(period, value)`` pairs) in the targets formset."""
    data = {
        "code": "NI 192",
        "title": "Household waste recycled",
        "definition": "",
        "family": "national",
        "measure_type": "simple",
        "polarity": "higher",
        "unit": "%",
        "decimal_places": "1",
        "frequency": "quarterly",
        "aggregation": "",
        "baseline": "",
        "rag_method": "tolerance",
        "tolerance_amount": "5",
        "tolerance_is_percent": "on",
        "target_profile": "manual",
        "target_profile_shares": "",
        "lead_officer": "",
        "formula": "",
        "data_quality": "",
        "reason_for_change": "",
        "loaded": "",
    }
    data.update({k: v for k, v in fields.items() if v is not None})
    for name in [k for k, v in fields.items() if v is None]:
        data.pop(name, None)
    rows = list(targets)
    data["targets-TOTAL_FORMS"] = str(max(len(rows), 1))
    data["targets-INITIAL_FORMS"] = str(stored)
    data["targets-MIN_NUM_FORMS"] = "0"
    data["targets-MAX_NUM_FORMS"] = "1000"
    for i, (period, value) in enumerate(rows):
        data[f"targets-{i}-period"] = str(period.pk)
        data[f"targets-{i}-value"] = str(value)
    return data


def error_summary(page: str) -> str:
    """The error summary's text on a page ("" when there is none), for assertions."""
    import re

    found = re.search(r'<div class="error-summary.*?</div>', page, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(0)).strip() if found else ""
