"""Comparator data for tests, imported through the same service the command uses."""

from scorecard.models import ComparatorGroup
from scorecard.services.comparators import comparators_import

HEADER = "Area code,Area name,Indicator,Period,Value,Unit,Source\n"
NEIGHBOURS = "Nearest neighbours"


def import_csv(*rows: str, group: str = NEIGHBOURS, source: str = "") -> ComparatorGroup | None:
    """Import the rows (without a header); the file's areas form ``group``."""
    data = (HEADER + "\n".join(rows) + "\n").encode()
    comparators_import(name="comparators.csv", data=data, group=group, source=source)
    return ComparatorGroup.objects.filter(name=group).first()


def neighbours(
    indicator: str, period: str, *values: str, unit: str = "%", first: int = 1
) -> list[str]:
    """Rows for areas E0000001… (from ``first``) with ``values``, in order."""
    return [
        f"E{n:07d},Neighbour {n},{indicator},{period},{value},{unit},LG Inform"
        for n, value in enumerate(values, start=first)
    ]
