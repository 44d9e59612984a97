"""Blueprints: "make me a Paper 2-style mock" as data, and the plan that meets it.

A :class:`Blueprint` names the paper's tier, calculator policy, total marks, time, the topics or
syllabus codes to cover with rough weights and a difficulty range. :func:`plan` turns it into
one slot per question (an approved bank question, or a template to generate from at a
difficulty and a mark value the catalogue says it makes) whose marks add up to the total
exactly, never using one variant twice. What cannot be met raises :class:`BlueprintImpossible`
with what to change, before any question is generated.
"""

from __future__ import annotations

import contextlib
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generation.engine import base
from papers.catalogue import Catalogue, Option
from papers.schemas import PaperKind
from questions import syllabus
from questions.schemas import CalculatorPolicy, Tier

MAX_QUESTIONS = 40  # a 0580 paper has 20–30; more is no longer a paper a class can sit
MAX_USES_PER_TEMPLATE = 2  # variety: a template appears at most twice in one paper
REPEAT_WORTH_MARKS = 4  # marks closer to the weights that justify using templates twice
VERSIONS_EXPECTED = 4  # a teacher asks for one version per class; kinds with this many come first


class Weight(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target: str = Field(description="a topic name (e.g. 'Algebra and graphs') or a code")
    weight: Annotated[float, Field(gt=0, le=1000)]


class Blueprint(BaseModel):
    """What a paper filled to a blueprint must be."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=200)
    kind: PaperKind = PaperKind.MOCK_EXAM
    tier: Tier
    calculator_policy: CalculatorPolicy
    total_marks: Annotated[int, Field(ge=5, le=200)]
    time_allowed_minutes: Annotated[int, Field(ge=5, le=300)] | None = None
    difficulty_min: Annotated[int, Field(ge=1, le=5)] = 1
    difficulty_max: Annotated[int, Field(ge=1, le=5)] = 5
    weights: list[Weight] = Field(min_length=1)
    preset: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Blueprint:
        if self.calculator_policy == CalculatorPolicy.VARIES:
            raise ValueError("a paper is either calculator or non-calculator")
        if self.difficulty_min > self.difficulty_max:
            raise ValueError("the lowest difficulty is above the highest")
        for weight in self.weights:
            if weight.target in syllabus.TOPICS.values():
                continue
            if not syllabus.is_known(weight.target):
                raise ValueError(f"{weight.target!r} is neither a topic nor a syllabus code")
            if syllabus.tier_of(weight.target) != self.tier:
                raise ValueError(f"{weight.target} is not a {self.tier.value} code")
        targets = [w.target for w in self.weights]
        if len(set(targets)) != len(targets):
            raise ValueError("a topic or code is named twice")
        return self

    @property
    def difficulties(self) -> list[int]:
        return list(range(self.difficulty_min, self.difficulty_max + 1))

    def codes_of(self, target: str) -> list[str]:
        """The syllabus codes a weight's target stands for, in this tier."""
        if target in syllabus.TOPICS.values():
            return [c.code for c in syllabus.codes_for_tier(self.tier.value) if c.topic == target]
        return [target]


# Approximate topic weightings of the 0580 papers (Core / Extended); a teacher can change them.
_CORE_WEIGHTS = {
    "Number": 30,
    "Algebra and graphs": 20,
    "Coordinate geometry": 5,
    "Geometry": 10,
    "Mensuration": 10,
    "Trigonometry": 5,
    "Transformations and vectors": 5,
    "Probability": 5,
    "Statistics": 10,
}
_EXTENDED_WEIGHTS = {
    "Number": 15,
    "Algebra and graphs": 25,
    "Coordinate geometry": 10,
    "Geometry": 10,
    "Mensuration": 10,
    "Trigonometry": 10,
    "Transformations and vectors": 5,
    "Probability": 5,
    "Statistics": 10,
}


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    tier: Tier
    calculator_policy: CalculatorPolicy
    total_marks: int
    time_allowed_minutes: int
    difficulty_min: int
    difficulty_max: int

    def blueprint(self, **overrides: object) -> Blueprint:
        """The preset's blueprint; ``overrides`` (None values ignored) change its fields. Topics
        no template covers at this tier, calculator policy and difficulty range are left out
        of the default weights (a teacher naming one is told instead)."""
        tier = Tier(str(overrides.get("tier") or self.tier))
        policy = CalculatorPolicy(str(overrides.get("calculator_policy") or self.calculator_policy))
        weights = {
            topic: weight
            for topic, weight in (_CORE_WEIGHTS if tier == Tier.CORE else _EXTENDED_WEIGHTS).items()
            if _topic_covered(topic, tier, policy)
        }
        values: dict[str, object] = {
            "title": f"{self.name}-style mock",
            "kind": PaperKind.MOCK_EXAM,
            "tier": self.tier,
            "calculator_policy": self.calculator_policy,
            "total_marks": self.total_marks,
            "time_allowed_minutes": self.time_allowed_minutes,
            "difficulty_min": self.difficulty_min,
            "difficulty_max": self.difficulty_max,
            "weights": [Weight(target=t, weight=w) for t, w in weights.items()],
            "preset": self.key,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return Blueprint.model_validate(values)


def _topic_covered(topic: str, tier: Tier, policy: CalculatorPolicy) -> bool:
    return any(
        calculator_fits(t.calculator, policy)
        for c in syllabus.codes_for_tier(tier.value)
        if c.topic == topic
        for t in base.templates_for(code=c.code, tier=tier)
    )


PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        Preset("paper1", "Paper 1", Tier.CORE, CalculatorPolicy.NOT_ALLOWED, 80, 90, 1, 3),
        Preset("paper2", "Paper 2", Tier.EXTENDED, CalculatorPolicy.NOT_ALLOWED, 100, 120, 2, 5),
        Preset("paper3", "Paper 3", Tier.CORE, CalculatorPolicy.ALLOWED, 80, 90, 1, 3),
        Preset("paper4", "Paper 4", Tier.EXTENDED, CalculatorPolicy.ALLOWED, 100, 120, 2, 5),
    )
}


class BlueprintImpossible(ValueError):
    """The blueprint cannot be met; ``reasons`` say what to change."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(" ".join(reasons))


@dataclass(frozen=True)
class BankCandidate:
    """An approved bank question a blueprint may use."""

    question_id: str
    codes: tuple[str, ...]
    marks: int
    difficulty: int
    template: str
    variant_key: str
    quality: float


@dataclass(frozen=True)
class Slot:
    """One question of the planned paper."""

    target: str
    code: str
    marks: int
    difficulty: int
    template: str = ""  # generate from this template…
    question_id: str = ""  # …or take this bank question

    @property
    def from_bank(self) -> bool:
        return bool(self.question_id)


@dataclass
class Plan:
    slots: list[Slot]
    allocation: dict[str, int]  # marks asked of each target
    achieved: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def total_marks(self) -> int:
        return sum(s.marks for s in self.slots)

    @property
    def deviation(self) -> int:
        """Marks away from the weights' allocation, over all targets."""
        return sum(abs(self.achieved.get(t, 0) - a) for t, a in self.allocation.items())

    @property
    def to_generate(self) -> list[Slot]:
        return [s for s in self.slots if not s.from_bank]


def allocate(total: int, weights: list[Weight]) -> dict[str, int]:
    """Marks per target in proportion to the weights, adding up to ``total`` exactly (largest
    remainder, ties in the order given)."""
    whole = sum(w.weight for w in weights)
    shares = {w.target: total * w.weight / whole for w in weights}
    marks = {t: math.floor(s) for t, s in shares.items()}
    left = total - sum(marks.values())
    by_remainder = sorted(shares, key=lambda t: (-(shares[t] - marks[t]), list(shares).index(t)))
    for target in by_remainder[:left]:
        marks[target] += 1
    return marks


def calculator_fits(question_policy: CalculatorPolicy | str, paper: CalculatorPolicy) -> bool:
    """A non-calculator question suits either paper; a calculator question only a calculator
    paper (as on 0580 Papers 3 and 4, which include questions needing none)."""
    policy = CalculatorPolicy(question_policy)
    if paper == CalculatorPolicy.ALLOWED:
        return policy in (CalculatorPolicy.ALLOWED, CalculatorPolicy.NOT_ALLOWED)
    return policy == CalculatorPolicy.NOT_ALLOWED


@dataclass(frozen=True)
class _Item:
    """One question the knapsack may take: a bank question, or one use of a template option."""

    code: str
    marks: int
    difficulty: int
    template: str
    question_id: str = ""


def _subset_sum(items: list[_Item], target: int) -> list[_Item] | None:
    """Items whose marks add up to ``target`` exactly, preferring items earlier in the list
    (each used at most once); None when no subset does."""
    if target == 0:
        return []
    parent: dict[int, tuple[int, int]] = {0: (-1, -1)}  # sum → (previous sum, item index)
    for index, item in enumerate(items):
        for reached in sorted(parent, reverse=True):
            new = reached + item.marks
            if new <= target and new not in parent:
                parent[new] = (reached, index)
        if target in parent:
            break
    if target not in parent:
        return None
    chosen: list[_Item] = []
    at = target
    while at:
        previous, index = parent[at]
        chosen.append(items[index])
        at = previous
    return chosen


def _template_items(
    blueprint: Blueprint,
    codes: list[str],
    catalogue: Catalogue,
    rng: random.Random,
    max_uses: int,
) -> list[_Item]:
    """Template uses for these codes: each template at most ``MAX_USES_PER_TEMPLATE`` times
    (at two difficulties of the range where it can, else twice at one if it makes two
    variants there); every template's first use before any second use."""
    first: list[_Item] = []
    second: list[_Item] = []
    seen: set[str] = set()
    for code in codes:
        for template in base.templates_for(code=code, tier=blueprint.tier):
            if template.key in seen or not calculator_fits(
                template.calculator, blueprint.calculator_policy
            ):
                continue
            seen.add(template.key)
            options: list[Option] = catalogue.options(
                template, blueprint.tier, blueprint.difficulties
            )
            if not options:
                continue
            rng.shuffle(options)
            # Kinds a paper's versions can vary first: a filled paper should take "make 4
            # versions" (one per class) without a question that has too few variants.
            options.sort(key=lambda o: o.variants < VERSIONS_EXPECTED)
            uses = [options[0]]
            others = [o for o in options[1:] if o.difficulty != options[0].difficulty]
            if others:
                uses.append(others[0])
            elif options[0].variants >= 2:
                uses.append(options[0])
            for n, option in enumerate(uses[:max_uses]):
                item = _Item(code, option.marks, option.difficulty, template.key)
                (first if n == 0 else second).append(item)
    rng.shuffle(first)
    rng.shuffle(second)
    return first + second


def _bank_items(
    codes: list[str], candidates: list[BankCandidate], used_variants: set[str], max_uses: int
) -> list[_Item]:
    wanted = set(codes)
    items = []
    per_template: dict[str, int] = defaultdict(int)
    for candidate in sorted(candidates, key=lambda c: (-c.quality, c.question_id)):
        code = next((c for c in candidate.codes if c in wanted), None)
        if code is None or candidate.variant_key in used_variants:
            continue
        if candidate.template and per_template[candidate.template] >= max_uses:
            continue
        per_template[candidate.template] += 1
        used_variants.add(candidate.variant_key)
        items.append(
            _Item(
                code,
                candidate.marks,
                candidate.difficulty,
                candidate.template,
                candidate.question_id,
            )
        )
    return items


def _describe_marks(items: list[_Item]) -> str:
    """E.g. "4 questions worth 2 or 3 marks, 10 marks at most"."""
    values = sorted({i.marks for i in items})
    if not values:
        return "no questions"
    worth = " or ".join(
        [", ".join(str(v) for v in values[:-1]), str(values[-1])]
        if len(values) > 1
        else [str(values[0])]
    )
    unit = "mark" if values == [1] else "marks"
    count = len(items)
    return (
        f"{count} question{'s' if count != 1 else ''} worth {worth} {unit}, "
        f"{sum(i.marks for i in items)} marks at most"
    )


def plan(
    blueprint: Blueprint,
    *,
    catalogue: Catalogue,
    bank: list[BankCandidate] | None = None,
    seed: int = 0,
) -> Plan:
    """Slots meeting the blueprint: approved bank questions first, templates for the rest.

    Each target gets its share of the marks as closely as its questions allow; a shortfall
    moves on to the next target, and the paper's total is met exactly or the blueprint is
    refused with what to change. Every template is used once if that can meet it, else at
    most ``MAX_USES_PER_TEMPLATE`` times.
    """
    varied: Plan | None = None
    with contextlib.suppress(BlueprintImpossible):
        varied = _plan(blueprint, catalogue, bank or [], seed, 1)
    if varied is not None and varied.deviation == 0:
        return varied
    try:
        closer = _plan(blueprint, catalogue, bank or [], seed, MAX_USES_PER_TEMPLATE)
    except BlueprintImpossible:
        if varied is None:
            raise
        return varied
    # A template twice is worth it only when it brings the weights noticeably closer.
    if varied is not None and varied.deviation <= closer.deviation + REPEAT_WORTH_MARKS:
        return varied
    return closer


def _reachable(items: list[_Item], limit: int) -> set[int]:
    """Every total (up to ``limit``) some subset of ``items`` adds up to."""
    sums = {0}
    for item in items:
        sums |= {s + item.marks for s in sums if s + item.marks <= limit}
    return sums


def _split(
    allocation: dict[str, int], reachable: dict[str, set[int]], total: int
) -> dict[str, int] | None:
    """Marks per target, each a total its questions can make, adding up to ``total`` exactly
    and as close to the allocation as can be (least total distance); None when no split adds
    up."""
    best: dict[int, tuple[int, list[int]]] = {0: (0, [])}  # running total → (cost, sums)
    for target, asked in allocation.items():
        step: dict[int, tuple[int, list[int]]] = {}
        for running, (cost, sums) in best.items():
            for value in reachable[target]:
                new = running + value
                if new > total:
                    continue
                candidate = (cost + abs(value - asked), [*sums, value])
                if new not in step or candidate[0] < step[new][0]:
                    step[new] = candidate
        best = step
    if total not in best:
        return None
    return dict(zip(allocation, best[total][1], strict=True))


def _plan(
    blueprint: Blueprint,
    catalogue: Catalogue,
    candidates: list[BankCandidate],
    seed: int,
    max_uses: int,
) -> Plan:
    rng = random.Random(f"blueprint|{seed}")
    allocation = allocate(blueprint.total_marks, blueprint.weights)
    used_variants: set[str] = set()
    used_questions: set[str] = set()
    used_templates: set[str] = set()
    notes: list[str] = []
    reasons: list[str] = []
    targets = list(allocation)

    pools: dict[str, list[_Item]] = {}
    for target in targets:
        codes = blueprint.codes_of(target)
        fitting = [
            c
            for c in candidates
            if c.question_id not in used_questions
            and blueprint.difficulty_min <= c.difficulty <= blueprint.difficulty_max
        ]
        bank_items = _bank_items(codes, fitting, used_variants, max_uses)
        used_questions.update(i.question_id for i in bank_items)
        # A template serving codes of two targets counts for the first (its uses are shared).
        template_items = [
            i
            for i in _template_items(blueprint, codes, catalogue, rng, max_uses)
            if i.template not in used_templates
        ]
        used_templates.update(i.template for i in template_items)
        pools[target] = bank_items + template_items
        if not pools[target]:
            reasons.append(
                f"Nothing covers {target} for {blueprint.tier.value} at difficulty "
                f"{blueprint.difficulty_min}–{blueprint.difficulty_max}"
                f"{' without a calculator' if blueprint.calculator_policy == CalculatorPolicy.NOT_ALLOWED else ''}:"
                " no template and no approved bank question. Remove it or widen the difficulty range."
            )
    if reasons:
        raise BlueprintImpossible(reasons)

    reachable = {t: _reachable(pools[t], blueprint.total_marks) for t in targets}
    split = _split(allocation, reachable, blueprint.total_marks)
    if split is None:
        most = sum(max(r) for r in reachable.values())
        everything = [i for t in targets for i in pools[t]]
        if most < blueprint.total_marks:
            reason = (
                f"These topics and codes cannot make {blueprint.total_marks} marks: they have "
                f"{_describe_marks(everything)} (a template is used at most {max_uses} "
                f"time{'s' if max_uses > 1 else ''} a paper; approved bank questions add "
                f"more). Ask for {most} marks or fewer, or add topics or codes."
            )
        else:
            reason = (
                f"These topics and codes cannot make exactly {blueprint.total_marks} marks with "
                f"{_describe_marks(everything)}. Ask for a mark or two more or fewer, or add "
                "topics or codes."
            )
        raise BlueprintImpossible([reason])

    slots: list[Slot] = []
    for target in targets:
        chosen = _subset_sum(pools[target], split[target])
        assert chosen is not None  # the split only uses reachable totals
        if split[target] != allocation[target]:
            notes.append(f"{target}: {split[target]} marks (asked {allocation[target]})")
        slots.extend(
            Slot(
                target=target,
                code=item.code,
                marks=item.marks,
                difficulty=item.difficulty,
                template="" if item.question_id else item.template,
                question_id=item.question_id,
            )
            for item in chosen
        )
    achieved = dict(split)
    if len(slots) > MAX_QUESTIONS:
        raise BlueprintImpossible(
            [
                f"{blueprint.total_marks} marks from these topics would take {len(slots)} "
                f"questions ({_describe_marks([_Item(s.code, s.marks, s.difficulty, s.template) for s in slots])}); "
                f"a paper holds at most {MAX_QUESTIONS}. Ask for fewer marks, or add topics "
                "whose questions carry more marks."
            ]
        )
    # Easier questions first, as on a real paper; topics in syllabus order within a difficulty.
    slots.sort(key=lambda s: (s.difficulty, syllabus.get(s.code).sort_key, s.marks))
    return Plan(slots=slots, allocation=allocation, achieved=achieved, notes=notes)
