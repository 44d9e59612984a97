"""The reviewer agent: scores a question on named dimensions with fixed weights, and the
system — not an LLM — turns the weighted score into a decision (thresholds from domain.md).

Mathematical correctness is the verifier's report and a hard gate: a question that fails
verification scores at most :data:`FAILED_VERIFICATION_CAP`, below approval, whatever else.

In an LLM mode a language model may add a written critique (``Review.critique``) for the
teacher; it never changes a score or the decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

from generation.agents import llm
from generation.agents.schemas import Decision, QuestionSpec, Review, Usage
from generation.engine.verifier import verify
from generation.schemas import Mode
from questions.rendering import MathsError, render_maths_strict
from questions.schemas import (
    Accuracy,
    AnswerKind,
    CommandWord,
    MarkType,
    Question,
    VerificationReport,
)

WEIGHTS: dict[str, float] = {
    "correctness": 0.35,
    "cambridge_compliance": 0.20,
    "tier_difficulty_fit": 0.15,
    "clarity": 0.15,
    "novelty": 0.15,
}
# Below "refine" (0.60) so a failed verification is fixed or regenerated, never approved.
FAILED_VERIFICATION_CAP = 0.55
# A variant already in the bank or the session is regenerated: a batch never holds two.
DUPLICATE_VARIANT_CAP = 0.45


def decide(score: float) -> Decision:
    if score >= 0.85:
        return Decision.APPROVE
    if score >= 0.60:
        return Decision.MANUAL_REVIEW
    if score >= 0.50:
        return Decision.REFINE
    if score >= 0.40:
        return Decision.REGENERATE
    return Decision.REJECT


def _score(penalties: list[tuple[float, str]]) -> tuple[float, list[str]]:
    value = 1.0
    for amount, _ in penalties:
        value -= amount
    return max(0.0, round(value, 3)), [reason for _, reason in penalties]


def _correctness(report: VerificationReport) -> tuple[float, list[str]]:
    if report.passed:
        return 1.0, []
    failed = report.failures
    reasons = [f"{c.name}{f' ({c.part})' if c.part else ''}: {c.detail}" for c in failed]
    return 0.0, reasons


def _compliance(question: Question) -> tuple[float, list[str]]:
    penalties: list[tuple[float, str]] = []
    for part in question.parts:
        label = part.label or "(single)"
        lines = question.lines_for(part.label)
        if part.command_word == CommandWord.WRITE_DOWN and part.marks > 1:
            penalties.append((0.3, f"part {label}: 'Write down' carries {part.marks} marks"))
        if part.command_word == CommandWord.SHOW_THAT and not part.show_that:
            penalties.append((0.3, f"part {label}: 'Show that' does not state the result"))
        if part.marks >= 3 and len(part.solution) < 2:
            penalties.append((0.15, f"part {label}: {part.marks} marks for a one-step solution"))
        types = {line.mark_type for line in lines}
        if part.marks >= 2 and types == {MarkType.A}:
            penalties.append((0.2, f"part {label}: accuracy marks with no method mark"))
        for answer in part.answers:
            if (
                answer.kind == AnswerKind.NUMBER
                and answer.accuracy
                not in (Accuracy.EXACT, Accuracy.SF3, Accuracy.ANGLE_1DP, Accuracy.MONEY_2DP)
                and not re.search(
                    r"correct to|nearest|decimal place|significant", part.text + question.stem
                )
            ):
                penalties.append(
                    (
                        0.15,
                        f"part {label}: the answer is rounded to {answer.accuracy.value} but the question does not say so",
                    )
                )
    return _score(penalties)


def _fit(question: Question, spec: QuestionSpec, unmet: Iterable[str]) -> tuple[float, list[str]]:
    penalties: list[tuple[float, str]] = []
    if question.tier != spec.tier:
        penalties.append((0.5, f"written for {question.tier.value}, asked for {spec.tier.value}"))
    if not set(question.syllabus_codes) & set(spec.codes):
        penalties.append((0.4, "tests none of the syllabus codes asked for"))
    gap = abs(question.difficulty - spec.difficulty)
    if gap:
        penalties.append(
            (0.1 * gap, f"difficulty {question.difficulty}, asked for {spec.difficulty}")
        )
    for item in unmet:
        penalties.append((0.1, f"asked for {item}"))
    return _score(penalties)


_LEFTOVER = re.compile(r"\{[a-z_]+\}|None|nan|\?\?")


def _clarity(question: Question) -> tuple[float, list[str]]:
    penalties: list[tuple[float, str]] = []
    texts = [question.stem, *(p.text for p in question.parts)]
    for text in texts:
        try:
            render_maths_strict(text)
        except MathsError as exc:
            penalties.append((0.3, f"maths that does not render: {exc}"))
        if _LEFTOVER.search(text):
            penalties.append((0.3, f"unfinished wording: {_LEFTOVER.search(text).group(0)!r}"))  # type: ignore[union-attr]
        if text.count("$") % 2:
            penalties.append((0.3, "an unclosed maths span"))
    for part in question.parts:
        label = part.label or "(single)"
        if len(part.text) > 600:
            penalties.append((0.1, f"part {label} is long ({len(part.text)} characters)"))
        for answer in part.answers:
            given_units = {g.unit for g in question.givens if g.unit}
            if (
                answer.kind == AnswerKind.NUMBER
                and given_units
                and not answer.unit
                and not _dimensionless(part.text)
            ):
                penalties.append((0.05, f"part {label}: the answer has no unit"))
    words = len(" ".join(texts).split())
    if words > 250:
        penalties.append((0.1, f"{words} words is long for one question"))
    return _score(penalties)


def _dimensionless(text: str) -> bool:
    return bool(
        re.search(
            r"ratio|probability|how many|number of|scale factor|percentage|gradient|fraction",
            text,
            re.I,
        )
    )


def _words(text: str) -> set[str]:
    tokens = re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower())
    return {" ".join(tokens[i : i + 3]) for i in range(max(0, len(tokens) - 2))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of word trigrams (1.0 = the same wording and numbers)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _novelty(
    question: Question, known_variant_keys: set[str], nearby_texts: list[str]
) -> tuple[float, list[str]]:
    if question.variant.key in known_variant_keys:
        return 0.0, ["the same variant is already in the bank or this session"]
    text = question.plain_text()
    closest = max((similarity(text, other) for other in nearby_texts), default=0.0)
    if closest >= 0.9:
        return 0.2, [f"near-duplicate wording of a bank question ({closest:.0%} alike)"]
    if closest >= 0.75:
        return 0.7, [f"close to a bank question's wording ({closest:.0%} alike)"]
    return 1.0, []


def review(
    question: Question,
    spec: QuestionSpec,
    *,
    unmet: Iterable[str] = (),
    known_variant_keys: set[str] | None = None,
    nearby_texts: list[str] | None = None,
    report: VerificationReport | None = None,
) -> Review:
    """Score the question and decide what happens to it."""
    report = report or verify(question)
    results = {
        "correctness": _correctness(report),
        "cambridge_compliance": _compliance(question),
        "tier_difficulty_fit": _fit(question, spec, unmet),
        "clarity": _clarity(question),
        "novelty": _novelty(question, known_variant_keys or set(), nearby_texts or []),
    }
    scores = {name: value for name, (value, _) in results.items()}
    reasons = {name: why for name, (_, why) in results.items() if why}
    score = round(sum(WEIGHTS[name] * scores[name] for name in WEIGHTS), 3)
    if not report.passed:
        score = min(score, FAILED_VERIFICATION_CAP)
    if question.variant.key in (known_variant_keys or set()):
        score = min(score, DUPLICATE_VARIANT_CAP)
    result = Review(
        scores=scores,
        weights=WEIGHTS,
        score=score,
        decision=decide(score),
        reasons=reasons,
        verification=report,
    )
    models = llm.models_for("reviewer", spec.model) if spec.mode != Mode.OFFLINE else []
    if models:
        critique, usage = _critique(question, result, models)
        result = result.model_copy(update={"critique": critique, "usage": usage})
    return result


class Critique(BaseModel):
    critique: str = Field(
        max_length=3000,
        description="two to five sentences for the teacher: what works, what to watch for",
    )


CRITIQUE_INSTRUCTIONS = """You review Cambridge IGCSE Mathematics (0580) exam questions for a
teacher. Code has already checked the mathematics and scored the question; its findings are
given. Write a short critique in British English: is the context realistic, is the wording
clear and in Cambridge style, is the difficulty right for the tier, and what would you change.
Do not recompute answers or give a score."""


def _critique(question: Question, review: Review, models: list[str]) -> tuple[str, Usage]:
    """A language model's critique of the question, or why there is none."""
    findings = review.reason_list() or ["no problems found"]
    prompt = "\n\n".join(
        [
            "Question (JSON):",
            question.model_dump_json(exclude={"diagram_svg", "variant"}),
            f"Computed score {review.score:.2f} ({review.decision.value}); findings:",
            "\n".join(f"- {f}" for f in findings),
            f"Verifier: {review.verification.summary()}",
        ]
    )
    try:
        answer = llm.run_structured(
            agent="reviewer",
            output_type=Critique,
            instructions=CRITIQUE_INSTRUCTIONS,
            prompt=prompt,
            models=models,
        )
    except llm.LLMUnavailable as exc:
        return f"No critique: the language model was unavailable ({exc}).", exc.usage
    critique = answer.output.critique
    if answer.failures:
        critique += f"\n\n({answer.model}, after: {'; '.join(answer.failures)})"
    return critique, answer.usage
