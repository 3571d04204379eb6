"""`manage.py export_report KIND --period "2009/10 Q2" --format pdf|xlsx|html -o FILE`: each report
as each format, narrowed by objective or directorate, and plain errors for what does not exist.
"""

import re

import pytest
from django.core.management import CommandError, call_command

from reporting.exports import REPORTS
from tests.support.packs import CABINET_TITLE, cabinet_pack
from tests.support.reports import Pdf, Xlsx, by_code, table, words

pytestmark = pytest.mark.django_db

SPEC_KINDS = ["scorecard", "improvement-plan", "exceptions", "action-plans"]
MAGIC = {"pdf": b"%PDF-", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>"}
PEOPLE = {"BV 012", "LOC-PPL01", "LOC-PPL02", "BV 016a", "BV 017a", "LOC-PPL03", "LOC-PPL04"}


def export(tmp_path, *args, fmt="xlsx", period="2009/10 Q2") -> bytes:
    out = tmp_path / f"report.{fmt}"
    extra = ["--period", period] if period else []
    call_command("export_report", *args, *extra, "--format", fmt, "-o", str(out), verbosity=0)
    return out.read_bytes()


def test_the_command_offers_every_report_the_issue_names():
    assert set(SPEC_KINDS) <= set(REPORTS)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "html"])
@pytest.mark.parametrize("kind", SPEC_KINDS)
def test_each_report_is_written_in_each_format(demo_council, tmp_path, kind, fmt):
    data = export(tmp_path, kind, fmt=fmt)
    assert data.startswith(MAGIC[fmt])
    if fmt == "pdf":
        assert "2009/10 Q2" in Pdf(data).pages[0]
    elif fmt == "xlsx":
        assert Xlsx(data).sheetnames[0] == "Summary"
        assert len(Xlsx(data).sheetnames) >= 2
    else:
        assert "2009/10 Q2" in data.decode()


def test_the_command_says_what_it_wrote(demo_council, tmp_path, capsys):
    out = tmp_path / "scorecard.html"
    call_command(
        "export_report", "scorecard", "--period", "2009/10 Q2", "--format", "html", "-o", str(out)
    )
    assert f"Wrote Balanced scorecard: 2009/10 Q2 to {out}" in capsys.readouterr().out


def test_the_scorecard_has_the_columns_a_committee_reads(demo_council, tmp_path):
    ws = Xlsx(export(tmp_path, "scorecard"))["Scorecard"]
    headers = [cell.value for cell in next(ws.iter_rows(max_row=1))]
    expected = ["Code", "Title", "Target", "Actual", "RAG", "Short-term trend", "Long-term trend"]
    assert [h for h in headers if h in expected] == expected


def test_the_scorecard_says_its_trends_in_words(demo_council, tmp_path):
    rows = by_code(Xlsx(export(tmp_path, "scorecard"))["Scorecard"])
    assert rows["BV 012"]["Short-term trend"].value == "Worse"
    assert rows["NI 192"]["Long-term trend"].value == "Improved"
    words_used = {
        row[column].value
        for row in rows.values()
        for column in ("Short-term trend", "Long-term trend")
        if row[column].value is not None
    }
    assert words_used <= {"Improved", "Same", "Worse"}
    text = Pdf(export(tmp_path, "scorecard", fmt="pdf")).text
    assert re.search(r"BV 012 .*? R Red [^A-Z]*? Worse Worse", text)


def test_the_improvement_plan_ends_with_the_cherwell_footer(demo_council, tmp_path):
    """Cherwell DC's Corporate Improvement Plan, Q3 2009/10: "Number Green and Amber 48,
    Percentage 97.96%"."""
    rows = list(
        Xlsx(export(tmp_path, "improvement-plan", period="2009/10 Q3"))["Plan CIP-2009"].iter_rows(
            values_only=True
        )
    )
    filled = [row[:2] for row in rows if row[0] is not None]
    assert filled[-2] == ("Number Green and Amber", 48)
    assert filled[-1][0] == "Percentage"
    assert filled[-1][1] == pytest.approx(0.9796)

    pdf = Pdf(export(tmp_path, "improvement-plan", fmt="pdf", period="2009/10 Q3"))
    assert "Number Green and Amber 48 Percentage 97.96%" in pdf.pages[-1]

    html = words(
        re.sub(
            r"<[^>]+>",
            " ",
            export(tmp_path, "improvement-plan", fmt="html", period="2009/10 Q3").decode(),
        )
    )
    assert "Number Green and Amber 48 Percentage 97.96%" in html


def test_the_improvement_plan_shows_the_quarter_and_the_one_before(demo_council, tmp_path):
    ws = Xlsx(export(tmp_path, "improvement-plan", period="2009/10 Q3"))["Plan CIP-2009"]
    headers = [cell.value for cell in next(ws.iter_rows(max_row=1))]
    quarters = [h for h in headers if h and h.startswith("2009/10")]
    assert quarters == ["2009/10 Q2", "2009/10 Q3"] and headers[-1] == "Comment"


def test_an_objective_narrows_the_scorecard_to_its_measures(demo_council, tmp_path):
    rows = by_code(Xlsx(export(tmp_path, "scorecard", "--objective", "BSC-PPL"))["Scorecard"])
    assert set(rows) == PEOPLE


def test_a_directorate_narrows_the_exceptions_to_its_items(demo_council, tmp_path):
    everything = {
        row["Code"].value for row in table(Xlsx(export(tmp_path, "exceptions"))["Exceptions"])
    }
    resources = {
        row["Code"].value
        for row in table(
            Xlsx(export(tmp_path, "exceptions", "--directorate", "Resources"))["Exceptions"]
        )
    }
    assert {"BV 012", "LOC-FIN04", "NI 117"} <= everything
    assert {"BV 012", "LOC-FIN04"} <= resources
    assert "NI 117" not in resources  # Children, Young People & Families
    assert resources < everything


def test_objective_and_directorate_together_keep_what_is_in_both(demo_council, tmp_path):
    data = export(
        tmp_path, "scorecard", "--objective", "BSC-CUS", "--directorate", "Environment & Economy"
    )
    codes = set(by_code(Xlsx(data)["Scorecard"]))
    assert "NI 191" in codes
    assert not codes & {"NI 117", "NI 59", "BV 012"}


def test_an_objective_narrows_the_improvement_plan_rows(demo_council, tmp_path):
    ws = Xlsx(export(tmp_path, "improvement-plan", "--objective", "CIP01", period="2009/10 Q3"))
    assert ws.sheetnames == ["Summary", "Plan CIP-2009"]
    codes = [row["Code"].value for row in table(ws["Plan CIP-2009"])]
    assert codes
    assert all(code.startswith("CIP01.") for code in codes)


def test_a_narrowed_improvement_plan_counts_only_the_rows_it_shows(demo_council, tmp_path):
    ws = Xlsx(export(tmp_path, "improvement-plan", "--objective", "CIP01", period="2009/10 Q3"))[
        "Plan CIP-2009"
    ]
    shown = [row["2009/10 Q3"].value for row in table(ws)]
    footer = {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row[0]}
    assert footer["Number Green and Amber"] == shown.count("G") + shown.count("A")


def test_a_pack_is_exported_by_its_id_without_a_period(demo_council, tmp_path):
    pack = cabinet_pack()
    pdf = Pdf(export(tmp_path, f"pack:{pack.pk}", fmt="pdf", period=None))
    assert CABINET_TITLE in pdf.pages[0]
    assert "What is going well?" in pdf.text
    assert "CABINET – 15 DECEMBER 2009" in pdf.pages[0]
    workbook = Xlsx(export(tmp_path, f"pack:{pack.pk}", period=None))
    assert workbook["Summary"]["A1"].value == CABINET_TITLE
    assert "Scorecard" in workbook.sheetnames
    html = export(tmp_path, f"pack:{pack.pk}", fmt="html", period=None).decode()
    assert "The Cabinet is RECOMMENDED to note this report." in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["balance-sheet", "--period", "2009/10 Q2"], "Unknown report 'balance-sheet'"),
        (["scorecard", "--period", "2099/00 Q2"], "There is no period '2099/00 Q2'"),
        (["scorecard"], "Give --period"),
        (["scorecard", "--period", "2009/10 Q2", "--objective", "NOPE"], "no objective 'NOPE'"),
        (
            ["exceptions", "--period", "2009/10 Q2", "--directorate", "Ministry of Magic"],
            "no directorate 'Ministry of Magic'",
        ),
        (["pack:999999"], "no report pack '999999'"),
        (["pack:cabinet"], "no report pack 'cabinet'"),
    ],
)
def test_what_does_not_exist_is_a_plain_error_and_writes_nothing(
    demo_council, tmp_path, args, message
):
    out = tmp_path / "out.pdf"
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("export_report", *args, "-o", str(out), verbosity=0)
    assert not out.exists()


def html_text(data: bytes) -> str:
    """An HTML export's words, without its markup and its inline stylesheet."""
    body = data.decode().split("<body>", 1)[1]
    return words(re.sub(r"<[^>]+>", " ", body))


def test_the_action_plans_export_prints_the_recommendations_and_their_further_actions(
    demo_council, tmp_path
):
    text = html_text(export(tmp_path, "action-plans", fmt="html"))
    assert "Action plan: CPA Improvement Plan 2002 (Oxfordshire County Council)" in text
    assert "1a) Following completion of the community strategy" in text
    assert "Further action Addresses Timescale Lead officer" in text


def test_the_action_plans_export_has_the_priority_action_plans_for_high_risk_targets(
    demo_council, tmp_path
):
    text = html_text(export(tmp_path, "action-plans", fmt="html"))
    assert "Reducing sickness absence (BV 012)" in text
    assert "PAP-NEET" in text
    people = html_text(export(tmp_path, "action-plans", "--objective", "BSC-PPL", fmt="html"))
    assert "Reducing sickness absence (BV 012)" in people


def test_a_saved_pack_refuses_a_narrower_scope_rather_than_ignoring_it(demo_council, tmp_path):
    pack = cabinet_pack()
    with pytest.raises(CommandError, match="has its own scope"):
        export(tmp_path, f"pack:{pack.pk}", "--directorate", "Resources", period=None)
