"""The performance team's form for a service's cost in a year (issue 11)."""

from django import forms

from scorecard.models import ReportingPeriod, Service


class ServiceCostForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.select_related("directorate"), label="Service"
    )
    year = forms.ModelChoiceField(
        queryset=ReportingPeriod.objects.filter(kind="year").order_by("-start"),
        to_field_name="label",
        label="Financial year",
    )
    net_cost = forms.DecimalField(
        label="Net cost (£)", max_digits=18, decimal_places=4, help_text="For the whole year."
    )
    cost_per_head = forms.DecimalField(
        label="Cost per head (£)", required=False, max_digits=18, decimal_places=4
    )
    unit_cost = forms.DecimalField(
        label="Cost per unit (£)", required=False, max_digits=18, decimal_places=4
    )
    unit = forms.CharField(
        label="Unit", required=False, max_length=100, help_text="What a unit is: “tonne”."
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)
