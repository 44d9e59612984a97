"""Changing the subject of a formula (2.5)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from generation.engine.authoring import wrong
from generation.engine.authoring.algebraic import coefficients
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


@dataclass
class _Rearrangement:
    """One "make … the subject" question: the formula, the steps (LaTeX, machine-form
    equation) each credited with an M mark, the answer, and wrong answers."""

    formula: str
    subject: str
    steps: list[tuple[str, str]]
    answer: str  # machine form
    answer_tex: str
    answer_plain: str
    numbers: list[int] = field(default_factory=list)
    # (plain, LaTeX, error, how many of the steps the candidate got right)
    wrongs: list[tuple[str, str, str, int]] = field(default_factory=list)
    extra_notes: list[str] = field(default_factory=list)


def _linear(rng: random.Random) -> _Rearrangement:
    """y = ax + b: make x the subject."""
    a, b = rng.randint(2, 9), rng.randint(1, 12) * rng.choice([-1, 1])
    sign, back = ("+", "-") if b > 0 else ("-", "+")
    return _Rearrangement(
        formula=f"y = {a}x {sign} {abs(b)}",
        subject="x",
        steps=[(f"y {back} {abs(b)} = {a}x", f"Eq(y - ({b}), {a}*x)")],
        answer=f"(y - ({b}))/{a}",
        answer_tex=f"\\frac{{y {back} {abs(b)}}}{{{a}}}",
        answer_plain=f"(y {back} {abs(b)})/{a}",
        numbers=[a, b],
        wrongs=[
            (
                f"(y {sign} {abs(b)})/{a}",
                f"\\frac{{y {sign} {abs(b)}}}{{{a}}}",
                f"used the wrong inverse: {'subtracted' if b < 0 else 'added'} {abs(b)} instead of "
                f"{'adding' if b < 0 else 'subtracting'}",
                0,
            ),
            (
                f"y/{a} {back} {abs(b)}",
                f"\\frac{{y}}{{{a}}} {back} {abs(b)}",
                f"divided only $y$ by {a}, not the whole of $y {back} {abs(b)}$",
                1,
            ),
        ],  # fmt: skip
    )


def _suvat(rng: random.Random) -> _Rearrangement:
    """v = u + at: make t (or a) the subject."""
    subject, other = rng.choice([("t", "a"), ("a", "t")])
    return _Rearrangement(
        formula="v = u + at",
        subject=subject,
        steps=[("v - u = at", "Eq(v - u, a*t)")],
        answer=f"(v - u)/{other}",
        answer_tex=f"\\frac{{v - u}}{{{other}}}",
        answer_plain=f"(v - u)/{other}",
        wrongs=[
            (
                f"(v + u)/{other}",
                f"\\frac{{v + u}}{{{other}}}",
                "added $u$ instead of subtracting it",
                0,
            ),
            (f"v/{other} - u", f"\\frac{{v}}{{{other}}} - u", f"divided only $v$ by ${other}$", 1),
        ],  # fmt: skip
    )


def _fraction(rng: random.Random) -> _Rearrangement:
    """y = (x + a)/b: make x the subject."""
    a, b = rng.randint(1, 12) * rng.choice([-1, 1]), rng.randint(2, 9)
    sign, back = ("+", "-") if a > 0 else ("-", "+")
    return _Rearrangement(
        formula=f"y = \\frac{{x {sign} {abs(a)}}}{{{b}}}",
        subject="x",
        steps=[(f"{b}y = x {sign} {abs(a)}", f"Eq({b}*y, x + ({a}))")],
        answer=f"{b}*y - ({a})",
        answer_tex=f"{b}y {back} {abs(a)}",
        answer_plain=f"{b}y {back} {abs(a)}",
        numbers=[a, b],
        wrongs=[
            (
                f"{b}y {sign} {abs(a)}",
                f"{b}y {sign} {abs(a)}",
                f"moved {abs(a)} to the other side without changing its sign",
                1,
            ),
            (
                f"{b}(y {back} {abs(a)})",
                f"{b}(y {back} {abs(a)})",
                f"{'added' if a < 0 else 'subtracted'} {abs(a)} before multiplying by {b}",
                0,
            ),
        ],  # fmt: skip
    )


def _triangle(rng: random.Random) -> _Rearrangement:
    """A = (1/2)bh: make h (or b) the subject."""
    subject, other = rng.choice([("h", "b"), ("b", "h")])
    return _Rearrangement(
        formula="A = \\frac{1}{2}bh",
        subject=subject,
        steps=[("2A = bh", "Eq(2*A, b*h)")],
        answer=f"2*A/{other}",
        answer_tex=f"\\frac{{2A}}{{{other}}}",
        answer_plain=f"2A/{other}",
        wrongs=[
            (f"A/(2{other})", f"\\frac{{A}}{{2{other}}}", "divided by 2 instead of multiplying", 0),
        ],
    )


def _cylinder(rng: random.Random) -> _Rearrangement:
    """V = pi r^2 h: make r the subject (a root)."""
    return _Rearrangement(
        formula="V = \\pi r^2 h",
        subject="r",
        steps=[("r^2 = \\frac{V}{\\pi h}", "Eq(r**2, V/(pi*h))")],
        answer="sqrt(V/(pi*h))",
        answer_tex="\\sqrt{\\frac{V}{\\pi h}}",
        answer_plain="sqrt(V/(pi*h))",
        wrongs=[
            ("V/(pi*h)", "\\frac{V}{\\pi h}", "did not take the square root at the end", 1),
            ("sqrt(V)/(pi*h)", "\\frac{\\sqrt{V}}{\\pi h}", "took the square root of $V$ only", 0),
        ],  # fmt: skip
    )


def _root(rng: random.Random) -> _Rearrangement:
    """y = sqrt(ax + b): make x the subject (square, then rearrange)."""
    a, b = rng.randint(2, 9), rng.randint(1, 12) * rng.choice([-1, 1])
    sign, back = ("+", "-") if b > 0 else ("-", "+")
    return _Rearrangement(
        formula=f"y = \\sqrt{{{a}x {sign} {abs(b)}}}",
        subject="x",
        steps=[
            (f"y^2 = {a}x {sign} {abs(b)}", f"Eq(y**2, {a}*x + ({b}))"),
            (f"y^2 {back} {abs(b)} = {a}x", f"Eq(y**2 - ({b}), {a}*x)"),
        ],
        answer=f"(y**2 - ({b}))/{a}",
        answer_tex=f"\\frac{{y^2 {back} {abs(b)}}}{{{a}}}",
        answer_plain=f"(y^2 {back} {abs(b)})/{a}",
        numbers=[a, b],
        wrongs=[
            (
                f"y^2/{a} {back} {abs(b)}",
                f"\\frac{{y^2}}{{{a}}} {back} {abs(b)}",
                f"divided only $y^2$ by {a}",
                2,
            ),
            (
                f"(y {back} {abs(b)})/{a}",
                f"\\frac{{y {back} {abs(b)}}}{{{a}}}",
                "did not square $y$",
                0,
            ),
        ],  # fmt: skip
    )


def _pendulum(rng: random.Random) -> _Rearrangement:
    """T = 2 pi sqrt(L/g): make L (or g) the subject."""
    if rng.random() < 0.5:
        answer, answer_tex, plain = "g*T**2/(4*pi**2)", "\\frac{gT^2}{4\\pi^2}", "gT^2/(4pi^2)"
        subject, slipped = "L", ("gT^2/(2pi)", "\\frac{gT^2}{2\\pi}", "T**2")
    else:
        answer, answer_tex, plain = "4*pi**2*L/T**2", "\\frac{4\\pi^2 L}{T^2}", "4pi^2L/T^2"
        subject, slipped = "g", ("2piL/T^2", "\\frac{2\\pi L}{T^2}", "T**2")
    return _Rearrangement(
        formula="T = 2\\pi\\sqrt{\\frac{L}{g}}",
        subject=subject,
        steps=[
            ("\\frac{T}{2\\pi} = \\sqrt{\\frac{L}{g}}", "Eq(T/(2*pi), sqrt(L/g))"),
            ("\\frac{T^2}{4\\pi^2} = \\frac{L}{g}", "Eq(T**2/(4*pi**2), L/g)"),
        ],
        answer=answer,
        answer_tex=answer_tex,
        answer_plain=plain,
        wrongs=[(slipped[0], slipped[1], "squared $T$ but not $2\\pi$", 1)],
    )


def _twice(rng: random.Random) -> _Rearrangement:
    """y = (x + a)/(x - b): the subject appears twice."""
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    return _Rearrangement(
        formula=f"y = \\frac{{x + {a}}}{{x - {b}}}",
        subject="x",
        steps=[
            (f"y(x - {b}) = x + {a}", f"Eq(y*(x - {b}), x + {a})"),
            (f"xy - x = {b}y + {a}", f"Eq(x*y - x, {b}*y + {a})"),
            (f"x(y - 1) = {b}y + {a}", f"Eq(x*(y - 1), {b}*y + {a})"),
        ],
        answer=f"({b}*y + {a})/(y - 1)",
        answer_tex=f"\\frac{{{b}y + {a}}}{{y - 1}}",
        answer_plain=f"({b}y + {a})/(y - 1)",
        numbers=[a, b],
        wrongs=[
            (
                f"({b}y + {a})/y - 1",
                f"\\frac{{{b}y + {a}}}{{y}} - 1",
                "divided by $y$ and then subtracted 1, instead of dividing by $(y - 1)$",
                3,
            ),
        ],  # fmt: skip
        extra_notes=["for each step, allow their previous line (FT)"],
    )


_CORE = (_linear, _suvat, _fraction, _triangle)


@register
class ChangeSubject(Template):
    key = "algebra.change_subject"
    title = "Changing the subject of a formula"
    codes = {Tier.CORE: ("C2.5",), Tier.EXTENDED: ("E2.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Changing the subject"
        extended = q.tier == Tier.EXTENDED
        makers: list[Callable[[random.Random], _Rearrangement]]
        if difficulty == 1:
            makers = [_linear]
        elif difficulty == 2:
            makers = [rng.choice([_suvat, _fraction, _triangle])]
        elif difficulty == 3:
            makers = [_linear, rng.choice([_suvat, _fraction, _triangle])]
            if extended:
                makers = [rng.choice(_CORE), _cylinder]
        elif difficulty == 4:
            makers = rng.sample(_CORE[1:], 2) if not extended else [_cylinder, _root]
        else:
            makers = [_fraction, _triangle] if not extended else [_pendulum, _twice]
        labels = "ab" if len(makers) > 1 else [""]
        for label, maker in zip(labels, makers, strict=False):
            self._part(q, label, maker(rng))

    @staticmethod
    def _part(q: QuestionBuilder, label: str, r: _Rearrangement) -> None:
        coefficients(q, label, r.numbers)
        marks = len(r.steps) + 1
        part = q.part(
            label,
            f"Make ${r.subject}$ the subject of the formula.\n\n${r.formula}$",
            marks=marks,
            command="Write",
        )
        for text, value in r.steps:
            part.step(f"${text}$", value)
        part.step(f"${r.subject} = {r.answer_tex}$", r.answer)
        part.answer(r.answer, kind="expression", label=r.subject, latex=r.answer_tex,
                    plain=r.answer_plain)  # fmt: skip
        for i, (text, value) in enumerate(r.steps):
            notes = ["for a correct first step"] if i == 0 else list(r.extra_notes)
            part.mark("M", f"${text}$", value=value, qualifiers=["oe"] if i == 0 else ["FT"],
                      partial=notes)  # fmt: skip
        part.mark("A", f"${r.subject} = {r.answer_tex}$", value=r.answer,
                  qualifiers=["oe", "isw"] if marks == 2 else ["oe"])  # fmt: skip
        for plain, latex, error, right in r.wrongs:
            wrong(part, plain, error, latex=latex, working=[value for _, value in r.steps[:right]])  # fmt: skip
