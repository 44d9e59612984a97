"""Row level security, as Supabase's Data API would meet it: a matrix over every table.

The committed ``supabase/migrations/*.sql`` are applied to a fresh database prepared the way a
Supabase project is before its first migration (its init scripts, supabase/postgres): the
roles ``anon``, ``authenticated`` and ``service_role``; ``auth.uid()``, ``auth.jwt()`` and
``auth.role()`` reading the JWT claims PostgREST sets per request; and the default privileges
that grant every new table in ``public`` to all three API roles. Teacher A then owns a row in
every table, and each role — ``anon``, ``authenticated`` as user A, ``authenticated`` as user
B, ``service_role`` — runs SELECT, INSERT, UPDATE and DELETE on every table.

The expected outcome of every cell is ``MATRIX`` below. The design it states: the app reaches
its own rows through its own database connection (``DATABASE_URL``), never through the API
roles, so the API roles read the reference tables and nothing else, write nothing, and a
teacher signed in through Supabase Auth (A or B) sees no one's drafts, sessions or papers —
not even their own. Only ``service_role`` (and the app's own connection, which Django admins
use) changes reference tables. A table missing from ``MATRIX`` fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Literal

import psycopg
import pytest
from psycopg import sql

from questions.tests.supabase_db import connect, supabase_database

pytestmark = pytest.mark.django_db

Select = Literal["all", "none"]  # sees every row A's data put there / sees no row
Insert = Literal["allowed", "denied"]
Change = Literal["all", "none", "denied"]  # changes every row / runs but changes none / refused
Cell = tuple[Select, Insert, Change, Change]  # SELECT, INSERT, UPDATE, DELETE

ROLES = ("anon", "user_a", "user_b", "service_role")

NOTHING: Cell = ("none", "denied", "denied", "denied")
READ_ONLY: Cell = ("all", "denied", "denied", "denied")
EVERYTHING: Cell = ("all", "allowed", "all", "all")

REFERENCE = {
    "anon": READ_ONLY,
    "user_a": READ_ONLY,
    "user_b": READ_ONLY,
    "service_role": EVERYTHING,
}
PRIVATE = {"anon": NOTHING, "user_a": NOTHING, "user_b": NOTHING, "service_role": EVERYTHING}

MATRIX: dict[str, dict[str, Cell]] = {
    # Reference data: anyone may read it; only service_role (and the app) change it.
    "calculator_policies": REFERENCE,
    "command_words": REFERENCE,
    "generation_statuses": REFERENCE,
    "question_origins": REFERENCE,
    "syllabus_codes": REFERENCE,
    "tiers": REFERENCE,
    # Teachers' work: drafts and approved questions, sessions and their steps, papers.
    "questions": PRIVATE,
    "question_code_keys": PRIVATE,  # the bank's per-code keys: their questions' columns
    "generation_sessions": PRIVATE,
    "generation_steps": PRIVATE,
    "papers": PRIVATE,
    "papers_shared_with": PRIVATE,
    "paper_questions": PRIVATE,
    "paper_variants": PRIVATE,
    "paper_files": PRIVATE,
    "paper_jobs": PRIVATE,
    "paper_basket_items": PRIVATE,
    # Django's own: accounts (password hashes), sessions, the admin log, the task queue.
    "auth_user": PRIVATE,
    "auth_group": PRIVATE,
    "auth_group_permissions": PRIVATE,
    "auth_permission": PRIVATE,
    "auth_user_groups": PRIVATE,
    "auth_user_user_permissions": PRIVATE,
    "django_admin_log": PRIVATE,
    "django_content_type": PRIVATE,
    "django_migrations": PRIVATE,
    "django_session": PRIVATE,
    "django_tasks_database_dbtaskresult": PRIVATE,
}

USER_A = "00000000-0000-4000-a000-00000000000a"
USER_B = "00000000-0000-4000-a000-00000000000b"

# Teacher A's rows: one in every table (the migrations seed the reference tables and
# django_migrations).
A_ROWS = """
INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name, email,
                       is_staff, is_active, date_joined)
VALUES (7001, '!', false, 'teacher-a', '', '', '', false, true, now()),
       (7002, '!', false, 'teacher-b', '', '', '', false, true, now());
INSERT INTO auth_group (id, name) VALUES (7001, 'teachers');
INSERT INTO django_content_type (id, app_label, model) VALUES (7001, 'questions', 'question');
INSERT INTO auth_permission (id, name, content_type_id, codename)
VALUES (7001, 'Can view question', 7001, 'view_question');
INSERT INTO auth_group_permissions (group_id, permission_id) VALUES (7001, 7001);
INSERT INTO auth_user_groups (user_id, group_id) VALUES (7001, 7001);
INSERT INTO auth_user_user_permissions (user_id, permission_id) VALUES (7001, 7001);
INSERT INTO django_admin_log (action_time, object_repr, action_flag, change_message, user_id)
VALUES (now(), 'a question', 1, '', 7001);
INSERT INTO django_session (session_key, session_data, expire_date)
VALUES ('a-session-key', 'secret', now() + interval '1 day');
INSERT INTO django_tasks_database_dbtaskresult (id, status, args_kwargs, priority, task_path,
    queue_name, backend_name, run_after, enqueued_at, exception_class_path, traceback,
    worker_ids)
VALUES ('00000000-0000-0000-0000-0000000000cc', 'READY', '{}', 0, 'generation.tasks.x',
    'default', 'default', now(), now(), '', '', '[]');
INSERT INTO generation_sessions (id, request, tier, syllabus_codes, topic, count, difficulty,
    mode, model, status, cancel_requested, error, created_at, worker, attempts, agent_timings,
    expected_steps, questions_made, questions_approved, questions_rejected, tokens_in,
    tokens_out, cost, results, updated_at, owner_id)
VALUES ('00000000-0000-0000-0000-0000000000aa', '{}', 'Core', '{}', '', 1, 3, 'offline', '',
    'running', false, '', now(), '', 0, '{}', 0, 0, 0, 0, 0, 0, 0, '{}', now(), 7001);
INSERT INTO generation_steps (session_id, sequence, agent, kind, message, reasoning, data,
    started_at, finished_at, duration_ms, tokens_in, tokens_out, cost, model)
VALUES ('00000000-0000-0000-0000-0000000000aa', 1, 'generator', 'info', 'm', '', '{}',
    now(), now(), 0, 0, 0, 0, '');
INSERT INTO questions (id, content, title, tier, marks, command_word, command_words,
    calculator_policy, syllabus_codes, topic, difficulty, review_state, review_note, verified,
    origin, variant_key, template, search_text, created_at, updated_at, session_id, owner_id)
VALUES
    ('00000000-0000-0000-0000-0000000000bb',
     '{"title": "Draft", "tier": "Core", "total_marks": 2, "difficulty": 2,
       "calculator_policy": "allowed"}',
     'Draft', 'Core', 2, 'Calculate', '{}', 'allowed', '{}', 'Number', 2, 'draft', '', true,
     'generated', 'rls-draft', '', '', now(), now(), '00000000-0000-0000-0000-0000000000aa', 7001),
    ('00000000-0000-0000-0000-0000000000bc',
     '{"title": "Approved", "tier": "Core", "total_marks": 2, "difficulty": 2,
       "calculator_policy": "allowed"}',
     'Approved', 'Core', 2, 'Calculate', '{}', 'allowed', '{C1.1}', 'Number', 2, 'approved', '',
     true, 'generated', 'rls-approved', '', '', now(), now(),
     '00000000-0000-0000-0000-0000000000aa', 7001);
INSERT INTO papers (id, title, kind, instructions, page_size, created_at, updated_at,
    calculator_policy, owner_id, tier)
VALUES ('00000000-0000-0000-0000-0000000000dd', 'Mock', 'worksheet', '', 'A4', now(), now(),
    'allowed', 7001, 'Core');
INSERT INTO papers_shared_with (paper_id, user_id)
VALUES ('00000000-0000-0000-0000-0000000000dd', 7002);
INSERT INTO paper_questions (position, content, marks, template, variant_key, added_at,
    paper_id, question_id)
VALUES (1, '{}', 2, '', 'rls-draft', now(), '00000000-0000-0000-0000-0000000000dd',
    '00000000-0000-0000-0000-0000000000bb');
INSERT INTO paper_variants (label, items, based_on, created_at, paper_id)
VALUES ('A', '[]', '', now(), '00000000-0000-0000-0000-0000000000dd');
INSERT INTO paper_files (variant_label, version, page_size, fingerprint, pdf, size_bytes,
    render_ms, created_at, paper_id)
VALUES ('A', 'student', 'A4', 'f', '\\x25504446', 4, 1, now(),
    '00000000-0000-0000-0000-0000000000dd');
INSERT INTO paper_jobs (id, kind, params, done, total, log, error, cancel_requested, worker,
    attempts, created_at, updated_at, owner_id, paper_id, status)
VALUES ('00000000-0000-0000-0000-0000000000ee', 'fill', '{}', 0, 1, '[]', '', false, '', 0,
    now(), now(), 7001, '00000000-0000-0000-0000-0000000000dd', 'running');
INSERT INTO paper_basket_items (added_at, owner_id, question_id)
VALUES (now(), 7001, '00000000-0000-0000-0000-0000000000bc');
"""


@pytest.fixture(scope="module")
def supabase_db(django_db_setup: None) -> Iterator[str]:
    """A fresh database set up as Supabase sets one up, with the committed SQL and A's rows."""
    with supabase_database("rls", then=A_ROWS) as name:
        yield name


def public_tables(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def become(conn: psycopg.Connection, role: str) -> None:
    """What PostgREST does per request: SET LOCAL ROLE and the JWT claims."""
    db_role = "authenticated" if role.startswith("user_") else role
    claims: dict[str, str] = {"role": db_role}
    if role == "user_a":
        claims["sub"] = USER_A
    elif role == "user_b":
        claims["sub"] = USER_B
    conn.execute("SELECT set_config('request.jwt.claims', %s, true)", [json.dumps(claims)])
    if "sub" in claims:
        conn.execute("SELECT set_config('request.jwt.claim.sub', %s, true)", [claims["sub"]])
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(db_role)))


def attempt(conn: psycopg.Connection, statement: sql.Composable, params: object = None) -> int:
    """Run ``statement`` in a savepoint that is always rolled back; the rows it touched."""
    with conn.transaction() as savepoint:
        done = conn.execute(statement, params).rowcount
        raise psycopg.Rollback(savepoint)
    return done


def _change(conn: psycopg.Connection, statement: sql.Composable, rows: int) -> Change:
    try:
        done = attempt(conn, statement)
    except psycopg.errors.InsufficientPrivilege:
        return "denied"
    if done == rows:
        return "all"
    assert done == 0, f"changed {done} of {rows} rows"
    return "none"


def observe(dbname: str, table: str, role: str) -> Cell:
    """The outcome of SELECT, INSERT, UPDATE and DELETE on ``table`` as ``role``; every change
    is rolled back."""
    t = sql.Identifier(table)
    with connect(dbname) as conn:
        rows = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(t)).fetchone()[0]
        assert rows > 0, f"{table} has no row of A's to protect; add one to A_ROWS"
        a_row = conn.execute(sql.SQL("SELECT to_jsonb(x) FROM {} x LIMIT 1").format(t)).fetchone()[
            0
        ]
        columns = [
            r[0]
            for r in conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
                " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                [f"public.{table}"],
            ).fetchall()
        ]
        first = sql.Identifier(columns[0])
        cols = sql.SQL(", ").join(map(sql.Identifier, columns))
        become(conn, role)

        try:
            with conn.transaction():
                seen = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(t)).fetchone()[0]
        except psycopg.errors.InsufficientPrivilege:
            seen = 0
        assert seen in (0, rows), f"{table}: {role} sees {seen} of {rows} rows"
        select: Select = "all" if seen == rows else "none"
        # First, while no deferred foreign key check is pending (TRUNCATE ignores RLS).
        try:
            attempt(conn, sql.SQL("TRUNCATE {} CASCADE").format(t))
            truncated = True
        except psycopg.errors.InsufficientPrivilege:
            truncated = False

        # A copy of A's row (for a role that may insert, its duplicate key is then refused by
        # the unique index, which PostgreSQL checks after privileges and row level security).
        insert: Insert = "allowed"
        copy = sql.SQL("INSERT INTO {} ({}) SELECT {} FROM jsonb_populate_record(NULL::{}, %s)")
        try:
            attempt(conn, copy.format(t, cols, cols, t), [json.dumps(a_row)])
        except psycopg.errors.InsufficientPrivilege:
            insert = "denied"
        except psycopg.errors.IntegrityError:
            pass

        update = _change(conn, sql.SQL("UPDATE {} SET {} = {}").format(t, first, first), rows)
        delete = _change(conn, sql.SQL("DELETE FROM {}").format(t), rows)
        assert truncated == (delete == "all"), f"{table}: {role} may TRUNCATE but not DELETE"
        conn.rollback()
    return (select, insert, update, delete)


def test_every_table_has_a_row_in_the_matrix(supabase_db: str) -> None:
    with connect(supabase_db) as conn:
        tables = public_tables(conn)
    assert tables
    assert sorted(set(tables) - set(MATRIX)) == [], "tables with no row in MATRIX"
    assert sorted(set(MATRIX) - set(tables)) == [], "MATRIX rows for tables that do not exist"


@pytest.mark.parametrize("table", sorted(MATRIX))
def test_each_role_gets_what_the_matrix_says(supabase_db: str, table: str) -> None:
    actual = {role: observe(supabase_db, table, role) for role in ROLES}
    assert actual == MATRIX[table]


def test_anon_and_b_see_none_of_as_drafts_even_through_joins_or_views(supabase_db: str) -> None:
    """The promises spelled out: no draft or session of A reaches anon or B by any query."""
    for role in ("anon", "user_b", "user_a"):
        with connect(supabase_db) as conn:
            become(conn, role)
            uid = conn.execute("SELECT auth.uid()::text").fetchone()[0]
            assert uid == {"anon": None, "user_a": USER_A, "user_b": USER_B}[role]
            drafts = conn.execute(
                "SELECT count(*) FROM questions q JOIN generation_sessions s ON s.id = q.session_id"
            ).fetchone()[0]
            assert drafts == 0, role
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute("UPDATE questions SET review_state = 'approved' WHERE true")
            conn.rollback()
