"""Seeding the benchmark bank: a few hundred distinct engine questions, multiplied server-side.

The engine makes distinct, verified questions (every template, both tiers, several
difficulties), stored through the normal service; SQL then multiplies them into the target
count (new ids, owners, dates and review states; the content and the flat columns are copied
together, so they stay consistent — the CHECK constraints hold them to it). One database per
size (``derivativ_bench_bank_1m``), never the test database.
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any

COPY_NOTE = "bench copy"  # review_note of the rows multiplied from the engine's questions


def seed_base_questions(limit: int) -> int:
    """Store up to ``limit`` distinct verified engine questions (once per database)."""
    from generation.engine import base
    from questions import services
    from questions.models import Question, ReviewState

    have = Question.objects.exclude(review_note=COPY_NOTE).count()
    if have >= limit:
        return have
    made = have
    templates = base.templates()
    seed = 1 + have // max(1, len(templates))
    started = time.monotonic()
    while made < limit:
        for template in templates:
            for tier in template.tiers:
                difficulty = 1 + (seed + made) % 5
                try:
                    generated = base.generate(template, seed=seed, difficulty=difficulty, tier=tier)
                    services.question_create(
                        content=generated.question,
                        origin="generated",
                        review_state=ReviewState.APPROVED,
                        quality_score=0.9,
                    )
                except Exception as exc:  # a duplicate variant or a rare template miss
                    print(
                        f"  skipped {template.key} seed {seed}: {type(exc).__name__}",
                        file=sys.stderr,
                    )
                    continue
                made += 1
                if made >= limit:
                    break
            if made >= limit:
                break
        seed += 1
        print(f"  {made} engine questions ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    return made


def _saved_indexes(cursor: Any) -> list[tuple[str, str]]:
    cursor.execute("SELECT to_regclass('bench_saved_indexes') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return []
    cursor.execute("SELECT name, definition FROM bench_saved_indexes ORDER BY name")
    return list(cursor.fetchall())


def _drop_indexes(cursor: Any) -> None:
    """Drop the secondary indexes before a bulk load (saving their definitions in the database,
    so that an interrupted run still gets them back next time)."""
    cursor.execute(
        "CREATE TABLE IF NOT EXISTS bench_saved_indexes (name text PRIMARY KEY, definition text)"
    )
    cursor.execute(
        """
        INSERT INTO bench_saved_indexes
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = 'questions'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        ON CONFLICT DO NOTHING
        """
    )
    for name, _ in _saved_indexes(cursor):
        cursor.execute(f'DROP INDEX IF EXISTS "{name}"')


def _restore_indexes(cursor: Any) -> None:
    saved = _saved_indexes(cursor)
    if not saved:
        return
    cursor.execute("SET maintenance_work_mem = '1GB'")
    for name, definition in saved:
        started = time.monotonic()
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
        if not cursor.fetchone()[0]:
            cursor.execute(definition)
        print(f"  index {name} ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    cursor.execute("DROP TABLE bench_saved_indexes")
    cursor.execute("RESET maintenance_work_mem")


def multiply_to(size: int, users: int = 50) -> None:
    """Copy the engine's questions server-side until the table holds ``size`` rows.

    Each copy keeps the original's content and flat columns together (so the CHECK constraints
    hold, and the copy is the same variant); what differs is the id, the owner, the creation date,
    the review state and the quality score — row attributes, not part of the question. Owner and
    review state vary independently (``g / 10`` and ``g % 10``), so each owner has drafts and
    questions under review among their own. Creation
    dates spread over a year and rise with insertion order, as in a bank that grew over a year
    (rows lie on disk in the order they were written; a newest-first walk reads neighbours). For a big
    load the secondary indexes are dropped and rebuilt afterwards, and the change trigger is
    off for this session (``session_replication_role = replica``), as for any bulk restore.
    """
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError, connection

    User = get_user_model()
    for i in range(users):
        User.objects.get_or_create(username=f"bench-{i}")
    with connection.cursor() as cursor:
        _restore_indexes(cursor)  # an interrupted earlier load
        cursor.execute("SELECT count(*) FROM questions")
        (count,) = cursor.fetchone()
        if count >= size:
            return
        cursor.execute(
            "SELECT array_agg(id ORDER BY id) FROM auth_user WHERE username LIKE 'bench-%%'"
        )
        (owner_ids,) = cursor.fetchone()
        bulk = size - count > 200_000
        if bulk:
            _drop_indexes(cursor)
        # Not a superuser: the trigger notifies every row (slower, harmless).
        with contextlib.suppress(DatabaseError):
            cursor.execute("SET session_replication_role = replica")
        cursor.execute("DROP TABLE IF EXISTS bench_base")
        cursor.execute(
            """
            CREATE TEMP TABLE bench_base AS
            SELECT (row_number() OVER (ORDER BY created_at, id)) - 1 AS rn, *
            FROM questions WHERE review_note <> %s
            """,
            [COPY_NOTE],
        )
        cursor.execute("SELECT count(*) FROM bench_base")
        (n_base,) = cursor.fetchone()
        batch = 50_000
        while count < size:
            n = min(batch, size - count)
            started = time.monotonic()
            cursor.execute(
                """
                INSERT INTO questions (
                    id, content, title, tier, marks, command_word, command_words, calculator_policy,
                    syllabus_codes, topic, difficulty, quality_score, review_state, review_note, review,
                    verification, verified, origin, variant_key, template, owner_id, session_id,
                    search_text, created_at, updated_at)
                SELECT gen_random_uuid(), b.content, b.title, b.tier, b.marks, b.command_word,
                       b.command_words, b.calculator_policy, b.syllabus_codes, b.topic, b.difficulty,
                       round((0.4 + random() * 0.6)::numeric, 3)::float,
                       (ARRAY['approved','approved','approved','approved','approved','approved',
                              'approved','needs_review','needs_review','draft'])[1 + (g %% 10)],
                       %(note)s, b.review, b.verification, b.verified, b.origin,
                       b.variant_key, b.template,
                       (%(owners)s::int[])[1 + ((g / 10) %% %(n_owners)s)], NULL, b.search_text,
                       now() - (1 - g::float / %(size)s) * interval '365 days', now()
                FROM generate_series(%(first)s, %(last)s) AS g
                JOIN bench_base b ON b.rn = g %% %(n_base)s
                """,
                {
                    "size": size,
                    "first": count,
                    "last": count + n - 1,
                    "note": COPY_NOTE,
                    "owners": owner_ids,
                    "n_owners": len(owner_ids),
                    "n_base": n_base,
                },
            )
            count += n
            print(
                f"  {count:>9,} rows ({time.monotonic() - started:.1f} s for {n:,})",
                file=sys.stderr,
            )
        cursor.execute("DROP TABLE bench_base")
        cursor.execute("RESET session_replication_role")
        _restore_indexes(cursor)
        started = time.monotonic()
        cursor.execute("VACUUM (ANALYZE) questions")
        print(f"  vacuum analyze ({time.monotonic() - started:.0f} s)", file=sys.stderr)


def database_for(prefix: str, size: int) -> str:
    """One database per size (``derivativ_bench_bank_100k``), so each can be re-measured."""
    label = (
        f"{size // 1_000_000}m"
        if size % 1_000_000 == 0
        else (f"{size // 1000}k" if size % 1000 == 0 else str(size))
    )
    return f"{prefix}_{label}"
