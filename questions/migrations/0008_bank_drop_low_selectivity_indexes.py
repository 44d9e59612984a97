"""Drop indexes on low-selectivity bank columns: ``calculator_policy`` (its foreign key's own
index), ``(tier, marks, calculator_policy)``, ``(tier, difficulty)`` and ``quality_score``.

Each matches a large share of the table (a third, a fifth, …). For a page's capped count the
planner ANDed their bitmaps with a selective one (a syllabus code's GIN entries), building a
bitmap of 100 000–340 000 rows to save a few hundred heap reads: 20–60 ms at a million where the
code's entries alone take 2–9 ms (bench/bank.py, 2026-12-07). ``questions_bank_keys`` (0007)
carries these columns, so a filter on them alone is an index-only walk.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0007_bank_keys_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="question",
            name="questions_tier_marks_calc",
        ),
        migrations.RemoveIndex(
            model_name="question",
            name="questions_tier_difficulty",
        ),
        migrations.RemoveIndex(
            model_name="question",
            name="questions_quality",
        ),
        migrations.AlterField(
            model_name="question",
            name="calculator_policy",
            field=models.ForeignKey(
                db_column="calculator_policy",
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                to="questions.calculatorpolicy",
            ),
        ),
    ]
