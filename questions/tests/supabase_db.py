"""A fresh database set up the way a Supabase project is before its first migration, with the
committed ``supabase/migrations/*.sql`` applied: what the SQL-path and row level security tests
both stand on.

Supabase's init scripts (supabase/postgres) give every project the roles ``anon``,
``authenticated`` and ``service_role``; ``auth.uid()``, ``auth.jwt()`` and ``auth.role()``
reading the JWT claims PostgREST sets per request; and default privileges that grant every new
table in ``public`` to all three API roles. The same is created here on the test server.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.db import connection
from psycopg import sql

from questions import supabase_sql

# Roles are server-wide: created once, tolerated when another test run made them first.
SUPABASE_ROLES = """
DO $$
BEGIN
    IF to_regrole('anon') IS NULL THEN CREATE ROLE anon NOLOGIN NOINHERIT; END IF;
    IF to_regrole('authenticated') IS NULL THEN CREATE ROLE authenticated NOLOGIN NOINHERIT; END IF;
    IF to_regrole('service_role') IS NULL THEN
        CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;  -- another test run on this server created them first
END
$$;
"""
SUPABASE_DATABASE = """
CREATE SCHEMA auth;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
    )::uuid
$$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
    )::text
$$;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
"""


def connect(dbname: str, **kwargs: object) -> psycopg.Connection:
    """A connection to ``dbname`` on the server the Django test database is on."""
    s = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        user=s["USER"] or None,
        password=s["PASSWORD"] or None,
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        **kwargs,
    )


def migration_files(directory: Path = supabase_sql.SUPABASE_DIR) -> list[Path]:
    # The Supabase CLI applies them in file name (timestamp) order.
    return sorted((directory / "migrations").glob("*.sql"))


@contextmanager
def supabase_database(label: str, *, auth_schema: bool = True, then: str = "") -> Iterator[str]:
    """A new database named after the test database and ``label``, with Supabase's roles (and,
    with ``auth_schema``, its ``auth`` functions and default grants), the committed migrations
    applied, then ``then`` run; dropped on exit."""
    name = f"{connection.settings_dict['NAME']}_{label}_{secrets.token_hex(3)}"
    with connect("postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        admin.execute(SUPABASE_ROLES)
    try:
        with connect(name) as conn:
            if auth_schema:
                conn.execute(SUPABASE_DATABASE)
                conn.commit()
            for path in migration_files():
                with conn.transaction():
                    conn.execute(path.read_text(encoding="utf-8"))
            if then:
                conn.execute(then)
                conn.commit()
        yield name
    finally:
        with connect("postgres", autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
