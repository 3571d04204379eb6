"""The balanced scorecard a page at a time: ten thousand measures make 7 MB of HTML (issue 13).

The measures run on across their perspectives in the scorecard's order; a page holds the next
`per_page` of them under their perspectives' headings. A perspective's counts are always the
whole perspective's, and say so; its table's caption says which of its measures the page shows.
The PDF and Excel downloads are the whole scorecard, whatever the page.
"""

from dataclasses import dataclass

from scorecard.rules.summaries import RagSummary

from .pages import ScorecardSection


@dataclass
class PageSection:
    """One perspective's part of a page, with the whole perspective's counts."""

    perspective: str
    summary: RagSummary  # of the whole perspective
    count: int  # measures in the whole perspective
    anchor: str
    items: list
    first: int  # 1-based numbers of the first and last measure shown, within the perspective
    last: int
    action_plans: list  # shown after the perspective's last measure, so on its last page
    table: object = None

    @property
    def whole(self) -> bool:
        return self.first == 1 and self.last == self.count


@dataclass(frozen=True)
class ContentsEntry:
    perspective: str
    count: int
    anchor: str
    page: int  # the page its first measure is on


@dataclass(frozen=True)
class ScorecardPage:
    number: int
    pages: int
    per_page: int
    count: int  # measures in the whole scorecard
    first: int  # 1-based numbers of the first and last measure on the page (0 when none)
    last: int
    sections: list[PageSection]
    contents: list[ContentsEntry]

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def previous(self) -> int:
        return self.number - 1

    @property
    def next(self) -> int:
        return self.number + 1


def pages_for(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def scorecard_page(sections: list[ScorecardSection], number: int, per_page: int) -> ScorecardPage:
    """Page `number` (from 1, kept within the pages there are) of `per_page` measures."""
    count = sum(len(s.items) for s in sections)
    total = pages_for(count, per_page)
    number = min(max(1, number), total)
    start, stop = (number - 1) * per_page, min(number * per_page, count)
    shown, contents, offset = [], [], 0
    for index, section in enumerate(sections, start=1):
        size, anchor = len(section.items), f"perspective-{index}"
        contents.append(ContentsEntry(section.perspective, size, anchor, offset // per_page + 1))
        low, high = max(start, offset), min(stop, offset + size)
        if low < high:
            shown.append(
                PageSection(
                    perspective=section.perspective,
                    summary=section.summary,
                    count=size,
                    anchor=anchor,
                    items=section.items[low - offset : high - offset],
                    first=low - offset + 1,
                    last=high - offset,
                    action_plans=section.action_plans if high == offset + size else [],
                )
            )
        offset += size
    first = start + 1 if count else 0
    return ScorecardPage(number, total, per_page, count, first, stop, shown, contents)
