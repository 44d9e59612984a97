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
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django, summary_ms, table, target_line, write_results  # noqa: E402

TARGET_P95_MS = 20.0
CODES_SAMPLE = ["E2.5", "E5.3", "C1.4", "E1.13", "C5.2", "E6.2", "E8.3", "C9.3", "E3.5", "E1.8"]
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


def seed_base_questions(limit: int) -> int:
    """Store up to ``limit`` distinct verified engine questions (once per database)."""
    from generation.engine import base
    from questions import services
    from questions.models import Question, ReviewState

    have = (
        Question.objects.filter(template__gt="", variant_key__contains="|d")
        .exclude(variant_key__contains="|copy=")
        .count()
    )
    if have >= limit:
        return have
    made = have
    templates = base.templates()
    seed = 1
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
    return made


def multiply_to(size: int, users: int = 50) -> None:
    """Copy the base questions server-side until the table holds ``size`` rows."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    User = get_user_model()
    for i in range(users - User.objects.filter(username__startswith="bench-").count()):
        User.objects.get_or_create(username=f"bench-{i}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM questions")
        (count,) = cursor.fetchone()
        if count >= size:
            return
        cursor.execute("SELECT array_agg(id) FROM auth_user WHERE username LIKE 'bench-%%'")
        (owner_ids,) = cursor.fetchone()
        batch = 100_000
        copy_no = 0
        while count < size:
            n = min(batch, size - count)
            copy_no += 1
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
                       (ARRAY['approved','approved','approved','approved','approved','approved','approved',
                              'needs_review','needs_review','draft'])[1 + (g %% 10)],
                       '', b.review, b.verification, b.verified, b.origin,
                       b.variant_key || '|copy=' || %(stamp)s || '-' || g, b.template,
                       (%(owners)s::int[])[1 + (g %% %(n_owners)s)], NULL, b.search_text,
                       now() - (random() * interval '365 days'), now()
                FROM generate_series(1, %(n)s) AS g
                JOIN LATERAL (
                    SELECT * FROM questions base
                    WHERE base.variant_key NOT LIKE '%%|copy=%%'
                    OFFSET (g %% %(n_base)s) LIMIT 1
                ) b ON true
                """,
                {
                    "n": n,
                    "stamp": f"{int(time.time())}{copy_no}",
                    "owners": owner_ids,
                    "n_owners": len(owner_ids),
                    "n_base": _base_count(cursor),
                },
            )
            count += n
            print(
                f"  {count:>9,} rows ({time.monotonic() - started:.1f} s for {n:,})",
                file=sys.stderr,
            )
        cursor.execute("VACUUM ANALYZE questions") if connection.get_autocommit() else None
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE questions")


def _base_count(cursor: Any) -> int:
    cursor.execute("SELECT count(*) FROM questions WHERE variant_key NOT LIKE '%%|copy=%%'")
    return int(cursor.fetchone()[0])


def filter_cases(rng: random.Random) -> dict[str, dict[str, Any]]:
    """The bank's common filter combinations, with random values."""
    from questions import syllabus

    tier = rng.choice(["Core", "Extended"])
    topic = rng.choice(list(syllabus.TOPICS.values()))
    low = rng.randint(2, 5)
    return {
        "default page (approved, newest)": {"review_state": "approved"},
        "tier + topic": {"tier": tier, "topic": topic},
        "tier + marks range + calculator": {
            "tier": tier,
            "marks_min": low,
            "marks_max": low + 3,
            "calculator_policy": rng.choice(["allowed", "not_allowed"]),
        },
        "syllabus code + difficulty": {
            "syllabus_codes": [rng.choice(CODES_SAMPLE)],
            "difficulty": rng.randint(1, 5),
        },
        "command word + tier + approved": {
            "command_word": rng.choice(["Calculate", "Work out", "Write down", "Show that"]),
            "tier": tier,
            "review_state": "approved",
        },
        "quality >= 0.9 + tier": {"quality_min": 0.9, "tier": tier},
        "full-text search": {"q": rng.choice(WORDS)},
        "full-text + tier": {"q": rng.choice(WORDS), "tier": tier},
    }


def jsonb_sql(name: str, f: dict[str, Any]) -> tuple[str, list[Any]]:
    """The same query answered from ``content`` alone (no flat columns)."""
    where, params = ["true"], []
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
        where.append("review_state = %s")  # not part of the question: a row attribute either way
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


def time_selector(filters: dict[str, Any], *, offset: int = 0) -> tuple[float, float, str]:
    """(page seconds, count seconds, plan summary) for the bank selector as a staff user sees it."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from questions.selectors import question_list

    class Staff(AnonymousUser):
        is_staff = True

    qs = question_list(user=Staff(), filters=filters)
    started = time.perf_counter()
    page = list(qs.values_list("id", "title")[offset : offset + 20])
    page_s = time.perf_counter() - started
    started = time.perf_counter()
    qs.count()
    count_s = time.perf_counter() - started
    del page
    sql, params = qs.values_list("id")[offset : offset + 20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(r[0] for r in cursor.fetchall())
    return page_s, count_s, plan


def indexes_used(plan: str) -> str:
    import re

    names = sorted(set(re.findall(r"Index (?:Only )?Scan (?:Backward )?(?:using|on) (\w+)", plan)))
    names += sorted(set(re.findall(r"Bitmap Index Scan on (\w+)", plan)) - set(names))
    return ", ".join(names) if names else "none (sequential scan)"


def run(size: int, runs: int, rng: random.Random) -> dict[str, Any]:
    from django.db import connection

    multiply_to(size)
    results: dict[str, Any] = {"size": size, "queries": {}}
    names = list(filter_cases(rng))
    for name in names:
        page, count, jsonb = [], [], []
        plan = ""
        for _ in range(runs):
            filters = filter_cases(rng)[name]
            p, c, plan = time_selector(filters)
            page.append(p)
            count.append(c)
            sql, params = jsonb_sql(name, filters)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                cursor.fetchall()
            jsonb.append(time.perf_counter() - started)
        results["queries"][name] = {
            "page": summary_ms(page),
            "count": summary_ms(count),
            "jsonb_only": summary_ms(jsonb),
            "indexes": indexes_used(plan),
        }
    # A page deep in the results (the paginator's OFFSET), for the default listing.
    deep = []
    for _ in range(max(5, runs // 10)):
        offset = rng.randint(size // 4, size // 2)
        p, _, plan = time_selector({"review_state": "approved"}, offset=offset)
        deep.append(p)
    results["queries"]["deep page (offset ~25-50%)"] = {
        "page": summary_ms(deep),
        "count": None,
        "jsonb_only": None,
        "indexes": indexes_used(plan),
    }
    return results


def report(all_results: list[dict[str, Any]]) -> str:
    lines = ["# Bank queries", ""]
    targets = []
    for res in all_results:
        lines += [f"## {res['size']:,} questions", ""]
        rows = []
        for name, q in res["queries"].items():
            count = q["count"]
            jsonb = q["jsonb_only"]
            rows.append(
                [
                    name,
                    q["page"]["p50"],
                    q["page"]["p95"],
                    count["p50"] if count else "—",
                    count["p95"] if count else "—",
                    jsonb["p50"] if jsonb else "—",
                    jsonb["p95"] if jsonb else "—",
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
                    "JSONB-only p50 ms",
                    "JSONB-only p95 ms",
                    "JSONB/flat (p50)",
                    "indexes used (flat)",
                ],
                rows,
            )
        )
        lines.append("")
        if res["size"] >= 1_000_000:
            filters_p95 = max(
                q["page"]["p95"]
                for n, q in res["queries"].items()
                if "search" not in n and "deep" not in n
            )
            targets.append(
                target_line(
                    f"bank filters at {res['size']:,}: page p95 ≤ {TARGET_P95_MS} ms",
                    f"{filters_p95} ms (worst filter combination)",
                    filters_p95 <= TARGET_P95_MS,
                )
            )
    if targets:
        lines += ["## Targets", "", table(["target", "measured", "status"], targets), ""]
    lines += [
        "Page = the bank selector's 20 rows (as the page runs it); count = the paginator's COUNT(*) for",
        "the same filters; JSONB-only = the same filters written against `content` alone.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument(
        "--base", type=int, default=400, help="distinct engine questions to multiply"
    )
    parser.add_argument("--database", default="derivativ_bench_bank")
    parser.add_argument("--smoke", action="store_true", help="a tiny run that writes no results")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.runs, args.base = "300", 3, 30
        args.database = args.database + "_smoke"
    setup_django(args.database)
    rng = random.Random(20261125)
    print(f"seeding {args.base} engine questions…", file=sys.stderr)
    seed_base_questions(args.base)
    all_results = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        print(f"bank at {size:,} questions…", file=sys.stderr)
        all_results.append(run(size, args.runs, rng))
    write_results("bank", report(all_results), {"results": all_results}, smoke=args.smoke)


if __name__ == "__main__":
    main()
