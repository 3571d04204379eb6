"""The Service costs sheet: what each service costs a year (issue 11, value for money).

Oxford City's framework (seed 003) weighs a service's budget and cost beside its performance
(the Oxford Improvement Model). A row is a service in a directorate, a financial year and its
net cost, with the cost per head and per unit where the council has them; a service named
here that does not exist yet is added to its directorate.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from scorecard.models import Directorate, Service, ServiceCost
from scorecard.rules.periods import PeriodKind, PeriodRef

from ..base import Column, ImportContext, RowReader, SheetHandler, export_text, upsert
from ..cells import decimal
from ..numbers import export_number
from .common import period_cell

COST_FIELDS = ["net_cost", "cost_per_head", "unit_cost", "unit"]


@dataclass
class CostRecord:
    directorate: str
    service: str
    year: PeriodRef
    values: dict
    indicator: str | None = None  # the service's cost indicator; None: the column is absent


class ServiceCostsSheet(SheetHandler):
    name = "Service costs"
    defines = "service cost"
    columns = (
        Column("Directorate", required=True),
        Column("Service", required=True, max_length=120),
        Column("Year", required=True),
        Column("Net cost", required=True),
        Column("Cost per head"),
        Column("Cost per unit"),
        Column("Unit", max_length=100),
        Column("Cost indicator", max_length=100),
    )
    key_columns = ("Directorate", "Service", "Year")

    def parse(self, reader: RowReader) -> CostRecord:
        directorate = reader.ref(
            "Directorate", "directorate", reader.get("Directorate"), "directorate"
        )
        year = period_cell(reader, "Year")
        if year is not None and year.kind is not PeriodKind.YEAR:
            reader.error(
                "Year", f"a cost is for a financial year such as 2009/10, not {year.label}"
            )
        values = {"net_cost": reader.get("Net cost", decimal)}
        for header, field in (("Cost per head", "cost_per_head"), ("Cost per unit", "unit_cost")):
            if reader.has(header):
                values[field] = reader.get(header, decimal)
        if reader.has("Unit"):
            values["unit"] = reader.get("Unit") or ""
        record = CostRecord(directorate, reader.get("Service"), year, values)
        if reader.has("Cost indicator"):
            record.indicator = self._indicator(reader, (directorate, record.service))
        return record

    def _indicator(self, reader: RowReader, service: tuple[str, str]) -> str:
        """The service's cost indicator (issue 11): one a service, however many years' rows
        name it; a blank row leaves it to the others."""
        indicator = (reader.get("Cost indicator") or "").strip()
        earlier = reader.ctx.cost_indicators.get(service)
        if indicator and earlier and earlier[0] != indicator:
            reader.error(
                "Cost indicator",
                f"{service[1]} already has cost indicator {earlier[0]!r} on row {earlier[1]}; "
                "a service has one",
            )
        elif indicator:
            reader.ctx.cost_indicators[service] = (indicator, reader.row.number)
        return indicator

    def apply(self, records: list[CostRecord], present, ctx: ImportContext) -> None:
        services = service_pks({(r.directorate, r.service) for r in records})
        costs = [
            ServiceCost(
                service_id=services[(r.directorate, r.service)],
                period_id=ctx.period_pk(r.year),
                **r.values,
            )
            for r in records
        ]
        written = {"net_cost"} | {f for r in records for f in r.values}
        fields = [f for f in COST_FIELDS if f in written]
        upsert(ServiceCost, costs, unique_fields=["service", "period"], update_fields=fields)
        given = [r for r in records if r.indicator is not None]
        indicators = {(r.directorate, r.service): "" for r in given}
        indicators.update({(r.directorate, r.service): r.indicator for r in given if r.indicator})
        for indicator in set(indicators.values()):
            Service.objects.filter(
                pk__in=[services[key] for key, value in indicators.items() if value == indicator]
            ).update(cost_indicator=indicator)

    def export_rows(self) -> Iterator[list]:
        costs = ServiceCost.objects.select_related("service__directorate", "period").order_by(
            "service__directorate__name", "service__name", "period__start"
        )
        for c in costs:
            yield [
                c.service.directorate.name,
                c.service.name,
                c.period.label,
                export_number(c.net_cost),
                export_number(c.cost_per_head),
                export_number(c.unit_cost),
                export_text(c.unit),
                export_text(c.service.cost_indicator),
            ]


def service_pks(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Each (directorate, service) named, as a service's pk, adding the services not yet known."""
    directorates = dict(
        Directorate.objects.filter(name__in={d for d, _ in wanted}).values_list("name", "pk")
    )
    Service.objects.bulk_create(
        [Service(directorate_id=directorates[d], name=s) for d, s in wanted],
        ignore_conflicts=True,
    )
    found = Service.objects.filter(directorate__name__in=directorates).values_list(
        "directorate__name", "name", "pk"
    )
    return {(d, s): pk for d, s, pk in found if (d, s) in wanted}
