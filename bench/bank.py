"""Benchmark: the question bank at 100 000 and 1 000 000 questions.

    .venv/bin/python bench/bank.py                    # 100k and 1M (seeding 1M takes a while)
    .venv/bin/python bench/bank.py --sizes 100000 --runs 200
    .venv/bin/python bench/bank.py --smoke            # tiny, for CI: checks it still works

Seeding: the engine makes a few hundred distinct, verified questions (every template, both tiers,
several difficulties), stored through the normal service; SQL then multiplies them server-side
into the target count (new ids, variant keys, owners, dates and review states; the content and
the flat columns are copied together, so they stay consistent — the CHECK constraints hold them
to it). Then, for the common filter combinations, full-text search and a page deep in the
results, it times the bank's own selector (p50/p95 of page fetch and of the paginator's count),
shows with EXPLAIN which indexes are used, and answers the same queries from the JSONB alone to
measure what the flat columns buy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    setup_django,
    smoke_database,
    summary_ms,
    table,
    target_line,
    use_database,
    write_results,
)

TARGET_P95_MS = 20.0
CAPPED_COUNT = 10_001
WORDS = [
    "circle area",
    "probability",
    "percentage increase",
    "simultaneous equations",
    "gradient",
    "triangle angle",
    "mean frequency",
    "standard form",
]


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
    the review state and the quality score — row attributes, not part of the question. Creation
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
                       (%(owners)s::int[])[1 + (g %% %(n_owners)s)], NULL, b.search_text,
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


class Vocabulary:
    """Filter values that occur in this bank (codes and command words of its questions)."""

    def __init__(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT unnest(syllabus_codes) FROM questions WHERE review_note <> %s",
                [COPY_NOTE],
            )
            self.codes = sorted(r[0] for r in cursor.fetchall())
            cursor.execute(
                "SELECT DISTINCT unnest(command_words) FROM questions WHERE review_note <> %s",
                [COPY_NOTE],
            )
            self.command_words = sorted(r[0] for r in cursor.fetchall())


def filter_cases(rng: random.Random, vocabulary: Vocabulary) -> dict[str, dict[str, Any]]:
    """The bank's common filter combinations, with random values."""
    from questions import syllabus

    tier = rng.choice(["Core", "Extended"])
    topic = rng.choice(list(syllabus.TOPICS.values()))
    low = rng.randint(2, 5)
    return {
        "no filters (the bank's first page)": {},
        "approved only": {"review_state": "approved"},
        "tier + topic": {"tier": tier, "topic": topic},
        "tier + marks range + calculator": {
            "tier": tier,
            "marks_min": low,
            "marks_max": low + 3,
            "calculator_policy": rng.choice(["allowed", "not_allowed"]),
        },
        "syllabus code + difficulty": {
            "syllabus_codes": [rng.choice(vocabulary.codes)],
            "difficulty": rng.randint(1, 5),
        },
        "command word + tier + approved": {
            "command_word": rng.choice(vocabulary.command_words),
            "tier": tier,
            "review_state": "approved",
        },
        "quality >= 0.9 + tier": {"quality_min": 0.9, "tier": tier},
        "full-text search": {"q": rng.choice(WORDS)},
        "full-text + tier": {"q": rng.choice(WORDS), "tier": tier},
    }


def jsonb_sql(f: dict[str, Any], owner_id: int) -> tuple[str, list[Any]]:
    """The same query answered from ``content`` alone (no flat columns); who may see a row
    (approved, or the teacher's own) is a row attribute either way."""
    where = ["(review_state = 'approved' OR owner_id = %s)"]
    params: list[Any] = [owner_id]
    if "tier" in f:
        where.append("content->>'tier' = %s")
        params.append(f["tier"])
    if "topic" in f:
        from questions import syllabus

        codes = [c.code for c in syllabus.SYLLABUS.values() if c.topic == f["topic"]]
        where.append("(content->'syllabus_codes'->>0) = ANY(%s)")
        params.append(codes)
    if "marks_min" in f:
        where.append("(content->>'total_marks')::int BETWEEN %s AND %s")
        params += [f["marks_min"], f["marks_max"]]
    if "calculator_policy" in f:
        where.append("content->>'calculator_policy' = %s")
        params.append(f["calculator_policy"])
    if "syllabus_codes" in f:
        where.append("content @> %s::jsonb")
        params.append(json.dumps({"syllabus_codes": [f["syllabus_codes"][0]]}))
    if "difficulty" in f:
        where.append("(content->>'difficulty')::int = %s")
        params.append(f["difficulty"])
    if "command_word" in f:
        where.append("content @> %s::jsonb")
        params.append(json.dumps({"parts": [{"command_word": f["command_word"]}]}))
    if "review_state" in f:
        where.append("review_state = %s")
        params.append(f["review_state"])
    if "quality_min" in f:
        where.append("quality_score >= %s")
        params.append(f["quality_min"])
    if "q" in f:
        where.append(
            "to_tsvector('english', (content->>'title') || ' ' || (content->>'stem') || ' ' || "
            "jsonb_path_query_array(content, '$.parts[*].text')::text) @@ websearch_to_tsquery('english', %s)"
        )
        params.append(f["q"])
    sql = f"SELECT id FROM questions WHERE {' AND '.join(where)} ORDER BY created_at DESC LIMIT 20"
    return sql, params


def time_page(user: Any, filters: dict[str, Any], *, page: int = 1) -> dict[str, float]:
    """What the bank view asks the database for one page, timed (seconds): the paginator's
    exact COUNT (it runs first), then the page's rows (the selector with the view's
    ``select_related``, sliced by the paginator: ``LIMIT min(20, count)``); and, for comparison,
    a COUNT that stops at 10 001 rows."""
    from django.core.paginator import Paginator

    from questions.paging import PAGE_SIZE
    from questions.selectors import question_list

    qs = question_list(user=user, filters=filters)
    paginator = Paginator(qs.select_related("tier", "origin"), PAGE_SIZE)
    started = time.perf_counter()
    paginator.count  # noqa: B018 (a cached property: this is the query)
    count_s = time.perf_counter() - started
    started = time.perf_counter()
    rows = list(paginator.get_page(page).object_list)
    page_s = time.perf_counter() - started
    started = time.perf_counter()
    qs.order_by()[:CAPPED_COUNT].count()
    capped_s = time.perf_counter() - started
    del rows
    return {"page": page_s, "count": count_s, "capped": capped_s, "view": time_view(user, filters)}


def time_view(user: Any, filters: dict[str, Any], *, after: str = "") -> float:
    """The bank view's page as it runs now (seconds): keyset page + capped count
    (``questions.selectors.bank_page``), the first page or the one ``after`` a cursor."""
    from django.http import QueryDict

    from questions.selectors import bank_page

    params = QueryDict(mutable=True)
    if after:
        params["after"] = after
    started = time.perf_counter()
    bank_page(user=user, filters=filters, params=params)
    return time.perf_counter() - started


def deep_cursor(user: Any, offset: int) -> str:
    """A cursor at the row ``offset`` places into the newest-first listing (found untimed)."""
    from questions.paging import Cursor
    from questions.selectors import question_list

    row = (
        question_list(user=user)
        .order_by("-created_at", "-pk")
        .values_list("created_at", "pk")[offset]
    )
    return Cursor((row[0], str(row[1]))).encode()


def explain(user: Any, filters: dict[str, Any], *, offset: int = 0) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the page query."""
    from django.db import connection

    from questions.paging import PAGE_SIZE
    from questions.selectors import question_list

    qs = question_list(user=user, filters=filters).select_related("tier", "origin")
    sql, params = qs[offset : offset + PAGE_SIZE].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(r[0] for r in cursor.fetchall())


def indexes_used(plan: str) -> str:
    import re

    names = re.findall(
        r"(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)", plan
    )
    names = [n for n in dict.fromkeys(names) if not n.startswith(("tiers_", "question_origins_"))]
    return ", ".join(names) if names else "none (sequential scan)"


def run(size: int, runs: int, jsonb_runs: int, rng: random.Random) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import connection

    teacher = get_user_model().objects.get(username="bench-3")
    vocabulary = Vocabulary()
    results: dict[str, Any] = {"size": size, "runs": runs, "jsonb_runs": jsonb_runs, "queries": {}}
    for name in filter_cases(rng, vocabulary):
        print(f"  {name}…", file=sys.stderr)
        timings: dict[str, list[float]] = {
            "page": [],
            "count": [],
            "capped": [],
            "view": [],
            "jsonb": [],
        }
        for i in range(runs):
            filters = filter_cases(rng, vocabulary)[name]
            for key, seconds in time_page(teacher, filters).items():
                timings[key].append(seconds)
            if i >= jsonb_runs:  # without the flat columns a query can take a minute at 1M
                continue
            sql, params = jsonb_sql(filters, teacher.pk)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                cursor.fetchall()
            timings["jsonb"].append(time.perf_counter() - started)
        plan = explain(teacher, filters)
        results["queries"][name] = {
            **{key: summary_ms(values) for key, values in timings.items() if values},
            "indexes": indexes_used(plan),
            "plan": plan,
        }
    # A page deep in the results (the paginator's OFFSET), on the unfiltered listing.
    deep, deep_view = [], []
    for _ in range(max(5, runs // 10)):
        page = rng.randint(size // 4, size // 2) // 20  # the paginator's OFFSET, ¼ to ½ in
        deep.append(time_page(teacher, {}, page=page)["page"])
        deep_view.append(time_view(teacher, {}, after=deep_cursor(teacher, page * 20)))
    plan = explain(teacher, {}, offset=size // 2)
    results["queries"]["deep page (OFFSET 25–50 % in)"] = {
        "page": summary_ms(deep),
        "view": summary_ms(deep_view),
        "indexes": indexes_used(plan),
        "plan": plan,
    }
    return results


def _cell(q: dict[str, Any], key: str, stat: str) -> Any:
    return q[key][stat] if key in q else "—"


def report(all_results: list[dict[str, Any]]) -> str:
    lines = [
        "# Bank queries",
        "",
        "As a teacher sees the bank (approved questions plus their own; 1 of 50 owners), through "
        "the bank view's own selector and Django's `Paginator`, as the view runs them: "
        "count = the paginator's exact `COUNT(*)`; page = the page's rows (selector + "
        "`select_related`, `LIMIT min(20, count)`); capped = a count "
        f"that stops at {CAPPED_COUNT:,} rows (what a page saying “10 000+ questions” would "
        "need); JSONB-only = the same filters written against `content` alone. "
        f"{all_results[0]['runs'] if all_results else 0} runs per row "
        f"({all_results[0]['jsonb_runs'] if all_results else 0} of the JSONB-only ones), "
        "random filter values.",
        "",
    ]
    targets = []
    for res in all_results:
        lines += [f"## {res['size']:,} questions", ""]
        rows = []
        for name, q in res["queries"].items():
            jsonb = q.get("jsonb")
            rows.append(
                [
                    name,
                    q["page"]["p50"],
                    q["page"]["p95"],
                    _cell(q, "count", "p50"),
                    _cell(q, "count", "p95"),
                    _cell(q, "capped", "p95"),
                    _cell(q, "view", "p50"),
                    _cell(q, "view", "p95"),
                    _cell(q, "jsonb", "p50"),
                    _cell(q, "jsonb", "p95"),
                    f"{jsonb['p50'] / q['page']['p50']:.1f}×"
                    if jsonb and q["page"]["p50"]
                    else "—",
                    q["indexes"],
                ]
            )
        lines.append(
            table(
                [
                    "query",
                    "page p50 ms",
                    "page p95 ms",
                    "count p50 ms",
                    "count p95 ms",
                    "capped count p95 ms",
                    "bank view (keyset + capped count) p50 ms",
                    "bank view p95 ms",
                    "JSONB-only p50 ms",
                    "JSONB-only p95 ms",
                    "JSONB/flat (p50)",
                    "indexes used (page)",
                ],
                rows,
            )
        )
        lines.append("")
        if res["size"] >= 1_000_000:
            filters = {
                n: q for n, q in res["queries"].items() if not n.startswith(("full-text", "deep"))
            }
            worst_page = max(filters.items(), key=lambda kv: kv[1]["page"]["p95"])
            worst_total = max(
                filters.items(), key=lambda kv: kv[1]["page"]["p95"] + kv[1]["count"]["p95"]
            )
            total = round(worst_total[1]["page"]["p95"] + worst_total[1]["count"]["p95"], 1)
            targets += [
                target_line(
                    f"bank filters at {res['size']:,}: page p95 ≤ {TARGET_P95_MS:g} ms",
                    f"{worst_page[1]['page']['p95']} ms (worst: {worst_page[0]})",
                    worst_page[1]["page"]["p95"] <= TARGET_P95_MS,
                ),
                target_line(
                    f"… with the paginator's exact count: p95 ≤ {TARGET_P95_MS:g} ms",
                    f"{total} ms (worst: {worst_total[0]})",
                    total <= TARGET_P95_MS,
                ),
            ]
    if targets:
        lines += [
            "## Targets",
            "",
            "The filter combinations (full-text search and the deep page are reported above, "
            "not held to the target).",
            "",
            table(["target", "measured", "status"], targets),
            "",
        ]
    for res in all_results[-1:]:
        lines += [f"## Plans at {res['size']:,} (EXPLAIN ANALYZE of the page query)", ""]
        for name, q in res["queries"].items():
            lines += [f"### {name}", "", "```", q["plan"], "```", ""]
    return "\n".join(lines)


def database_for(prefix: str, size: int) -> str:
    """One database per size (``derivativ_bench_bank_100k``), so each can be re-measured."""
    label = (
        f"{size // 1_000_000}m"
        if size % 1_000_000 == 0
        else (f"{size // 1000}k" if size % 1000 == 0 else str(size))
    )
    return f"{prefix}_{label}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument(
        "--jsonb-runs", type=int, default=10, help="runs of each JSONB-only query (they are slow)"
    )
    parser.add_argument(
        "--base", type=int, default=1000, help="distinct engine questions to multiply"
    )
    parser.add_argument(
        "--database", default="derivativ_bench_bank", help="prefix: one database per size"
    )
    parser.add_argument("--seed-only", action="store_true", help="seed the databases, no timing")
    parser.add_argument("--smoke", action="store_true", help="a tiny run that writes no results")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.runs, args.jsonb_runs, args.base = "300", 3, 3, 30
        args.database = smoke_database(args.database)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    setup_django(database_for(args.database, sizes[0]))
    rng = random.Random(20261125)
    all_results = []
    for size in sizes:
        use_database(database_for(args.database, size))
        print(f"seeding {args.base} engine questions…", file=sys.stderr)
        seed_base_questions(args.base)
        print(f"bank at {size:,} questions…", file=sys.stderr)
        multiply_to(size)
        if not args.seed_only:
            all_results.append(run(size, args.runs, args.jsonb_runs, rng))
    if all_results:
        write_results("bank", report(all_results), {"results": all_results}, smoke=args.smoke)


if __name__ == "__main__":
    main()
