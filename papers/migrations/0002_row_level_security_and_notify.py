"""Row level security on the papers tables (as ``questions/0003_row_level_security`` does for
the tables before them: the API roles read none of them; ``service_role`` reads and writes
them all), and the change-notification trigger on ``paper_jobs``, so a job's progress, written
by a worker, reaches the pages watching its paper (see ``generation.changefeed``)."""

from django.db import migrations

TABLES = [
    "papers",
    "papers_shared_with",
    "paper_questions",
    "paper_variants",
    "paper_files",
    "paper_jobs",
    "paper_basket_items",
]

ENABLE = """
DO $$
DECLARE
    t text;
    s text;
    reader text;
    readers text[] := ARRAY(
        SELECT r FROM unnest(ARRAY['anon', 'authenticated']) AS r
        WHERE to_regrole(r) IS NOT NULL ORDER BY r
    );
    has_service_role boolean := to_regrole('service_role') IS NOT NULL;
BEGIN
    FOREACH t IN ARRAY ARRAY[__TABLES__] LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        FOREACH reader IN ARRAY readers LOOP
            EXECUTE format('REVOKE ALL ON public.%I FROM %I', t, reader);
            EXECUTE format('GRANT SELECT ON public.%I TO %I', t, reader);
        END LOOP;
        IF has_service_role THEN
            EXECUTE format('GRANT ALL ON public.%I TO service_role', t);
            EXECUTE format(
                'CREATE POLICY service_role_all ON public.%I FOR ALL TO service_role '
                'USING (true) WITH CHECK (true)',
                t
            );
        END IF;
    END LOOP;
    FOR s IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relname LIKE 'paper%'
        ORDER BY c.relname
    LOOP
        FOREACH reader IN ARRAY readers LOOP
            EXECUTE format('REVOKE ALL ON SEQUENCE public.%I FROM %I', s, reader);
        END LOOP;
        IF has_service_role THEN
            EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE public.%I TO service_role', s);
        END IF;
    END LOOP;
END
$$;
""".replace("__TABLES__", ", ".join(f"'{t}'" for t in TABLES))

DISABLE = """
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[__TABLES__] LOOP
        EXECUTE format('DROP POLICY IF EXISTS service_role_all ON public.%I', t);
        EXECUTE format('ALTER TABLE public.%I DISABLE ROW LEVEL SECURITY', t);
    END LOOP;
END
$$;
""".replace("__TABLES__", ", ".join(f"'{t}'" for t in TABLES))

NOTIFY = """
CREATE TRIGGER paper_jobs_notify_change
    AFTER INSERT OR UPDATE OR DELETE ON paper_jobs
    FOR EACH ROW EXECUTE FUNCTION derivativ_notify_change('heartbeat_at', 'updated_at');
"""

NOTIFY_REVERSE = "DROP TRIGGER IF EXISTS paper_jobs_notify_change ON paper_jobs;"

# For the Supabase Realtime feed (CHANGE_FEED=supabase), where the publication exists.
REALTIME = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime')
       AND NOT EXISTS (
           SELECT 1 FROM pg_publication_tables
           WHERE pubname = 'supabase_realtime' AND schemaname = current_schema()
             AND tablename = 'paper_jobs'
       ) THEN
        BEGIN
            ALTER PUBLICATION supabase_realtime ADD TABLE paper_jobs;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'May not add paper_jobs to supabase_realtime: the Realtime feed will not see it.';
        END;
    END IF;
END
$$;
"""

REALTIME_REVERSE = """
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM pg_publication_tables
        WHERE pubname = 'supabase_realtime' AND schemaname = current_schema()
          AND tablename = 'paper_jobs'
    ) THEN
        ALTER PUBLICATION supabase_realtime DROP TABLE paper_jobs;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("papers", "0001_initial"),
        ("questions", "0004_change_notify"),
    ]

    operations = [
        migrations.RunSQL([ENABLE.strip()], reverse_sql=[DISABLE.strip()]),
        migrations.RunSQL([NOTIFY.strip()], reverse_sql=[NOTIFY_REVERSE]),
        migrations.RunSQL([REALTIME.strip()], reverse_sql=[REALTIME_REVERSE.strip()]),
    ]
