"""Sheets for the framework: Plans, Objectives, Measures, Targets, Results."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from scorecard.models import (
    Directorate,
    Measure,
    Objective,
    Perspective,
    Plan,
    Result,
    Target,
)
from scorecard.rules.aggregation import RatioError, ratio_value
from scorecard.rules.formula import formula_problems
from scorecard.rules.measure_types import Aggregation, MeasureType, ResultSource, TargetProfile
from scorecard.rules.periods import PeriodRef
from scorecard.rules.plausibility import implausible_actual
from scorecard.rules.precision import infer_decimal_places, places_of
from scorecard.rules.profiles import parse_profile
from scorecard.rules.rag import (
    Polarity,
    RagMethod,
    parse_polarity,
    parse_rag_method,
    parse_tolerance,
)
from scorecard.rules.risk import risk_pair_problems
from scorecard.rules.targets import range_problems, range_target
from scorecard.rules.tree import loop_problem
from scorecard.rules.units import format_value, quantize

from ..base import (
    Column,
    ImportContext,
    RowReader,
    SheetHandler,
    export_text,
    replace_links,
    upsert,
)
from ..cells import choice, code_list, decimal, text, whole_number, yes_no
from ..numbers import export_number
from .common import (
    ReturnsSheet,
    code_and_period,
    order_cell,
    period_cell,
    updaters_cell,
    updaters_replace,
    updaters_text,
)
from .costs import service_pks

FAMILIES = {label: value for value, label in Measure.Family.choices}
FREQUENCIES = {label: value for value, label in Measure.Frequency.choices}


class PlansSheet(SheetHandler):
    name = "Plans"
    defines = "plan"
    columns = (
        Column("Code", required=True, max_length=40),
        Column("Title", required=True, max_length=300),
        Column("Vision"),
        Column("Period", max_length=40),
    )

    def existing_keys(self):
        return Plan.objects.values_list("code", flat=True)

    def parse(self, reader: RowReader) -> Plan:
        return Plan(
            code=reader.get("Code"),
            title=reader.get("Title"),
            vision=reader.get("Vision"),
            period=reader.get("Period"),
        )

    def apply(self, records, present, ctx: ImportContext) -> None:
        fields = ["title"] + [f for f in ("vision", "period") if f in present]
        upsert(Plan, records, unique_fields=["code"], update_fields=fields)

    def export_rows(self) -> Iterator[list]:
        for plan in Plan.objects.order_by("code"):
            yield [plan.code, plan.title, export_text(plan.vision), export_text(plan.period)]


@dataclass
class ObjectiveRecord:
    code: str
    title: str
    parent: str
    plan: str
    lead_officer: str
    directorate: str
    order: int


class ObjectivesSheet(SheetHandler):
    name = "Objectives"
    defines = "objective"
    columns = (
        Column("Code", required=True, max_length=40),
        Column("Title", required=True, max_length=500),
        Column("Parent"),
        Column("Plan"),
        Column("Lead officer", max_length=200),
        Column("Directorate"),
        Column("Order"),
    )

    def existing_keys(self):
        return Objective.objects.values_list("code", flat=True)

    def parse(self, reader: RowReader) -> ObjectiveRecord:
        code = reader.get("Code")
        parent = reader.get("Parent")
        if parent and parent == code:
            reader.error("Parent", f"{code} cannot be its own parent")
        reader.ref("Parent", "objective", parent, "objective")
        plan = reader.get("Plan")
        reader.ref("Plan", "plan", plan, "plan")
        directorate = reader.get("Directorate")
        reader.ref("Directorate", "directorate", directorate, "directorate")
        record = ObjectiveRecord(
            code=code,
            title=reader.get("Title"),
            parent=parent,
            plan=plan,
            lead_officer=reader.get("Lead officer"),
            directorate=directorate,
            order=order_cell(reader),
        )
        # A column left out keeps what the database has, for the tree and plan inheritance.
        stored_parent, stored_plan = reader.ctx.objectives.get(code, ("", ""))
        reader.ctx.objectives[code] = (
            parent if reader.has("Parent") else stored_parent,
            plan if reader.has("Plan") else stored_plan,
        )
        return record

    def check(self, readers: list[RowReader], records: list[ObjectiveRecord]) -> None:
        """Refuse a parent chain that loops back on itself (A under B under A)."""
        if not readers:
            return
        parents = {code: pair[0] for code, pair in readers[0].ctx.objectives.items()}
        for reader, record in zip(readers, records, strict=True):
            if record.parent == record.code:
                continue  # refused as its own parent when read
            problem = loop_problem(record.code, record.parent, parents)
            if problem:
                reader.error("Parent", problem)

    def apply(self, records: list[ObjectiveRecord], present, ctx: ImportContext) -> None:
        plans = dict(Plan.objects.values_list("code", "pk"))
        directorates = dict(Directorate.objects.values_list("name", "pk"))
        objectives = [
            Objective(
                code=r.code,
                title=r.title,
                plan_id=plans.get(ctx.plan_of_objective(r.code)),
                lead_officer=r.lead_officer,
                lead_user_id=ctx.user_for(r.lead_officer),
                directorate_id=directorates.get(r.directorate),
                order=r.order,
            )
            for r in records
        ]
        fields = ["title", "plan", "order"] + [
            f
            for f, column in (
                ("lead_officer", "lead officer"),
                ("lead_user", "lead officer"),
                ("directorate", "directorate"),
            )
            if column in present
        ]
        upsert(Objective, objectives, unique_fields=["code"], update_fields=fields)
        if "parent" in present:
            pks = dict(Objective.objects.values_list("code", "pk"))
            rows = [Objective(pk=pks[r.code], parent_id=pks.get(r.parent)) for r in records]
            Objective.objects.bulk_update(rows, ["parent"], batch_size=500)

    def export_rows(self) -> Iterator[list]:
        objectives = Objective.objects.select_related("parent", "plan", "directorate").order_by(
            "order", "code"
        )
        for o in objectives:
            yield [
                o.code,
                o.title,
                export_text(o.parent.code if o.parent else ""),
                export_text(o.plan.code if o.plan else ""),
                export_text(o.lead_officer),
                export_text(o.directorate.name if o.directorate else ""),
                o.order,
            ]


@dataclass
class MeasureRecord:
    code: str
    values: dict  # model field -> value, for the columns present
    objectives: list[str] = field(default_factory=list)
    updaters: list[str] = field(default_factory=list)
    baseline_period: PeriodRef | None = None


OUT_OF_RANGE = "Can fall outside 0-100%"
VALUE_CONFIRMED = "Value confirmed"
# Why an officer's judgement RAG differs from what the target and tolerance give
# (scorecard.rules.judgement): asked for on an uploaded return as on the forms (issue 12).
REASON_COLUMN = "Reason for a different RAG"
TARGET_PROFILE = "Target profile"


# Measure columns that map straight onto one field: (header, field, converter).
def _family(cell):
    return choice(cell, FAMILIES, "family")


def _frequency(cell):
    return choice(cell, FREQUENCIES, "frequency")


def _polarity(cell):
    return parse_polarity(text(cell)).value if text(cell) else None


def _method(cell):
    return parse_rag_method(text(cell)).value if text(cell) else None


def _places(cell):
    return whole_number(cell, low=0, high=4)


def _type(cell):
    return MeasureType.parse(text(cell), default=MeasureType.SIMPLE).value


def _aggregation(cell):
    made = Aggregation.parse(text(cell))
    return made.value if made else ""


MEASURE_FIELDS = (
    ("Definition", "definition", text, ""),
    ("Family", "family", _family, Measure.Family.LOCAL),
    ("Polarity", "polarity", _polarity, "higher"),
    ("Unit", "unit", text, "number"),
    ("Frequency", "frequency", _frequency, Measure.Frequency.QUARTERLY),
    ("Cumulative", "cumulative", yes_no, False),
    ("RAG method", "rag_method", _method, ""),
    ("Published", "published", yes_no, False),
    ("Customer satisfaction", "customer_satisfaction", yes_no, False),
    ("Data quality", "data_quality", text, ""),
    ("Lead officer", "lead_officer", text, ""),
    (OUT_OF_RANGE, "allows_out_of_range", yes_no, False),
    ("Type", "measure_type", _type, MeasureType.SIMPLE.value),
    ("Aggregation", "aggregation", _aggregation, ""),
    ("External indicator", "external_indicator", text, ""),
)


class MeasuresSheet(SheetHandler):
    name = "Measures"
    defines = "measure"
    columns = (
        Column("Code", required=True, max_length=40),
        Column("Title", required=True, max_length=500),
        Column("Definition"),
        Column("Objective"),
        Column("Directorate"),
        Column("Lead officer", max_length=200),
        Column("Updaters"),
        Column("Perspective"),
        Column("Family"),
        Column("Polarity"),
        Column("Unit", max_length=20),
        Column("Decimal places"),
        Column("Frequency"),
        Column("Cumulative"),
        Column("Baseline"),
        Column("Baseline period"),
        Column("RAG method"),
        Column("Tolerance"),
        Column("Published"),
        Column("Customer satisfaction"),
        Column("Data quality"),
        Column(OUT_OF_RANGE),
        Column("Type"),
        Column("Aggregation"),
        Column("Formula"),
        Column(TARGET_PROFILE),
        Column("External indicator", max_length=100),
        Column("Service", max_length=120),
    )

    def existing_keys(self):
        return Measure.objects.values_list("code", flat=True)

    def parse(self, reader: RowReader) -> MeasureRecord:
        code = reader.get("Code")
        values = {"title": reader.get("Title")}
        for header, field_name, convert, default in MEASURE_FIELDS:
            if reader.has(header):
                value = reader.get(header, convert)
                values[field_name] = default if value in (None, "") else value
        unit, allows = reader.ctx.measures.get(code, ("number", False))
        unit = values.get("unit", unit)
        reader.ctx.measures[code] = (unit, values.get("allows_out_of_range", allows))
        self._decimal_places(reader, code, values)
        if reader.has("Formula"):
            # A formula makes the measure calculated; a blank one makes a calculated measure
            # entered again and leaves any other type as stored.
            formula = reader.get("Formula").removeprefix("=").strip()
            stored = reader.ctx.measure_types.get(code, MeasureType.SIMPLE)
            values["formula"] = formula
            values["measure_type"] = (
                MeasureType.CALCULATED
                if formula
                else (MeasureType.SIMPLE if stored == MeasureType.CALCULATED else stored)
            )
            reader.ctx.calculated[code] = formula
        _note_profile_and_range(reader, code, values)
        if reader.has("Baseline"):
            baseline = reader.figure("Baseline", unit=unit)
            values["baseline"] = baseline.value if baseline else None
            reader.ctx.note_places(code, baseline)
        if reader.has("Tolerance"):
            tolerance = reader.get("Tolerance", lambda c: parse_tolerance(text(c)))
            values["tolerance_amount"] = tolerance.amount if tolerance else None
            values["tolerance_is_percent"] = tolerance.is_percent if tolerance else True
        for header, kind in (("Directorate", "directorate"), ("Perspective", "perspective")):
            if reader.has(header):
                name = reader.get(header)
                reader.ref(header, kind, name, kind)
                values[kind] = name
        if reader.has("Service"):
            values["service"] = _service_cell(reader, values.get("directorate"))
        objectives = reader.get("Objective", code_list) or []
        for objective in objectives:
            reader.ref("Objective", "objective", objective, "objective")
        updaters = updaters_cell(reader)
        return MeasureRecord(
            code=code,
            values=values,
            objectives=objectives,
            updaters=updaters,
            baseline_period=period_cell(reader, "Baseline period"),
        )

    def check(self, readers: list[RowReader], records: list[MeasureRecord]) -> None:
        """Refuse a formula that cannot be worked out: unreadable, an unknown code, a cycle
        (through any formula, in this file or stored), or a division by zero.

        Codes may be those of measures further down the sheet, as any reference may.
        """
        if not readers:
            return
        ctx = readers[0].ctx
        known = ctx.known.get("measure", set())
        formulas = {code: text for code, text in ctx.calculated.items() if text}
        for reader, record in zip(readers, records, strict=True):
            text = record.values.get("formula")
            if not text:
                continue
            others = {code: f for code, f in formulas.items() if code != record.code}
            for problem in formula_problems(
                text, code=record.code, known_codes=known, formulas=others
            ):
                reader.error("Formula", problem)

    @staticmethod
    def _decimal_places(reader: RowReader, code: str, values: dict) -> None:
        """Decimal places as given, or read from the measure's figures when not given.

        Not given is a blank "Decimal places" cell, or no such column for a measure the
        database does not hold yet; a measure already stored keeps its places when the column
        is left out, as any field does.
        """
        if reader.has("Decimal places"):
            places = reader.get("Decimal places", _places)
            if places is not None:
                values["decimal_places"] = places
                return
        elif code in reader.ctx.stored_measures:
            return
        reader.ctx.places_from_data.add(code)

    def finish(self, ctx: ImportContext) -> None:
        """Give each measure whose places were not given the most places its figures use."""
        if not ctx.places_from_data:
            return
        pks = ctx.measure_pks(ctx.places_from_data)
        places = {code: [ctx.typed_places.get(code, 0)] for code in pks}
        # Figures stored before this import count too; stored values have lost any typed
        # trailing zeros, so they count by their significant places.
        earlier = [pks[code] for code in pks if code in ctx.stored_measures]
        code_of = {pk: code for code, pk in pks.items()}
        for model, field_name in ((Target, "value"), (Result, "actual"), (Measure, "baseline")):
            item = "pk" if model is Measure else "measure_id"
            rows = model.objects.filter(**{f"{item}__in": earlier}).exclude(
                **{f"{field_name}__isnull": True}
            )
            for pk, value in rows.values_list(item, field_name).order_by():
                places[code_of[pk]].append(places_of(value.normalize()))
        Measure.objects.bulk_update(
            [
                Measure(pk=pk, decimal_places=infer_decimal_places(places[c]))
                for c, pk in pks.items()
            ],
            ["decimal_places"],
            batch_size=500,
        )

    def apply(self, records: list[MeasureRecord], present, ctx: ImportContext) -> None:
        directorates = dict(Directorate.objects.values_list("name", "pk"))
        perspectives = dict(Perspective.objects.values_list("name", "pk"))
        # A service only the Service costs sheet names is added now: that sheet comes later.
        services = service_pks({r.values["service"] for r in records if r.values.get("service")})
        measures = []
        for r in records:
            values = dict(r.values)
            if "service" in values:
                values["service_id"] = services.get(values.pop("service"))
            if "directorate" in values:
                values["directorate_id"] = directorates.get(values.pop("directorate"))
            if "perspective" in values:
                values["perspective_id"] = perspectives.get(values.pop("perspective"))
            if "baseline period" in present:
                values["baseline_period_id"] = ctx.period_pk(r.baseline_period)
            if "lead officer" in present:
                values["lead_user_id"] = ctx.user_for(values.get("lead_officer", ""))
            measures.append(Measure(code=r.code, **values))
        fields = sorted(
            {name.removesuffix("_id") for m in records for name in m.values}
            | {
                name.removesuffix("_id")
                for name in ("directorate", "perspective")
                if name in present
            }
            | ({"baseline_period"} if "baseline period" in present else set())
            | ({"lead_user"} if "lead officer" in present else set())
        )
        upsert(Measure, measures, unique_fields=["code"], update_fields=fields)
        pks = dict(
            Measure.objects.filter(code__in=[r.code for r in records]).values_list("code", "pk")
        )
        ctx.touched_measures.update(pks.values())
        if "objective" in present:
            objective_pks = dict(Objective.objects.values_list("code", "pk"))
            replace_links(
                Measure.objectives.through,
                "measure_id",
                "objective_id",
                {pks[r.code]: [objective_pks[c] for c in r.objectives] for r in records},
            )
        if "updaters" in present:
            updaters_replace(Measure, {pks[r.code]: r.updaters for r in records}, ctx)

    def export_rows(self) -> Iterator[list]:
        measures = (
            Measure.objects.select_related(
                "directorate", "perspective", "baseline_period", "service"
            )
            .prefetch_related("objectives", "updaters")
            .order_by("code")
        )
        for m in measures:
            yield [
                m.code,
                m.title,
                export_text(m.definition),
                export_text(", ".join(o.code for o in m.objectives.all())),
                export_text(m.directorate.name if m.directorate else ""),
                export_text(m.lead_officer),
                updaters_text(m),
                export_text(m.perspective.name if m.perspective else ""),
                m.get_family_display(),
                m.get_polarity_display(),
                m.unit,
                m.decimal_places,
                m.get_frequency_display(),
                "Yes" if m.cumulative else "No",
                export_number(m.baseline),
                export_text(m.baseline_period.label if m.baseline_period else ""),
                RagMethod(m.rag_method).label if m.rag_method else None,
                export_text(str(m.tolerance) if m.tolerance else ""),
                "Yes" if m.published else "No",
                "Yes" if m.customer_satisfaction else "No",
                export_text(m.data_quality),
                "Yes" if m.allows_out_of_range else "No",
                MeasureType(m.measure_type).label,
                Aggregation(m.aggregation).label if m.aggregation else None,
                export_text(m.formula),
                _profile_text(m),
                export_text(m.external_indicator),
                export_text(m.service.name if m.service else ""),
            ]


def _service_cell(reader: RowReader, directorate: str | None) -> tuple[str, str] | None:
    """The measure's service, by name within the measure's directorate (names repeat across
    directorates); None for a blank cell, which unlinks the measure."""
    name = reader.get("Service")
    if not name:
        return None
    if not directorate:
        reader.error(
            "Service", "a service belongs to a directorate: give the measure's Directorate"
        )
    elif not reader.ctx.knows_service(directorate, name):
        reader.error("Service", f"there is no service {name!r} in {directorate}")
    return (directorate, name)


def _note_profile_and_range(reader: RowReader, code: str, values: dict) -> None:
    """Read the Target profile cell, and note whether the measure is rated within a range."""
    if reader.has(TARGET_PROFILE):
        profile = reader.get(TARGET_PROFILE, lambda cell: parse_profile(text(cell)))
        if profile is not None:
            values["target_profile"] = profile[0].value
            values["target_profile_shares"] = [f"{s.normalize():f}" for s in profile[1]]
    if "polarity" in values:
        ranged = values["polarity"] == Polarity.RANGE.value
        (reader.ctx.range_measures.add if ranged else reader.ctx.range_measures.discard)(code)


def _profile_text(measure: Measure) -> str:
    """A profile as the Target profile cell writes it: Even, Manual or 10,20,30,40."""
    if measure.target_profile == TargetProfile.SEASONAL:
        return ",".join(measure.target_profile_shares)
    return TargetProfile(measure.target_profile).label


def _range_bounds(reader: RowReader, code: str, target: Decimal | None) -> dict:
    """Lower and Upper of a range measure's target: both or neither, lower ≤ upper.

    Returns the target's fields; a range target given only by its bounds is their middle.
    """
    unit = reader.ctx.unit_of(code)
    bounds = {}
    for header in ("Lower", "Upper"):
        found = reader.figure(header, unit=unit) if reader.has(header) else None
        reader.ctx.note_places(code, found)
        bounds[header] = found.value if found else None
    lower, upper = bounds["Lower"], bounds["Upper"]
    ranged = code in reader.ctx.range_measures
    problems = range_problems(code=code, ranged=ranged, lower=lower, upper=upper, target=target)
    for header, problem in problems:
        reader.error(header, problem)
    if not ranged:
        return {"value": target}
    if not problems:
        target = range_target(lower, upper, target)
    return {"value": target, "lower": lower, "upper": upper}


def _keep_derivations(targets: list[Target]) -> None:
    """A target typed as it was derived keeps saying how it was derived; a new figure is typed."""
    stored = {
        (m, p): (value, derivation)
        for m, p, value, derivation in Target.objects.filter(
            measure_id__in={t.measure_id for t in targets}
        ).values_list("measure_id", "period_id", "value", "derivation")
    }
    for target in targets:
        value, derivation = stored.get((target.measure_id, target.period_id), (None, ""))
        target.derivation = derivation if value == target.value else ""


class TargetsSheet(SheetHandler):
    name = "Targets"
    defines = "target"
    columns = (
        Column("Code", required=True),
        Column("Period", required=True),
        Column("Target"),
        Column("Lower"),
        Column("Upper"),
    )
    key_columns = ("Code", "Period")

    def row_key(self, reader: RowReader):
        return code_and_period(reader)

    def parse(self, reader: RowReader) -> tuple[str, PeriodRef | None, dict]:
        """A target as ``{"target": value, "lower": …, "upper": …}``; a blank value removes it.

        A year's target (2009/10) of a profiled measure is spread over its open periods after
        the import (``profiled_targets_derive``).
        """
        code = reader.ref("Code", "measure", reader.get("Code"), "measure")
        ref = period_cell(reader, "Period")
        target = reader.figure("Target", unit=reader.ctx.unit_of(code))
        reader.ctx.note_places(code, target)
        fields = _range_bounds(reader, code, target.value if target else None)
        if ref is not None:
            reader.ctx.targets[(code, ref.label)] = fields["value"]
        return (code, ref, {"target": fields.pop("value"), **fields})

    def apply(self, records, present, ctx: ImportContext) -> None:
        measures = ctx.measure_pks({code for code, _, _ in records})
        keep = [
            Target(
                measure_id=measures[code],
                period_id=ctx.period_pk(ref),
                value=values["target"],
                lower=values.get("lower"),
                upper=values.get("upper"),
            )
            for code, ref, values in records
            if values["target"] is not None
        ]
        _keep_derivations(keep)
        bounds = [f for f in ("lower", "upper") if f in present]
        fields = ["value", "derivation", *bounds]
        upsert(Target, keep, unique_fields=["measure", "period"], update_fields=fields)
        blanked = {
            (measures[code], ctx.period_pk(ref))
            for code, ref, values in records
            if values["target"] is None
        }
        if blanked:
            candidates = Target.objects.filter(
                measure_id__in={m for m, _ in blanked}, period_id__in={p for _, p in blanked}
            ).values_list("pk", "measure_id", "period_id")
            Target.objects.filter(
                pk__in=[pk for pk, m, p in candidates if (m, p) in blanked]
            ).delete()
        ctx.touched_measures.update(measures.values())

    def export_rows(self) -> Iterator[list]:
        targets = Target.objects.select_related("measure", "period").order_by(
            "measure__code", "period__start", "-period__end"
        )
        for t in targets:
            bounds = [export_number(t.lower), export_number(t.upper)]
            yield [t.measure.code, t.period.label, export_number(t.value), *bounds]


# The Results sheet's columns that read straight into a field of the result:
# (header, field, how the cell is read, the value when blank). Actual and RAG need more
# (plausibility, a RAG letter) and are read in ``ResultsSheet.parse``.
RESULT_COLUMN_READERS = (
    ("Commentary", "commentary", text, ""),
    ("Corrective action", "corrective_action", text, ""),
    ("Likelihood", "risk_likelihood", lambda c: whole_number(c, low=1, high=5), None),
    ("Impact", "risk_impact", lambda c: whole_number(c, low=1, high=5), None),
    (REASON_COLUMN, "judgement_reason", text, ""),
)


def _risk_pair(reader: RowReader, values: dict) -> None:
    """Likelihood and impact together or not at all (issue 11), named by the blank column."""
    if not (reader.has("Likelihood") or reader.has("Impact")):
        return
    # Whether each half was written at all: a half written wrong ("6") has its own error.
    written = [
        1 if reader.has(header) and text(reader.raw(header)) else None
        for header in ("Likelihood", "Impact")
    ]
    problems = risk_pair_problems(*written)
    for name, message in problems.items():
        blank = "Likelihood" if name == "risk_likelihood" else "Impact"
        given = "Impact" if blank == "Likelihood" else "Likelihood"
        # A sheet without the blank half's column: point at the half that is there.
        reader.error(blank if reader.has(blank) else given, message)


def _figures_changed(results: list[Result], fields: list[str]) -> set[tuple[int, int]]:
    """The (measure, period) of each result that is new or whose figures differ from those stored.

    Only these are rated in a closed or locked period: an unchanged row keeps its signed-off
    rating even if the measure's rule has moved since (``scorecard.rules.signoff``).
    """
    rated_by = [name for name in ("actual", "officer_rag", "forecast") if name in fields]
    stored = {
        (r["measure_id"], r["period_id"]): r
        for r in Result.objects.filter(
            measure_id__in={r.measure_id for r in results},
            period_id__in={r.period_id for r in results},
        ).values("measure_id", "period_id", *rated_by)
    }
    changed = set()
    for result in results:
        key = (result.measure_id, result.period_id)
        before = stored.get(key)
        if before is None or any(before[name] != getattr(result, name) for name in rated_by):
            changed.add(key)
    return changed


NUMERATOR, DENOMINATOR = "Numerator", "Denominator"


def _ratio(reader: RowReader, code: str, actual: Decimal | None) -> dict[str, Decimal | None]:
    """A ratio result's parts, and the actual worked out from them (× 100 for a percentage).

    Both parts or neither; a zero denominator is refused; an Actual given beside them must
    agree with them at the places it was written with.
    """
    parts = [reader.get(header, decimal) for header in (NUMERATOR, DENOMINATOR)]
    numerator, denominator = parts
    if numerator is None and denominator is None:
        return {"numerator": None, "denominator": None}
    if numerator is None or denominator is None:
        blank = NUMERATOR if numerator is None else DENOMINATOR
        reader.error(blank, "give both the numerator and the denominator, or neither")
        return {}
    unit = reader.ctx.unit_of(code)
    try:
        value = ratio_value(numerator, denominator, unit=unit)
    except RatioError as error:
        reader.error(DENOMINATOR, str(error))
        return {}
    worked_out = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    if actual is not None and quantize(value, places_of(actual)) != actual:
        shown = format_value(quantize(value, places_of(actual)), unit, places_of(actual))
        reader.error("Actual", f"the numerator and denominator make {shown}, not this")
    return {"numerator": numerator, "denominator": denominator, "actual": worked_out}


class ResultsSheet(ReturnsSheet):
    name = "Results"
    defines = "result"
    return_model = Result
    item_field = "measure"
    columns = (
        Column("Code", required=True),
        Column("Period", required=True),
        Column("Actual"),
        Column("RAG"),
        Column("Commentary"),
        Column("Corrective action"),
        Column("Likelihood"),
        Column("Impact"),
        Column("Status"),
        Column(VALUE_CONFIRMED),
        Column(NUMERATOR),
        Column(DENOMINATOR),
        Column("Forecast"),
        Column(REASON_COLUMN),
    )

    def parse(self, reader: RowReader) -> tuple[str, PeriodRef | None, dict]:
        code = reader.ref("Code", "measure", reader.get("Code"), "measure")
        if reader.ctx.calculated.get(code):
            reader.error(
                "Code",
                f"{code} is calculated from its formula ({reader.ctx.calculated[code]}): "
                "give the results of the measures it uses instead",
            )
        ref = period_cell(reader, "Period")
        values = {}
        if reader.has("Actual"):
            values["actual"] = self._actual(reader, code, ref)
        if reader.has(NUMERATOR) or reader.has(DENOMINATOR):
            values.update(_ratio(reader, code, values.get("actual")))
        if reader.has("Forecast"):  # the officer's year-end forecast
            forecast = reader.figure("Forecast", unit=reader.ctx.unit_of(code))
            reader.ctx.note_places(code, forecast)
            values["forecast"] = forecast.value if forecast else None
        for header, field_name, convert, default in RESULT_COLUMN_READERS:
            if reader.has(header):
                value = reader.get(header, convert)
                values[field_name] = default if value in (None, "") else value
        _risk_pair(reader, values)
        values["status"] = self.status_cell(reader)
        if reader.has("RAG"):
            values["officer_rag"] = self.rag_cell(reader)
        return (code, ref, values)

    @staticmethod
    def _actual(reader: RowReader, code: str, ref: PeriodRef | None) -> Decimal | None:
        """The actual, refused while it looks like a slip and the row does not confirm it."""
        unit, allows = reader.ctx.measures.get(code, ("number", False))
        actual = reader.figure("Actual", unit=unit)
        reader.ctx.note_places(code, actual)
        if actual is None:
            return None
        doubt = implausible_actual(
            actual.value,
            unit=unit,
            target=reader.ctx.target_for(code, ref),
            allows_out_of_range=allows,
        )
        if doubt and not reader.get(VALUE_CONFIRMED, yes_no):
            reader.error(
                "Actual",
                f"{doubt}: check it, and if it is right write Yes in a "
                f'"{VALUE_CONFIRMED}" column for this row',
            )
        return actual.value

    def apply(self, records, present, ctx: ImportContext) -> None:
        measures = ctx.measure_pks({code for code, _, _ in records})
        results = [
            Result(measure_id=measures[code], period_id=ctx.period_pk(ref), **values)
            for code, ref, values in records
        ]
        fields = self.fields_written(records, present)
        ctx.written_results.update(_figures_changed(results, fields))
        ctx.results_written.update((r.measure_id, r.period_id) for r in results)
        self.save(results, fields)
        ctx.touched_measures.update(measures.values())

    def stored(self) -> Iterator[Result]:
        # A calculated result, or a quarter rolled up from its months, is worked out again on
        # import, never typed.
        return (r for r in super().stored() if r.source == ResultSource.ENTERED)

    def export_rows(self) -> Iterator[list]:
        targets = {
            (measure, period): value
            for measure, period, value in Target.objects.values_list(
                "measure_id", "period_id", "value"
            ).order_by()
        }
        for r in self.stored():
            # A stored actual that looks implausible was confirmed: say so, so it imports again.
            confirmed = r.actual is not None and implausible_actual(
                r.actual,
                unit=r.measure.unit,
                target=targets.get((r.measure_id, r.period_id)),
                allows_out_of_range=r.measure.allows_out_of_range,
            )
            yield [
                r.measure.code,
                r.period.label,
                export_number(r.actual),
                self.rag_letter(r.officer_rag),
                export_text(r.commentary),
                export_text(r.corrective_action),
                r.risk_likelihood,
                r.risk_impact,
                r.get_status_display(),
                "Yes" if confirmed else None,
                export_number(r.numerator),
                export_number(r.denominator),
                export_number(r.forecast),
                export_text(r.judgement_reason),
            ]
