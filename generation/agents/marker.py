"""The marker agent: checks and normalises a question's mark scheme.

Normalising means Cambridge conventions hold whoever wrote the scheme: a line's qualifiers
(oe, cao, …) are separate from its text, A marks come after the M mark they depend on, every
part's lines add up to its marks, and multi-mark parts say what partial credit is available.
"""

from __future__ import annotations

import re

from generation.agents.schemas import MarkerResult
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


def _partial_credit_notes(
    question: Question, lines: list[MarkLine]
) -> tuple[list[MarkLine], list[str]]:
    """Give a part worth 2+ marks a partial-credit note when none of its lines has one."""
    changes = []
    lines = list(lines)
    for part in question.parts:
        part_lines = [i for i, m in enumerate(lines) if m.part == part.label]
        if part.marks < 2 or any(lines[i].partial_credit for i in part_lines):
            continue
        methods = [lines[i] for i in part_lines if lines[i].mark_type in (MarkType.M, MarkType.B)]
        final = next((i for i in reversed(part_lines) if lines[i].mark_type != MarkType.SC), None)
        if not methods or final is None:
            continue
        earned = sum(m.count for m in methods if lines.index(m) != final)
        if earned == 0:
            continue
        first = methods[0]
        note = f"{first.mark_type.value}{earned} for {first.awarded_for}"
        lines[final] = lines[final].model_copy(update={"partial_credit": [note]})
        changes.append(f"added the partial-credit note “{note}” to part {part.label or '(single)'}")
    return lines, changes


def mark(question: Question) -> MarkerResult:
    """Normalise the question's mark scheme; returns the question and what changed."""
    changes: list[str] = []
    lines: list[MarkLine] = []
    for line in question.mark_scheme:
        updated, moved = _split_qualifiers(line)
        lines.append(updated)
        changes.extend(moved)
    lines, reordered = _order_lines(lines)
    changes.extend(reordered)
    lines, notes = _partial_credit_notes(question, lines)
    changes.extend(notes)
    if not changes:
        return MarkerResult(question=question, changes=[])
    data = question.model_dump(mode="json")
    data["mark_scheme"] = [line.model_dump(mode="json") for line in lines]
    return MarkerResult(question=Question.model_validate(data), changes=changes)
