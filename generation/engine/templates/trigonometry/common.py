"""Helpers shared by the trigonometry templates: angles, measured lengths, drawable legs."""

from __future__ import annotations

import random

from sympy import Rational


def random_angle(rng: random.Random, lo: int, hi: int) -> int:
    """A whole-number angle in degrees for a calculator question, never a multiple of 3.

    SymPy writes sin, cos and tan of a multiple of 3° as nested surds, and exact arithmetic on
    those (then simplified) is slow; other whole-number angles stay as sin(7*pi/180) and cost
    nothing. A paper uses any whole-number angle, so nothing is lost in realism.
    """
    return rng.choice([a for a in range(lo, hi + 1) if a % 3])


def measured_length(rng: random.Random, lo: int, hi: int, decimal: float = 0.5) -> Rational:
    """A length as a paper states it: a whole number, or (with probability ``decimal``) one
    decimal place, between ``lo`` and ``hi``."""
    if rng.random() < decimal:
        return Rational(rng.randint(lo * 10, hi * 10), 10)
    return Rational(rng.randint(lo, hi))


def legs(across: float, up: float, limit: float = 2.2) -> tuple[float, float]:
    """Leg lengths to draw for a right-angled triangle: the real ones, made less extreme
    (the figure is NOT TO SCALE, but a sliver of a triangle cannot be labelled)."""
    across, up = float(across), float(up)
    if up > limit * across:
        across = up / limit
    elif across > limit * up:
        up = across / limit
    return across, up
