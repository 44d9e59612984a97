"""Using a calculator: evaluating an expression with brackets, powers and roots, and rounding
the display (syllabus 1.14)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import Misconception, misconception
from generation.engine.authoring.text import approx
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier


@dataclass(frozen=True)
class _Shape:
    latex: str  # over {a} {b} {c} {d}
    machine: str  # over the givens a, b, c, d
    inner: str  # a first value worth a method mark (numerator, root, ...)
    inner_words: str
    slip: str  # what a candidate gets by keying it without the right brackets
    slip_words: str
    slip_keeps_inner: bool


_SHAPES = {
    "root_over_product": _Shape(
        "\\frac{{\\sqrt{{{a}^2 - {b}}}}}{{{c} \\times {d}}}",
        "sqrt(a**2 - b)/(c*d)",
        "sqrt(a**2 - b)",
        "the numerator",
        "sqrt(a**2 - b)/c*d",
        "divided by the first number in the denominator and then multiplied by the second",
        True,
    ),
    "sum_over_difference": _Shape(
        "\\frac{{{a} + {b}^2}}{{{c} - {d}}}",
        "(a + b**2)/(c - d)",
        "a + b**2",
        "the numerator",
        "a + b**2/c - d",
        "keyed it in without brackets around the numerator and the denominator",
        False,
    ),
    "root_of_fraction": _Shape(
        "\\sqrt{{\\frac{{{a}}}{{{b}}}}} + {c}^3",
        "sqrt(a/b) + c**3",
        "sqrt(a/b)",
        "the square root",
        "sqrt(a)/b + c**3",
        "took the square root of the numerator only",
        False,
    ),
    "cube_minus_root": _Shape(
        "\\frac{{{a}^3 - \\sqrt{{{b}}}}}{{{c}^2 + {d}}}",
        "(a**3 - sqrt(b))/(c**2 + d)",
        "a**3 - sqrt(b)",
        "the numerator",
        "(a**3 - sqrt(b))/c**2 + d",
        "left out the brackets around the denominator",
        True,
    ),
    "cube_root_plus": _Shape(
        "\\sqrt[3]{{{a}}} + \\frac{{{b}}}{{{c}^2}}",
        "cbrt(a) + b/c**2",
        "cbrt(a)",
        "the cube root",
        "cbrt(a) + (b/c)**2",
        "squared the whole fraction instead of the denominator",
        True,
    ),
}

_PLAN = {
    1: ("sum_over_difference", None),
    2: ("root_over_product", None),
    3: ("root_of_fraction", "sum_over_difference"),
    4: ("cube_minus_root", "root_over_product"),
    5: ("cube_minus_root", "cube_root_plus"),
}


def _numbers(rng: random.Random, shape: str) -> dict[str, Rational]:
    def decimal(low: int, high: int, places: int = 1) -> Rational:
        return Rational(rng.randint(low * 10**places, high * 10**places), 10**places)

    if shape == "root_over_product":
        a = decimal(5, 15)
        return {"a": a, "b": decimal(1, int(a * a) - 2), "c": decimal(1, 4), "d": decimal(1, 3, 2)}
    if shape == "sum_over_difference":
        c = decimal(6, 15)
        return {"a": decimal(2, 20), "b": decimal(1, 6), "c": c, "d": decimal(1, int(c) - 2)}
    if shape == "root_of_fraction":
        return {"a": decimal(20, 90), "b": decimal(2, 9), "c": decimal(1, 3)}
    if shape == "cube_minus_root":
        return {"a": decimal(2, 5), "b": decimal(2, 30), "c": decimal(1, 4), "d": decimal(1, 9)}
    return {"a": decimal(10, 200), "b": decimal(2, 20), "c": decimal(1, 4)}


@register
class UsingACalculator(Template):
    key = "number.using_a_calculator"
    title = "Using a calculator and rounding the answer"
    codes = {Tier.CORE: ("C1.14",), Tier.EXTENDED: ("E1.14",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        first, second = _PLAN[difficulty]
        q.title = "Using a calculator"
        shape = _SHAPES[first]
        values = _numbers(rng, first)
        for name, value in values.items():
            q.given(name, value)
        latex = shape.latex.format(**{k: number(v) for k, v in values.items()})
        part = q.part(
            "a",
            f"Use your calculator to work out\n\n${latex}$.\n\nGive your answer correct to 4 significant figures.",
            marks=2,
            command="Work out",
        )
        inner = q.value_of(shape.inner)
        inner_shown = approx(inner, dots=True)
        answer = part.answer(shape.machine, accuracy=Accuracy.SF4)
        part.step(f"{shape.inner_words.capitalize()} $= {inner_shown}$", shape.inner)
        part.step(f"${latex} = {answer.latex}$ (4 s.f.)", shape.machine)
        part.mark("M", f"{shape.inner_words} $= {inner_shown}$ seen", value=shape.inner)
        part.mark("A", f"${answer.latex}$", value=shape.machine, qualifiers=["cao"])
        slip = q.value_of(shape.slip)
        if slip > 0:
            misconception(
                part,
                Misconception(
                    shape.slip_words,
                    slip,
                    tuple([shape.inner] if shape.slip_keeps_inner else []),
                    accuracy=Accuracy.SF4,
                    fractions=False,
                ),
            )
        truncated = Rational(
            str(formatting.round_sig(formatting.to_decimal(q.value_of(shape.machine)), 6))
        )
        cut = formatting.to_decimal(truncated)
        exponent = cut.adjusted() - 3
        cut = cut.scaleb(-exponent).to_integral_value(rounding="ROUND_DOWN").scaleb(exponent)
        misconception(
            part,
            Misconception(
                "cut the display off after 4 figures instead of rounding",
                Rational(str(cut)),
                (shape.inner,),
                accuracy=Accuracy.SF4,
                fractions=False,
            ),
        )

        # (b) rounding the answer to (a) again: check the two roundings agree.
        target = Accuracy.DP1 if difficulty <= 3 else Accuracy.SF2
        words = "1 decimal place" if target == Accuracy.DP1 else "2 significant figures"
        value = q.value_of(shape.machine)
        from_a = formatting.display(Rational(answer.plain), target)[0]
        direct = formatting.display(value, target)[0]
        if from_a != direct:
            raise Reject("rounding the 4 s.f. answer again gives a different result")
        part = q.part(
            "b", f"Write your answer to part (a) correct to {words}.", marks=1, command="Write"
        )
        part.step(f"${answer.latex} = {direct}$ correct to {words}", shape.machine)
        part.answer(shape.machine, accuracy=target)
        part.mark(
            "B",
            f"${direct}$",
            value=shape.machine,
            qualifiers=["FT"],
            partial=["FT their answer to (a)"],
        )

        if second is not None:
            shape = _SHAPES[second]
            values = {f"{k}2": v for k, v in _numbers(rng, second).items()}
            for name, v in values.items():
                q.given(name, v)
            machine = _rename(shape.machine)
            inner_machine = _rename(shape.inner)
            latex = shape.latex.format(**{k[:-1]: number(v) for k, v in values.items()})
            part = q.part(
                "c",
                f"Work out ${latex}$.\n\nGive your answer correct to 2 decimal places.",
                marks=2,
                command="Work out",
            )
            inner = q.value_of(inner_machine)
            answer = part.answer(machine, accuracy=Accuracy.DP2)
            part.step(
                f"{shape.inner_words.capitalize()} $= {approx(inner, dots=True)}$",
                inner_machine,
            )
            part.step(f"$= {answer.latex}$ (2 d.p.)", machine)
            part.mark(
                "M",
                f"{shape.inner_words} $= {approx(inner, dots=True)}$ seen",
                value=inner_machine,
            )
            part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
            slip = q.value_of(_rename(shape.slip))
            if slip > 0:
                misconception(
                    part,
                    Misconception(
                        shape.slip_words,
                        slip,
                        tuple([inner_machine] if shape.slip_keeps_inner else []),
                        accuracy=Accuracy.DP2,
                        fractions=False,
                    ),
                )


def _rename(machine: str) -> str:
    """The second expression's givens are a2, b2, c2, d2."""
    return re.sub(r"\b([abcd])\b", r"\g<1>2", machine)
