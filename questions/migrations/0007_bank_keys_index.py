"""The bank's keys index: ``(created_at, id)`` carrying every column a bank filter reads.

A bank page by date first reads keys, not rows (``questions.paging``): the keys of up to
``COUNT_CAP + 1`` matches for the capped count, and, when there are more, the keyset walk to
the page's 21 keys. With who may see a row (``review_state``, ``owner_id``) and every facet's column in the index,
both are index-only scans: a filter is checked on the index entry, never on the heap row (about
5 KB at a million questions, most of it ``content``). Without it the count read up to a thousand
whole rows and a selective filter's walk read tens of thousands (bench/bank.py, 2026-12-07).
It supersedes ``questions_created_id`` (0006), whose key it repeats.

A review-state filter other than "approved" reads only the teacher's own questions
(``QuestionQuerySet.visible_in_state``): ``questions_owner_keys`` hands those keys over in
order, index-only as well.

Plain SQL, like 0005 and 0006: a tuning choice, not part of the model's schema.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS questions_bank_keys ON questions (created_at, id)
    INCLUDE (review_state, owner_id, tier, topic, marks, calculator_policy, difficulty, origin,
             quality_score, syllabus_codes, command_words);
DROP INDEX IF EXISTS questions_created_id;
CREATE INDEX IF NOT EXISTS questions_owner_keys
    ON questions (owner_id, review_state, created_at, id);
"""
DROP = """
DROP INDEX IF EXISTS questions_owner_keys;
CREATE INDEX IF NOT EXISTS questions_created_id ON questions (created_at, id);
DROP INDEX IF EXISTS questions_bank_keys;
"""


class Migration(migrations.Migration):
    dependencies = [("questions", "0006_bank_keyset_index")]

    operations = [migrations.RunSQL(CREATE.strip(), reverse_sql=DROP.strip())]
