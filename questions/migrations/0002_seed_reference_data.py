"""Seed the reference tables and the 0580 syllabus. Idempotent: re-running updates rows."""

from django.db import migrations


def seed(apps, schema_editor):
    from questions.reference_data import seed as seed_reference_data

    seed_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
