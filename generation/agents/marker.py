"""The marker agent: checks and normalises a question's mark scheme.

Normalising means Cambridge conventions hold whoever wrote the scheme: a line's qualifiers
(oe, cao, …) are separate from its text, A marks come after the M mark they depend on, and
every part's lines add up to its marks. Partial credit is what the listed lines say: every
line is printed in the scheme, so no note restates one.

With a language model (an LLM-written question, or a spec in an LLM mode), the model may first
reword the lines' text in Cambridge style; types, counts, values, qualifiers and dependencies
stay as they were, and the new wording is dropped if it adds a number or breaks a verifier
check. Normalising runs after it either way.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from generation.agents import llm
from generation.agents.schemas import MarkerResult, QuestionSpec, Usage
from generation.schemas import Mode
from questions.schemas import MarkLine, MarkType, Qualifier, Question

_QUALIFIER_WORDS = {q.value.lower(): q for q in Qualifier}
_TRAILING_QUALIFIERS = re.compile(
    r"(?:\s+|^)(" + "|".join(re.escape(q.value) for q in Qualifier) + r")\s*$", re.IGNORECASE
)


def _split_qualifiers(line: MarkLine) -> tuple[MarkLine, list[str]]:
    text = line.awarded_for
    found: list[Qualifier] = list(line.qualifiers)
    moved = []
    while True:
        match = _TRAILING_QUALIFIERS.search(text)
        if not match or match.start() == 0:
            break
        qualifier = _QUALIFIER_WORDS[match.group(1).lower()]
        if qualifier not in found:
            found.insert(0, qualifier)
        moved.append(match.group(1))
        text = text[: match.start()].rstrip()
    if not moved:
        return line, []
    updated = line.model_copy(update={"awarded_for": text, "qualifiers": found})
    return updated, [
        f"moved qualifier(s) {', '.join(reversed(moved))} out of the text of a part {line.part or '(single)'} line"
    ]


def _order_lines(lines: list[MarkLine]) -> tuple[list[MarkLine], list[str]]:
    """Move any A line that precedes the M line it depends on to just after it."""
    changes: list[str] = []
    order = list(range(len(lines)))
    for i, line in enumerate(lines):
        if line.mark_type == MarkType.A and line.depends_on is not None and line.depends_on > i:
            order.remove(i)
            order.insert(order.index(line.depends_on) + 1, i)
            changes.append(f"moved an A mark of part {line.part or '(single)'} after its M mark")
    if not changes:
        return lines, []
    new_index = {old: new for new, old in enumerate(order)}
    reordered = []
    for old in order:
        line = lines[old]
        if line.depends_on is not None:
            line = line.model_copy(update={"depends_on": new_index[line.depends_on]})
        reordered.append(line)
    return reordered, changes


def normalise(question: Question) -> MarkerResult:
    """Normalise the question's mark scheme; returns the question and what changed."""
    changes: list[str] = []
    lines: list[MarkLine] = []
    for line in question.mark_scheme:
        updated, moved = _split_qualifiers(line)
        lines.append(updated)
        changes.extend(moved)
    lines, reordered = _order_lines(lines)
    changes.extend(reordered)
    if not changes:
        return MarkerResult(question=question, changes=[])
    data = question.model_dump(mode="json")
    data["mark_scheme"] = [line.model_dump(mode="json") for line in lines]
    return MarkerResult(question=Question.model_validate(data), changes=changes)


def mark(question: Question, *, spec: QuestionSpec | None = None) -> MarkerResult:
    """Check and normalise the question's mark scheme (LLM wording first, where it applies)."""
    wants_llm = spec.mode != Mode.OFFLINE if spec else question.variant.source == "llm"
    models = llm.models_for("marker", spec.model if spec else "") if wants_llm else []
    if not models:
        return normalise(question)
    question, notes, usage = _reword(question, models)
    result = normalise(question)
    return MarkerResult(question=result.question, changes=notes + result.changes, usage=usage)


class LineWording(BaseModel):
    index: int = Field(description="the line's index in mark_scheme")
    awarded_for: str = Field(description="what the line credits (LaTeX between $...$)")
    partial_credit: list[str] = Field(default_factory=list)


class MarkSchemeWording(BaseModel):
    """An LLM's rewording of mark-scheme lines; only lines it changes need be listed."""

    lines: list[LineWording]


MARKER_INSTRUCTIONS = """You edit Cambridge IGCSE Mathematics (0580) mark schemes.
Rewrite each line's `awarded_for` (and any partial-credit note) in the terse style of published
0580 mark schemes: the working or answer credited, maths in LaTeX between $...$, qualifiers
(oe, cao, FT, isw, soi, dep, nfww, awrt) are listed separately so leave them out of the text.
Keep every number, expression and answer exactly; do not add new numbers. List only lines you
change, by index; mark types, counts and values are fixed and not yours to change."""


def _reword(question: Question, models: list[str]) -> tuple[Question, list[str], Usage]:
    """The question with the LLM's mark-line wording, if that wording is safe."""
    prompt = "\n\n".join(
        [
            "Question (JSON):",
            question.model_dump_json(include={"stem", "parts", "givens"}),
            "Mark scheme (JSON, index = position):",
            question.model_dump_json(include={"mark_scheme"}),
        ]
    )
    try:
        answer = llm.run_structured(
            agent="marker",
            output_type=MarkSchemeWording,
            instructions=MARKER_INSTRUCTIONS,
            prompt=prompt,
            models=models,
        )
    except llm.LLMUnavailable as exc:
        return (
            question,
            [f"LLM mark-scheme wording unavailable ({exc}); kept the wording."],
            exc.usage,
        )
    notes = answer.notes("Mark-scheme wording checked")
    data = question.model_dump(mode="json")
    changed = 0
    for new in answer.output.lines:
        if not 0 <= new.index < len(data["mark_scheme"]):
            continue
        line = data["mark_scheme"][new.index]
        if (line["awarded_for"], line["partial_credit"]) != (new.awarded_for, new.partial_credit):
            line["awarded_for"] = new.awarded_for
            line["partial_credit"] = new.partial_credit
            changed += 1
    if not changed:
        return question, notes, answer.usage
    try:
        reworded = Question.model_validate(data)
    except ValueError as exc:
        return question, [*notes, f"Dropped the LLM's mark-scheme wording: {exc}"], answer.usage
    wording = " ".join(
        m.awarded_for + " " + " ".join(m.partial_credit) for m in reworded.mark_scheme
    )
    added = llm.numbers_added(question.model_dump_json(exclude={"diagram_svg"}), wording)
    problems = [f"it adds {', '.join(added)}"] if added else llm.checks_broken(question, reworded)
    if problems:
        return (
            question,
            [*notes, "Dropped the LLM's mark-scheme wording: " + "; ".join(problems)],
            answer.usage,
        )
    return reworded, [*notes, f"Reworded {changed} mark line(s) in Cambridge style."], answer.usage
