"""Benchmark: papers.

    .venv/bin/python bench/papers.py              # 20 runs of each measurement
    .venv/bin/python bench/papers.py --runs 5
    .venv/bin/python bench/papers.py --smoke

1. Printing: a 100-mark Paper 4-style paper made of stored, verified questions, printed as
   its four PDFs (student, teacher, mark scheme, answer key) from the database, as the print
   job does (the document read from the rows, rendered, printed by a warm Chromium, stored).
   Target: p50 ≤ 2 s. The first print of a process (Chromium starting) is reported apart.
2. A blueprint fill that must generate 10 of its questions (the bank holds none it can use),
   run as the worker runs it: plan, generate, verify, mark, review, save, put in the paper.
   Target: ≤ 10 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import io  # noqa: E402

from pypdf import PdfReader  # noqa: E402

from bench.common import setup_django, smoke_database, summary_ms, table, target_line, write_results  # noqa: E402

PRINT_TARGET_S = 2.0
FILL_TARGET_S = 10.0


def _teacher(name: str) -> Any:
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=name)
    return user


def _filled_paper(owner: Any, marks: int) -> Any:
    """A Paper 4-style paper filled to a blueprint once (its questions are then stored ones)."""
    from papers import jobs
    from papers.blueprints import PRESETS

    paper, job = jobs.fill_start(
        owner=owner, blueprint=PRESETS["paper4"].blueprint(total_marks=marks), enqueue=False
    )
    if jobs.job_run(str(job.pk)) != "completed":
        job.refresh_from_db()
        raise SystemExit(f"the fill failed: {job.error}")
    return paper


def print_times(runs: int, marks: int) -> dict[str, Any]:
    from papers import selectors
    from papers.models import Paper
    from papers.schemas import PageSize
    from papers.typeset import render_all

    paper = _filled_paper(_teacher("bench-printer"), marks)
    items = selectors.paper_items(paper)
    timings = []
    first = None
    pages = 0
    for n in range(runs + 1):
        started = time.perf_counter()
        fresh = Paper.objects.select_related("tier", "calculator_policy").get(pk=paper.pk)
        document = selectors.paper_document(fresh)
        pdfs = render_all(document, page_size=PageSize.A4)
        elapsed = time.perf_counter() - started
        if n == 0:
            first = elapsed
            pages = sum(len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs.values())
        else:
            timings.append(elapsed)
    return {
        "questions": len(items),
        "marks": sum(i.marks for i in items),
        "pages": pages,
        "first_s": round(first or 0, 3),
        "print": summary_ms(timings),
    }


def fill_times(runs: int, generate: int) -> dict[str, Any]:
    """A fill whose every question must be generated: a fresh teacher with an empty bank, a
    blueprint sized to need about ``generate`` questions."""
    from papers import jobs, selectors
    from papers.blueprints import Blueprint, Weight

    timings = []
    made = []
    for n in range(runs):
        owner = _teacher(f"bench-filler-{os.getpid()}-{n}")
        blueprint = Blueprint(
            title=f"Fill {n}",
            tier="Extended",
            calculator_policy="allowed",
            total_marks=5 * generate,  # questions are worth 2–8 marks, ≈5 on average
            difficulty_min=2,
            difficulty_max=4,
            weights=[
                Weight(target=t, weight=1)
                for t in ("Number", "Algebra and graphs", "Mensuration", "Statistics")
            ],
        )
        paper, job = jobs.fill_start(owner=owner, blueprint=blueprint, enqueue=False)
        started = time.perf_counter()
        status = jobs.job_run(str(job.pk))
        timings.append(time.perf_counter() - started)
        if status != "completed":
            job.refresh_from_db()
            raise SystemExit(f"fill {n} failed: {job.error}")
        made.append(len(selectors.paper_items(paper)))
    return {"generated_per_fill": made, "fill": summary_ms(timings)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--marks", type=int, default=100)
    parser.add_argument("--generate", type=int, default=10, help="questions a fill must generate")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, no results written")
    args = parser.parse_args()
    if args.smoke:
        args.runs, args.marks, args.generate = 1, 20, 2
    setup_django(smoke_database("bench_papers") if args.smoke else "bench_papers")
    load = os.getloadavg()

    printing = print_times(args.runs, args.marks)
    fill = fill_times(max(1, args.runs // 4), args.generate)
    print_p50 = printing["print"]["p50"] / 1000
    fill_p50 = fill["fill"]["p50"] / 1000
    rows = [
        target_line(
            f"{printing['marks']}-mark paper's four PDFs from stored questions: p50 ≤ {PRINT_TARGET_S:g} s",
            f"p50 {print_p50:.2f} s, p95 {printing['print']['p95'] / 1000:.2f} s over {printing['print']['n']} runs "
            f"({printing['questions']} questions, {printing['pages']} pages; the first, with Chromium starting, {printing['first_s']:.2f} s)",
            print_p50 <= PRINT_TARGET_S,
        ),
        target_line(
            f"Blueprint fill generating {args.generate} questions: ≤ {FILL_TARGET_S:g} s",
            f"p50 {fill_p50:.2f} s, p95 {fill['fill']['p95'] / 1000:.2f} s over {fill['fill']['n']} fills "
            f"({', '.join(str(n) for n in fill['generated_per_fill'])} questions generated)",
            fill_p50 <= FILL_TARGET_S,
        ),
    ]
    markdown = "\n".join(
        [
            "# Papers benchmark",
            "",
            f"Load average when it started: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores.",
            "",
            table(["Target", "Measured", ""], rows),
        ]
    )
    write_results(
        "papers",
        markdown,
        {"load": load, "print": printing, "fill": fill},
        smoke=args.smoke,
    )


if __name__ == "__main__":
    main()
