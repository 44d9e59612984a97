"""Calculations with fractions and mixed numbers (syllabus 1.6 with 1.4), without a calculator."""

from __future__ import annotations

import random
from collections.abc import Callable

from sympy import Rational, gcd, lcm

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain, mixed, mixed_plain
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


# ---------------------------------------------------------------------------------------------
# Fractions and mixed numbers.


def _proper(rng: random.Random, top: int = 12) -> Rational:
    b = rng.randint(3, top)
    a = rng.choice([n for n in range(1, b) if gcd(n, b) == 1])
    return Rational(a, b)


def _mixed_number(rng: random.Random, top: int = 9) -> Rational:
    return rng.randint(1, 3) + _proper(rng, top)


def _draw(
    rng: random.Random,
    make: Callable[[], tuple[Rational, ...]],
    ok: Callable[..., bool],
    why: str,
) -> tuple[Rational, ...]:
    """Draw fractions until ``ok(*fractions)``; nice combinations are common, so this is quick."""
    for _ in range(400):
        drawn = make()
        if ok(*drawn):
            return drawn
    raise Reject(why)


def _fraction_answer(part: PartBuilder, machine: str, value: Rational, *, as_mixed: bool) -> None:
    if as_mixed and value > 1 and value.q != 1:
        part.answer(machine, plain=mixed_plain(value), latex=mixed(value))
    else:
        part.answer(machine, plain=frac_plain(value), latex=frac(value))


def _shown(value: Rational, as_mixed: bool) -> str:
    return mixed(value) if as_mixed and value > 1 else frac(value)


@register
class FractionCalculations(Template):
    key = "number.fraction_calculations"
    title = "Calculations with fractions and mixed numbers"
    codes = {Tier.CORE: ("C1.6", "C1.4"), Tier.EXTENDED: ("E1.6", "E1.4")}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Fractions"
        q.stem = "Do not use a calculator in this question. Show all your working."
        plan = {
            1: ["add", "of_amount"],
            2: ["subtract", "multiply"],
            3: ["show_subtract", "divide"],
            4: ["show_divide", "mixed_multiply"],
            5: ["show_divide", "combined"],
        }[difficulty]
        for label, kind in zip("ab", plan, strict=True):
            getattr(self, f"_{kind}")(q, rng, label)
            q.param(label, kind)

    # --- Work out parts -----------------------------------------------------------------

    def _add(self, q: QuestionBuilder, rng: random.Random, label: str, sign: int = 1) -> None:
        x, y = _draw(
            rng,
            lambda: (_proper(rng, 9), _proper(rng, 9)),
            lambda x, y: x.q != y.q and (sign > 0 or x > y),
            "same denominators or negative difference",
        )
        fx = q.given(f"{label}1", x, display=frac(x))
        fy = q.given(f"{label}2", y, display=frac(y))
        op, word = ("+", "add") if sign > 0 else ("-", "subtract")
        machine = f"{label}1 {op} {label}2"
        value = fx + fy if sign > 0 else fx - fy
        common = int(fx.q * fy.q / gcd(fx.q, fy.q))
        part = q.part(
            label,
            f"Work out ${frac(fx)} {op} {frac(fy)}$.\n\nGive your answer as a fraction in its simplest form.",
            marks=2,
            command="Work out",
        )
        tx, ty = fx * common, fy * common
        part.step(
            f"$\\frac{{{tx}}}{{{common}}} {op} \\frac{{{ty}}}{{{common}}} = \\frac{{{tx + sign * ty}}}{{{common}}}$",
            machine,
        )
        if Rational(tx + sign * ty, common).q != common:
            part.step(f"$= {frac(value)}$", machine)
        _fraction_answer(part, machine, value, as_mixed=False)
        part.mark(
            "M",
            f"$\\frac{{{tx}}}{{{common}}} {op} \\frac{{{ty}}}{{{common}}}$ oe, a correct common denominator",
            value=machine,
        )
        part.mark("A", f"${frac(value)}$", value=machine, qualifiers=["cao"])
        bad = Rational(fx.p + sign * fy.p, fx.q + fy.q)
        if bad != value and bad > 0:
            wrong(
                part,
                frac_plain(bad),
                f"{word}ed the numerators and added the denominators",
                latex=frac(bad),
            )

    def _subtract(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        self._add(q, rng, label, sign=-1)

    def _of_amount(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        f = _proper(rng, 9)
        amount_value = f.q * rng.randint(3, 15)
        f_ = q.given(f"{label}1", f, display=frac(f))
        amount = q.given(f"{label}2", amount_value)
        thing, unit = rng.choice(
            [("kg", "kg"), ("dollars", ""), ("metres", "m"), ("litres", "litres")]
        )
        text = (
            f"Work out ${frac(f_)}$ of ${amount}$ {thing}."
            if unit
            else f"Work out ${frac(f_)}$ of \\${amount}."
        )
        part = q.part(label, text, marks=2, command="Work out")
        part.step(f"${amount} \\div {f_.q} = {amount / f_.q}$", f"{label}2/{f_.q}")
        part.step(f"${amount / f_.q} \\times {f_.p} = {amount * f_}$", f"{label}1*{label}2")
        part.answer(f"{label}1*{label}2", unit=unit)
        part.mark(
            "M", f"${amount} \\div {f_.q}$ or ${amount} \\times {f_.p}$", value=f"{label}2/{f_.q}"
        )
        part.mark("A", f"${amount * f_}$", value=f"{label}1*{label}2", qualifiers=["cao"])
        if f_.p > 1:
            misconception(
                part,
                Misconception(
                    "found one part but did not multiply by the numerator",
                    amount / f_.q,
                    (f"{label}2/{f_.q}",),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

    def _multiply(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y = _draw(
            rng,
            lambda: (_proper(rng, 10), _proper(rng, 10)),
            lambda x, y: gcd(x.p * y.p, x.q * y.q) > 1,
            "nothing to cancel",
        )
        fx = q.given(f"{label}1", x, display=frac(x))
        fy = q.given(f"{label}2", y, display=frac(y))
        machine = f"{label}1*{label}2"
        value = fx * fy
        part = q.part(
            label,
            f"Work out ${frac(fx)} \\times {frac(fy)}$.\n\nGive your answer as a fraction in its simplest form.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$\\frac{{{fx.p} \\times {fy.p}}}{{{fx.q} \\times {fy.q}}} = \\frac{{{fx.p * fy.p}}}{{{fx.q * fy.q}}}$",
            machine,
        )
        part.step(f"$= {frac(value)}$", machine)
        _fraction_answer(part, machine, value, as_mixed=False)
        part.mark("M", f"$\\frac{{{fx.p * fy.p}}}{{{fx.q * fy.q}}}$ oe", value=machine)
        part.mark("A", f"${frac(value)}$", value=machine, qualifiers=["cao"])
        cross = Rational(fx.p * fy.q, fx.q * fy.p)
        if cross != value:
            wrong(part, frac_plain(cross), "cross-multiplied as if dividing", latex=frac(cross))

    def _divide(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y = _draw(
            rng,
            lambda: (_proper(rng, 10), _proper(rng, 10)),
            lambda x, y: x != y and 1 < (x / y).q <= 20,
            "awkward quotient",
        )
        value = x / y
        fx = q.given(f"{label}1", x, display=frac(x))
        fy = q.given(f"{label}2", y, display=frac(y))
        machine = f"{label}1/{label}2"
        as_mixed = value > 1
        part = q.part(
            label,
            f"Work out ${frac(fx)} \\div {frac(fy)}$.\n\nGive your answer "
            + (
                "as a mixed number in its simplest form."
                if as_mixed
                else "as a fraction in its simplest form."
            ),
            marks=2,
            command="Work out",
        )
        part.step(
            f"${frac(fx)} \\times {frac(1 / fy)} = \\frac{{{fx.p * fy.q}}}{{{fx.q * fy.p}}}$",
            machine,
        )
        part.step(f"$= {_shown(value, as_mixed)}$", machine)
        _fraction_answer(part, machine, value, as_mixed=as_mixed)
        part.mark("M", f"${frac(fx)} \\times {frac(1 / fy)}$ oe", value=machine)
        part.mark("A", f"${_shown(value, as_mixed)}$", value=machine, qualifiers=["cao"])
        product = fx * fy
        wrong(
            part,
            frac_plain(product),
            "multiplied without turning the second fraction upside down",
            latex=frac(product),
        )

    def _mixed_multiply(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y = _draw(
            rng,
            lambda: (_mixed_number(rng, 6), _mixed_number(rng, 6)),
            lambda x, y: x != y and 1 < (x * y).q <= 12,
            "awkward product",
        )
        value = x * y
        fx = q.given(f"{label}1", x, display=mixed(x))
        fy = q.given(f"{label}2", y, display=mixed(y))
        machine = f"{label}1*{label}2"
        part = q.part(
            label,
            f"Work out ${mixed(fx)} \\times {mixed(fy)}$.\n\nGive your answer as a mixed number in its simplest form.",
            marks=3,
            command="Work out",
        )
        part.step(f"${mixed(fx)} = {frac(fx)}$ and ${mixed(fy)} = {frac(fy)}$", f"{label}1")
        part.step(
            f"${frac(fx)} \\times {frac(fy)} = \\frac{{{fx.p * fy.p}}}{{{fx.q * fy.q}}}$", machine
        )
        part.step(f"$= {mixed(value)}$", machine)
        _fraction_answer(part, machine, value, as_mixed=True)
        part.mark("B", f"${frac(fx)}$ and ${frac(fy)}$ seen", value=f"{label}1")
        part.mark("M", f"$\\frac{{{fx.p * fy.p}}}{{{fx.q * fy.q}}}$ oe", value=machine)
        part.mark("A", f"${mixed(value)}$", value=machine, qualifiers=["cao"])
        wx, wy = int(fx), int(fy)
        separate = wx * wy + (fx - wx) * (fy - wy)
        if separate != value:
            wrong(
                part,
                mixed_plain(separate),
                "multiplied the whole numbers and the fractions separately",
                latex=mixed(separate),
            )

    def _combined(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y, z = _draw(
            rng,
            lambda: (_mixed_number(rng, 6), _proper(rng, 8), _mixed_number(rng, 6)),
            lambda x, y, z: 1 < ((x + y) / z).q <= 40 and (x + y).q != 1,
            "awkward result",
        )
        value = (x + y) / z
        fx = q.given(f"{label}1", x, display=mixed(x))
        fy = q.given(f"{label}2", y, display=frac(y))
        fz = q.given(f"{label}3", z, display=mixed(z))
        total = f"{label}1 + {label}2"
        machine = f"({total})/{label}3"
        as_mixed = value > 1
        part = q.part(
            label,
            f"Work out $\\left({mixed(fx)} + {frac(fy)}\\right) \\div {mixed(fz)}$.\n\nGive your answer "
            + (
                "as a mixed number in its simplest form."
                if as_mixed
                else "as a fraction in its simplest form."
            ),
            marks=3,
            command="Work out",
        )
        part.step(f"${mixed(fx)} + {frac(fy)} = {frac(fx + fy)}$", total)
        part.step(
            f"${frac(fx + fy)} \\div {frac(fz)} = {frac(fx + fy)} \\times {frac(1 / fz)}$", machine
        )
        part.step(f"$= {_shown(value, as_mixed)}$", machine)
        _fraction_answer(part, machine, value, as_mixed=as_mixed)
        part.mark("M", f"${frac(fx + fy)}$ oe", value=total)
        part.mark(
            "M", f"${frac(fx + fy)} \\times {frac(1 / fz)}$", value=machine, qualifiers=["dep"]
        )
        part.mark("A", f"${_shown(value, as_mixed)}$", value=machine, qualifiers=["cao"])
        early = fx + fy / fz
        wrong(
            part,
            frac_plain(early),
            "divided before adding, ignoring the brackets",
            latex=frac(early),
        )
        flipped = (fx + fy) * fz
        wrong(
            part,
            frac_plain(flipped),
            "multiplied by the mixed number instead of dividing",
            latex=frac(flipped),
            working=[total],
        )

    # --- Show that parts ----------------------------------------------------------------

    def _show_subtract(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y = _draw(
            rng,
            lambda: (_mixed_number(rng, 8), _proper(rng, 9)),
            lambda x, y: x.q != y.q and x - y > 1 and 1 < (x - y).q <= 12 and lcm(x.q, y.q) <= 24,
            "awkward subtraction",
        )
        value = x - y
        fx = q.given(f"{label}1", x, display=mixed(x))
        fy = q.given(f"{label}2", y, display=frac(y))
        machine = f"{label}1 - {label}2"
        common = int(fx.q * fy.q / gcd(fx.q, fy.q))
        part = q.part(
            label,
            f"Show that ${mixed(fx)} - {frac(fy)} = {mixed(value)}$.",
            marks=3,
            command="Show that",
        )
        part.show_that = f"Rational({value.p}, {value.q})"
        part.step(f"${mixed(fx)} = {frac(fx)}$", f"{label}1")
        tx, ty = fx * common, fy * common
        part.step(
            f"$\\frac{{{tx}}}{{{common}}} - \\frac{{{ty}}}{{{common}}} = \\frac{{{tx - ty}}}{{{common}}}$",
            machine,
        )
        part.step(f"$= {frac(value)} = {mixed(value)}$", machine)
        part.answer(machine, plain=mixed_plain(value), latex=mixed(value))
        part.mark("B", f"${frac(fx)}$ oe seen", value=f"{label}1")
        part.mark(
            "M",
            f"$\\frac{{{tx}}}{{{common}}} - \\frac{{{ty}}}{{{common}}}$ oe, a correct common denominator",
            value=machine,
        )
        part.mark(
            "A",
            f"$\\frac{{{tx - ty}}}{{{common}}}$ leading to ${mixed(value)}$ with no errors",
            value=machine,
        )

    def _show_divide(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        x, y = _draw(
            rng,
            lambda: (_mixed_number(rng, 6), _mixed_number(rng, 6)),
            lambda x, y: x != y and 1 < (x / y).q <= 12 and (x / y).p > 1,
            "awkward quotient",
        )
        value = x / y
        fx = q.given(f"{label}1", x, display=mixed(x))
        fy = q.given(f"{label}2", y, display=mixed(y))
        machine = f"{label}1/{label}2"
        part = q.part(
            label,
            f"Show that ${mixed(fx)} \\div {mixed(fy)} = {_shown(value, True)}$.",
            marks=3,
            command="Show that",
        )
        part.show_that = f"Rational({value.p}, {value.q})"
        part.step(f"${mixed(fx)} = {frac(fx)}$ and ${mixed(fy)} = {frac(fy)}$", f"{label}1")
        part.step(
            f"${frac(fx)} \\times {frac(1 / fy)} = \\frac{{{fx.p * fy.q}}}{{{fx.q * fy.p}}}$",
            machine,
        )
        part.step(f"$= {_shown(value, True)}$", machine)
        part.answer(machine, plain=mixed_plain(value), latex=_shown(value, True))
        part.mark("B", f"${frac(fx)}$ and ${frac(fy)}$ seen", value=f"{label}1")
        part.mark("M", f"${frac(fx)} \\times {frac(1 / fy)}$", value=machine)
        part.mark(
            "A",
            f"$\\frac{{{fx.p * fy.q}}}{{{fx.q * fy.p}}}$ leading to ${_shown(value, True)}$ with no errors",
            value=machine,
        )
