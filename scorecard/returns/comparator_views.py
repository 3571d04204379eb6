"""The performance team's upload of comparator data (issue 11): one importer, as the command."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from scorecard.models import ComparatorGroup, ComparatorImport
from scorecard.returns.permissions import can_manage_comparators
from scorecard.services.comparators import comparators_import
from scorecard.workbook import comparators as reader
from scorecard.workbook.errors import WorkbookRefused


class ComparatorUploadForm(forms.Form):
    file = forms.FileField(
        label="Comparator file (.csv or .xlsx)",
        help_text="Columns Area code, Area name, Indicator, Period, Value; optionally Unit and "
        "Source, as LG Inform, APSE and CIPFA download them.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    group = forms.CharField(
        label="Comparator group (optional)",
        required=False,
        max_length=200,
        help_text="The file's areas form this group, replacing its members if it exists.",
    )
    source = forms.CharField(
        label="Source (optional)",
        required=False,
        max_length=100,
        help_text="For example LG Inform. Otherwise each row's Source column. Importing the "
        "same source again replaces its values for the file's indicators and periods.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("Upload a .csv file or an Excel workbook (.xlsx).")
        if upload.size > reader.MAX_BYTES:
            raise forms.ValidationError(
                f"The file is too large ({upload.size // 1024:,} KB): the most accepted is "
                f"{reader.MAX_BYTES // 1024:,} KB."
            )
        return upload


def comparators_upload(request: HttpRequest) -> HttpResponse:
    """Upload comparator data: all or nothing, every problem listed by row and column."""
    if not can_manage_comparators(request.user):
        raise PermissionDenied
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if request.method == "POST" and length > reader.MAX_BYTES + 64 * 1024:
        messages.error(request, "The file is too large for a comparator import.")
        return redirect("returns:comparators")
    form = ComparatorUploadForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = comparators_import(
                name=upload.name,
                data=upload.read(),
                user=request.user,
                group=form.cleaned_data["group"],
                source=form.cleaned_data["source"],
            )
        except WorkbookRefused as refused:
            context["refused"] = refused
        else:
            messages.success(request, summary.sentence())
            return redirect("returns:comparators")
    context["imports"] = ComparatorImport.objects.select_related("group", "imported_by")[:20]
    context["groups"] = ComparatorGroup.objects.order_by("name")
    return render(request, "returns/comparators_upload.html", context)
