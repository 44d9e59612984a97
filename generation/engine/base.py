"""Question templates: the contract, the registry and deterministic generation.

A template turns ``(seed, difficulty, tier)`` into a complete question. It draws parameters
from the ``random.Random`` it is handed (never the global one), builds the question with a
:class:`~generation.engine.builder.QuestionBuilder`, and raises :class:`Reject` when a draw is
unsuitable; :func:`generate` then tries again with the next attempt's generator, a bounded
number of times. The same inputs always give the same question.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from generation.engine.builder import QuestionBuilder
from questions import syllabus
from questions.schemas import CalculatorPolicy, Question, Tier


class Reject(Exception):
    """This draw of parameters does not make a good question; draw again."""


class TemplateExhausted(RuntimeError):
    """No acceptable variant was found within the template's attempt budget."""


class Template(ABC):
    """One kind of 0580 question.

    Subclasses set ``key`` (``"<area>.<name>"``), ``title``, ``codes`` (syllabus codes per tier
    the template serves) and ``calculator``, and implement :meth:`compose`.
    """

    key: ClassVar[str]
    title: ClassVar[str]
    codes: ClassVar[dict[Tier, tuple[str, ...]]]
    calculator: ClassVar[CalculatorPolicy] = CalculatorPolicy.ALLOWED
    max_attempts: ClassVar[int] = 25
    # The difficulties (1–5, DIFFICULTY.md's rubric) this template's variants honestly reach,
    # for every tier or per tier. Asked for another, it makes the nearest one it offers, and
    # the question is labelled with the difficulty it has (the verifier's difficulty.band).
    difficulties: ClassVar[tuple[int, ...] | Mapping[Tier, tuple[int, ...]]] = (1, 2, 3, 4, 5)

    @property
    def tiers(self) -> tuple[Tier, ...]:
        return tuple(self.codes)

    def offered(self, tier: Tier) -> tuple[int, ...]:
        """The difficulties this template makes for ``tier``."""
        declared = self.difficulties
        levels = declared.get(tier, (1, 2, 3, 4, 5)) if isinstance(declared, Mapping) else declared
        return tuple(sorted(levels))

    def nearest(self, tier: Tier, difficulty: int) -> int:
        """The offered difficulty closest to ``difficulty`` (the lower one on a tie)."""
        return min(self.offered(tier), key=lambda level: (abs(level - difficulty), level))

    @abstractmethod
    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """Draw parameters from ``rng`` and fill ``q`` (``q.tier`` says the tier).

        Raise :class:`Reject` to ask for another draw.
        """

    def builder(self, *, seed: int | None, tier: Tier, difficulty: int) -> QuestionBuilder:
        return QuestionBuilder(
            source=self.key,
            seed=seed,
            tier=tier,
            difficulty=difficulty,
            codes=list(self.codes[tier]),
            calculator=self.calculator,
        )


@dataclass(frozen=True, slots=True)
class Generated:
    question: Question
    attempts: int


_REGISTRY: dict[str, Template] = {}


def register(cls: type[Template]) -> type[Template]:
    """Class decorator: add a template to the registry (keys are unique)."""
    if cls.key in _REGISTRY:
        raise ValueError(f"template key {cls.key!r} registered twice")
    for tier, codes in cls.codes.items():
        for code in codes:
            if syllabus.tier_of(code) != tier:
                raise ValueError(f"{cls.key}: {code} is not a {tier.value} code")
    template = cls()
    for tier in template.tiers:
        offered = template.offered(tier)
        if not offered or not set(offered) <= {1, 2, 3, 4, 5}:
            raise ValueError(f"{cls.key}: {tier.value} difficulties {offered} are not some of 1–5")
    _REGISTRY[cls.key] = template
    return cls


def _load() -> None:
    # Importing the package registers every template module.
    import generation.engine.templates  # noqa: F401


def templates() -> list[Template]:
    """Every registered template, in key order."""
    _load()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def get_template(key: str) -> Template:
    _load()
    try:
        return _REGISTRY[key]
    except KeyError:
        raise KeyError(f"no template {key!r}") from None


def templates_for(*, code: str | None = None, tier: Tier | None = None) -> list[Template]:
    """Templates that serve a syllabus code and/or a tier."""
    found = []
    for template in templates():
        if tier is not None and tier not in template.codes:
            continue
        if code is not None and not any(code in codes for codes in template.codes.values()):
            continue
        found.append(template)
    return found


def _rng(key: str, seed: int, difficulty: int, tier: Tier, attempt: int) -> random.Random:
    return random.Random(f"{key}|{seed}|{difficulty}|{tier.value}|{attempt}")


def generate(template: Template | str, *, seed: int, difficulty: int, tier: Tier) -> Generated:
    """Generate one question deterministically; raises :class:`TemplateExhausted`. A
    difficulty the template does not offer is made at the nearest one it does (the question
    says which)."""
    if isinstance(template, str):
        template = get_template(template)
    tier = Tier(tier)
    if tier not in template.codes:
        raise ValueError(f"template {template.key} has no {tier.value} questions")
    if not 1 <= difficulty <= 5:
        raise ValueError("difficulty is 1 to 5")
    difficulty = template.nearest(tier, difficulty)
    reasons: list[str] = []
    for attempt in range(template.max_attempts):
        q = template.builder(seed=seed, tier=tier, difficulty=difficulty)
        try:
            template.compose(q, _rng(template.key, seed, difficulty, tier, attempt), difficulty)
        except Reject as exc:
            reasons.append(str(exc))
            continue
        crossed = _label_on_a_line(q.diagram_svg)
        if crossed:
            # The verifier's own reading of the finished figure: a label that still ends up on
            # a line it does not label (a fixed label, say) is redrawn, as placement would.
            reasons.append(f"a line runs through the label {crossed!r}")
            continue
        return Generated(question=q.build(), attempts=attempt + 1)
    raise TemplateExhausted(
        f"{template.key}: no acceptable variant in {template.max_attempts} tries "
        f"(last reasons: {'; '.join(reasons[-3:])})"
    )


def generate_batch(
    template: Template | str, *, count: int, seed: int, difficulty: int, tier: Tier
) -> Iterator[Generated]:
    """Up to ``count`` distinct variants (by variant key), from consecutive seeds."""
    if isinstance(template, str):
        template = get_template(template)
    seen: set[str] = set()
    next_seed = seed
    budget = count * 5 + 10
    produced = 0
    while produced < count and budget > 0:
        budget -= 1
        generated = generate(template, seed=next_seed, difficulty=difficulty, tier=tier)
        next_seed += 1
        key = generated.question.variant.key
        if key in seen:
            continue
        seen.add(key)
        produced += 1
        yield generated


def _label_on_a_line(svg: str | None) -> str:
    """The text of a label in ``svg`` that a line it does not belong to runs through, or ""."""
    if not svg:
        return ""
    from generation.engine.authoring.figures import layout

    try:
        reading = layout.read(svg)
    except ValueError:  # not well-formed: the verifier says so with its own reason
        return ""
    crossed = next(layout.on_lines(reading), None)
    return crossed.text if crossed is not None else ""
