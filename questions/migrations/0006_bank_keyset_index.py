"""An index for the bank's keyset pages: ``(created_at, id)``, the newest/oldest sort's key.

A page after a cursor is ``WHERE (created_at, id) < (…) ORDER BY created_at DESC, id DESC
LIMIT 21``: with this index the row comparison is the index condition and the page is the next
21 index entries, however deep (bench/bank.py). The single-column ``created_at`` index stays for
other readers (the admin, sessions' questions).

Plain SQL, like 0005: a tuning choice, not part of the model's schema.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS questions_created_id ON questions (created_at, id);"
DROP = "DROP INDEX IF EXISTS questions_created_id;"


class Migration(migrations.Migration):
    dependencies = [("questions", "0005_bank_tier_topic_index")]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
