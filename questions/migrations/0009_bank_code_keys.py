"""The bank's per-code keys (``QuestionCodeKey``): a row per question and syllabus code, kept by
triggers on ``questions``, with the btree the bank reads a code's keys from.

``question_code_keys_by_code`` is ``(code, created_at, question_id)`` carrying every column a
bank filter reads, so "this code + any facets" is a walk of one code's range in date order,
checked on the index entries: the capped count reads at most a code's entries (a few thousand
at a million questions) and never the heap. Before it, the planner ANDed the code's GIN entries
with a low-selectivity bitmap (tier: 400 000 rows) or read each of the code's heap rows
(bench/bank.py, 2026-12-07: 40–80 ms p95 for code combinations).

The triggers run in the writing transaction, for any writer (the app, the admin, SQL in
Supabase's dashboard): insert and delete follow the question; an update rewrites a question's
keys only when a column they hold changed (Django's ``save()`` sets every column); TRUNCATE of
``questions`` empties them (by DELETE: Django's flush truncates both tables in one statement,
which holds this one open). Row level security as on every other table (migration 0003): the
API roles read nothing here, ``service_role`` everything.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

KEY_COLUMNS = (
    "created_at", "review_state", "owner_id", "tier", "topic", "marks", "calculator_policy",
    "difficulty", "origin", "quality_score", "command_words",
)  # fmt: skip


def columns(of: str = "", names: tuple[str, ...] = KEY_COLUMNS) -> str:
    return ", ".join(f"{of}{name}" for name in names)


BACKFILL = f"""
INSERT INTO question_code_keys (question_id, code, {columns()})
SELECT DISTINCT q.id, c.code, {columns("q.")}
FROM questions q CROSS JOIN LATERAL unnest(q.syllabus_codes) AS c(code);
"""

INDEX = f"""
CREATE INDEX IF NOT EXISTS question_code_keys_by_code
    ON question_code_keys (code, created_at, question_id)
    INCLUDE ({columns(names=KEY_COLUMNS[1:])});
"""

SYNC = f"""
CREATE OR REPLACE FUNCTION question_code_keys_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM question_code_keys;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM question_code_keys WHERE question_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO question_code_keys (question_id, code, {columns()})
        SELECT DISTINCT NEW.id, c.code, {columns("NEW.")}
        FROM unnest(NEW.syllabus_codes) AS c(code);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER question_code_keys_insert_delete
    AFTER INSERT OR DELETE ON questions
    FOR EACH ROW EXECUTE FUNCTION question_code_keys_sync();
CREATE TRIGGER question_code_keys_update
    AFTER UPDATE ON questions
    FOR EACH ROW
    WHEN ((OLD.syllabus_codes, {columns("OLD.")})
          IS DISTINCT FROM
          (NEW.syllabus_codes, {columns("NEW.")}))
    EXECUTE FUNCTION question_code_keys_sync();
CREATE TRIGGER question_code_keys_truncate
    AFTER TRUNCATE ON questions
    FOR EACH STATEMENT EXECUTE FUNCTION question_code_keys_sync();
"""

UNSYNC = """
DROP TRIGGER IF EXISTS question_code_keys_truncate ON questions;
DROP TRIGGER IF EXISTS question_code_keys_update ON questions;
DROP TRIGGER IF EXISTS question_code_keys_insert_delete ON questions;
DROP FUNCTION IF EXISTS question_code_keys_sync();
"""

# As questions/0003 and papers/0002 do for the tables before this one.
ROW_LEVEL_SECURITY = """
DO $$
DECLARE
    reader text;
BEGIN
    ALTER TABLE public.question_code_keys ENABLE ROW LEVEL SECURITY;
    FOREACH reader IN ARRAY ARRAY(
        SELECT r FROM unnest(ARRAY['anon', 'authenticated']) AS r
        WHERE to_regrole(r) IS NOT NULL ORDER BY r
    ) LOOP
        EXECUTE format('REVOKE ALL ON public.question_code_keys FROM %I', reader);
        EXECUTE format('GRANT SELECT ON public.question_code_keys TO %I', reader);
    END LOOP;
    IF to_regrole('service_role') IS NOT NULL THEN
        GRANT ALL ON public.question_code_keys TO service_role;
        CREATE POLICY service_role_all ON public.question_code_keys FOR ALL TO service_role
            USING (true) WITH CHECK (true);
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0008_bank_drop_low_selectivity_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="QuestionCodeKey",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "question",
                        "code",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("code", models.CharField(max_length=10)),
                ("created_at", models.DateTimeField()),
                (
                    "review_state",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("needs_review", "Needs review"),
                            ("approved", "Approved"),
                            ("rejected", "Rejected"),
                        ],
                        max_length=20,
                    ),
                ),
                ("topic", models.CharField(max_length=80)),
                ("marks", models.PositiveSmallIntegerField()),
                ("difficulty", models.PositiveSmallIntegerField()),
                ("quality_score", models.FloatField(null=True)),
                (
                    "command_words",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=40), default=list
                    ),
                ),
                (
                    "calculator_policy",
                    models.ForeignKey(
                        db_column="calculator_policy",
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="questions.calculatorpolicy",
                    ),
                ),
                (
                    "origin",
                    models.ForeignKey(
                        db_column="origin",
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="questions.questionorigin",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="questions.question",
                    ),
                ),
                (
                    "tier",
                    models.ForeignKey(
                        db_column="tier",
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="questions.tier",
                    ),
                ),
            ],
            options={
                "db_table": "question_code_keys",
            },
        ),
        migrations.RunSQL(
            [BACKFILL.strip(), INDEX.strip(), SYNC.strip(), ROW_LEVEL_SECURITY.strip()],
            reverse_sql=[UNSYNC.strip()],
        ),
    ]
