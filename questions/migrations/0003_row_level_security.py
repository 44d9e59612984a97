"""Row level security on every table in the public schema, Supabase style.

Supabase's PostgREST serves the public schema to two API roles: ``anon`` (the anon/publishable
key) and ``authenticated`` (a signed-in Supabase user). They may read the reference tables and
nothing else; ``service_role`` may read and write everything. The app's own database user owns
the tables, and an owner is exempt from row level security (no FORCE here), so the app is
unaffected.

Works on Supabase (the roles exist), on plain PostgreSQL and on the embedded server: when a
role is missing, a superuser creates it (NOLOGIN); anyone else skips that role's grants and
policies with a NOTICE, leaving row level security on and every non-owner locked out.

The grants are explicit, so the result is the same with or without Supabase's default
privileges: reads are granted and row level security picks the rows (none, except reference
data), and writes, TRUNCATE included (which row level security does not cover), are revoked
from the API roles.

A table created by a later migration gets none of this: add a migration that does the same for
it (``python manage.py supabase_sql`` then puts that migration's SQL in a new Supabase file).
"""

from django.db import migrations

CREATE_MISSING_ROLES = """
DO $$
DECLARE
    missing text;
BEGIN
    FOR missing IN
        SELECT r FROM unnest(ARRAY['anon', 'authenticated', 'service_role']) AS r
        WHERE to_regrole(r) IS NULL
        ORDER BY r
    LOOP
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', missing);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- a concurrent migration on the same server created it first
            END;
        ELSE
            RAISE NOTICE 'Role % does not exist and % may not create it: no grants or policies for it.',
                missing, current_user;
        END IF;
    END LOOP;
END
$$;
"""

ENABLE_ROW_LEVEL_SECURITY = """
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
    reference_tables text[] := ARRAY[
        'calculator_policies', 'command_words', 'generation_statuses', 'question_origins',
        'syllabus_codes', 'tiers'
    ];
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        FOREACH reader IN ARRAY readers LOOP
            EXECUTE format('REVOKE ALL ON public.%I FROM %I', t, reader);
            EXECUTE format('GRANT SELECT ON public.%I TO %I', t, reader);
        END LOOP;
        IF t = ANY (reference_tables) AND cardinality(readers) > 0 THEN
            EXECUTE format(
                'CREATE POLICY reference_read ON public.%I FOR SELECT TO %s USING (true)',
                t, (SELECT string_agg(quote_ident(r), ', ') FROM unnest(readers) AS r)
            );
        END IF;
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
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname
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
"""

DISABLE_ROW_LEVEL_SECURITY = """
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
        EXECUTE format('DROP POLICY IF EXISTS reference_read ON public.%I', t);
        EXECUTE format('DROP POLICY IF EXISTS service_role_all ON public.%I', t);
        EXECUTE format('ALTER TABLE public.%I DISABLE ROW LEVEL SECURITY', t);
    END LOOP;
END
$$;
"""


class Migration(migrations.Migration):
    # Every app with tables, at its latest migration today: row level security covers the
    # tables that exist when this runs, so this must run after all of them. Named explicitly:
    # "__latest__" would move on a package upgrade and break already-migrated databases.
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sessions", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("generation", "0002_initial"),
        ("questions", "0002_seed_reference_data"),
    ]

    operations = [
        migrations.RunSQL(
            [CREATE_MISSING_ROLES.strip(), ENABLE_ROW_LEVEL_SECURITY.strip()],
            reverse_sql=[DISABLE_ROW_LEVEL_SECURITY.strip()],
        ),
    ]
