"""Change notifications: a trigger on ``questions`` and on ``generation_sessions`` that
``pg_notify``\\s the channel ``derivativ_changes`` after every row written, by anyone (the app,
the admin, SQL typed into the Supabase dashboard).

The payload is small JSON, never the row (NOTIFY payloads are limited to 8000 bytes)::

    {"table": "questions", "op": "UPDATE", "id": "<uuid>", "owner_id": 3, "xid": "48213"}

``xid`` is the writing transaction's id (64-bit, never reused on the server), so
``xid:table:op:id`` names one change: the change feed's forwarders use it to publish each change
once however many of them listen (see ``generation.changefeed``). A notification is only
delivered when its transaction commits, and PostgreSQL folds identical ones sent in the same
transaction.

A session update that only moves ``heartbeat_at``/``updated_at`` (the worker's heartbeat, every
few seconds) changes nothing a page shows, so it sends nothing: the trigger's arguments name the
columns that do not count.

On Supabase the two tables are also added to the ``supabase_realtime`` publication (when it
exists), for the optional Realtime change feed (``CHANGE_FEED=supabase``).
"""

from django.db import migrations

CHANNEL = "derivativ_changes"

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION derivativ_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_NARGS > 0
       AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME,
        'op', TG_OP,
        'id', changed.id,
        'owner_id', changed.owner_id,
        'xid', pg_current_xact_id()::text
    )::text);
    RETURN NULL;
END
$$;
"""

CREATE_TRIGGERS = """
CREATE TRIGGER questions_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON questions
    FOR EACH ROW EXECUTE FUNCTION derivativ_notify_change();
CREATE TRIGGER generation_sessions_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON generation_sessions
    FOR EACH ROW EXECUTE FUNCTION derivativ_notify_change('heartbeat_at', 'updated_at');
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS questions_notify_change ON questions;
DROP TRIGGER IF EXISTS generation_sessions_notify_change ON generation_sessions;
DROP FUNCTION IF EXISTS derivativ_notify_change();
"""

REALTIME_PUBLICATION = """
DO $$
DECLARE
    t text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
        RETURN;
    END IF;
    FOREACH t IN ARRAY ARRAY['questions', 'generation_sessions'] LOOP
        IF NOT EXISTS (
            SELECT 1 FROM pg_publication_tables
            WHERE pubname = 'supabase_realtime' AND schemaname = current_schema() AND tablename = t
        ) THEN
            BEGIN
                EXECUTE format('ALTER PUBLICATION supabase_realtime ADD TABLE %I', t);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'May not add % to supabase_realtime: the Realtime feed will not see it.', t;
            END;
        END IF;
    END LOOP;
END
$$;
"""

REALTIME_PUBLICATION_REVERSE = """
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN
        SELECT tablename FROM pg_publication_tables
        WHERE pubname = 'supabase_realtime' AND schemaname = current_schema()
          AND tablename IN ('questions', 'generation_sessions')
    LOOP
        EXECUTE format('ALTER PUBLICATION supabase_realtime DROP TABLE %I', t);
    END LOOP;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("generation", "0002_initial"),
        ("questions", "0003_row_level_security"),
    ]

    operations = [
        migrations.RunSQL(
            [CREATE_FUNCTION.strip(), CREATE_TRIGGERS.strip()],
            reverse_sql=[DROP_TRIGGERS.strip()],
        ),
        migrations.RunSQL(
            [REALTIME_PUBLICATION.strip()], reverse_sql=[REALTIME_PUBLICATION_REVERSE.strip()]
        ),
    ]
