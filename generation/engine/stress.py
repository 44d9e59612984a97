"""Generating in bulk: verified batches for a syllabus code, the stress run that measures every
template, and a plain-text rendering of a question for a teacher.

The ``generate_questions`` management command is a thin shell around these functions.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generation.engine import difficulty as rubric
from generation.engine import formatting
from generation.engine.base import (
    Template,
    TemplateExhausted,
    generate,
    get_template,
    templates,
    templates_for,
)
from generation.engine.verifier import difficulty as difficulty_check
from generation.engine.verifier import verify
from questions import syllabus
from questions.schemas import Accuracy, Question, Tier, VerificationReport, printed_label


class SelectionError(ValueError):
    """The code, tier or template asked for cannot be served (the message says why)."""


@dataclass(frozen=True, slots=True)
class Verified:
    """One generated question with its verification report and what it cost."""

    question: Question
    report: VerificationReport
    template: str
    attempts: int
    milliseconds: float


def choose_templates(
    *, code: str | None, tier: str | None, template_key: str | None
) -> tuple[Tier, list[Template]]:
    """The tier and templates that serve a request; raises :class:`SelectionError`."""
    if code is not None and not syllabus.is_known(code):
        raise SelectionError(
            f"Unknown syllabus code {code!r}: codes look like C1.13 (Core) or E2.5 (Extended)."
        )
    chosen_tier: Tier | None = None
    if tier is not None:
        try:
            chosen_tier = Tier(tier.capitalize())
        except ValueError:
            raise SelectionError(f"Unknown tier {tier!r}: use Core or Extended.") from None
    if code is not None:
        code_tier = Tier(syllabus.tier_of(code))
        if chosen_tier is not None and chosen_tier != code_tier:
            raise SelectionError(
                f"{code} is {'an' if code_tier == Tier.EXTENDED else 'a'} {code_tier.value} code "
                f"but --tier is {chosen_tier.value}; "
                f"use the {'E' if chosen_tier == Tier.EXTENDED else 'C'}{code[1:]} code instead."
            )
        chosen_tier = code_tier
    if template_key is not None:
        try:
            template = get_template(template_key)
        except KeyError:
            known = ", ".join(t.key for t in templates())
            raise SelectionError(f"No template {template_key!r}. Templates: {known}") from None
        if chosen_tier is None:
            chosen_tier = template.tiers[0]
        if chosen_tier not in template.codes:
            raise SelectionError(f"Template {template_key} has no {chosen_tier.value} questions.")
        if code is not None and code not in template.codes[chosen_tier]:
            served = ", ".join(template.codes[chosen_tier])
            raise SelectionError(
                f"Template {template_key} does not serve {code} (it serves {served})."
            )
        return chosen_tier, [template]
    if code is None or chosen_tier is None:
        raise SelectionError("Give a syllabus code (--code E2.5) or a template (--template KEY).")
    found = templates_for(code=code, tier=chosen_tier)
    if not found:
        raise SelectionError(f"No template serves {code} ({syllabus.get(code).title}) yet.")
    return chosen_tier, found


def generate_verified(template: Template, *, seed: int, difficulty: int, tier: Tier) -> Verified:
    """Generate one question and verify it, timing both."""
    start = time.perf_counter()
    generated = generate(template, seed=seed, difficulty=difficulty, tier=tier)
    report = verify(generated.question)
    return Verified(
        question=generated.question,
        report=report,
        template=template.key,
        attempts=generated.attempts,
        milliseconds=(time.perf_counter() - start) * 1000,
    )


def batch(
    *,
    code: str | None = None,
    tier: str | None = None,
    template_key: str | None = None,
    count: int,
    difficulty: int,
    seed: int,
) -> Iterator[Verified]:
    """Up to ``count`` verified questions with distinct variants, taking the templates that
    serve the request in turn (round robin), each from consecutive seeds."""
    chosen_tier, chosen = choose_templates(code=code, tier=tier, template_key=template_key)
    next_seed = {t.key: seed for t in chosen}
    seen: set[str] = set()
    rotation = list(chosen)
    produced = 0
    turn = 0
    while produced < count and rotation:
        template = rotation[turn % len(rotation)]
        result = None
        for _ in range(10):  # a few tries for a variant not seen yet
            current = next_seed[template.key]
            next_seed[template.key] += 1
            try:
                candidate = generate_verified(
                    template, seed=current, difficulty=difficulty, tier=chosen_tier
                )
            except TemplateExhausted:
                continue
            if candidate.question.variant.key not in seen:
                result = candidate
                break
        if result is None:
            rotation.remove(template)  # this template has no more distinct variants
            continue
        seen.add(result.question.variant.key)
        produced += 1
        turn += 1
        yield result


# --- the stress run ---------------------------------------------------------------------


@dataclass
class TemplateStats:
    key: str
    tiers: tuple[Tier, ...]
    draws: int = 0
    accepted: int = 0
    verified: int = 0
    milliseconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    # declared difficulty → how many of its variants the rubric put in each band
    bands: dict[int, Counter[int]] = field(default_factory=dict)
    # the same per (declared difficulty, tier): the rubric weighs Extended-only content
    tier_bands: dict[tuple[int, Tier], Counter[int]] = field(default_factory=dict)

    @property
    def outside_band(self) -> int:
        """Variants whose declared difficulty is not within the tolerance of the rubric's band."""
        return sum(
            n
            for declared, measured in self.bands.items()
            for band, n in measured.items()
            if not difficulty_check.agrees(declared, band)
        )

    @property
    def acceptance_rate(self) -> float:
        return self.accepted / self.draws if self.draws else 0.0

    @property
    def pass_rate(self) -> float:
        return self.verified / self.accepted if self.accepted else 0.0

    @property
    def ms_per_question(self) -> float:
        return self.milliseconds / self.accepted if self.accepted else 0.0


def stress_template(template: Template, *, seeds: int) -> TemplateStats:
    """Run ``seeds`` seeds of one template in every tier it serves, difficulty cycling 1–5."""
    stats = TemplateStats(key=template.key, tiers=template.tiers)
    for seed in range(seeds):
        difficulty = seed % 5 + 1
        for tier in template.tiers:
            where = f"seed {seed}, {tier.value}, difficulty {difficulty}"
            try:
                result = generate_verified(template, seed=seed, difficulty=difficulty, tier=tier)
            except TemplateExhausted as exc:
                stats.draws += template.max_attempts
                stats.failures.append(f"{where}: {exc}")
                continue
            except Exception as exc:  # a template bug: count it and keep measuring the rest
                stats.draws += 1
                stats.failures.append(f"{where}: {type(exc).__name__}: {exc}")
                continue
            stats.draws += result.attempts
            stats.accepted += 1
            band = rubric.band(result.question)
            # the difficulty the question was made at: a template that does not offer the one
            # asked for makes it at the nearest it offers, and labels it so
            made_at = result.question.difficulty
            stats.bands.setdefault(made_at, Counter())[band] += 1
            stats.tier_bands.setdefault((made_at, tier), Counter())[band] += 1
            stats.milliseconds += result.milliseconds
            if result.report.passed:
                stats.verified += 1
            else:
                stats.failures.append(f"{where}: {result.report.summary()}")
    return stats


def stress(
    *,
    seeds: int,
    template_key: str | None = None,
    topic: str | None = None,
    progress: Callable[[TemplateStats], None] | None = None,
) -> list[TemplateStats]:
    """Stress every registered template (or one, or one topic's); ``progress`` is called after
    each."""
    if template_key:
        chosen = [get_template(template_key)]
    elif topic:
        chosen = topic_templates(topic)
    else:
        chosen = templates()
    results = []
    for template in chosen:
        stats = stress_template(template, seeds=seeds)
        results.append(stats)
        if progress is not None:
            progress(stats)
    return results


def topic_templates(topic: str) -> list[Template]:
    """The registered templates of one topic (keys ``topic.name``)."""
    return [t for t in templates() if t.key.split(".", 1)[0] == topic]


STRESS_HEADER = (
    f"{'template':<48} {'tiers':<6} {'draws':>6} {'accept':>7} {'verified':>9} {'ms/q':>7}"
)


def stress_row(stats: TemplateStats) -> str:
    tiers = "+".join(t.value[0] for t in stats.tiers)
    return (
        f"{stats.key:<48} {tiers:<6} {stats.draws:>6} {stats.acceptance_rate:>7.1%} "
        f"{stats.pass_rate:>9.1%} {stats.ms_per_question:>7.1f}"
    )


def stress_summary(results: list[TemplateStats]) -> dict[str, Any]:
    """The stress run's numbers (the README quotes them)."""
    covered = {
        code
        for stats in results
        for tier_codes in get_template(stats.key).codes.values()
        for code in tier_codes
    }
    questions = sum(s.accepted for s in results)
    milliseconds = sum(s.milliseconds for s in results)
    return {
        "templates": len(results),
        "codes_covered": len(covered),
        "codes_total": len(syllabus.SYLLABUS),
        "codes_not_covered": len(syllabus.SYLLABUS) - len(covered),
        "questions": questions,
        "verified": sum(s.verified for s in results),
        "min_acceptance_rate": round(min((s.acceptance_rate for s in results), default=0.0), 4),
        "min_verification_rate": round(min((s.pass_rate for s in results), default=0.0), 4),
        "ms_per_question": round(milliseconds / questions, 1) if questions else 0.0,
        "failing_templates": sorted(s.key for s in results if s.failures),
        "difficulty_enforced": difficulty_check.ENFORCED,
        "difficulty_tolerance": difficulty_check.TOLERANCE,
        "variants_outside_band": sum(s.outside_band for s in results),
        "templates_outside_band": len([s for s in results if s.outside_band]),
    }


def band_spread(stats: TemplateStats) -> str:
    """Declared difficulty → the rubric bands its variants measured, e.g. ``1→1 2→2 3→2 4→2/3
    5→2!`` (``!``: some variants are outside the tolerance of the declared band)."""
    shown = []
    for declared in sorted(stats.bands):
        measured = stats.bands[declared]
        bands = "/".join(str(b) for b in sorted(measured))
        flag = "" if all(difficulty_check.agrees(declared, b) for b in measured) else "!"
        shown.append(f"{declared}→{bands}{flag}")
    return " ".join(shown)


DIFFICULTY_HEADER = f"{'template':<48} {'outside':>7}  declared→measured bands"


def difficulty_row(stats: TemplateStats) -> str:
    return f"{stats.key:<48} {stats.outside_band:>7}  {band_spread(stats)}"


def difficulty_changes(stats: TemplateStats) -> list[str]:
    """What to change so every variant sits within the tolerance of its declared band: for each
    declared difficulty and tier outside it, the bands measured (with how many variants) and
    the way to move."""
    changes = []
    for (declared, tier), measured in sorted(stats.tier_bands.items()):
        outside = sorted(b for b in measured if not difficulty_check.agrees(declared, b))
        if not outside:
            continue
        bands = ", ".join(f"{b} (×{measured[b]})" for b in sorted(measured))
        if min(outside) > declared:
            how = (
                "make it lighter (fewer marks or method lines in one part, a part to lead in, "
                "no second concept)"
            )
        elif max(outside) < declared:
            how = (
                "give it more demand (more marks, an unscaffolded chain of three or more method "
                "marks, a second topic or Extended-only content)"
            )
        else:
            how = "narrow its spread (its variants differ by more than the tolerance)"
        changes.append(f"difficulty {declared}, {tier.value}: measures {bands}; {how}")
    return changes


# --- a question as plain text, for a teacher reading the terminal -------------------------

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SYMBOLS = {
    "\\times": "×",
    "\\div": "÷",
    "\\pi": "π",
    "\\theta": "θ",
    "\\leqslant": "≤",
    "\\geqslant": "≥",
    "\\leq": "≤",
    "\\geq": "≥",
    "\\le": "≤",
    "\\ge": "≥",
    "\\neq": "≠",
    "\\ne": "≠",
    "\\approx": "≈",
    "\\pm": "±",
    "\\cdot": "·",
    "\\qquad": "    ",
    "\\quad": "  ",
    "\\left": "",
    "\\right": "",
    "\\,": " ",
    "\\;": " ",
    "\\!": "",
    "\\%": "%",
    "\\{": "{",
    "\\}": "}",
    "\\ldots": "…",
    "\\dots": "…",
    "\\cdots": "⋯",
    "\\cup": "∪",
    "\\cap": "∩",
    "\\in": "∈",
    "\\infty": "∞",
    "\\alpha": "α",
    "\\beta": "β",
    "\\triangle": "△",
    "\\angle": "∠",
    "\\rightarrow": "→",
    "\\to": "→",
}


def readable(text: str) -> str:
    """LaTeX-in-prose as plain Unicode text: ``$\\pi \\times 28^2$`` becomes ``π × 28²``."""
    s = text.replace("\\$", "\x00")
    s = s.replace("$", "").replace("\x00", "$")
    s = re.sub(r"\\begin\{[pbv]?matrix\}(.*?)\\end\{[pbv]?matrix\}", _column, s, flags=re.S)
    s = re.sub(r"\\begin\{array\}\{[^{}]*\}(.*?)\\end\{array\}", _table, s, flags=re.S)
    s = re.sub(r"\\(?:overrightarrow|vec)\{([^{}]*)\}", r"→\1", s)
    for _ in range(4):  # nested fractions and roots, innermost first
        s = re.sub(r"\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}", _fraction, s)
        s = re.sub(r"\\sqrt\{([^{}]*)\}", _root, s)
        s = re.sub(r"\\(?:text|mathrm|mathbf|textrm|operatorname)\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"\^\{?\\circ\}?", "°", s)
    s = re.sub(
        r"\^\{(-?\d+)\}|\^(\d)", lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPTS), s
    )
    for latex, symbol in sorted(_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        s = re.sub(re.escape(latex) + r"(?![A-Za-z])", symbol, s)
    s = s.replace("{", "").replace("}", "")
    return re.sub(r"[ \t]{2,}(?=\S)", lambda m: m.group(0) if len(m.group(0)) >= 4 else " ", s)


def _fraction(match: re.Match[str]) -> str:
    top, bottom = match.group(1).strip(), match.group(2).strip()
    wrap = lambda x: x if re.fullmatch(r"[\w.\\π]+", x) else f"({x})"  # noqa: E731
    return f"{wrap(top)}/{wrap(bottom)}"


def _root(match: re.Match[str]) -> str:
    inner = match.group(1).strip()
    return f"√{inner}" if re.fullmatch(r"[\w.]+", inner) else f"√({inner})"


def _table(match: re.Match[str]) -> str:
    rows = [r.replace("\\hline", "").strip() for r in match.group(1).split("\\\\")]
    cells = [" | ".join(c.strip() for c in row.split("&")) for row in rows if row]
    return "\n    " + "\n    ".join(cells) + "\n"


def _column(match: re.Match[str]) -> str:
    rows = [r.strip() for r in match.group(1).split("\\\\") if r.strip()]
    return "(" + ", ".join(rows) + ")ᵀ"


def _unit(unit: str) -> str:
    return readable(unit).replace("^2", "²").replace("^3", "³")


def question_text(result: Verified, number: int | None = None) -> str:
    """A question, its answers, worked solution, mark scheme and verification, readably."""
    q = result.question
    heading = f"Question {number}" if number is not None else "Question"
    lines = [
        f"━━ {heading} · {result.template} · {', '.join(q.syllabus_codes)} ({q.tier.value}) · "
        f"calculator {q.calculator_policy.value.replace('_', ' ')} · difficulty {q.difficulty} · "
        f"{q.total_marks} marks",
        q.title,
    ]
    if q.stem:
        lines.append(readable(q.stem))
    if q.diagram_svg:
        lines.append("[diagram]")
    for part in q.parts:
        lines.append(f"  {_tag(part.label)}{readable(part.text)}  [{part.marks}]")
    lines.append("Answers")
    for part in q.parts:
        shown = []
        for answer in part.answers:
            text = readable(answer.plain)
            if answer.unit:
                text += f" {_unit(answer.unit)}"
            if answer.accuracy != Accuracy.EXACT:
                text += f" ({formatting.ACCURACY_WORDS[answer.accuracy]})"
            if answer.label:
                text = f"{readable(answer.label)}: {text}"
            shown.append(text)
        lines.append(f"  {_tag(part.label)}{';  '.join(shown)}")
    lines.append("Worked solution")
    for part in q.parts:
        for i, step in enumerate(part.solution):
            lines.append(
                f"  {_tag(part.label) if i == 0 else ' ' * len(_tag(part.label))}{readable(step.text)}"
            )
    lines.append("Mark scheme")
    previous = None
    for line in q.mark_scheme:
        tag = _tag(line.part) if line.part != previous else " " * len(_tag(line.part))
        previous = line.part
        extras = " ".join(qualifier.value for qualifier in line.qualifiers)
        text = f"  {tag}{line.code:<4} {readable(line.awarded_for)}"
        if extras:
            text += f"  {extras}"
        lines.append(text)
        for note in line.partial_credit:
            lines.append(f"  {' ' * len(tag)}     {readable(note)}")
    if q.wrong_answers:
        lines.append("Common wrong answers")
        for wrong in q.wrong_answers:
            marks = f"{wrong.marks_awarded} mark{'s' if wrong.marks_awarded != 1 else ''}"
            lines.append(
                f"  {_tag(wrong.part)}{readable(wrong.plain)} — {readable(wrong.error)} [{marks}]"
            )
    verdict = "passed" if result.report.passed else "FAILED"
    lines.append(f"Verifier: {verdict} — {result.report.summary()}")
    return "\n".join(lines)


def _tag(label: str) -> str:
    return f"{printed_label(label)} " if label else ""
