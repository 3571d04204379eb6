"""The short reason beside a RAG badge: "12.0% worse than target", read from its explanation.

Issue 12, "Pictures people can read": lists and tables show a short reason next to each RAG,
with the full explanation one click away. A stored result keeps only its explanation (the one
record of why it was rated so, written by `scorecard/rules/rag.py`), so the short reason is
read from that sentence: a list can never disagree with the explanation behind it.
"""

import re

from .rag import JUDGEMENT_REASON

LONGEST = 60  # characters: a reason that would wrap past a phone's width is cut with "…"

# The figure against its target or range, as `rag_for` words it; the first match wins.
_AGAINST = (
    (
        re.compile(r"is on or better than the (?P<annual>annual )?target\b"),
        "on or better than {annual}target",
    ),
    (
        re.compile(r" is (?P<gap>\S+(?: \S+){0,2}) worse than the (?P<annual>annual )?target\b"),
        "{gap} worse than {annual}target",
    ),
    (re.compile(r"is within the (?P<annual>annual )?range\b"), "within {annual}range"),
    (re.compile(r" is (?P<gap>\S+(?: \S+){0,2}) below the lower bound\b"), "{gap} below range"),
    (re.compile(r" is (?P<gap>\S+(?: \S+){0,2}) above the upper bound\b"), "{gap} above range"),
)
# Tolerance with improvement: how it compares with last year, after the comparison above.
_LAST_YEAR = (
    (", but improved on ", "better than last year"),
    (", but held level with ", "level with last year"),
    (", and worse than ", "worse than last year"),
)
# Every other sentence `rag_for` and the pages write, by a phrase it contains.
_FIXED = (
    (JUDGEMENT_REASON, "officer's judgement"),
    ("no result was given by the deadline", "no result by the deadline"),
    ("the officer has not set a RAG", "no RAG set yet"),
    ("no result yet", "no result yet"),
    ("no result for", "no result yet"),
    ("reported for information", "for information only"),
    ("has been submitted and", "awaiting approval"),
    ("no year-end forecast", "no year-end forecast"),
    ("no target", "no target set"),
    ("no annual target", "no annual target set"),
    ("no range", "no range set"),
)


def short_reason(explanation: str) -> str:
    """The few words that say why: "12.0% worse than target; worse than last year".

    Empty for no explanation. A calculated or rolled-up value's explanation starts with how it
    was worked out (`with_derivation`); the reason is taken from the rating after it.
    """
    text = " ".join((explanation or "").split())
    if not text:
        return ""
    for pattern, words in _AGAINST:
        found = pattern.search(text)
        if found:
            reason = words.format(**{k: v or "" for k, v in found.groupdict().items()})
            if "year-end forecast" in text[: found.start() + 1]:
                reason = f"forecast {reason}"
            extra = [said for marker, said in _LAST_YEAR if marker in text[found.end() :]]
            return _cut("; ".join([reason, *extra]))
    for phrase, words in _FIXED:
        if phrase in text:
            return words
    return _cut(_first_clause(text))


def _first_clause(text: str) -> str:
    """Failing a known sentence, its first clause after the status word."""
    after = text.split(": ", 1)[-1]
    return re.split(r"[,;.] ", after.rstrip("."), maxsplit=1)[0]


def _cut(reason: str) -> str:
    return reason if len(reason) <= LONGEST else reason[: LONGEST - 1].rstrip() + "…"
