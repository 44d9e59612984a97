"""Seed the reference tables and the 0580 syllabus. Idempotent: re-running updates rows."""

from django.db import migrations


def seed(apps, schema_editor):
    from questions.reference_data import reference_rows, syllabus_rows

    models = {
        "tiers": apps.get_model("questions", "Tier"),
        "command_words": apps.get_model("questions", "CommandWord"),
        "calculator_policies": apps.get_model("questions", "CalculatorPolicy"),
        "generation_statuses": apps.get_model("questions", "GenerationStatus"),
        "question_origins": apps.get_model("questions", "QuestionOrigin"),
    }
    for table, rows in reference_rows().items():
        for row in rows:
            row = dict(row)
            models[table].objects.update_or_create(code=row.pop("code"), defaults=row)
    SyllabusCode = apps.get_model("questions", "SyllabusCode")
    for row in syllabus_rows():
        row = dict(row)
        SyllabusCode.objects.update_or_create(code=row.pop("code"), defaults=row)


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
