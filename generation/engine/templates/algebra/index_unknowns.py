"""Indices II (2.4) the other way round: find a missing index, write a term in the form ax^n,
find the unknowns in (ax^m y^n)^k = Ax^P y^Q, and write powers of 2 in terms of p = 2^x."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong, wrong_expression
from generation.engine.authoring.algebraic import sym, tex, txt
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

p = sym("p")


def _power(var: str, n: object) -> str:
    """x, x^3, x^{-2}, x^{\\frac{1}{2}}: a power as printed."""
    if n == 1:
        return var
    return f"{var}^{{{frac(n)}}}"


@register
class IndexUnknowns(Template):
    key = "algebra.index_unknowns"
    title = "Indices: missing indices, the form ax^n and powers in terms of p"
    codes = {Tier.CORE: ("C2.4",), Tier.EXTENDED: ("E2.4",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Indices"
        extended = q.tier == Tier.EXTENDED
        plan = {
            1: ["missing_product", "missing_power", "form"],
            2: ["missing_quotient", "form", "bracket"],
            3: ["bracket", "form", "missing_quotient"],
            4: ["in_p_shift", "in_p_base", "bracket"],
            5: ["in_p_base", "in_p_quotient", "form"],
        }[difficulty]
        fractional = extended and difficulty >= 3
        labels = iter("abcd")
        for kind in plan:
            label = next(labels)
            q.param(label, kind)
            if kind.startswith("missing"):
                self._missing(q, rng, label, kind.removeprefix("missing_"))
            elif kind == "form":
                self._form(q, rng, label, fractional)
            elif kind == "bracket":
                self._bracket(q, rng, label, fractional and difficulty >= 4)
            else:
                if "p" not in q.params:
                    q.param("p", "2^x")
                    q.stem = "$p = 2^x$"
                self._in_p(q, rng, label, kind.removeprefix("in_p_"))

    # --- a missing index ------------------------------------------------------------------------

    @staticmethod
    def _missing(q: QuestionBuilder, rng: random.Random, label: str, law: str) -> None:
        a = rng.randint(2, 9)
        ca, cb = rng.randint(2, 6), rng.randint(2, 6)
        if law == "product":
            k = rng.randint(2, 9)
            total = a + k
            q.given(f"{label}a", a)
            q.given(f"{label}c", total)
            shown = f"{ca}x^{{{a}}} \\times {cb}x^{{k}} = {ca * cb}x^{{{total}}}"
            step = f"Add the indices: ${a} + k = {total}$, so $k = {k}$"
            source = f"{label}c - {label}a"
            slips = [
                (f"{label}c + {label}a", f"added ${a}$ to ${total}$ instead of taking it away")
            ]
            if total % a == 0:
                slips.append(
                    (f"{label}c/{label}a", "multiplied the indices instead of adding them")
                )
        elif law == "quotient":
            k = a + rng.randint(1, 5)
            total = a - k
            q.given(f"{label}a", a)
            q.given(f"{label}c", -total)
            shown = f"{ca * cb}x^{{{a}}} \\div {cb}x^{{k}} = {ca}x^{{{total}}}"
            step = f"Subtract the indices: ${a} - k = {total}$, so $k = {k}$"
            source = f"{label}a + {label}c"
            slips = [(f"{label}c - {label}a", "took the indices away the wrong way round"),
                     (f"{label}a - {label}c", "lost the negative sign of the answer's index")]  # fmt: skip
        else:
            k = rng.randint(2, 5)
            ca = rng.randint(2, 3) if k <= 3 else 2
            total = a * k
            q.given(f"{label}a", a)
            q.given(f"{label}c", total)
            shown = f"({ca}x^{{{a}}})^{{k}} = {ca**k}x^{{{total}}}"
            step = f"Multiply the indices: ${a}k = {total}$, so $k = {k}$"
            source = f"{label}c/{label}a"
            slips = [(f"{label}c - {label}a", "added the indices instead of multiplying them")]
        part = q.part(
            label,
            f"Find the value of $k$.\n\n${shown}$",
            marks=1,
            command="Work out",
        )
        part.step(step, source)
        part.answer(source)
        part.mark("B", f"$k = {k}$", value=source, qualifiers=["cao"])
        for slip, error in slips:
            misconception(part, Misconception(error, slip))

    # --- the form ax^n ----------------------------------------------------------------------------

    @staticmethod
    def _form(q: QuestionBuilder, rng: random.Random, label: str, fractional: bool) -> None:
        c = rng.randint(2, 9)
        if fractional:
            whole = rng.randint(0, 2)
            n = -(whole + Rational(1, 2))
            bottom = ("" if whole == 0 else _power("x", whole)) + "\\sqrt{x}"
        else:
            m = rng.randint(2, 5)
            n = Rational(-m)
            bottom = _power("x", m)
        q.given(f"{label}c", c)
        part = q.part(
            label,
            f"Write $\\frac{{{c}}}{{{bottom}}}$ in the form $ax^n$.",
            marks=2,
            command="Write",
        )
        if fractional:
            part.step(
                f"${bottom} = {_power('x', -n)}$, so $\\frac{{1}}{{{bottom}}} = {_power('x', n)}$"
            )
        else:
            part.step(f"$\\frac{{1}}{{{bottom}}} = {_power('x', n)}$")
        part.step(f"$\\frac{{{c}}}{{{bottom}}} = {c}{_power('x', n)}$", c * sym("x") ** n)
        part.answer(f"{label}c", label="a")
        part.answer(n, label="n", plain=frac_plain(n), latex=frac(n))
        part.mark("B", f"$a = {c}$", value=f"{label}c")
        part.mark("B", f"$n = {frac(n)}$", value=n)
        wrong(part, f"{c}, {frac_plain(-n)}", "left the index positive")
        wrong(
            part,
            f"1/{c}, {frac_plain(-n)}",
            f"moved the ${c}$ to the bottom as well",
            latex=f"\\frac{{1}}{{{c}}}, {frac(-n)}",
        )

    # --- unknowns in a power of a bracket ---------------------------------------------------------

    @staticmethod
    def _bracket(q: QuestionBuilder, rng: random.Random, label: str, fractional: bool) -> None:
        """(c x^m y^u)^k = A x^a y^b with a and u unknown: find a and u."""
        if fractional:
            k = Rational(rng.choice([1, 3]), 2)
            c = rng.choice([4, 9, 16, 25])
            m = 2 * rng.randint(1, 4)
            u = 2 * rng.randint(1, 4)
            bracket_power = frac(k)
        else:
            k = Rational(rng.randint(2, 4))
            c = rng.randint(2, 5) if k < 4 else rng.randint(2, 3)
            m, u = rng.randint(2, 6), rng.randint(2, 6)
            bracket_power = str(k)
        big = Rational(c) ** k
        a, b = m * k, u * k
        q.given(f"{label}m", m)
        q.given(f"{label}b", b)
        q.given(f"{label}k", k, display=bracket_power)
        q.given(f"{label}c", c)
        part = q.part(
            label,
            f"$({c}x^{{{m}}}y^{{u}})^{{{bracket_power}}} = {frac(big)}x^{{a}}y^{{{frac(b)}}}$\n\n"
            "Find the value of $a$ and the value of $u$.",
            marks=2,
            command="Work out",
        )
        part.step(f"$a = {m} \\times {bracket_power} = {frac(a)}$", f"{label}m*{label}k")
        part.step(f"${bracket_power}u = {frac(b)}$, so $u = {frac(u)}$", f"{label}b/{label}k")
        part.answer(f"{label}m*{label}k", label="a")
        part.answer(f"{label}b/{label}k", label="u")
        part.mark("B", f"$a = {frac(a)}$", value=f"{label}m*{label}k")
        part.mark("B", f"$u = {frac(u)}$", value=f"{label}b/{label}k")
        added_a, added_u = m + k, b - k
        if added_a != a and added_u != u:
            wrong(
                part,
                f"{frac_plain(added_a)}, {frac_plain(added_u)}",
                "added the indices instead of multiplying them",
                latex=f"{frac(added_a)}, {frac(added_u)}",
            )

    # --- in terms of p = 2^x ---------------------------------------------------------------------

    @staticmethod
    def _in_p(q: QuestionBuilder, rng: random.Random, label: str, kind: str) -> None:
        if kind == "shift":
            s = rng.choice([1, 2, 3, 4, -1, -2])
            shown = f"2^{{x {'+' if s > 0 else '-'} {abs(s)}}}"
            result = Rational(2) ** s * p
            steps = [f"${shown} = 2^x \\times 2^{{{s}}} = {tex(result)}$"]
            slips = [
                (
                    p + 2**s if s > 0 else p - Rational(2) ** s,
                    f"added $2^{{{s}}}$ instead of multiplying",
                ),
                (p + s, f"added ${s}$ to $p$"),
            ]
        elif kind == "base":
            base, power = rng.choice([(4, 2), (8, 3), (16, 4)])
            s = rng.choice([0, 1])
            shown = f"{base}^x" if s == 0 else f"{base}^{{x + 1}}"
            result = base**s * p**power
            steps = [
                f"${base}^x = (2^{{{power}}})^x = (2^x)^{{{power}}} = p^{{{power}}}$",
                *([f"${shown} = {base} \\times {base}^x = {tex(result)}$"] if s else []),
            ]
            slips = [(power * p * base**s, f"wrote $(2^x)^{{{power}}}$ as ${power}p$")]
        else:
            base, power = rng.choice([(4, 2), (8, 3)])
            s = rng.choice([1, 2, 3])
            shown = f"\\frac{{{base}^x}}{{2^{{x + {s}}}}}"
            result = p ** (power - 1) / 2**s
            steps = [
                f"${base}^x = p^{{{power}}}$ and $2^{{x + {s}}} = {2**s}p$",
                f"${shown} = \\frac{{p^{{{power}}}}}{{{2**s}p}} = {tex(result)}$",
            ]
            slips = [(p ** (power - 1) * 2**s, f"multiplied by $2^{{{s}}}$ instead of dividing")]
        part = q.part(
            label,
            f"Write ${shown}$ in terms of $p$.",
            marks=1 if kind == "shift" else 2,
            command="Write",
        )
        for step in steps[:-1]:
            part.step(step, p**power)
        part.step(steps[-1], result)
        part.answer(result, kind=AnswerKind.EXPRESSION, latex=tex(result), plain=txt(result))
        if kind == "shift":
            part.mark("B", f"${tex(result)}$", value=result, qualifiers=["oe"])
        else:
            part.mark("M", f"${base}^x = p^{{{power}}}$ seen", value=p**power)
            part.mark("A", f"${tex(result)}$", value=result, qualifiers=["oe"])
        for slip, error in slips:
            if sympy.simplify(slip - result) != 0:
                wrong_expression(part, sympy.expand(slip), error)
