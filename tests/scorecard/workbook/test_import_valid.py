"""A valid plan workbook, as a .csv folder or an .xlsx, sets up the framework it describes."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from actionplans.models import Action, ActionPlan, ActionUpdate, Finding, Recommendation
from scorecard.models import (
    CouncilSettings,
    Directorate,
    Measure,
    Objective,
    Perspective,
    Plan,
    ReportingPeriod,
    Result,
    Target,
)
from scorecard.rules.rag import Tolerance
from scorecard.workbook.errors import WorkbookRefused
from scorecard.workbook.importer import workbook_import
from tests.support.factories import UserFactory
from tests.support.workbooks import council_workbook, result, write_csv_folder, write_xlsx

User = get_user_model()
pytestmark = pytest.mark.django_db


def codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def test_the_import_reports_how_many_rows_each_sheet_had(imported):
    assert imported == {
        "Directorates": 2,
        "Officers": 2,
        "Perspectives": 1,
        "Plans": 2,
        "Objectives": 4,
        "Measures": 4,
        "Targets": 3,
        "Results": 5,
        "Action plans": 1,
        "Recommendations": 3,
        "Findings": 3,
        "Actions": 2,
        "Action updates": 3,
    }


def test_plans_are_created_with_their_vision_and_period(imported):
    plan = Plan.objects.get(code="CIP-2009")
    assert (plan.title, plan.vision, plan.period) == (
        "Corporate Improvement Plan 2009/10",
        "An excellent authority",
        "2009/10",
    )
    assert codes(Plan.objects) == {"CIP-2009", "CPA-2002"}


def test_objectives_form_a_tree_and_a_child_without_a_plan_takes_its_parents(imported):
    objectives = {o.code: o for o in Objective.objects.select_related("parent", "plan")}
    assert objectives["CIP01"].parent is None
    assert objectives["CIP01.1"].parent.code == "CIP01"
    assert objectives["CIP01.1.1"].parent.code == "CIP01.1"
    assert objectives["CIP01"].plan.code == "CIP-2009"
    assert objectives["CIP01.1"].plan.code == "CIP-2009"  # from its parent
    assert objectives["CIP01.1.1"].plan.code == "CIP-2009"  # from its grandparent
    assert objectives["CPA-P1"].plan.code == "CPA-2002"
    assert objectives["CIP01"].directorate.name == "Resources"


def test_objectives_without_an_order_keep_the_files_order(imported):
    orders = dict(Objective.objects.values_list("code", "order"))
    assert orders["CIP01"] == 1  # as written
    assert orders["CIP01"] < orders["CIP01.1"] < orders["CIP01.1.1"]


def test_measures_are_linked_to_objectives_updaters_directorate_and_perspective(imported):
    waste = Measure.objects.get(code="NI 191")
    assert codes(waste.objectives) == {"CIP01", "CIP01.1"}
    assert set(waste.updaters.values_list("username", flat=True)) == {"wbin", "scapaldi"}
    assert waste.directorate.name == "Environment & Economy"
    assert waste.perspective.name == "Customer"
    recycling = Measure.objects.get(code="NI 192")
    assert codes(recycling.objectives) == {"CIP01.1"}
    assert recycling.perspective.name == "Partnerships"  # defined by the same workbook
    assert Perspective.objects.get(name="Partnerships").order == 5


def test_measures_keep_every_field_the_workbook_gives(imported):
    waste = Measure.objects.get(code="NI 191")
    assert waste.title == "Residual household waste per household"
    assert waste.definition == "Kg of waste not reused, recycled or composted"
    assert waste.family == Measure.Family.NATIONAL
    assert waste.polarity == "lower"
    assert waste.unit == "kg"
    assert waste.frequency == Measure.Frequency.QUARTERLY
    assert waste.cumulative is True
    assert waste.baseline == Decimal("480")
    assert waste.baseline_period.label == "2008/09"
    assert waste.rag_method == "tolerance"
    assert waste.tolerance == Tolerance(Decimal("10"), is_percent=True)
    assert waste.published is True
    assert waste.data_quality == "WasteDataFlow returns"
    recycling = Measure.objects.get(code="NI 192")
    assert recycling.decimal_places == 1
    assert recycling.rag_method == "tolerance_improvement"
    assert recycling.tolerance == Tolerance(Decimal("5"), is_percent=False)  # an amount, in %


def test_blank_optional_cells_take_their_defaults(imported):
    sickness = Measure.objects.get(code="BV 012")
    assert sickness.polarity == "higher"
    assert sickness.frequency == Measure.Frequency.QUARTERLY
    assert sickness.family == Measure.Family.LOCAL
    assert sickness.unit == "number"
    # Decimal places not given: read from its figures (target 9.5, result 10.2).
    assert sickness.decimal_places == 1
    assert sickness.cumulative is False
    assert sickness.published is False
    assert sickness.rag_method == ""  # the council's default
    assert sickness.tolerance is None
    assert sickness.baseline is None
    assert sickness.baseline_period is None
    assert (sickness.directorate, sickness.perspective, sickness.lead_officer) == (None, None, "")
    assert not sickness.objectives.exists()
    assert not sickness.updaters.exists()


def test_targets_are_stored_per_measure_and_period(imported):
    targets = {
        (t.measure.code, t.period.label): t.value
        for t in Target.objects.select_related("measure", "period")
    }
    assert targets == {
        ("NI 191", "2009/10 Q2"): Decimal("459"),
        ("NI 192", "2009/10 Q2"): Decimal("40"),
        ("BV 012", "2009/10"): Decimal("9.5"),
    }


def test_a_result_is_rated_by_its_measures_rule_with_an_explanation(imported):
    # NI 191, lower is better: 474 kg against 459 kg is 3.3% worse, within the 10% tolerance.
    waste = result("NI 191", "2009/10 Q2")
    assert waste.actual == Decimal("474")
    assert waste.rag == "amber"  # the RAG column's "G" is ignored for a rule-rated measure
    assert "474 kg" in waste.rag_explanation
    assert "459 kg" in waste.rag_explanation
    assert "10%" in waste.rag_explanation


def test_tolerance_with_improvement_compares_with_the_same_period_last_year(imported):
    # 33.5% against 40.0% is beyond the tolerance of 5 points, but better than 30% a year ago.
    recycling = result("NI 192", "2009/10 Q2")
    assert recycling.rag == "amber"
    assert "2008/09 Q2" in recycling.rag_explanation
    assert "improved" in recycling.rag_explanation
    assert result("NI 192", "2008/09 Q2").rag == ""  # no target that period: not rated


def test_a_judgement_measures_result_takes_the_rag_column(imported):
    survey = result("CIP J1", "2009/10 Q2")
    assert survey.actual is None
    assert survey.rag == "red"
    assert "judgement" in survey.rag_explanation


def test_a_blank_rag_method_follows_the_councils_default(db, import_sheets):
    settings = CouncilSettings.load()
    settings.default_rag_method = "data_only"
    settings.save()
    import_sheets(council_workbook())
    sickness = result("BV 012", "2009/10")
    assert sickness.rag == ""
    assert "data only" in sickness.rag_explanation
    assert result("NI 191", "2009/10 Q2").rag == "amber"  # its own method still applies


def test_the_default_rag_method_rates_against_the_target_without_tolerance(imported):
    # BV 012 has no method of its own; the council's default is Tolerance; 10.2 beats 9.5.
    assert result("BV 012", "2009/10").rag == "green"


def test_results_keep_commentary_risk_and_status(imported):
    waste = result("NI 191", "2009/10 Q2")
    assert waste.commentary == "Garden waste tonnage fell"
    assert waste.corrective_action == "Promote home composting"
    assert (waste.risk_likelihood, waste.risk_impact, waste.risk_score) == (3, 4, 12)
    assert waste.status == "approved"  # blank status: Approved
    assert result("NI 192", "2009/10 Q2").status == "submitted"
    assert result("CIP J1", "2009/10 Q2").status == "draft"


def test_periods_named_by_the_workbook_are_created_with_the_councils_deadline(imported):
    quarter = ReportingPeriod.objects.get(label="2009/10 Q2")
    assert (quarter.start, quarter.end) == (date(2009, 7, 1), date(2009, 9, 30))
    assert quarter.deadline == date(2009, 9, 30) + timedelta(days=30)
    assert ReportingPeriod.objects.filter(label="2008/09").exists()  # a baseline period


def test_officers_are_created_with_profile_and_roles_but_no_password(imported):
    stephen = User.objects.get(username="scapaldi")
    assert (stephen.first_name, stephen.last_name) == ("Stephen", "Capaldi")
    assert stephen.email == "stephen.capaldi@council.example"
    assert stephen.profile.job_title == "Head of Performance and Review"
    assert stephen.profile.directorate.name == "Resources"
    assert set(stephen.groups.values_list("name", flat=True)) == {"Performance team", "Officer"}
    assert stephen.is_staff  # the performance team works in the set-up pages
    assert not stephen.has_usable_password()
    wendy = User.objects.get(username="wbin")
    assert not wendy.is_staff
    assert set(wendy.groups.values_list("name", flat=True)) == {"Officer"}
    assert Directorate.objects.get(name="Environment & Economy").code == "EE"


def test_a_lead_officer_is_linked_to_the_user_whose_username_or_full_name_it_is(imported):
    assert Objective.objects.get(code="CIP01").lead_user.username == "scapaldi"  # full name
    assert Measure.objects.get(code="NI 191").lead_user.username == "wbin"  # username
    assert Measure.objects.get(code="NI 192").lead_user.username == "scapaldi"
    assert ActionPlan.objects.get(code="PAP-PS").lead_user.username == "scapaldi"
    assert Action.objects.get(code="CPA-1a.1").lead_user.username == "scapaldi"


def test_a_lead_officer_who_is_a_post_is_kept_as_written_and_left_unlinked(imported):
    objective = Objective.objects.get(code="CIP01.1")
    assert (objective.lead_officer, objective.lead_user) == ("Chief Executive", None)
    measure = Measure.objects.get(code="CIP J1")
    assert (measure.lead_officer, measure.lead_user) == ("Head of Customer Services", None)
    action = Action.objects.get(code="CIP01.1.3")
    assert (action.lead_officer, action.lead_user) == ("Head of Customer Services", None)


def test_a_name_two_officers_share_links_to_neither(db, import_sheets):
    UserFactory(username="jsmith1", first_name="John", last_name="Smith")
    UserFactory(username="jsmith2", first_name="John", last_name="Smith")
    import_sheets({"Objectives": [["Code", "Title", "Lead officer"], ["O1", "One", "John Smith"]]})
    objective = Objective.objects.get(code="O1")
    assert (objective.lead_officer, objective.lead_user) == ("John Smith", None)


def test_recommendations_and_findings_are_numbered_within_their_plan(imported):
    assert set(Recommendation.objects.values_list("plan__code", "code")) == {
        ("CPA-2002", "1a"),
        ("CPA-2002", "1c"),
        ("CIP-2009", "1a"),
    }
    finding = Finding.objects.get(plan__code="CPA-2002", code="3")
    assert finding.category == "Ambition"
    assert (finding.recommendation.plan.code, finding.recommendation.code) == ("CPA-2002", "1a")
    assert Finding.objects.get(plan__code="CPA-2002", code="4").recommendation is None


def test_an_actions_addresses_link_to_recommendations_and_findings_of_its_objectives_plan(
    imported,
):
    action = Action.objects.get(code="CPA-1a.1")  # under CPA-P1, in plan CPA-2002
    assert action.addresses == "(1a) (3)"
    assert set(action.recommendations.values_list("plan__code", "code")) == {("CPA-2002", "1a")}
    assert set(action.findings.values_list("plan__code", "code")) == {("CPA-2002", "3")}
    # CIP01.1 takes plan CIP-2009 from its parent, so "1a, 3" are that plan's.
    survey = Action.objects.get(code="CIP01.1.3")
    assert set(survey.recommendations.values_list("plan__code", "code")) == {("CIP-2009", "1a")}
    assert set(survey.findings.values_list("plan__code", "code")) == {("CIP-2009", "3")}


def test_an_action_sits_under_a_recommendation_of_its_objectives_plan(imported):
    action = Action.objects.get(code="CPA-1a.1")
    assert (action.recommendation.plan.code, action.recommendation.code) == ("CPA-2002", "1a")
    assert Action.objects.get(code="CIP01.1.3").recommendation is None
    recommendation = Recommendation.objects.get(plan__code="CPA-2002", code="1a")
    assert recommendation.current_position == "Vision drafted; consultation under way"
    assert recommendation.objective.code == "CPA-P1"


@pytest.mark.parametrize("written", ["(1a) (3)", "1a, 3", "(1a,3)", "(1a) (3).", "1a;3"])
def test_addresses_are_read_as_the_plans_write_them(db, import_sheets, written):
    sheets = council_workbook()
    sheets["Actions"][1][11] = written
    import_sheets(sheets)
    action = Action.objects.get(code="CPA-1a.1")
    assert list(action.recommendations.values_list("code", flat=True)) == ["1a"]
    assert list(action.findings.values_list("code", flat=True)) == ["3"]


def test_a_citation_that_is_both_a_recommendation_and_a_finding_means_the_recommendation(
    db, import_sheets
):
    import_sheets(
        {
            "Plans": [["Code", "Title"], ["CPA-2002", "CPA Improvement Plan 2002"]],
            "Objectives": [["Code", "Title", "Plan"], ["CPA-P2", "Performance", "CPA-2002"]],
            "Recommendations": [["Plan", "Code", "Text"], ["CPA-2002", "3", "Manage performance"]],
            "Findings": [["Plan", "Code", "Text"], ["CPA-2002", "3", "No performance culture"]],
            "Actions": [
                ["Code", "Title", "Objective", "Addresses"],
                ["CPA-3.1", "Introduce quarterly reviews", "CPA-P2", "(3)"],
            ],
        }
    )
    action = Action.objects.get(code="CPA-3.1")
    assert list(action.recommendations.values_list("code", flat=True)) == ["3"]
    assert not action.findings.exists()


def test_actions_keep_their_fields_and_updaters(imported):
    action = Action.objects.get(code="CPA-1a.1")
    assert action.title == "Incorporate 'Our Aim' in the draft Oxfordshire Plan"
    assert action.objective.code == "CPA-P1"
    assert action.due == date(2002, 11, 30)
    assert action.timescale == "Nov 02"
    assert action.current_position == "Vision / Aim has been drafted and circulated"
    assert action.further_action == "Publish the plan"
    assert action.directorate.name == "Resources"
    survey = Action.objects.get(code="CIP01.1.3")
    assert survey.action_plan.code == "PAP-PS"
    assert survey.timescale == "July / Nov 03 / Jan / May 04"
    assert set(survey.updaters.values_list("username", flat=True)) == {"wbin", "scapaldi"}
    assert ActionPlan.objects.get(code="PAP-PS").objective.code == "CIP01.1"


def test_action_updates_record_the_officers_rag_commentary_and_status(imported):
    updates = {
        (u.action.code, u.period.label): (u.rag, u.commentary, u.status)
        for u in ActionUpdate.objects.select_related("action", "period")
    }
    assert updates == {
        ("CIP01.1.3", "2009/10 Q2"): ("green", "", "approved"),
        ("CIP01.1.3", "2009/10 Q3"): ("red", "Satisfaction measured annually", "approved"),
        ("CPA-1a.1", "2009/10 Q2"): ("amber", "Consultation running late", "submitted"),
    }


def test_headers_and_sheet_names_match_in_any_case_and_extra_columns_are_ignored(db, import_sheets):
    counts = import_sheets(
        {
            "MEASURES": [
                [" title ", "Notes for the team", "CODE", "POLARITY", "rag method", "Tolerance"],
                ["Residual household waste", "ask Wendy", "NI 191", "lower", "tolerance", "10%"],
            ],
            "targets": [["period", "Target", "code"], ["2009/10 Q2", "459", "NI 191"]],
            "rEsUlTs": [
                ["Code", "Actual", "Period", "Source"],
                ["NI 191", "474", "Q2 2009/10", "x"],
            ],
        }
    )
    assert counts == {"Measures": 1, "Targets": 1, "Results": 1}
    measure = Measure.objects.get(code="NI 191")
    assert (measure.title, measure.polarity) == ("Residual household waste", "lower")
    assert result("NI 191", "2009/10 Q2").rag == "amber"


def test_unknown_sheets_are_ignored(db, import_sheets):
    counts = import_sheets(
        {
            "Read me": [["How to fill in this workbook"], ["One row per measure"]],
            "Plans": [["Code", "Title"], ["CIP-2009", "Corporate Improvement Plan 2009/10"]],
        }
    )
    assert counts == {"Plans": 1}


def test_blank_rows_are_skipped(db, import_sheets):
    counts = import_sheets(
        {
            "Measures": [
                ["Code", "Title"],
                ["NI 191", "Residual household waste"],
                ["", ""],
                ["", ""],
                ["NI 192", "Household waste recycled"],
                ["  ", ""],
            ]
        }
    )
    assert counts == {"Measures": 2}
    assert codes(Measure.objects) == {"NI 191", "NI 192"}


def test_cells_are_trimmed_of_surrounding_spaces(db, import_sheets):
    import_sheets({"Measures": [["Code", "Title", "Polarity"], [" NI 191 ", "  Waste ", " Low "]]})
    measure = Measure.objects.get(code="NI 191")
    assert (measure.title, measure.polarity) == ("Waste", "lower")


def test_other_period_forms_and_rag_spellings_are_read(db, import_sheets):
    import_sheets(
        {
            "Measures": [["Code", "Title", "RAG method"], ["J1", "Judged", "Judgement"]],
            "Results": [
                ["Code", "Period", "RAG"],
                ["J1", "Q3 2009/10", "amber"],
                ["J1", "2009/2010", "g"],
                ["J1", "July 2009", "RED"],
                ["J1", "2009-08", "R"],
            ],
        }
    )
    stored = dict(Result.objects.values_list("period__label", "rag"))
    assert stored == {
        "2009/10 Q3": "amber",
        "2009/10": "green",
        "Jul 2009": "red",
        "Aug 2009": "red",
    }


def test_a_csv_saved_by_excel_with_a_byte_order_mark_is_read(db, tmp_path):
    folder = tmp_path / "saved-by-excel"
    folder.mkdir()
    (folder / "Plans.csv").write_bytes(
        "Code,Title\r\nCIP-2009,Corporate Improvement Plan 2009/10\r\n".encode("utf-8-sig")
    )
    assert workbook_import(path=folder) == {"Plans": 1}
    assert Plan.objects.get(code="CIP-2009").title == "Corporate Improvement Plan 2009/10"


def test_a_csv_cell_may_hold_commas_quotes_and_line_breaks(db, tmp_path):
    text = 'Vision drafted, "Our Aim" agreed\nConsultation closes in May'
    write_csv_folder(
        tmp_path / "wb",
        {"Plans": [["Code", "Title", "Vision"], ["CPA-2002", "CPA plan", text]]},
    )
    workbook_import(path=tmp_path / "wb")
    assert Plan.objects.get(code="CPA-2002").vision == text


def test_a_period_cell_that_excel_turned_into_a_date_is_refused_not_guessed(db, tmp_path):
    # Excel stores "Jul 2009" typed into a cell as 1 July 2009, and may store "2009/10" as
    # 1 October 2009: a date cannot say which period was meant, so it is never guessed.
    path = write_xlsx(
        tmp_path / "typed-in-excel.xlsx",
        {
            "Measures": [["Code", "Title", "RAG method"], ["J1", "Judged", "Judgement"]],
            "Results": [["Code", "Period", "RAG"], ["J1", datetime(2009, 7, 1), "G"]],
        },
    )
    with pytest.raises(WorkbookRefused) as caught:
        workbook_import(path=path)
    assert [(e.sheet, e.row, e.column) for e in caught.value.errors] == [("Results", 2, "Period")]
    assert not Result.objects.exists()
