"""The four operations: negative numbers and the order of operations, and calculations with
fractions and mixed numbers (syllabus 1.6), without a calculator."""

from __future__ import annotations

import random
from collections.abc import Callable

from sympy import Rational, gcd, lcm

from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.number._common import (
    frac,
    frac_plain,
    mixed,
    mixed_plain,
    wrong,
)
from questions.schemas import CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _n(value: int) -> str:
    """An integer inside an expression: negatives in brackets, (-4)."""
    return f"({value})" if value < 0 else str(value)


def _simple_item(rng: random.Random, difficulty: int) -> tuple[str, str, int, int, str]:
    """A one-line calculation: (latex, machine, value, wrong value, error)."""
    a, b, c = rng.randint(2, 12), rng.randint(2, 9), rng.randint(2, 9)
    shape = rng.choice({1: [0, 1], 2: [1, 2], 3: [2, 3], 4: [3, 4], 5: [3, 4]}[difficulty])
    if shape == 0:  # a + b x c
        return (
            f"{a} + {b} \\times {c}",
            f"{a} + {b}*{c}",
            a + b * c,
            (a + b) * c,
            "worked from left to right instead of multiplying first",
        )
    if shape == 1:  # a - b x (-c)
        return (
            f"{a} - {b} \\times ({-c})",
            f"{a} - {b}*({-c})",
            a + b * c,
            (a - b) * -c,
            "worked from left to right instead of multiplying first",
        )
    if shape == 2:  # (-a) x (-b) - c x d
        d = rng.randint(2, 9)
        return (
            f"({-a}) \\times ({-b}) - {c} \\times {d}",
            f"(-{a})*(-{b}) - {c}*{d}",
            a * b - c * d,
            -a * b - c * d,
            "thought a negative times a negative is negative",
        )
    if shape == 3:  # a - (-b)^2
        return (
            f"{a} - ({-b})^2",
            f"{a} - (-{b})**2",
            a - b * b,
            a + b * b,
            f"thought that subtracting $({-b})^2$ means adding {b * b}",
        )
    # (-b)^3 - (-c)^2
    b, c = rng.randint(2, 4), rng.randint(2, 6)
    return (
        f"({-b})^3 - ({-c})^2",
        f"(-{b})**3 - (-{c})**2",
        -(b**3) - c * c,
        -(b**3) + c * c,
        f"thought $({-c})^2$ is negative",
    )


def _brackets(rng: random.Random) -> tuple[str, str, int]:
    """A statement a + b x c - d = V that needs brackets: (question latex, answer, V)."""
    for _ in range(100):
        a, b, c, d = rng.randint(2, 9), rng.randint(2, 9), rng.randint(3, 12), rng.randint(1, 6)
        options = {
            f"({a} + {b}) × {c} - {d}": (a + b) * c - d,
            f"{a} + {b} × ({c} - {d})": a + b * (c - d),
            f"({a} + {b}) × ({c} - {d})": (a + b) * (c - d),
        }
        plain_value = a + b * c - d
        answer, value = rng.choice(list(options.items()))
        clashes = [v for v in [plain_value, *options.values()] if v == value]
        if len(clashes) == 1 and c > d:
            return f"{a} + {b} \\times {c} - {d} = {value}", answer, value
    raise Reject("no bracket placement with a unique value")


@register
class OrderOfOperations(Template):
    key = "number.order_of_operations"
    title = "Negative numbers and the order of operations"
    codes = {Tier.CORE: ("C1.6",), Tier.EXTENDED: ("E1.6",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "The four operations"
        labels = iter("abcd")
        seen: set[str] = set()
        for _ in range(2):
            latex, machine, value, bad, error = _simple_item(rng, difficulty)
            if machine in seen:
                raise Reject("the same calculation twice")
            seen.add(machine)
            part = q.part(next(labels), f"Work out ${latex}$.", marks=1, command="Work out")
            part.step(f"${latex} = {value}$", machine)
            part.answer(machine)
            part.mark("B", f"${value}$", value=machine, qualifiers=["cao"])
            if bad != value:
                wrong(part, bad, error, 0)
            q.param(part.label, machine)
        if difficulty >= 3:
            statement, answer, total = _brackets(rng)
            part = q.part(
                next(labels),
                f"Insert brackets to make this statement correct.\n\n${statement}$",
                marks=1,
                command="Write",
            )
            bracketed = answer.replace("×", "\\times")
            part.step(f"${bracketed} = {total}$")
            part.answer(kind="text", plain=f"{answer} = {total}", latex=f"{bracketed} = {total}")
            part.mark("B", f"${bracketed} = {total}$", qualifiers=["cao"])
            q.param("brackets", answer)
        if difficulty >= 4:
            self._fraction_part(q, rng, next(labels))

    def _fraction_part(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        denominators = [
            ("(-2)^3", "(-2)**3", -8),
            ("(-3)^2", "(-3)**2", 9),
            ("2 \\times (-3)", "2*(-3)", -6),
            ("(-4)^2 - 10", "(-4)**2 - 10", 6),
        ]
        den_latex, den_machine, den = rng.choice(denominators)
        result = rng.choice([-5, -4, -3, -2, 2, 3, 4, 5])
        b, c = rng.randint(2, 6), -rng.randint(2, 6)
        a = result * den - b * c
        if a == 0 or abs(a) > 60:
            raise Reject("awkward numerator")
        num_latex = f"{a} + {b} \\times ({c})"
        num_machine = f"{a} + {b}*({c})"
        machine = f"({num_machine})/({den_machine})"
        part = q.part(
            label,
            f"Work out $\\frac{{{num_latex}}}{{{den_latex}}}$.",
            marks=2,
            command="Work out",
        )
        part.step(f"Numerator: ${num_latex} = {a + b * c}$", num_machine)
        part.step(f"Denominator: ${den_latex} = {den}$", den_machine)
        part.step(f"$\\frac{{{a + b * c}}}{{{den}}} = {result}$", machine)
        part.answer(machine)
        part.mark(
            "M",
            f"${a + b * c}$ or ${den}$ seen",
            value=num_machine,
            partial=["M1 for either the numerator or the denominator correct"],
        )
        part.mark("A", f"${result}$", value=machine, qualifiers=["cao"])
        left_to_right = (a + b) * c
        if left_to_right % den == 0 and left_to_right // den != result:
            wrong(part, left_to_right // den, "worked out the numerator from left to right", 0)
        wrong(
            part,
            -result,
            "made a sign error in the final division",
            1,
            working=[num_machine],
        )


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
            part.wrong(
                frac_plain(bad),
                f"{word}ed the numerators and added the denominators",
                0,
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
            wrong(
                part,
                amount / f_.q,
                "found one part but did not multiply by the numerator",
                1,
                working=[f"{label}2/{f_.q}"],
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
            part.wrong(frac_plain(cross), "cross-multiplied as if dividing", 0, latex=frac(cross))

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
        part.wrong(
            frac_plain(product),
            "multiplied without turning the second fraction upside down",
            0,
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
            part.wrong(
                mixed_plain(separate),
                "multiplied the whole numbers and the fractions separately",
                0,
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
        part.wrong(
            frac_plain(early), "divided before adding, ignoring the brackets", 0, latex=frac(early)
        )
        flipped = (fx + fy) * fz
        part.wrong(
            frac_plain(flipped),
            "multiplied by the mixed number instead of dividing",
            1,
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
