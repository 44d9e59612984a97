"""The bank's topic keys index: ``(topic, created_at, id)`` carrying every other column a bank
filter reads.

A topic holds one question in forty or so, and no index led with it: "topic + another facet"
walked ``questions_bank_keys`` (every question, in date order) checking both on each entry, or
ANDed bitmaps. At a million questions the capped count of "topic + marks" or "topic + quality"
took 9–12 ms of the page's 20 (bench/bank.py, 2026-12-07). With this index it reads one topic's
range in date order, index-only: 2–3 ms.

Plain SQL, like 0005–0007: a tuning choice, not part of the model's schema.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS questions_topic_keys ON questions (topic, created_at, id)
    INCLUDE (review_state, owner_id, tier, marks, calculator_policy, difficulty, origin,
             quality_score, syllabus_codes, command_words);
"""
DROP = "DROP INDEX IF EXISTS questions_topic_keys;"


class Migration(migrations.Migration):
    dependencies = [("questions", "0009_bank_code_keys")]

    operations = [migrations.RunSQL(CREATE.strip(), reverse_sql=DROP)]
