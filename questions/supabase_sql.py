"""The SQL under ``supabase/``, generated from the Django migrations.

A Supabase project gets the schema that ``manage.py migrate`` makes, through ``supabase db
push`` (or ``migration up``): the same statements, in the same order, plus the rows that tell
Django those migrations are applied, so ``manage.py migrate`` on that project has nothing to do.

The statements are recorded while a scratch database on the configured server is migrated one
migration at a time, not collected as ``sqlmigrate`` does: some operations read the database
they run on (django-tasks-db's ``RenameIndexIfExists``, ``AlterField``'s constraint lookups),
and only a database in the right state answers them correctly.

Our apps' Python data migrations cannot be recorded; each has SQL that does the same in
``DATA_MIGRATIONS`` (the reference data seed), and the generator refuses any it does not know.
A Supabase migration file, once pushed to a project, is never run again there, so files are
only ever added: ``SQL_FILES`` names each file and the last Django migration it holds.
"""

from __future__ import annotations

import datetime
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps.registry import Apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations import Migration, RunPython
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import ProjectState

SUPABASE_DIR = Path(settings.BASE_DIR) / "supabase"
SEED_FILE = "seed.sql"
OWN_APPS = frozenset({"questions", "generation", "papers"})

MigrationKey = tuple[str, str]


@dataclass(frozen=True)
class SqlFile:
    """One Supabase migration file: every Django migration up to ``through`` that no earlier
    file holds (``through`` itself only if ``include_through``)."""

    name: str
    through: MigrationKey
    include_through: bool = True
    title: str = ""


RLS_MIGRATION: MigrationKey = ("questions", "0003_row_level_security")

SQL_FILES: tuple[SqlFile, ...] = (
    SqlFile(
        "migrations/20261125000000_derivativ_schema.sql",
        through=RLS_MIGRATION,
        include_through=False,
        title="Derivativ schema: the tables of every installed app, and the reference data",
    ),
    SqlFile(
        "migrations/20261125000100_row_level_security.sql",
        through=RLS_MIGRATION,
        title="Row level security: the API roles read reference data only; service_role writes",
    ),
    SqlFile(
        "migrations/20261125000200_change_notify.sql",
        through=("questions", "0004_change_notify"),
        title="Change notifications: NOTIFY triggers on questions and generation_sessions",
    ),
    SqlFile(
        "migrations/20261125000300_bank_tier_topic_index.sql",
        through=("questions", "0005_bank_tier_topic_index"),
        title="The bank: an index for tier + topic, newest first, that also counts",
    ),
    SqlFile(
        "migrations/20261207000000_papers.sql",
        through=("papers", "0002_row_level_security_and_notify"),
        title="Papers: worksheets and mock exams, versions, PDFs, jobs, the basket; row level security; NOTIFY on jobs",
    ),
    SqlFile(
        "migrations/20261207000100_bank_keyset_index.sql",
        through=("questions", "0006_bank_keyset_index"),
        title="The bank: an index on (created_at, id), the key of its keyset pages",
    ),
    SqlFile(
        "migrations/20261207000200_bank_keys_index.sql",
        through=("questions", "0007_bank_keys_index"),
        title="The bank: keys indexes carrying every filter column, for index-only pages and counts",
    ),
    SqlFile(
        "migrations/20261207000300_bank_drop_low_selectivity_indexes.sql",
        through=("questions", "0008_bank_drop_low_selectivity_indexes"),
        title="The bank: drop indexes on low-selectivity columns the planner combined into large bitmaps",
    ),
    SqlFile(
        "migrations/20261207000400_bank_code_and_topic_keys.sql",
        through=("questions", "0011_bank_owner_keys_facets"),
        title="The bank: per-code keys kept by triggers, topic and owner keys indexes carrying every filter column",
    ),
)


class SqlGenerationError(Exception):
    pass


def _literal(connection: Any, values: list[Any]) -> str:
    return connection.ops.compose_sql(", ".join(["%s"] * len(values)), values)


def upsert_sql(model: type[models.Model], rows: list[dict[str, Any]], connection: Any) -> str:
    """One ``INSERT … ON CONFLICT (pk) DO UPDATE`` for ``rows`` (keys: field names or attnames);
    a missing key takes the field's default, as ``update_or_create`` would."""
    opts = model._meta
    fields = opts.concrete_fields
    quote = connection.ops.quote_name
    lines = []
    for row in rows:
        values = []
        for field in fields:
            if field.attname in row:
                value = row[field.attname]
            elif field.name in row:
                value = row[field.name]
            elif field.has_default():
                value = field.get_default()
            else:
                raise SqlGenerationError(f"{opts.db_table}: a row has no {field.name}")
            values.append(field.get_db_prep_save(value, connection))
        lines.append(f"    ({_literal(connection, values)})")
    columns = ", ".join(quote(f.column) for f in fields)
    pk = quote(opts.pk.column)
    updates = ", ".join(
        f"{quote(f.column)} = EXCLUDED.{quote(f.column)}" for f in fields if not f.primary_key
    )
    return (
        f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES\n"
        + ",\n".join(lines)
        + f"\nON CONFLICT ({pk}) DO UPDATE SET {updates};"
    )


def reference_data_sql(apps: Apps, connection: Any) -> list[str]:
    """The reference tables and the syllabus, as ``0002_seed_reference_data`` writes them."""
    from questions.reference_data import reference_rows, syllabus_rows

    model_names = {
        "tiers": "Tier",
        "command_words": "CommandWord",
        "calculator_policies": "CalculatorPolicy",
        "generation_statuses": "GenerationStatus",
        "question_origins": "QuestionOrigin",
    }
    statements = [
        upsert_sql(apps.get_model("questions", model_names[table]), rows, connection)
        for table, rows in reference_rows().items()
    ]
    statements.append(
        upsert_sql(apps.get_model("questions", "SyllabusCode"), syllabus_rows(), connection)
    )
    return statements


# Our Python data migrations and the SQL that does the same, given the models of that moment.
DATA_MIGRATIONS: dict[MigrationKey, Callable[[Apps, Any], list[str]]] = {
    ("questions", "0002_seed_reference_data"): reference_data_sql,
}


@contextmanager
def scratch_database(alias: str = DEFAULT_DB_ALIAS) -> Iterator[BaseDatabaseWrapper]:
    """A new, empty database on ``alias``'s server, standing in for ``alias`` meanwhile (so
    a data migration that ignores ``schema_editor.connection`` still lands in it); dropped
    after."""
    base = connections[alias]
    name = f"derivativ_sqlgen_{os.getpid()}_{secrets.token_hex(4)}"
    with base._nodb_cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {base.ops.quote_name(name)}")
    scratch = base.__class__({**base.settings_dict, "NAME": name}, alias=alias)
    try:
        with scratch.cursor() as cursor:
            # A throwaway database: no need to wait for each commit to reach the disk.
            cursor.execute("SET synchronous_commit TO off")
        connections[alias] = scratch
        yield scratch
    finally:
        connections[alias] = base
        scratch.close()
        with base._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {base.ops.quote_name(name)} WITH (FORCE)")


def _pinned(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return datetime.datetime(2000, 1, 1, tzinfo=value.tzinfo and datetime.UTC)
    if isinstance(value, datetime.date):
        return datetime.date(2000, 1, 1)
    if isinstance(value, datetime.time):
        return datetime.time(0, 0)
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=0)
    return value


def _record_statements(connection: BaseDatabaseWrapper, sink: list[str]) -> None:
    """Make ``connection``'s schema editors append each statement they run to ``sink``."""
    base_class: Any = connection.SchemaEditorClass

    class RecordingSchemaEditor(base_class):  # type: ignore[misc,valid-type]
        @staticmethod
        def _effective_default(field: Any) -> Any:
            # The one-off value an added NOT NULL column gives existing rows (the DEFAULT is
            # dropped straight after). A new database has no rows, so a time- or
            # random-dependent value is pinned to keep the output the same from run to run.
            value = base_class._effective_default(field)
            if (
                callable(field.default)
                or getattr(field, "auto_now", False)
                or getattr(field, "auto_now_add", False)
            ):
                return _pinned(value)
            return value

        def execute(self, sql: Any, params: Any = ()) -> None:
            # The PostgreSQL editor merges parameters client-side; do it here, the same way,
            # so what is recorded is exactly what runs.
            if params is not None:
                sql = self.connection.ops.compose_sql(str(sql), params)
            text = str(sql).strip()
            sink.append(text if text.endswith(";") else text + ";")
            super().execute(text, None)

    connection.SchemaEditorClass = RecordingSchemaEditor


def _file_members(
    executor: MigrationExecutor, plan: list[MigrationKey]
) -> list[list[MigrationKey]]:
    graph = executor.loader.graph
    taken: set[MigrationKey] = set()
    members = []
    for sql_file in SQL_FILES:
        if sql_file.through not in graph.nodes:
            raise SqlGenerationError(f"{sql_file.name}: no migration {'.'.join(sql_file.through)}")
        wanted = set(graph.forwards_plan(sql_file.through)) - taken
        if not sql_file.include_through:
            wanted.discard(sql_file.through)
        keys = [key for key in plan if key in wanted]
        taken.update(keys)
        members.append(keys)
    left = [key for key in plan if key not in taken]
    if left:
        raise SqlGenerationError(
            "These migrations are in no Supabase SQL file: "
            + ", ".join(".".join(key) for key in left)
            + ". Add an entry to SQL_FILES in questions/supabase_sql.py: a new file, with a "
            "later timestamp, through the last of them (a Supabase project runs each file once, "
            "so an existing file must not grow). A new table also needs a row level security "
            "migration."
        )
    return members


def _apply_data_migration(
    migration: Migration, state: ProjectState, editor: Any, connection: BaseDatabaseWrapper
) -> ProjectState:
    to_sql = DATA_MIGRATIONS[(migration.app_label, migration.name)]
    for operation in migration.operations:
        old_state = state.clone()
        operation.state_forwards(migration.app_label, state)
        if isinstance(operation, RunPython):
            for statement in to_sql(old_state.apps, connection):
                editor.execute(statement, None)
        else:
            operation.database_forwards(migration.app_label, editor, old_state, state)
    return state


def _recorded(executor: MigrationExecutor) -> list[MigrationKey]:
    return list(executor.recorder.migration_qs.order_by("id").values_list("app", "name"))


def _migrate_recording(
    connection: BaseDatabaseWrapper,
) -> tuple[list[str], list[list[tuple[MigrationKey, list[str], list[MigrationKey]]]]]:
    """Migrate ``connection`` (empty) file by file; return the SQL that creates
    ``django_migrations`` and, per file, each migration's statements and recorded rows."""
    sink: list[str] = []
    _record_statements(connection, sink)
    executor = MigrationExecutor(connection)
    executor.recorder.ensure_schema()
    preamble = list(sink)
    full_plan = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    plan = [(m.app_label, m.name) for m, _ in full_plan]
    state = ProjectState(real_apps=executor.loader.unmigrated_apps)
    files = []
    for keys in _file_members(executor, plan):
        segments = []
        for key in keys:
            migration = executor.loader.graph.nodes[key]
            python_steps = [op for op in migration.operations if isinstance(op, RunPython)]
            if key[0] in OWN_APPS and python_steps and key not in DATA_MIGRATIONS:
                raise SqlGenerationError(
                    f"{'.'.join(key)} runs Python, which the SQL path cannot repeat: add its SQL "
                    "to DATA_MIGRATIONS in questions/supabase_sql.py."
                )
            sink.clear()
            before = _recorded(executor)
            with connection.schema_editor(atomic=migration.atomic) as editor:
                if key in DATA_MIGRATIONS:
                    state = _apply_data_migration(migration, state, editor, connection)
                else:
                    state = migration.apply(state, editor)
            statements = list(sink)
            executor.record_migration(*key)
            recorded = [k for k in _recorded(executor) if k not in before]
            segments.append((key, statements, recorded))
        files.append(segments)
    return preamble, files


_HEADER = """\
-- {title}
--
-- Generated by `python manage.py supabase_sql` from the Django migrations: do not edit.
-- `python manage.py supabase_sql --check` says whether it is stale.
"""


def _render_file(
    sql_file: SqlFile,
    segments: list[tuple[MigrationKey, list[str], list[MigrationKey]]],
    preamble: list[str],
    connection: BaseDatabaseWrapper,
) -> str:
    parts = [_HEADER.format(title=sql_file.title).rstrip()]
    if preamble:
        parts.append(
            "-- django_migrations: Django's list of applied migrations\n" + "\n".join(preamble)
        )
    rows = []
    for key, statements, recorded in segments:
        body = (
            "\n".join(statements) if statements else "-- (no SQL: nothing to do on a new database)"
        )
        parts.append(f"-- {'.'.join(key)}\n{body}")
        rows.extend(recorded)
    if rows:
        values = ",\n".join(
            f"    ({_literal(connection, [app, name])}, now())" for app, name in rows
        )
        parts.append(
            "-- Record the migrations above as applied, so `manage.py migrate` skips them.\n"
            f'INSERT INTO "django_migrations" ("app", "name", "applied") VALUES\n{values};'
        )
    return "\n\n".join(parts) + "\n"


def _render_seed(connection: BaseDatabaseWrapper) -> str:
    from django.apps import apps

    header = (
        "-- Reference data and the 0580 syllabus, as in questions/reference_data.py.\n"
        "--\n"
        "-- The schema migration already inserts these rows (so `supabase db push` gives a\n"
        "-- working project); this file, run by `supabase db reset` / `supabase start`, or by\n"
        "-- hand, brings an existing database back in line with reference_data.py. Idempotent;\n"
        "-- it overwrites edits made in the admin to these rows.\n"
        "--\n"
        "-- Generated by `python manage.py supabase_sql`: do not edit.\n"
    )
    return header + "\n" + "\n\n".join(reference_data_sql(apps, connection)) + "\n"


def generate(alias: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """Every generated file, path relative to ``supabase/`` → content. Needs a server on
    which ``alias``'s user may create a database (a scratch one, dropped after)."""
    with scratch_database(alias) as connection:
        preamble, files = _migrate_recording(connection)
        out = {}
        for index, (sql_file, segments) in enumerate(zip(SQL_FILES, files, strict=True)):
            out[sql_file.name] = _render_file(
                sql_file, segments, preamble if index == 0 else [], connection
            )
        out[SEED_FILE] = _render_seed(connection)
    return out


def write(files: dict[str, str], directory: Path = SUPABASE_DIR) -> list[str]:
    """Write ``files`` under ``directory``; return the names whose content changed."""
    changed = []
    for name, content in files.items():
        path = directory / name
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        changed.append(name)
    return changed


def stale(files: dict[str, str], directory: Path = SUPABASE_DIR) -> list[str]:
    """The names in ``files`` that are missing from ``directory`` or differ from it."""
    return [
        name
        for name, content in files.items()
        if not (directory / name).exists()
        or (directory / name).read_text(encoding="utf-8") != content
    ]
