from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True, order=True)
class WorkbookError:
    """One thing wrong with a workbook, located as a person would look for it in Excel."""

    sheet: str
    row: int  # as Excel numbers it: the header is row 1
    column: str  # the header as the user wrote it, or "" for the whole row
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}, row {self.row}"
        if self.column:
            where += f', column "{self.column}"'
        return f"{where}: {self.message}"


class WorkbookRefused(Exception):
    """The workbook was not imported; nothing was changed. Carries every error found."""

    def __init__(self, errors: list[WorkbookError]):
        self.errors = sorted(errors, key=lambda e: (e.sheet, e.row, e.column))
        count = len(self.errors)
        super().__init__(
            f"The workbook was not imported: {count} error{'s' if count != 1 else ''}; "
            "nothing was changed."
        )

    @property
    def shown(self) -> list[WorkbookError]:
        """The first errors, as many as a person can work through (WORKBOOK_ERRORS_SHOWN): a
        workbook with every row wrong would otherwise list thousands, on a page or a console."""
        return self.errors[: settings.WORKBOOK_ERRORS_SHOWN]

    @property
    def not_shown(self) -> int:
        return len(self.errors) - len(self.shown)

    def report(self) -> str:
        lines = [str(self), *(f"- {error}" for error in self.shown)]
        if self.not_shown:
            lines.append(f"The first {len(self.shown)} are listed; {self.not_shown} more are not.")
        return "\n".join(lines)
