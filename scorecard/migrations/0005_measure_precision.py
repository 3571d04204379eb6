from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scorecard", "0004_signed_off_ratings"),
    ]

    operations = [
        migrations.AddField(
            model_name="measure",
            name="allows_out_of_range",
            field=models.BooleanField(
                default=False,
                help_text="For a percentage that may be below 0 or above 100 (a growth rate, a "
                "variance). Otherwise such a result is saved only once the officer confirms it.",
                verbose_name="Can fall outside 0-100%",
            ),
        ),
    ]
