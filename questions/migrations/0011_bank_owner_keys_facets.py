"""The owner keys index carries every filter column, as ``questions_bank_keys`` does.

A review state other than "approved" reads only the teacher's own questions
(``QuestionQuerySet.visible_in_state``) through ``questions_owner_keys`` (0007), which held only
its key: any other facet was checked on each heap row. "Drafts with this command word" at a
million questions read a few thousand heap rows for the capped count (p95 42 ms,
bench/bank.py 2026-12-08). Rebuilt with the facets included, it is an index-only read.

Plain SQL, like 0005–0010: a tuning choice, not part of the model's schema.
"""

from django.db import migrations

FACETS = (
    "tier, topic, marks, calculator_policy, difficulty, origin, quality_score, syllabus_codes, "
    "command_words"
)

CREATE = f"""
DROP INDEX IF EXISTS questions_owner_keys;
CREATE INDEX questions_owner_keys ON questions (owner_id, review_state, created_at, id)
    INCLUDE ({FACETS});
"""
DROP = """
DROP INDEX IF EXISTS questions_owner_keys;
CREATE INDEX questions_owner_keys ON questions (owner_id, review_state, created_at, id);
"""


class Migration(migrations.Migration):
    dependencies = [("questions", "0010_bank_topic_keys_index")]

    operations = [migrations.RunSQL(CREATE.strip(), reverse_sql=DROP.strip())]
