"""Report packs: the Cabinet/Executive performance report a clerk assembles, and its builds."""

from django.conf import settings
from django.db import models

from scorecard.models import Directorate, Objective, Perspective, Plan, ReportingPeriod


class ReportPack(models.Model):
    """A committee's performance report: cover details, narrative and chosen annexes.

    The narrative headings are those of Oxfordshire CC's Cabinet report for Q2 2009/10.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        FINAL = "final", "Final"

    title = models.CharField(
        max_length=300, help_text="e.g. Q2 Performance Management: July – September 2009"
    )
    committee = models.CharField(
        max_length=200, help_text="e.g. Cabinet, Executive, or a scrutiny panel"
    )
    meeting_date = models.DateField(null=True, blank=True)
    agenda_item = models.CharField(max_length=40, blank=True, help_text="e.g. EX7")
    report_by = models.CharField(
        max_length=200, blank=True, help_text="e.g. County Council Management Team"
    )
    contact_officer = models.CharField(max_length=200, blank=True)
    contact_telephone = models.CharField(max_length=40, blank=True)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="packs")
    objectives = models.ManyToManyField(Objective, blank=True, related_name="+")
    directorates = models.ManyToManyField(Directorate, blank=True, related_name="+")
    perspectives = models.ManyToManyField(Perspective, blank=True, related_name="+")
    plans = models.ManyToManyField(Plan, blank=True, related_name="+")
    going_well = models.TextField("What is going well?", blank=True)
    requires_attention = models.TextField("What requires attention?", blank=True)
    being_done = models.TextField("What is being done about it?", blank=True)
    needs_to_develop = models.TextField("What needs to develop?", blank=True)
    recommendation = models.TextField("Recommendation", blank=True)
    include_scorecard = models.BooleanField("Balanced scorecard", default=True)
    include_improvement_plan = models.BooleanField("Improvement-plan tables", default=True)
    include_exceptions = models.BooleanField("Exceptions", default=True)
    include_action_plans = models.BooleanField("Priority action plans", default=False)
    include_measure_pages = models.BooleanField("Measure pages with charts", default=False)
    include_benchmarking = models.BooleanField(
        "Benchmarking against comparators",
        default=False,
        help_text="Each benchmarked measure's rank and quartile in the first comparator group "
        "by name, and how many measures sit in each quartile.",
    )
    include_risk_matrix = models.BooleanField("Risk matrix", default=False)
    # A pack publishes approved figures; the clerk may add those still awaiting approval.
    include_provisional = models.BooleanField(
        "Include figures awaiting approval, marked Provisional",
        default=False,
        help_text="Left unticked, a result or update submitted but not yet approved is counted "
        "as awaiting approval and its figure is left out.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def contact(self) -> str:
        return ", tel. ".join(p for p in (self.contact_officer, self.contact_telephone) if p)


class PackBuild(models.Model):
    """One build of a pack in one format, made by a background task and kept in storage.

    Or, with no pack, a page's download too big to render at once (issue 13): `page` names it
    in `reporting.downloads.PAGES`, `params` hold the page's query string and plan code.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    pack = models.ForeignKey(
        ReportPack, on_delete=models.CASCADE, related_name="builds", null=True, blank=True
    )
    page = models.CharField(max_length=20, blank=True)
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=10, choices=[("pdf", "PDF"), ("xlsx", "Excel")])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    message = models.CharField(max_length=300, blank=True)
    file = models.FileField(upload_to="packs/", blank=True)
    # What the pack's data looked like when built: an unchanged fingerprint on a locked
    # period means the stored file can be served again instead of rebuilt.
    fingerprint = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker beats while it builds: a running build whose beat stopped lost its worker
    # (killed, out of memory) and is built again or failed (issue 13).
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["pack", "format", "status"]),
            models.Index(fields=["requested_by", "status"], name="reporting_build_user_status"),
        ]

    def __str__(self) -> str:
        return f"{self.pack} ({self.format}, {self.status})"
