"""Benchmark: memory of the server's request path, in one process, with ``tracemalloc``.

    .venv/bin/python bench/memory.py                  # 300 cycles, a snapshot every 75
    .venv/bin/python bench/memory.py --cycles 600 --every 100 --frames 6
    .venv/bin/python bench/memory.py --path worker --cycles 600 --every 60 --no-trace
    .venv/bin/python bench/memory.py --smoke

The soak (``bench/soak.py``) measures the resident memory of real server processes; when it
grows, this says whether Python objects grow. Each cycle is what one soak teacher's cycle asks
of the web server, through Django's test client in this process: the generate form's POST (the
session it creates is deleted, so no worker is needed), the session page, the session's state
and header as its socket renders them, the change feed's publish of the session and of a
question, the bank page, a filtered bank page, approve, the edit form and its POST. Twenty
teachers take turns, each with a finished session of their own made first by the pipeline.

``--path worker`` is a task worker's cycle instead: a new session (a new seed, the syllabus
codes and difficulties in turn) run to its end by the pipeline in this process, as
``db_worker`` runs it: every new question is generated, verified, marked, reviewed and stored.

Reported at every snapshot: Python memory traced (what ``tracemalloc`` holds: objects that
live on) and resident memory; then the largest growths between the first snapshot after
warm-up and the last, by allocation site. Flat traced memory means the request path keeps
nothing per request; a resident figure that grows anyway is the allocator or native code.
``tracemalloc`` keeps a traceback per live block, so its own bookkeeping inflates the resident
figure as caches fill: ``--no-trace`` measures resident memory alone, as the soak sees it.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django, smoke_database, table, write_results  # noqa: E402

DATABASE = "derivativ_bench_memory"
TEACHERS = 20
SESSION_LINK = re.compile(r"/generate/sessions/([0-9a-f-]{36})/")
QUESTION_LINK = re.compile(r"/bank/([0-9a-f]{8}-[0-9a-f-]{27})/")
FORM = {"tier": "Extended", "syllabus_code": "E5.3", "count": "1", "mode": "offline"}


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def teachers(count: int = TEACHERS) -> list[tuple[Any, str]]:
    """Logged-in clients (twenty by default), each with a finished session that made a
    question."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from generation.models import GenerationSession
    from generation.tasks import run_session

    found = []
    for i in range(count):
        user, _ = get_user_model().objects.get_or_create(username=f"bench-memory-{i}")
        client = Client()
        client.force_login(user)
        session = GenerationSession.objects.filter(
            owner=user, status_id="completed", questions_made__gte=1
        ).first()
        if session is None:
            response = client.post("/generate/", {**FORM, "difficulty": "3", "seed": str(i)})
            session_id = SESSION_LINK.search(response.headers["location"]).group(1)  # type: ignore[union-attr]
            run_session.call(session_id)
        else:
            session_id = str(session.pk)
        found.append((client, session_id))
    return found


def cycle(client: Any, session_id: str, n: int) -> None:
    from generation import live
    from generation.models import GenerationSession

    response = client.post("/generate/", {**FORM, "difficulty": "3", "seed": str(10**6 + n)})
    made = SESSION_LINK.search(response.headers.get("location", ""))
    if made is None:
        raise SystemExit(f"generate: no session in the redirect ({response.status_code})")
    GenerationSession.objects.filter(pk=made.group(1)).delete()
    session = GenerationSession.objects.select_related("status").get(pk=session_id)
    live.render_session_state(session)
    live.render_session_header(session)
    live.publish_session_change(session_id=session_id, operation="UPDATE")
    page = client.get(f"/generate/sessions/{session_id}/")
    question = QUESTION_LINK.findall(page.content.decode())[0]
    for status in (
        client.get("/bank/").status_code,
        client.get("/bank/", {"tier": "Extended", "syllabus_code": "E5.3"}).status_code,
        client.post(f"/bank/{question}/approve/").status_code,
        client.get(f"/bank/{question}/edit/").status_code,
        client.post(f"/bank/{question}/edit/", {"title": f"Edited {n}", "stem": ""}).status_code,
    ):
        if status >= 400:
            raise SystemExit(f"cycle {n}: HTTP {status}")
    live.publish_question_change(question_id=question, operation="UPDATE")


WORKER_CODES = ("E5.3", "E2.5", "E1.4", "E4.6", "E9.3", "E6.2", "E7.1", "E1.9")


def worker_cycle(client: Any, seed_base: int, n: int) -> None:
    """One session as a task worker runs it: created by the form, run by the pipeline here."""
    from generation.tasks import run_session

    code = WORKER_CODES[n % len(WORKER_CODES)]
    form = {**FORM, "syllabus_code": code, "difficulty": str(1 + n % 5), "seed": str(seed_base + n)}
    response = client.post("/generate/", form)
    made = SESSION_LINK.search(response.headers.get("location", ""))
    if made is None:
        raise SystemExit(f"generate: no session in the redirect ({response.status_code})")
    run_session.call(made.group(1))


def run(
    cycles: int, every: int, frames: int, warm_up: int, path: str = "server", trace: bool = True
) -> dict[str, Any]:
    if path == "worker":
        client = teachers(1)[0][0]  # its own new sessions: one teacher is enough
        seed_base = random.randrange(10**6, 10**9)  # new questions, not the bank's variants

        def step(n: int) -> None:
            worker_cycle(client, seed_base, n)
    else:
        clients = teachers()

        def step(n: int) -> None:
            client, session_id = clients[n % len(clients)]
            cycle(client, session_id, n)

    if trace:
        tracemalloc.start(frames)
    samples: list[dict[str, float]] = []
    snapshots: dict[int, tracemalloc.Snapshot] = {}
    started = time.perf_counter()
    for n in range(1, cycles + 1):
        step(n)
        if n % every == 0 or n == warm_up:
            gc.collect()
            if trace:
                snapshots[n] = tracemalloc.take_snapshot()
            samples.append(
                {
                    "cycle": n,
                    "traced_mb": round(tracemalloc.get_traced_memory()[0] / 2**20, 2)
                    if trace
                    else 0.0,
                    "rss_mb": round(_rss_mb(), 1),
                    "seconds": round(time.perf_counter() - started, 1),
                }
            )
            print(f"  cycle {n}: {samples[-1]}", file=sys.stderr)
    data: dict[str, Any] = {
        "path": path,
        "traced": trace,
        "samples": samples,
        "growth": [],
        "from_cycle": min(s["cycle"] for s in samples if s["cycle"] >= warm_up),
        "to_cycle": samples[-1]["cycle"],
    }
    if not trace:
        return data
    tracemalloc.stop()
    first, last = data["from_cycle"], data["to_cycle"]
    data["growth"] = [
        {
            "kib": round(stat.size_diff / 1024, 1),
            "blocks": stat.count_diff,
            "where": " ← ".join(
                f"{Path(f.filename).name}:{f.lineno}" for f in reversed(stat.traceback)
            ),
        }
        for stat in snapshots[last].compare_to(snapshots[first], "traceback")[:8]
    ]
    return data


def report(data: dict[str, Any], cycles: int) -> str:
    samples = data["samples"]
    base = next(s for s in samples if s["cycle"] == data["from_cycle"])
    end = samples[-1]
    rss = 100 * (end["rss_mb"] - base["rss_mb"]) / base["rss_mb"]
    worker = data["path"] == "worker"
    what = "a task worker's sessions" if worker else "the server's request path"
    how = "tracemalloc, one process" if data["traced"] else "resident memory only, one process"
    done = (
        f"{cycles} sessions, each a new question made, verified, marked, reviewed and stored"
        if worker
        else f"{cycles} soak cycles ({TEACHERS} teachers in turn) through Django's test client"
    )
    growth = f"resident {rss:+.1f} %"
    if data["traced"]:
        traced = 100 * (end["traced_mb"] - base["traced_mb"]) / base["traced_mb"]
        growth = f"Python memory traced {traced:+.1f} %, " + growth
    lines = [
        f"# Memory of {what} ({how})",
        "",
        f"{done}; load average at the end {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores.",
        "",
        f"**From cycle {data['from_cycle']} to {data['to_cycle']}: {growth}.**",
        "",
        table(
            ["Cycle", "Traced MB", "Resident MB", "Seconds"],
            [
                [s["cycle"], s["traced_mb"] if data["traced"] else "-", s["rss_mb"], s["seconds"]]
                for s in samples
            ],
        ),
    ]
    if data["growth"]:
        lines += [
            "",
            "Largest growths by allocation site over that span (KiB, blocks):",
            "",
            table(
                ["KiB", "Blocks", "Where (innermost last)"],
                [[g["kib"], g["blocks"], g["where"]] for g in data["growth"]],
            ),
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--every", type=int, default=75, help="cycles between snapshots")
    parser.add_argument("--warm-up", type=int, default=50, help="first snapshot compared")
    parser.add_argument("--frames", type=int, default=1, help="traceback depth kept")
    parser.add_argument("--path", choices=["server", "worker"], default="server")
    parser.add_argument("--no-trace", action="store_true", help="resident memory only")
    parser.add_argument("--smoke", action="store_true", help="a few cycles, no results written")
    args = parser.parse_args()
    database = DATABASE
    if args.smoke:
        args.cycles, args.every, args.warm_up = 6, 3, 3
        database = smoke_database(DATABASE)
    if not (1 <= args.every <= args.cycles <= 5000 and 1 <= args.warm_up <= args.cycles):
        parser.error("--cycles up to 5000, --every and --warm-up within it")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    random.seed(1)
    setup_django(database)
    data = run(
        args.cycles, args.every, args.frames, args.warm_up, path=args.path, trace=not args.no_trace
    )
    write_results("memory", report(data, args.cycles), data, smoke=args.smoke)


if __name__ == "__main__":
    main()
