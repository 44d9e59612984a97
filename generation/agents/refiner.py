"""The refiner agent: fixes what the review names, and always re-derives the solution and mark
scheme from the (possibly new) parameters so nothing goes stale.

- A template question is re-derived by running its template again: with the same seed when
  only its wording was at fault (the template's own wording is restored), with a new seed when
  its parameters were (a duplicate variant, a failed check, an unmet request).
- An LLM-written question gets every numeric answer's display recomputed from its machine form
  by the accuracy rule, and the final-answer mark lines rewritten to match.
- Missing accuracy instructions are added to the wording.

In an LLM mode, a language model may rewrite an LLM-written question's wording for the clarity
findings; the rewrite is kept only if it adds no number and breaks no verifier check. Every
re-derivation stays code.
"""

from __future__ import annotations

from typing import Any

from generation.agents import llm
from generation.agents.generator import Rewording, apply_rewording
from generation.agents.schemas import QuestionSpec, RefinerResult, Review, Usage
from generation.engine import base, formatting
from generation.engine.expressions import ExpressionError, evaluate
from generation.engine.formatting import ACCURACY_WORDS
from generation.schemas import Mode
from questions.schemas import Accuracy, AnswerKind, Question

_PARAMETER_DIMENSIONS = ("novelty", "tier_difficulty_fit")


def _rederive_template(
    question: Question, spec: QuestionSpec, *, new_seed: bool, attempt: int
) -> tuple[Question, str]:
    template = base.get_template(question.variant.source)
    seed = question.variant.seed or spec.seed
    if new_seed:
        seed = seed + 7919 * (attempt + 1) + 1
    generated = base.generate(template, seed=seed, difficulty=spec.difficulty, tier=spec.tier)
    what = f"new parameters (seed {seed})" if new_seed else "the template's own wording and working"
    return generated.question, f"re-derived from template {template.key} with {what}"


def _recompute_displays(question: Question) -> tuple[Question, list[str]]:
    data: dict[str, Any] = question.model_dump(mode="json")
    givens = {}
    changes: list[str] = []
    for given in question.givens:
        try:
            givens[given.name] = evaluate(given.value)
        except ExpressionError:
            return question, [f"given {given.name} has no readable value; cannot recompute"]
    for part in data["parts"]:
        for answer in part["answers"]:
            if answer["kind"] != AnswerKind.NUMBER.value or not answer["value"]:
                continue
            try:
                value = evaluate(answer["value"], givens)
                plain, latex = formatting.display(value, Accuracy(answer["accuracy"]))
            except (ExpressionError, formatting.FormattingError, TypeError, ValueError):
                continue
            if answer["plain"] != plain:
                changes.append(
                    f"part {part['label'] or '(single)'}: answer shown as {plain} (was {answer['plain']})"
                )
                old = answer["latex"]
                answer["plain"], answer["latex"] = plain, latex
                for line in data["mark_scheme"]:
                    if line["part"] == part["label"] and old and old in line["awarded_for"]:
                        line["awarded_for"] = line["awarded_for"].replace(old, latex)
    return Question.model_validate(data), changes


def _add_accuracy_instructions(question: Question, review: Review) -> tuple[Question, list[str]]:
    wanted = [r for r in review.reasons.get("cambridge_compliance", []) if "does not say so" in r]
    if not wanted:
        return question, []
    data = question.model_dump(mode="json")
    changes = []
    for part in data["parts"]:
        accuracies = {a["accuracy"] for a in part["answers"] if a["kind"] == "number"}
        accuracies -= {"exact", "3sf", "angle_1dp", "money_2dp"}
        if len(accuracies) == 1:
            words = ACCURACY_WORDS[Accuracy(accuracies.pop())]
            part["text"] = part["text"].rstrip() + f" Give your answer {words}."
            changes.append(f"part {part['label'] or '(single)'}: added “Give your answer {words}.”")
    return Question.model_validate(data), changes


def refine(
    question: Question, review: Review, spec: QuestionSpec, *, attempt: int = 0
) -> RefinerResult:
    """A fixed question for the review's reasons; ``changes`` says what was done."""
    changes: list[str] = []
    usage = Usage()
    is_template = question.variant.source not in ("llm", "manual") and question.variant.source
    if is_template:
        parameters_at_fault = any(review.reasons.get(d) for d in _PARAMETER_DIMENSIONS)
        wording_only = not parameters_at_fault and all(
            "is not stated" in r or "does not appear" in r or "render" in r
            for r in review.reasons.get("correctness", [])
        )
        new_seed = parameters_at_fault or not wording_only
        question, what = _rederive_template(question, spec, new_seed=new_seed, attempt=attempt)
        changes.append(what)
    else:
        question, recomputed = _recompute_displays(question)
        changes.extend(recomputed)
        clarity = review.reasons.get("clarity", [])
        models = llm.models_for("refiner", spec.model) if spec.mode != Mode.OFFLINE else []
        if clarity and models:
            question, reworded, usage = _reword(question, clarity, models)
            changes.extend(reworded)
    question, added = _add_accuracy_instructions(question, review)
    changes.extend(added)
    if not changes:
        changes.append("nothing the refiner can fix automatically")
    return RefinerResult(question=question, changes=changes, usage=usage)


REWORD_INSTRUCTIONS = """You edit Cambridge IGCSE Mathematics (0580) exam questions.
Rewrite the title, stem and part texts to fix the problems listed, in clear British English
exam wording. Every number must stay exactly as it is and no number may be added; maths stays
LaTeX between $...$; each part keeps its label, asks for the same thing and keeps its command
word as its first words."""


def _reword(
    question: Question, findings: list[str], models: list[str]
) -> tuple[Question, list[str], Usage]:
    """The question reworded by a language model for the clarity findings, if that is safe."""
    prompt = "\n\n".join(
        [
            "Problems to fix:",
            "\n".join(f"- {f}" for f in findings),
            "Question (JSON):",
            question.model_dump_json(include={"title", "stem", "parts"}),
        ]
    )
    try:
        answer = llm.run_structured(
            agent="refiner",
            output_type=Rewording,
            instructions=REWORD_INSTRUCTIONS,
            prompt=prompt,
            models=models,
        )
    except llm.LLMUnavailable as exc:
        return question, [f"LLM rewording unavailable ({exc}); kept the wording."], exc.usage
    notes = answer.notes("Reworded for clarity")
    try:
        reworded = apply_rewording(question, answer.output)
    except ValueError as exc:
        return question, [*notes, f"Dropped the LLM's rewording: {exc}"], answer.usage
    added = llm.numbers_added(question.plain_text(), reworded.plain_text())
    problems = [f"it adds {', '.join(added)}"] if added else llm.checks_broken(question, reworded)
    if problems:
        return (
            question,
            [*notes, "Dropped the LLM's rewording: " + "; ".join(problems)],
            answer.usage,
        )
    return reworded, notes, answer.usage
