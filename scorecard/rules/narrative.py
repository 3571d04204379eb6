"""Sentences that summarise a quarter, as a Cabinet report's narrative says them.

Oxfordshire CC's Cabinet report of 15 December 2009 does not repeat each target's rating rule:
it counts and summarises ("Of all the targets ... which are amber or red, 11 are showing
improvement, albeit not to targeted levels") and points to the annex for the detail. These
functions take counts and return such sentences, in British English, ready for the clerk to
edit.
"""

from __future__ import annotations

from collections.abc import Sequence

from scorecard.rules.summaries import RagSummary


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count with its noun: "1 measure", "11 measures", "2 activities"."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {noun}"


def join_words(words: Sequence[str]) -> str:
    """A list in running text, without a serial comma: "a", "a and b", "a, b and c"."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def see_annex(number: int | None) -> str:
    """ " (see Annex 1)", or nothing when the report has no such annex."""
    return f" (see Annex {number})" if number else ""


def ratings_sentence(
    summary: RagSummary, *, noun: str = "measure", annex: int | None = None
) -> str:
    """How the rated items fall, and what could not be rated.

    "Of the 22 measures rated, 13 are Green, 6 Amber and 3 Red (see Annex 1)." NCI is counted
    apart, never silently dropped (DOMAIN.md, "RAG ratings"); items reported for information
    are not rated and not mentioned.
    """
    if summary.rated == 0:
        sentence = f"No {noun} could be rated{see_annex(annex)}."
    else:
        counts = [
            (n, word)
            for n, word in (
                (summary.green, "Green"),
                (summary.amber, "Amber"),
                (summary.red, "Red"),
            )
            if n
        ]
        rated = f"the 1 {noun}" if summary.rated == 1 else f"the {summary.rated} {noun}s"
        sentence = f"Of {rated} rated, {_counts(counts)}{see_annex(annex)}."
    if summary.nci:
        have = "has" if summary.nci == 1 else "have"
        sentence += f" {plural(summary.nci, noun)} {have} No Current Information (NCI)."
    return sentence


def _counts(counts: list[tuple[int, str]]) -> str:
    """ "13 are Green, 6 Amber and 3 Red", "1 is Green": the verb agrees with the first count."""
    (first, word), rest = counts[0], counts[1:]
    head = f"{first} {'is' if first == 1 else 'are'} {word}"
    return join_words([head, *(f"{n} {w}" for n, w in rest)])


def improvement_sentence(
    *, improved: int, still_short: int, noun: str = "measure", against: str = "a year ago"
) -> str:
    """How many improved, and how many of those are still Amber or Red.

    "11 measures improved on a year ago, 4 of them still Amber or Red." Improvement is judged
    with each measure's polarity (DOMAIN.md, "Direction of travel").
    """
    if improved == 0:
        return f"No {noun} improved on {against}."
    sentence = f"{plural(improved, noun)} improved on {against}"
    if still_short == 0:
        return sentence + "."
    if improved == 1:
        return sentence + ", but it is still Amber or Red."
    if still_short == improved:
        return sentence + ", all of them still Amber or Red."
    return sentence + f", {still_short} of them still Amber or Red."


def red_sentence(*, measures: int, actions: int, annex: int | None = None) -> str:
    """ "5 items are Red: 3 measures and 2 actions (see Annex 2)." """
    total = measures + actions
    if total == 0:
        return "No item is Red."
    verb = "is" if total == 1 else "are"
    parts = join_words(
        [
            plural(measures, "measure") if measures else "",
            plural(actions, "action") if actions else "",
        ]
    )
    return f"{plural(total, 'item')} {verb} Red: {parts}{see_annex(annex)}."


def nci_sentence(codes: Sequence[str], *, named: int = 10) -> str:
    """The items with No Current Information, named by their codes (the first ``named``)."""
    if not codes:
        return "Every item due has reported."
    have = "has" if len(codes) == 1 else "have"
    shown = list(codes[:named])
    if len(codes) > named:
        shown.append(f"{len(codes) - named} more")
    return (
        f"{plural(len(codes), 'item')} {have} No Current Information (NCI): no result was "
        f"submitted by the deadline for {join_words(shown)}."
    )


def amber_sentence(count: int) -> str:
    """ "A further 24 items are Amber." after the Red ones; nothing when none is Amber."""
    if count == 0:
        return ""
    return f"A further {plural(count, 'item')} {'is' if count == 1 else 'are'} Amber."
