"""The generator agent: proposes a question for a spec.

- ``offline``: a template from the engine computes everything.
- ``hybrid``: the engine computes; an LLM rewrites context and wording around the locked
  numbers (the verifier then checks every given survived).
- ``llm``: an LLM writes the whole question in our schema; the verifier recomputes it.

Any LLM failure falls back down that list and says so in ``notes``.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable

from pydantic import BaseModel, Field

from generation.agents import llm
from generation.agents.schemas import GeneratorResult, QuestionSpec, Usage
from generation.engine import base
from generation.engine.base import Template, TemplateExhausted
from generation.schemas import Mode
from questions import syllabus
from questions.schemas import CalculatorPolicy, Question

MAX_TEMPLATE_TRIES = 12
Taken = Callable[[str], bool]  # is this variant key already in the bank or the session?


class NoTemplate(LookupError):
    """No template serves the codes asked for."""


class PartWording(BaseModel):
    label: str
    text: str


class Rewording(BaseModel):
    """An LLM's rewording of a question: new context and wording, the same numbers."""

    title: str
    stem: str
    parts: list[PartWording]
    rationale: str = Field("", description="what was changed and why, one or two sentences")


def candidate_templates(spec: QuestionSpec) -> list[Template]:
    """Templates for the spec's codes and tier, those matching its calculator policy first."""
    found: list[Template] = []
    if spec.template:
        with contextlib.suppress(KeyError):
            found.append(base.get_template(spec.template))
    for code in spec.codes:
        for template in base.templates_for(code=code, tier=spec.tier):
            if template not in found:
                found.append(template)
    if spec.calculator_policy and spec.calculator_policy != CalculatorPolicy.VARIES:
        matching = [t for t in found if t.calculator == spec.calculator_policy]
        found = matching + [t for t in found if t not in matching]
    return found


def unmet_constraints(question: Question, spec: QuestionSpec) -> list[str]:
    """The spec's constraints the question does not meet, in words."""
    unmet = []
    if question.difficulty != spec.difficulty:
        unmet.append(f"difficulty {spec.difficulty} (it is {question.difficulty})")
    if spec.command_word and spec.command_word.value not in question.command_words:
        unmet.append(f"command word {spec.command_word.value}")
    if spec.marks and question.total_marks != spec.marks:
        unmet.append(f"{spec.marks} marks (it has {question.total_marks})")
    if spec.calculator_policy and question.calculator_policy != spec.calculator_policy:
        unmet.append(f"calculator policy {spec.calculator_policy.value}")
    return unmet


def generate_offline(
    spec: QuestionSpec, *, attempt: int = 0, taken: Taken | None = None
) -> GeneratorResult:
    """The best template question for the spec within a bounded number of tries.

    ``taken`` says which variant keys the bank or the session already holds: those variants
    are passed over for the next seed or template (a template with few variants at this
    difficulty is soon used up), and one is returned only if every try was taken, for the
    reviewer to send back with that reason."""
    templates = candidate_templates(spec)
    if not templates:
        codes = ", ".join(spec.codes)
        raise NoTemplate(f"no question template covers {codes} ({spec.tier.value}) yet")
    best: tuple[int, GeneratorResult] | None = None
    used_up: GeneratorResult | None = None
    reasons: list[str] = []
    for i in range(MAX_TEMPLATE_TRIES):
        # A named template ("another like this") is tried first; then the others in turn.
        template = templates[
            0
            if spec.template and i < MAX_TEMPLATE_TRIES // 2
            else (spec.index + attempt + i) % len(templates)
        ]
        seed = spec.seed + 7919 * attempt + 104729 * i
        try:
            generated = base.generate(
                template, seed=seed, difficulty=spec.difficulty, tier=spec.tier
            )
        except TemplateExhausted as exc:
            reasons.append(str(exc))
            continue
        unmet = unmet_constraints(generated.question, spec)
        result = GeneratorResult(
            question=generated.question,
            template=template.key,
            mode_used=Mode.OFFLINE,
            unmet=unmet,
        )
        if taken is not None and taken(generated.question.variant.key):
            used_up = used_up or result
            continue
        if not unmet:
            return result
        if best is None or len(unmet) < best[0]:
            best = (len(unmet), result)
    if best is None and used_up is not None:
        used_up.notes.append(
            f"Every variant tried ({MAX_TEMPLATE_TRIES}) is already in the bank or this session."
        )
        return used_up
    if best is None:
        raise NoTemplate("; ".join(reasons[-3:]))
    result = best[1]
    result.notes.append(
        "No template gave every requested feature; closest: " + ", ".join(result.unmet) + " unmet."
    )
    return result


def _spec_words(spec: QuestionSpec) -> str:
    codes = "; ".join(f"{c} {syllabus.get(c).title}" for c in spec.codes)
    words = [f"Tier: {spec.tier.value}", f"Syllabus: {codes}", f"Difficulty {spec.difficulty} of 5"]
    if spec.command_word:
        words.append(f"Command word: {spec.command_word.value}")
    if spec.marks:
        words.append(f"Marks: {spec.marks}")
    if spec.calculator_policy:
        words.append(f"Calculator: {spec.calculator_policy.value}")
    return "\n".join(words)


HYBRID_INSTRUCTIONS = """You rewrite Cambridge IGCSE Mathematics (0580) exam questions.
Give the question a fresh, realistic context and clear exam wording in British English.
Every number in the original must appear unchanged (same digits) in your wording, maths stays
LaTeX between $...$, each part keeps its label, asks for exactly the same thing and keeps its
command word as the first words. Do not add or remove numbers, parts or units."""

LLM_INSTRUCTIONS = """You write Cambridge IGCSE Mathematics (0580) exam questions as JSON in
the given schema. Every number a candidate needs is a `given` whose display appears verbatim
in the text. Answers, solution steps and mark lines carry machine-readable values: SymPy
expressions over the givens' names (e.g. "pi*r**2"), exact (Rational, sqrt, pi; never floats).
Mark schemes follow 0580 notation: M (method), A (accuracy, after its M), B (independent),
SC; qualifiers apart (oe, cao, FT, isw, soi, dep, nfww, awrt); part marks add up."""


def _override_note(spec: QuestionSpec, models: list[str]) -> list[str]:
    """A note when the model the teacher picked cannot be used."""
    if not spec.model:
        return []
    try:
        wanted = llm.canonical(spec.model)
    except llm.ModelConfigError as exc:
        return [f"The requested model cannot be used ({exc})."]
    if models and models[0] == wanted:
        return []
    return [f"The requested model {wanted} is not configured; used the configured models."]


def generate_hybrid(
    spec: QuestionSpec, *, attempt: int = 0, taken: Taken | None = None
) -> GeneratorResult:
    """Template numbers, LLM wording; falls back to the template's own wording."""
    offline = generate_offline(spec, attempt=attempt, taken=taken)
    models = llm.models_for("generator", spec.model)
    original = offline.question
    prompt = "\n\n".join(
        [
            _spec_words(spec),
            "Original question (JSON):",
            original.model_dump_json(include={"title", "stem", "parts"}),
            "Numbers that must survive unchanged: " + ", ".join(g.display for g in original.givens),
        ]
    )
    offline.notes.extend(_override_note(spec, models))
    try:
        answer = llm.run_structured(
            agent="generator",
            output_type=Rewording,
            instructions=HYBRID_INSTRUCTIONS,
            prompt=prompt,
            models=models,
        )
    except llm.LLMUnavailable as exc:
        offline.notes.append(f"LLM rewording unavailable ({exc}); kept the template's wording.")
        offline.usage = exc.usage
        return offline
    notes = [*offline.notes, *answer.notes("Reworded")]
    reworded = apply_rewording(original, answer.output)
    added = llm.numbers_added(original.plain_text(), reworded.plain_text())
    if added:
        # The verifier sees a given that was dropped or changed, not a number that was added.
        notes.append(
            f"The rewording added {', '.join(added)}, which the question does not have; "
            "kept the template's wording."
        )
        reworded = original
    elif answer.output.rationale:
        notes.append(answer.output.rationale)
    return GeneratorResult(
        question=reworded,
        template=offline.template,
        mode_used=Mode.HYBRID if reworded is not original else Mode.OFFLINE,
        unmet=offline.unmet,
        notes=notes,
        usage=answer.usage,
    )


def apply_rewording(question: Question, rewording: Rewording) -> Question:
    """The question with the LLM's title, stem and part texts; everything else locked."""
    data = question.model_dump(mode="json")
    data["title"] = rewording.title or data["title"]
    data["stem"] = rewording.stem
    texts = {p.label: p.text for p in rewording.parts}
    for part in data["parts"]:
        if part["label"] in texts:
            part["text"] = texts[part["label"]]
    return Question.model_validate(data)


def generate_llm(
    spec: QuestionSpec, *, attempt: int = 0, taken: Taken | None = None
) -> GeneratorResult:
    """An LLM writes the whole question; on failure, hybrid then offline."""
    models = llm.models_for("generator", spec.model)
    prompt = "\n".join(
        [
            _spec_words(spec),
            f"Seed (vary the numbers with it): {spec.seed + attempt}",
            f"Use tier {spec.tier.value}, codes {spec.codes}, difficulty {spec.difficulty}.",
            "variant.source must be 'llm'.",
        ]
    )
    try:
        answer = llm.run_structured(
            agent="generator",
            output_type=Question,
            instructions=LLM_INSTRUCTIONS,
            prompt=prompt,
            models=models,
        )
    except llm.LLMUnavailable as exc:
        if exc.unreachable:
            # Every provider timed out or failed: hybrid would only wait for them again.
            result = generate_offline(spec, attempt=attempt, taken=taken)
            fell_back = "ran offline"
        else:
            result = generate_hybrid(spec, attempt=attempt, taken=taken)
            fell_back = "fell back"
        result.notes.insert(0, f"LLM question writing failed ({exc}); {fell_back}.")
        result.usage = exc.usage + result.usage
        return result
    question = _as_llm_variant(answer.output, spec, attempt)
    return GeneratorResult(
        question=question,
        template="",
        mode_used=Mode.LLM,
        unmet=unmet_constraints(question, spec),
        notes=[*_override_note(spec, models), *answer.notes("Written")],
        usage=answer.usage,
    )


def _as_llm_variant(question: Question, spec: QuestionSpec, attempt: int) -> Question:
    """The question marked as LLM-written, its variant named by its numbers.

    The model's own variant is not trusted: a template key would send the refiner to re-run
    that template, and empty params would make every LLM question of a difficulty one variant.
    """
    params: dict[str, str | int | float | bool] = {g.name: g.value for g in question.givens}
    if not params:
        params["text"] = hashlib.sha256(question.plain_text().encode()).hexdigest()[:12]
    variant = question.variant.model_copy(
        update={"source": "llm", "seed": spec.seed + attempt, "params": params}
    )
    return question.model_copy(update={"variant": variant})


def generate(
    spec: QuestionSpec, *, attempt: int = 0, taken: Taken | None = None
) -> GeneratorResult:
    """Generate one question for ``spec`` in its mode (falling back as needed); ``taken``: see
    :func:`generate_offline`."""
    if spec.mode == Mode.LLM and llm.models_for("generator", spec.model):
        return generate_llm(spec, attempt=attempt, taken=taken)
    if spec.mode in (Mode.HYBRID, Mode.LLM) and llm.models_for("generator", spec.model):
        return generate_hybrid(spec, attempt=attempt, taken=taken)
    result = generate_offline(spec, attempt=attempt, taken=taken)
    if spec.mode != Mode.OFFLINE:
        result.notes.append(f"No language model is configured; {spec.mode.value} ran offline.")
    return result


__all__ = ["generate", "generate_offline", "NoTemplate", "Usage"]
