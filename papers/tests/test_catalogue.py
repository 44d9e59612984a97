"""The committed catalogue says what the engine makes: every template is in it, and a sample
recomputed from the engine agrees (the whole is `manage.py paper_catalogue --check`)."""

from __future__ import annotations

import random

from generation.engine import base
from papers import catalogue


def test_every_template_tier_and_difficulty_is_in_the_catalogue():
    stored = catalogue.load().entries
    missing = [
        f"{t.key}|{tier.value}|{d}"
        for t in base.templates()
        for tier in t.codes
        for d in catalogue.DIFFICULTIES
        if f"{t.key}|{tier.value}|{d}" not in stored
    ]
    assert not missing, (
        f"run `python manage.py paper_catalogue` ({len(missing)} missing, e.g. {missing[:3]})"
    )


def test_a_sample_of_templates_makes_what_the_catalogue_says():
    sample = random.Random(2026).sample(base.templates(), 4)
    stored = catalogue.load().entries
    fresh = catalogue.compute(sample)
    differ = {k: (stored.get(k), v) for k, v in fresh.items() if stored.get(k) != v}
    assert not differ, f"run `python manage.py paper_catalogue`: {differ}"
