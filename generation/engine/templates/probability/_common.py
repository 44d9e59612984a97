"""Helpers shared by the probability templates."""

from __future__ import annotations

from sympy import Rational

from generation.engine.builder import PartBuilder
from generation.engine.templates.statistics._tables import fraction


def prob_answer(part: PartBuilder, expr: str, value: Rational) -> tuple[str, str]:
    plain, latex = fraction(value)
    part.answer(expr, plain=plain, latex=latex)
    return plain, latex


def article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
