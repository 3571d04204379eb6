from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scorecard", "0016_period_publication"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="cost_indicator",
            field=models.CharField(
                blank=True,
                help_text="The indicator id comparator files use for this service's cost (cost "
                "per head where the service gives one, else net cost), e.g. an LG Inform id.",
                max_length=100,
                verbose_name="Cost indicator",
            ),
        ),
    ]
