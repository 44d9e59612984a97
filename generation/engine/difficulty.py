"""The difficulty rubric as code: a built question's band 1–5, with the reasons for it.

The rubric is written out for teachers in ``DIFFICULTY.md`` beside this module; this is the same
rubric, applied to what a built question carries (its parts' marks and command words, the mark
scheme's method lines, the worked solution's steps, the calculator policy, the syllabus codes
and the tier). It never looks at the declared ``difficulty``: :func:`assess` measures, the
verifier's ``difficulty.band`` check (:mod:`generation.engine.verifier.difficulty`) compares.

The score is the demand of the hardest part plus what the question as a whole adds:

- a part's demand: its marks (1 → 0, 2 → 1, 3–4 → 2, 5 or more → 3); one more for an
  unscaffolded chain (three or more method marks in the one part, or six or more lines of
  working in a part of three or more marks: the candidate chooses and links the steps, no part
  leads in); one more when that chain is worked by hand (a non-calculator part);
- the question: one more when it combines concepts (syllabus items from two or more topics, or
  three or more items of one topic); one more for Extended-only content (the tier's own
  syllabus items); one more when it is long (eight or more marks); one less when every part
  only asks to write down or state (read off or recalled).

The band is ``1 + score``, capped at 5. Everything is a count over the question's own data, so
the same question always gets the same band and the same reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generation.engine.marking import as_data, items
from questions import syllabus
from questions.schemas import CalculatorPolicy, CommandWord, MarkType, Question

__all__ = ["Assessment", "PartDemand", "assess", "band"]

# Command words whose part is answered by reading off or recalling, not by working.
RECALL = frozenset({CommandWord.WRITE_DOWN, CommandWord.STATE})
# A part's marks → its base demand (1 mark: 0, 2: 1, 3–4: 2, 5+: 3).
_MARK_DEMAND = ((5, 3), (3, 2), (2, 1), (1, 0))
CHOSEN_ROUTE_M_MARKS = 3  # method marks in one part from which the route is the candidate's
LONG_CHAIN_STEPS = 6  # lines of working in one part that make a long chain
LONG_QUESTION_MARKS = 8  # total marks from which the question is long
COMBINED_CODES = 3  # syllabus items of one topic that make a combination of concepts


@dataclass(frozen=True, slots=True)
class PartDemand:
    """One part's demand and why."""

    label: str
    demand: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assessment:
    """A question's rubric band (1–5), its score and the reasons, hardest part first."""

    band: int
    score: int
    reasons: tuple[str, ...]
    parts: tuple[PartDemand, ...]

    def explain(self) -> str:
        return f"band {self.band} (score {self.score}: " + "; ".join(self.reasons) + ")"


def band(question: Question | BaseModel | Mapping[str, Any]) -> int:
    """The rubric band of a question (1–5)."""
    return assess(question).band


def assess(question: Question | BaseModel | Mapping[str, Any]) -> Assessment:
    """Score a built question against the rubric; never raises on malformed data (a question
    with no readable parts scores 0, band 1)."""
    data = as_data(question)
    lines = items(data, "mark_scheme")
    parts = tuple(_part(part, lines) for part in items(data, "parts"))
    hardest = max(parts, key=lambda p: p.demand, default=PartDemand("", 0, ("no parts",)))
    where = f"part ({hardest.label})" if hardest.label else "the question"
    reasons = [f"{where}: demand {hardest.demand} — " + ", ".join(hardest.reasons)]
    score = hardest.demand
    codes = [str(c) for c in data.get("syllabus_codes") or [] if syllabus.is_known(str(c))]
    topics = {syllabus.get(c).topic for c in codes}
    if len(topics) >= 2 or len(set(codes)) >= COMBINED_CODES:
        score += 1
        reasons.append(
            f"+1 combines concepts ({', '.join(codes)}"
            + (f": {len(topics)} syllabus topics)" if len(topics) >= 2 else ")")
        )
    extended = [c for c in codes if syllabus.get(c).extended_only]
    if extended:
        score += 1
        reasons.append(f"+1 Extended-only content ({', '.join(extended)})")
    total = sum(_int(p.get("marks")) for p in items(data, "parts"))
    if total >= LONG_QUESTION_MARKS:
        score += 1
        reasons.append(f"+1 long question ({total} marks)")
    if parts and score > 0 and all(p.get("command_word") in RECALL for p in items(data, "parts")):
        score -= 1
        reasons.append("−1 every part is written down or stated: read off or recalled")
    return Assessment(band=min(5, 1 + score), score=score, reasons=tuple(reasons), parts=parts)


def _part(part: Mapping[str, Any], lines: list[dict[str, Any]]) -> PartDemand:
    label = str(part.get("label") or "")
    marks = _int(part.get("marks"))
    demand = next((d for at_least, d in _MARK_DEMAND if marks >= at_least), 0)
    reasons = [f"{marks} mark{'s' if marks != 1 else ''} ({demand})"]
    method = sum(
        _int(line.get("count", 1))
        for line in lines
        if str(line.get("part") or "") == label and line.get("mark_type") == MarkType.M
    )
    steps = len(items(part, "solution"))
    chain = method >= CHOSEN_ROUTE_M_MARKS or (steps >= LONG_CHAIN_STEPS and marks >= 3)
    if chain:
        demand += 1
        reasons.append(
            f"+1 unscaffolded chain ({method} method marks, {steps} lines of working in one "
            "part): the route is the candidate's"
        )
    if chain and part.get("calculator") == CalculatorPolicy.NOT_ALLOWED:
        demand += 1
        reasons.append("+1 multi-step working by hand (non-calculator)")
    return PartDemand(label=label, demand=demand, reasons=tuple(reasons))


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
