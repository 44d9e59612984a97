"""Givens as a paper states them: whole-number angles a calculator question can use and
lengths measured to a whole number or one decimal place."""

from __future__ import annotations

import random

from sympy import Rational

__all__ = ["measured_length", "random_angle"]


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
