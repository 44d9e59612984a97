"""What each template can make, per tier and difficulty: the marks its questions are worth and
how many different variants of each it made from a fixed set of seeds.

A blueprint or a request for versions is checked against this before any work starts (the
engine takes about a minute to answer it afresh), so an impossible request is refused at once
with a reason. The figures live in ``papers/catalogue.json``, written by
``manage.py paper_catalogue`` and kept true by a test; the work itself never trusts them
blindly (a question whose marks differ is simply not used).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generation.engine import base
from questions.schemas import Tier

PATH = Path(__file__).with_name("catalogue.json")
SEEDS = 8  # variants tried per template, tier and difficulty
DIFFICULTIES = (1, 2, 3, 4, 5)


def _key(template: str, tier: Tier | str, difficulty: int) -> str:
    return f"{template}|{Tier(tier).value}|{difficulty}"


def entry(
    template: base.Template, tier: Tier, difficulty: int, seeds: int = SEEDS
) -> dict[str, int]:
    """``{marks: distinct variants}`` of one template at one tier and difficulty, from seeds
    1..``seeds`` (a template that cannot make a question there gives ``{}``)."""
    variants: dict[int, set[str]] = defaultdict(set)
    for seed in range(1, seeds + 1):
        try:
            generated = base.generate(template, seed=seed, difficulty=difficulty, tier=tier)
        except base.TemplateExhausted:
            continue
        question = generated.question
        variants[question.total_marks].add(question.variant.key)
    return {str(marks): len(keys) for marks, keys in sorted(variants.items())}


def compute(
    templates: Iterable[base.Template] | None = None, seeds: int = SEEDS
) -> dict[str, dict[str, int]]:
    """The catalogue entries of ``templates`` (all of them by default), keyed
    ``template|tier|difficulty``."""
    entries: dict[str, dict[str, int]] = {}
    for template in templates if templates is not None else base.templates():
        for tier in template.codes:
            for difficulty in DIFFICULTIES:
                entries[_key(template.key, tier, difficulty)] = entry(
                    template, tier, difficulty, seeds
                )
    return entries


def write(entries: dict[str, dict[str, int]], path: Path = PATH) -> None:
    payload = {"seeds": SEEDS, "entries": dict(sorted(entries.items()))}
    path.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n")
    load.cache_clear()


@dataclass(frozen=True)
class Option:
    """One kind of question a template can make: at this difficulty, worth this many marks,
    in at least ``variants`` different variants."""

    template: str
    difficulty: int
    marks: int
    variants: int


class Catalogue:
    def __init__(self, entries: dict[str, dict[str, int]]) -> None:
        self.entries = entries

    def marks(self, template: str, tier: Tier | str, difficulty: int) -> dict[int, int]:
        """``{marks: distinct variants}``; empty when the template makes nothing there (or is
        not in the catalogue, e.g. added since it was written)."""
        found = self.entries.get(_key(template, tier, difficulty), {})
        return {int(m): n for m, n in found.items()}

    def options(
        self, template: base.Template, tier: Tier, difficulties: Iterable[int]
    ) -> list[Option]:
        return [
            Option(template.key, difficulty, marks, variants)
            for difficulty in difficulties
            for marks, variants in self.marks(template.key, tier, difficulty).items()
        ]


@cache
def load(path: Path = PATH) -> Catalogue:
    """The committed catalogue (empty if it has not been written yet)."""
    if not path.exists():
        return Catalogue({})
    return Catalogue(json.loads(path.read_text())["entries"])
