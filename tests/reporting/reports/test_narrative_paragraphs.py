"""The clerk's text becomes numbered paragraphs and real lists: a blank line separates paragraphs,
a line starting "- " is a list item."""

from reporting.narrative import Paragraph, numbered_count, paragraphs

SEED_INTRODUCTION = (
    "This report details Oxfordshire County Council's performance for the above period, based "
    "on the corporate balanced scorecard which measures progress in the four key areas of:\n"
    " - Customer\n"
    " - Projects\n"
    " - Finance\n"
    " - People\n"
    "\n"
    "The full balanced scorecard is attached in annex 1.\n"
    "\n"
    "Using the corporate balanced scorecard as the foundation, the following pictures emerge."
)


def test_blank_lines_separate_numbered_paragraphs_and_dashes_make_a_list():
    found = paragraphs(SEED_INTRODUCTION)
    assert [p.number for p in found] == [1, 2, 3]
    assert found[0].text.endswith("the four key areas of:")
    assert found[0].items == ["Customer", "Projects", "Finance", "People"]
    assert found[1] == Paragraph(2, "The full balanced scorecard is attached in annex 1.")


def test_numbering_carries_on_from_the_section_before():
    found = paragraphs("The Cabinet is RECOMMENDED to note this report.", start=6)
    assert found == [Paragraph(6, "The Cabinet is RECOMMENDED to note this report.")]
    assert numbered_count(found) == 1


def test_a_list_on_its_own_has_no_number():
    found = paragraphs("- CCMT agreed a joint review.\n- Targets will be reviewed.")
    assert found == [
        Paragraph(None, "", ["CCMT agreed a joint review.", "Targets will be reviewed."])
    ]
    assert numbered_count(found) == 0


def test_a_list_after_a_blank_line_belongs_to_the_paragraph_before():
    found = paragraphs("Two themes emerge:\n\n- Timeliness\n- Target-setting")
    assert found == [Paragraph(1, "Two themes emerge:", ["Timeliness", "Target-setting"])]


def test_a_line_straight_after_an_item_continues_it():
    text = "- Timeliness\nFor a number of targets there is No Current Information.\n- Targets"
    assert paragraphs(text)[0].items == [
        "Timeliness\nFor a number of targets there is No Current Information.",
        "Targets",
    ]


def test_other_bullet_marks_and_windows_line_ends_are_understood():
    found = paragraphs("Going well:\r\n* Level 3\r\n• Invoices paid\r\n\r\nNext.")
    assert found[0].items == ["Level 3", "Invoices paid"]
    assert [p.number for p in found] == [1, 2]


def test_a_hyphen_inside_a_line_is_just_text():
    assert paragraphs("Year-on-year - as before - improved.")[0].items == []


def test_empty_text_has_no_paragraphs():
    assert paragraphs("  \n\n ") == []
