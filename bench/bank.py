"""Benchmark: the bank's pages and searches at 1 000 000 questions.

    .venv/bin/python bench/bank.py                          # 1M (seeding it takes ~10 min once)
    .venv/bin/python bench/bank.py --sizes 100000 --runs 40
    .venv/bin/python bench/bank.py --sizes 1000000 --seed-only
    .venv/bin/python bench/bank.py --smoke                  # tiny, for CI: checks it still works

Seeding: see ``bench.bank_seed`` (its own database per size, ``derivativ_bench_bank_1m``).

Measured: the bank view's own read, ``questions.selectors.bank_page`` (the keyset page of 20
and the capped count, with the view's ``select_related``), as a teacher sees the bank
(approved questions plus their own; one of 50 owners). Every facet of the filter form alone,
every pair of facets, all ten at once, the other sort, two combinations that match nothing;
each on the first page and on a deep page (a cursor ¼ to ¾ of the way into the listing, or for
"best match" a page 5–20 links in). Full-text search for common and rare words, alone and with
facets, by best match and by date. Filter values are taken from a random stored question each
run ("questions like this one"), so a combination is one a teacher could make and finds rows.
For comparison, the old paginator's exact COUNT and OFFSET deep page (a few runs). Then
EXPLAIN (ANALYZE, BUFFERS) of every query of the five slowest cases' slowest run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bank_seed import COPY_NOTE, database_for, multiply_to, seed_base_questions  # noqa: E402
from bench.common import (  # noqa: E402
    cpu_probe_ms,
    setup_django,
    smoke_database,
    summary_ms,
    table,
    target_line,
    use_database,
    write_results,
)

FILTER_TARGET_MS = 20.0
SEARCH_TARGET_MS = 50.0
FACETS = (
    "tier",
    "topic",
    "syllabus_code",
    "command_word",
    "marks",
    "calculator_policy",
    "difficulty",
    "review_state",
    "origin",
    "quality_min",
)
COMMON_WORDS = 4  # the most frequent words of the bank
RARE_WORDS = 4  # words of one stored question (≈ 1 in 1000 rows)


@dataclass
class Vocabulary:
    """What the bank holds: the distinct questions' facet values, and words to search for."""

    rows: list[dict[str, Any]]
    common: list[str]
    rare: list[str]
    time_range: tuple[dt.datetime, dt.datetime]

    @classmethod
    def load(cls) -> Vocabulary:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT tier, topic, syllabus_codes, command_words, marks, calculator_policy,
                       difficulty, origin
                FROM questions WHERE review_note <> %s
                """,
                [COPY_NOTE],
            )
            names = [c.name for c in cursor.description]
            rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
            words = """
                SELECT word FROM ts_stat(%s) s
                WHERE word ~ '^[a-z]{4,}$' AND plainto_tsquery('english', word)::text = quote_literal(word)
            """
            stat = f"SELECT search_vector FROM questions WHERE review_note <> '{COPY_NOTE}'"
            cursor.execute(words + " ORDER BY ndoc DESC, word LIMIT %s", [stat, COMMON_WORDS])
            common = [r[0] for r in cursor.fetchall()]
            cursor.execute(words + " AND ndoc = 1 ORDER BY md5(word) LIMIT %s", [stat, RARE_WORDS])
            rare = [r[0] for r in cursor.fetchall()]
            cursor.execute("SELECT min(created_at), max(created_at) FROM questions")
            low, high = cursor.fetchone()
        return cls(rows=rows, common=common, rare=rare, time_range=(low, high))


def facet_values(rng: random.Random, like: dict[str, Any], facets: tuple[str, ...]) -> dict:
    """The selector's filters for ``facets``, with the values of the stored question ``like``."""
    out: dict[str, Any] = {}
    for facet in facets:
        if facet == "syllabus_code":
            out["syllabus_codes"] = [rng.choice(like["syllabus_codes"])]
        elif facet == "command_word":
            out["command_word"] = rng.choice(like["command_words"] or ["calculate"])
        elif facet == "marks":
            out["marks_min"], out["marks_max"] = max(1, like["marks"] - 1), like["marks"] + 1
        elif facet == "review_state":
            out["review_state"] = rng.choice(["approved", "needs_review", "draft"])
        elif facet == "quality_min":
            out["quality_min"] = rng.choice([0.5, 0.7, 0.9, 0.95])
        else:
            out[facet] = like[facet]
    return out


@dataclass
class Case:
    """A bank page to time: its name, a maker of fresh filters, its sort, a search or not."""

    name: str
    make: Any  # (rng, vocabulary) -> filters
    sort: str = ""
    search: bool = False
    group: str = "filters"
    timings: dict[str, list[float]] = field(default_factory=lambda: {"first": [], "deep": []})
    slowest: dict[str, tuple[float, dict[str, Any], dict[str, str]]] = field(default_factory=dict)


def cases() -> list[Case]:
    def facets(*names: str) -> Any:
        return lambda rng, v: facet_values(rng, rng.choice(v.rows), names)

    out = [Case("no filters (newest first)", facets())]
    out += [Case(f"{f}", facets(f)) for f in FACETS]
    out += [Case(f"{a} + {b}", facets(a, b)) for a, b in itertools.combinations(FACETS, 2)]
    out.append(Case("all ten facets", facets(*FACETS)))
    out += [
        Case("no filters, oldest first", facets(), sort="oldest"),
        Case("tier + topic, oldest first", facets("tier", "topic"), sort="oldest"),
        Case(
            "syllabus code + difficulty + review state, oldest first",
            facets("syllabus_code", "difficulty", "review_state"),
            sort="oldest",
        ),
        Case(
            "no match: origin 'imported' (none stored)",
            lambda rng, v: {"origin": "imported"},
            group="no match",
        ),
        Case(
            "no match: Core + an Extended code",
            lambda rng, v: {
                "tier": "Core",
                "syllabus_codes": [
                    rng.choice(
                        [c for r in v.rows if r["tier"] == "Extended" for c in r["syllabus_codes"]]
                    )
                ],
            },
            group="no match",
        ),
    ]

    def words(kind: str, n: int = 1) -> Any:
        def make(rng: random.Random, v: Vocabulary) -> dict[str, Any]:
            pool = v.common if kind == "common" else v.rare
            return {"q": " ".join(rng.sample(pool, n))}

        return make

    def with_facets(make: Any, *names: str) -> Any:
        return lambda rng, v: {**make(rng, v), **facets(*names)(rng, v)}

    for sort, label in (("", "best match"), ("newest", "newest first")):
        out += [
            Case(f"search: a common word, {label}", words("common"), sort, True, "search"),
            Case(f"search: two common words, {label}", words("common", 2), sort, True, "search"),
            Case(f"search: a rare word, {label}", words("rare"), sort, True, "search"),
            Case(
                f"search: a common word + tier, {label}",
                with_facets(words("common"), "tier"),
                sort,
                True,
                "search",
            ),
            Case(
                f"search: a common word + tier + topic + approved, {label}",
                with_facets(words("common"), "tier", "topic", "review_state"),
                sort,
                True,
                "search",
            ),
            Case(
                f"search: a rare word + tier, {label}",
                with_facets(words("rare"), "tier"),
                sort,
                True,
                "search",
            ),
            Case(
                f"search: a word no question has, {label}",
                lambda rng, v: {"q": "zeppelin"},
                sort,
                True,
                "search",
            ),
        ]
    return out


def _params(**values: str) -> Any:
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    for name, value in values.items():
        if value:
            params[name] = value
    return params


def deep_params(case: Case, filters: dict[str, Any], rng: random.Random, v: Vocabulary) -> dict:
    """The query of a page deep in the listing (found untimed): a cursor at a point ¼ to ¾ of
    the way through the bank's dates (the rows are spread evenly over them), or, when ranked by
    best match, the page 5 to 20 "next" links in (within the candidates)."""
    from questions.paging import PAGE_SIZE, SEARCH_CANDIDATES, Cursor, sort_for
    from questions.selectors import bank_page

    sort = sort_for(_params(sort=case.sort), has_text=bool(filters.get("q")))
    if sort != "relevance":
        low, high = v.time_range
        at = low + (high - low) * rng.uniform(0.25, 0.75)
        edge = str(uuid.UUID(int=0)) if sort == "oldest" else str(uuid.UUID(int=2**128 - 1))
        return {"sort": case.sort, "after": Cursor((at, edge)).encode()}
    params: dict[str, str] = {"sort": case.sort}
    for _ in range(rng.randint(5, SEARCH_CANDIDATES // PAGE_SIZE - 5)):
        page = bank_page(user=TEACHER[0], filters=filters, params=_params(**params))
        if not page.next_cursor:
            break
        params["after"] = page.next_cursor
    return params


TEACHER: list[Any] = []


def time_case(case: Case, runs: int, rng: random.Random, v: Vocabulary) -> None:
    from questions.selectors import bank_page

    user = TEACHER[0]
    for _ in range(runs):
        for kind in ("first", "deep"):
            filters = case.make(rng, v)
            params = {"sort": case.sort} if kind == "first" else deep_params(case, filters, rng, v)
            query = _params(**params)
            started = time.perf_counter()
            bank_page(user=user, filters=filters, params=query)
            seconds = time.perf_counter() - started
            case.timings[kind].append(seconds)
            if seconds > case.slowest.get(kind, (0.0,))[0]:
                case.slowest[kind] = (seconds, filters, params)


def explain_case(filters: dict[str, Any], params: dict[str, str]) -> list[dict[str, str]]:
    """EXPLAIN (ANALYZE, BUFFERS) of each query the bank page runs for these inputs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from questions.selectors import bank_page

    with CaptureQueriesContext(connection) as captured:
        bank_page(user=TEACHER[0], filters=filters, params=_params(**params))
    plans = []
    with connection.cursor() as cursor:
        for q in captured.captured_queries:
            sql = q["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(r[0] for r in cursor.fetchall())
            plans.append({"sql": sql, "plan": plan})
    return plans


def indexes_used(plan: str) -> str:
    names = re.findall(
        r"(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)", plan
    )
    names = [n for n in dict.fromkeys(names) if not n.startswith(("tiers_", "question_origins_"))]
    return ", ".join(names) if names else "none (sequential scan)"


def old_paginator(runs: int, size: int, rng: random.Random) -> dict[str, Any]:
    """The bank as it paged before keyset pages: Django's Paginator, exact COUNT and OFFSET."""
    from django.core.paginator import Paginator

    from questions.selectors import question_list

    counts, deep = [], []
    for _ in range(runs):
        paginator = Paginator(question_list(user=TEACHER[0]).select_related("tier", "origin"), 20)
        started = time.perf_counter()
        paginator.count  # noqa: B018 (a cached property: this is the query)
        counts.append(time.perf_counter() - started)
        page = rng.randint(size // 4, size // 2) // 20
        started = time.perf_counter()
        list(paginator.get_page(page).object_list)
        deep.append(time.perf_counter() - started)
    return {"exact_count": summary_ms(counts), "offset_deep_page": summary_ms(deep)}


def run(size: int, runs: int, rng: random.Random) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from questions.paging import COUNT_CAP

    TEACHER[:] = [get_user_model().objects.get(username="bench-3")]
    vocabulary = Vocabulary.load()
    all_cases = cases()
    started = time.monotonic()
    for i, case in enumerate(all_cases, 1):
        print(f"  [{i}/{len(all_cases)}] {case.name}…", file=sys.stderr)
        time_case(case, runs, rng, vocabulary)
    measured_s = time.monotonic() - started
    rows = []
    for case in all_cases:
        for kind in ("first", "deep"):
            stats = summary_ms(case.timings[kind])
            rows.append(
                {
                    "case": case.name,
                    "group": case.group,
                    "page": kind,
                    "target_ms": SEARCH_TARGET_MS if case.search else FILTER_TARGET_MS,
                    **stats,
                    "slowest_inputs": {
                        "filters": case.slowest[kind][1],
                        "params": case.slowest[kind][2],
                    },
                }
            )
    slowest = sorted(rows, key=lambda r: r["p95"], reverse=True)[:5]
    explained = []
    for r in slowest:
        plans = explain_case(r["slowest_inputs"]["filters"], r["slowest_inputs"]["params"])
        explained.append(
            {
                "case": r["case"],
                "page": r["page"],
                "p95": r["p95"],
                "inputs": r["slowest_inputs"],
                "queries": [{**p, "indexes": indexes_used(p["plan"])} for p in plans],
            }
        )
    return {
        "size": size,
        "runs": runs,
        "count_cap": COUNT_CAP,
        "measured_seconds": round(measured_s),
        "words": {"common": vocabulary.common, "rare": vocabulary.rare},
        "rows": rows,
        "old_paginator": old_paginator(max(3, runs // 20), size, rng),
        "explained": explained,
    }


WARM_SQL = """
SELECT coalesce(sum(pg_prewarm(c.oid, 'read')), 0)
FROM pg_class c
WHERE c.oid IN ('questions'::regclass, 'question_code_keys'::regclass)
   OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'questions'::regclass)
   OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (
        'questions'::regclass, 'question_code_keys'::regclass,
        (SELECT reltoastrelid FROM pg_class WHERE oid = 'questions'::regclass)))
"""


def warm_cache() -> str:
    """Read the bank's tables, TOAST and indexes once (``pg_prewarm``), so the run measures a
    database whose working set is in memory, as a busy one's is; returns what it read."""
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            start = time.perf_counter()
            cursor.execute(WARM_SQL)
            blocks = cursor.fetchone()[0]
    except DatabaseError as exc:  # no pg_prewarm here, or no right to create it
        return f"could not warm it ({exc}); figures may include reads from disk"
    return (
        f"{blocks * 8 // 1024:,} MB read into the page cache in {time.perf_counter() - start:.0f} s"
    )


def load() -> dict[str, Any]:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return {"uptime": uptime, "cpu_probe_ms": cpu_probe_ms()}


def report(res: dict[str, Any], loads: dict[str, Any]) -> str:
    rows = res["rows"]
    lines = [
        f"# Bank pages at {res['size']:,} questions",
        "",
        "The bank view's read (`questions.selectors.bank_page`: keyset page of 20 + count capped "
        f"at {res['count_cap']:,}, the view's `select_related`), as a teacher sees the bank "
        "(approved questions "
        f"plus their own; 1 of 50 owners). {res['runs']} runs per row, fresh filter values each "
        "run, taken from a random stored question; deep = a cursor ¼–¾ of the way into the "
        "listing (best match: 5–20 “next” links in). Search words — common: "
        f"{', '.join(res['words']['common'])}; rare (one stored question, ≈ 1 row in 1 000): "
        f"{', '.join(res['words']['rare'])}.",
        "",
        f"Machine load: before `{loads['before']}`; after `{loads['after']}`.",
        f"CPU probe (`bench.common.cpu_probe_ms`, a fixed million-step Python loop): "
        f"{loads['cpu_before']} ms before, {loads['cpu_after']} ms after. The column "
        "“× base” is a case's p50 over the p50 of “no filters (newest first)” on the same "
        "page kind in this run: it compares runs on a CPU whose speed moves.",
        "",
        (
            f"Cache: warmed first (`--warm`: {loads['warmed']})."
            if loads.get("warmed")
            else "Cache: as the database was left (no `--warm`): rows a run reads for the first "
            "time may come from disk."
        ),
        "",
    ]
    base = {r["page"]: r["p50"] for r in rows if r["case"] == "no filters (newest first)"}
    targets = []
    for group, title, target in (
        ("filters", "Facets alone and combined, both sorts", FILTER_TARGET_MS),
        ("no match", "Combinations that match nothing", FILTER_TARGET_MS),
        ("search", "Full-text search", SEARCH_TARGET_MS),
    ):
        mine = [r for r in rows if r["group"] == group]
        lines += [f"## {title} (target p95 ≤ {target:g} ms)", ""]
        lines.append(
            table(
                ["case", "page", "p50 ms", "× base", "p95 ms", "p99 ms", "status"],
                [
                    [
                        r["case"],
                        r["page"],
                        r["p50"],
                        round(r["p50"] / base[r["page"]], 2) if base.get(r["page"]) else "",
                        r["p95"],
                        r["p99"],
                        "met" if r["p95"] <= target else "**missed**",
                    ]
                    for r in mine
                ],
            )
        )
        lines.append("")
        for kind in ("first", "deep"):
            of_kind = [r for r in mine if r["page"] == kind]
            worst = max(of_kind, key=lambda r: r["p95"])
            targets.append(
                target_line(
                    f"{title.lower()}, {kind} page, at {res['size']:,}: p95 ≤ {target:g} ms "
                    f"({len(of_kind)} cases)",
                    f"worst {worst['p95']} ms ({worst['case']}); median of cases' p95 "
                    f"{sorted(r['p95'] for r in of_kind)[len(of_kind) // 2]} ms",
                    worst["p95"] <= target,
                )
            )
    old = res["old_paginator"]
    lines += [
        "## Targets",
        "",
        table(["target", "measured", "status"], targets),
        "",
        "## Before: the old paginator (exact COUNT, OFFSET), no filters",
        "",
        table(
            ["query", "runs", "p50 ms", "p95 ms"],
            [
                [
                    "exact COUNT(*)",
                    old["exact_count"]["n"],
                    old["exact_count"]["p50"],
                    old["exact_count"]["p95"],
                ],
                [
                    "OFFSET page ¼–½ in",
                    old["offset_deep_page"]["n"],
                    old["offset_deep_page"]["p50"],
                    old["offset_deep_page"]["p95"],
                ],
            ],
        ),
        "",
        "## The five slowest cases: EXPLAIN (ANALYZE, BUFFERS) of their slowest run",
        "",
    ]
    for e in res["explained"]:
        lines += [
            f"### {e['case']} — {e['page']} page (p95 {e['p95']} ms)",
            "",
            f"Inputs: `{e['inputs']}`",
            "",
        ]
        for q in e["queries"]:
            lines += [
                f"Indexes: {q['indexes']}",
                "",
                "```sql",
                q["sql"],
                "```",
                "",
                "```",
                q["plan"],
                "```",
                "",
            ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--runs", type=int, default=60, help="runs of each case and page")
    parser.add_argument(
        "--base", type=int, default=1000, help="distinct engine questions to multiply"
    )
    parser.add_argument(
        "--database", default="derivativ_bench_bank", help="prefix: one database per size"
    )
    parser.add_argument("--seed-only", action="store_true", help="seed the databases, no timing")
    parser.add_argument("--smoke", action="store_true", help="a tiny run that writes no results")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="read the bank's tables and indexes into memory first (pg_prewarm) and say so",
    )
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.runs, args.base = "300", 2, 30
        args.database = smoke_database(args.database)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    setup_django(database_for(args.database, sizes[0]))
    rng = random.Random(20261207)
    for size in sizes:
        use_database(database_for(args.database, size))
        print(f"seeding {args.base} engine questions…", file=sys.stderr)
        seed_base_questions(args.base)
        print(f"bank at {size:,} questions…", file=sys.stderr)
        multiply_to(size)
        if args.seed_only:
            continue
        warmed = warm_cache() if args.warm else ""
        before = load()
        res = run(size, args.runs, rng)
        after = load()
        loads = {
            "before": before["uptime"],
            "after": after["uptime"],
            "cpu_before": before["cpu_probe_ms"],
            "cpu_after": after["cpu_probe_ms"],
            "warmed": warmed,
        }
        write_results("bank", report(res, loads), {"load": loads, "results": res}, smoke=args.smoke)


if __name__ == "__main__":
    main()
