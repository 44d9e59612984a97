"""The Supabase SQL path (supabase/migrations/*.sql) builds the database `manage.py migrate`
builds, and its row level security keeps the promises made for Supabase's API roles.

The Django side is pytest-django's test database; the SQL side is a new database on the same
server, with the roles Supabase provides (questions/tests/supabase_db.py), and the committed files applied in the
order the Supabase CLI applies them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

from questions import supabase_sql
from questions.tests.supabase_db import connect, supabase_database

pytestmark = pytest.mark.django_db

API_READERS = ("anon", "authenticated")
REFERENCE_TABLES = (
    "calculator_policies",
    "command_words",
    "generation_statuses",
    "question_origins",
    "syllabus_codes",
    "tiers",
)
PRIVATE_TABLES = ("questions", "generation_sessions", "generation_steps", "auth_user")
APP_TABLES = (*REFERENCE_TABLES, "questions", "generation_sessions", "generation_steps")


@pytest.fixture(scope="module")
def generated(django_db_setup: None, django_db_blocker) -> dict[str, str]:
    with django_db_blocker.unblock():
        return supabase_sql.generate()


@pytest.fixture(scope="module")
def django_db_name(django_db_setup: None) -> str:
    return connection.settings_dict["NAME"]


@pytest.fixture(scope="module")
def sql_db_name(django_db_setup: None) -> Iterator[str]:
    """A new database with Supabase's roles and the committed migration files applied (no
    default grants: the grants compared are the ones the migrations make)."""
    with supabase_database("supabase", auth_schema=False) as name:
        yield name


@pytest.fixture(params=["django", "supabase_sql"])
def any_db_name(request: pytest.FixtureRequest) -> str:
    fixture = "django_db_name" if request.param == "django" else "sql_db_name"
    return request.getfixturevalue(fixture)


CATALOG = {
    "tables": """
        SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    """,
    "columns": """
        SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND a.attnum > 0 AND NOT a.attisdropped
    """,
    "constraints": """
        SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid),
               c.condeferrable, c.condeferred
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public'
    """,
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "triggers": """
        SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal
    """,
    "functions": """
        SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
    """,
    "sequences": """
        SELECT sequencename, data_type::text, start_value, increment_by, max_value
        FROM pg_sequences WHERE schemaname = 'public'
    """,
    "policies": """
        SELECT tablename, policyname, permissive, roles::text[], cmd, qual, with_check
        FROM pg_policies WHERE schemaname = 'public'
    """,
    "grants": """
        SELECT c.relname, a.grantee::regrole::text, a.privilege_type
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
             aclexplode(c.relacl) a
        WHERE n.nspname = 'public'
          AND a.grantee IN (SELECT oid FROM pg_roles
                            WHERE rolname IN ('anon', 'authenticated', 'service_role'))
    """,
    "extensions": "SELECT extname FROM pg_extension",
    "migrations": "SELECT app, name FROM django_migrations",
}


def catalog(dbname: str) -> dict[str, list[tuple]]:
    with connect(dbname) as conn:
        return {
            name: sorted(conn.execute(query).fetchall(), key=repr)
            for name, query in CATALOG.items()
        }


@pytest.fixture(scope="module")
def catalogs(django_db_name: str, sql_db_name: str) -> dict[str, dict[str, list[tuple]]]:
    return {"django": catalog(django_db_name), "supabase_sql": catalog(sql_db_name)}


@pytest.mark.parametrize("part", list(CATALOG))
def test_sql_path_builds_the_database_migrate_builds(part: str, catalogs: dict) -> None:
    assert catalogs["supabase_sql"][part] == catalogs["django"][part]


def test_every_app_table_is_there(catalogs: dict) -> None:
    tables = {row[0] for row in catalogs["supabase_sql"]["tables"]}
    assert set(APP_TABLES) | {"auth_user", "django_migrations"} <= tables


@pytest.mark.parametrize("source", ["django", "supabase_sql"])
def test_row_level_security_is_on_for_every_public_table_and_not_forced(
    source: str, catalogs: dict
) -> None:
    """A table added later without a row level security migration fails here."""
    tables = catalogs[source]["tables"]
    assert tables
    assert [t[0] for t in tables if not t[2]] == []
    assert [t[0] for t in tables if t[3]] == []


def test_migrate_and_makemigrations_have_nothing_to_do_on_the_sql_built_database(
    sql_db_name: str,
) -> None:
    # What `manage.py migrate --check` decides: no migration on disk is left unapplied.
    with connect(sql_db_name) as conn:
        applied = set(conn.execute("SELECT app, name FROM django_migrations").fetchall())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert sorted(set(loader.graph.leaf_nodes()) - applied) == []
    assert sorted(set(loader.graph.nodes) - applied) == []
    # And the models have no change that lacks a migration (so no SQL is missing either).
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_committed_sql_is_what_the_migrations_generate(generated: dict[str, str]) -> None:
    stale = supabase_sql.stale(generated)
    assert stale == [], f"run `python manage.py supabase_sql` to refresh {stale}"
    assert set(generated) == {f.name for f in supabase_sql.SQL_FILES} | {"seed.sql"}


def test_check_names_the_stale_file(
    generated: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(supabase_sql, "generate", lambda alias="default": generated)
    call_command("supabase_sql", output_dir=tmp_path, stdout=io.StringIO())
    out = io.StringIO()
    call_command("supabase_sql", "--check", output_dir=tmp_path, stdout=out)
    assert "up to date" in out.getvalue()

    schema = tmp_path / supabase_sql.SQL_FILES[0].name
    schema.write_text(schema.read_text() + "-- edited\n")
    with pytest.raises(CommandError, match=schema.name):
        call_command("supabase_sql", "--check", output_dir=tmp_path)
    schema.unlink()
    with pytest.raises(CommandError, match=schema.name):
        call_command("supabase_sql", "--check", output_dir=tmp_path)


def test_a_migration_in_no_file_is_refused(
    django_db_blocker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(supabase_sql, "SQL_FILES", supabase_sql.SQL_FILES[:1])
    with pytest.raises(supabase_sql.SqlGenerationError, match="0003_row_level_security"):
        supabase_sql.generate()


def reference_data(dbname: str) -> dict[str, list[tuple]]:
    with connect(dbname) as conn:
        return {
            table: conn.execute(
                sql.SQL("SELECT * FROM {} ORDER BY 1").format(sql.Identifier(table))
            ).fetchall()
            for table in REFERENCE_TABLES
        }


def test_reference_data_seeded_by_django_equals_the_sql_path(
    django_db_name: str, sql_db_name: str
) -> None:
    django_rows = reference_data(django_db_name)
    assert all(django_rows.values())
    assert reference_data(sql_db_name) == django_rows

    # seed.sql (run by `supabase db reset`) changes nothing on a freshly migrated project.
    seed = (supabase_sql.SUPABASE_DIR / supabase_sql.SEED_FILE).read_text(encoding="utf-8")
    with connect(sql_db_name) as conn:
        conn.execute(seed)
        conn.commit()
    assert reference_data(sql_db_name) == django_rows


OWNER_ROWS = """
INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email,
                       is_staff, is_active, date_joined)
VALUES ('!', false, 'rls-owner', '', '', '', false, true, now());
INSERT INTO generation_sessions (id, request, tier, syllabus_codes, topic, count, difficulty,
    mode, model, status, cancel_requested, error, created_at, worker, attempts, agent_timings,
    expected_steps, questions_made, questions_approved, questions_rejected, tokens_in,
    tokens_out, cost, results, updated_at, owner_id)
VALUES ('00000000-0000-0000-0000-0000000000aa', '{}', 'Core', '{}', '', 1, 3, 'offline', '',
    'pending', false, '', now(), '', 0, '{}', 0, 0, 0, 0, 0, 0, 0, '{}', now(),
    (SELECT id FROM auth_user WHERE username = 'rls-owner'));
INSERT INTO generation_steps (session_id, sequence, agent, kind, message, reasoning, data,
    started_at, finished_at, duration_ms, tokens_in, tokens_out, cost, model)
VALUES ('00000000-0000-0000-0000-0000000000aa', 1, 'generator', 'info', 'm', '', '{}',
    now(), now(), 0, 0, 0, 0, '');
INSERT INTO questions (id, content, title, tier, marks, command_word, command_words,
    calculator_policy, syllabus_codes, topic, difficulty, review_state, review_note, verified,
    origin, variant_key, template, search_text, created_at, updated_at, session_id)
VALUES ('00000000-0000-0000-0000-0000000000bb',
    '{"title": "RLS", "tier": "Core", "total_marks": 2, "difficulty": 2,
      "calculator_policy": "allowed"}',
    'RLS', 'Core', 2, 'Calculate', '{}', 'allowed', '{}', 'Number', 2, 'approved', '', true,
    'manual', 'rls', '', '', now(), now(), '00000000-0000-0000-0000-0000000000aa');
"""


def count(conn: psycopg.Connection, table: str) -> int:
    query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
    return conn.execute(query).fetchone()[0]


def write_statements(table: str, column: str) -> list[sql.Composed]:
    t, c = sql.Identifier(table), sql.Identifier(column)
    return [
        sql.SQL("INSERT INTO {} DEFAULT VALUES").format(t),
        sql.SQL("UPDATE {} SET {} = {}").format(t, c, c),
        sql.SQL("DELETE FROM {}").format(t),
        sql.SQL("TRUNCATE {} CASCADE").format(t),
    ]


@pytest.fixture
def as_owner_with_rows(any_db_name: str) -> Iterator[psycopg.Connection]:
    """A transaction, rolled back after, in which the owner has added a private row to each
    private table."""
    with connect(any_db_name) as conn:
        conn.execute(OWNER_ROWS)
        try:
            yield conn
        finally:
            conn.rollback()


@pytest.mark.parametrize("role", API_READERS)
def test_api_roles_read_reference_data_and_nothing_else(
    as_owner_with_rows: psycopg.Connection, role: str
) -> None:
    conn = as_owner_with_rows
    conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
    for table in REFERENCE_TABLES:
        assert count(conn, table) > 0, table
    for table in PRIVATE_TABLES:
        assert count(conn, table) == 0, table


@pytest.mark.parametrize("role", API_READERS)
def test_api_roles_cannot_write_anything(as_owner_with_rows: psycopg.Connection, role: str) -> None:
    conn = as_owner_with_rows
    first_columns = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public' AND ordinal_position = 1 ORDER BY 1"
    ).fetchall()
    conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
    for table, column in first_columns:
        for statement in write_statements(table, column):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute(statement)


def test_service_role_reads_and_writes(as_owner_with_rows: psycopg.Connection) -> None:
    conn = as_owner_with_rows
    conn.execute("SET ROLE service_role")
    for table in (*REFERENCE_TABLES, *PRIVATE_TABLES):
        assert count(conn, table) > 0, table

    conn.execute(
        "INSERT INTO tiers (code, name, description, sort_order, papers, grades) "
        "VALUES ('Test', 'Test', '', 9, '', '')"
    )
    assert conn.execute("UPDATE tiers SET name = 'Tested' WHERE code = 'Test'").rowcount == 1
    assert conn.execute("DELETE FROM tiers WHERE code = 'Test'").rowcount == 1
    assert conn.execute("UPDATE questions SET review_note = 'seen'").rowcount == 1
    conn.execute(
        "INSERT INTO generation_steps (session_id, sequence, agent, kind, message, reasoning,"
        " data, started_at, finished_at, duration_ms, tokens_in, tokens_out, cost, model)"
        " VALUES ('00000000-0000-0000-0000-0000000000aa', 2, 'marker', 'info', 'm', '', '{}',"
        " now(), now(), 0, 0, 0, 0, '')"
    )
    assert conn.execute("DELETE FROM generation_steps").rowcount == 2
    assert conn.execute("DELETE FROM questions").rowcount == 1
