"""Benchmark: the question engine.

    .venv/bin/python bench/engine.py                 # every template, 20 seeds each
    .venv/bin/python bench/engine.py --seeds 50 --llm-latency 1.5
    .venv/bin/python bench/engine.py --smoke

Per template and overall: questions per second on one core (generate + verify), and the share
of that time spent verifying. Beside it, the whole offline pipeline for one question
(generate → mark → review) with a scripted LLM stand-in that adds a fixed per-call latency to
each agent that would call a provider, to show where the time goes with a real provider.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import summary_ms, table, write_results  # noqa: E402


def engine_rates(seeds: int, only: str | None, stride: int = 1) -> dict[str, Any]:
    """Rates per template (every ``stride``-th one; all by default)."""
    from generation.engine import base
    from generation.engine.verifier import verify

    per_template: dict[str, Any] = {}
    total_gen = total_verify = 0.0
    total_questions = 0
    for template in base.templates()[::stride]:
        if only and only not in template.key:
            continue
        gen_s = verify_s = 0.0
        n = 0
        for seed in range(seeds):
            tier = template.tiers[seed % len(template.tiers)]
            difficulty = 1 + seed % 5
            started = time.perf_counter()
            generated = base.generate(template, seed=seed, difficulty=difficulty, tier=tier)
            middle = time.perf_counter()
            report = verify(generated.question)
            ended = time.perf_counter()
            if not report.passed:
                raise SystemExit(
                    f"{template.key} seed {seed}: verification failed: {report.summary()}"
                )
            gen_s += middle - started
            verify_s += ended - middle
            n += 1
        per_template[template.key] = {
            "questions": n,
            "per_second": round(n / (gen_s + verify_s), 2),
            "ms_per_question": round((gen_s + verify_s) / n * 1000, 2),
            "verify_share": round(verify_s / (gen_s + verify_s), 3),
        }
        total_gen += gen_s
        total_verify += verify_s
        total_questions += n
    overall = {
        "questions": total_questions,
        "per_second": round(total_questions / (total_gen + total_verify), 2),
        "ms_per_question": round((total_gen + total_verify) / total_questions * 1000, 2),
        "verify_share": round(total_verify / (total_gen + total_verify), 3),
    }
    return {"templates": per_template, "overall": overall}


def pipeline_with_llm_stand_in(runs: int, latency: float) -> dict[str, Any]:
    """One question through generate → mark → review, offline, then with a stand-in adding
    ``latency`` seconds to each call a configured provider would make (generator, marker,
    reviewer critique)."""
    from generation.agents import generator, marker, reviewer
    from generation.agents.schemas import QuestionSpec
    from questions.schemas import Tier

    def one(seed: int, llm_latency: float) -> dict[str, float]:
        spec = QuestionSpec(index=0, tier=Tier.EXTENDED, codes=["E2.5"], seed=seed, difficulty=3)
        times = {}
        started = time.perf_counter()
        generated = generator.generate_offline(spec)
        time.sleep(llm_latency)  # hybrid: the provider rewrites the wording
        times["generator"] = time.perf_counter() - started
        started = time.perf_counter()
        marked = marker.mark(generated.question)
        time.sleep(llm_latency)  # the provider rewrites mark-scheme wording
        times["marker"] = time.perf_counter() - started
        started = time.perf_counter()
        reviewer.review(marked.question, spec)
        time.sleep(llm_latency)  # the provider's critique
        times["reviewer"] = time.perf_counter() - started
        return times

    results = {}
    for label, delay in (("offline", 0.0), (f"stand-in LLM {latency:g} s/call", latency)):
        rows = [one(seed, delay) for seed in range(runs)]
        totals = [sum(r.values()) for r in rows]
        results[label] = {
            "total": summary_ms(totals),
            "by_agent_ms": {
                a: round(statistics.median(r[a] for r in rows) * 1000, 1) for a in rows[0]
            },
        }
    return results


def report(rates: dict[str, Any], pipeline: dict[str, Any]) -> str:
    rows = [
        [key, r["questions"], r["per_second"], r["ms_per_question"], f"{r['verify_share']:.0%}"]
        for key, r in sorted(rates["templates"].items(), key=lambda kv: kv[1]["per_second"])
    ]
    o = rates["overall"]
    lines = [
        "# Engine",
        "",
        f"Overall: **{o['per_second']} questions/s on one core** ({o['ms_per_question']} ms each, "
        f"{o['verify_share']:.0%} of it verifying), {o['questions']} questions from {len(rows)} templates.",
        "",
        "Slowest templates first:",
        "",
        table(["template", "questions", "per second", "ms each", "verifying"], rows),
        "",
        "## Where the time goes with a provider",
        "",
    ]
    prow = []
    for label, r in pipeline.items():
        by = r["by_agent_ms"]
        prow.append(
            [
                label,
                r["total"]["p50"],
                r["total"]["p95"],
                by["generator"],
                by["marker"],
                by["reviewer"],
            ]
        )
    lines.append(
        table(
            [
                "pipeline (1 question)",
                "p50 ms",
                "p95 ms",
                "generator ms",
                "marker ms",
                "reviewer ms",
            ],
            prow,
        )
    )
    lines += [
        "",
        "The stand-in sleeps a fixed latency per provider call; the code's own share is the offline row.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--template", help="only templates whose key contains this")
    parser.add_argument("--runs", type=int, default=20, help="pipeline runs per row")
    parser.add_argument(
        "--llm-latency", type=float, default=1.2, help="seconds per stand-in LLM call"
    )
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    stride = 1
    if args.smoke:  # a sample of the templates, once each: the script still works
        args.seeds, args.runs, args.llm_latency, stride = 1, 2, 0.01, 10
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "derivativ.settings.test")
    import django

    django.setup()
    rates = engine_rates(args.seeds, args.template, stride)
    pipeline = pipeline_with_llm_stand_in(args.runs, args.llm_latency)
    write_results(
        "engine", report(rates, pipeline), {"rates": rates, "pipeline": pipeline}, smoke=args.smoke
    )


if __name__ == "__main__":
    main()
