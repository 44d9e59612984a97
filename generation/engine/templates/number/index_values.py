"""Indices I (1.7) evaluated: the value of a product, quotient or power of powers (2^-3 x 2^4,
(2^3)^2, 2^3 / 2^4), of a sum of zero and negative powers, of fractional powers multiplied
(Extended), and numbers written with indices put in order. ``number.indices`` finds a missing
index; here the candidate finds a number."""

from __future__ import annotations

import random
import re

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.text import frac, number
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _power(base: object, index: object) -> str:
    """A power as printed: 2^{-3}, 8^{\\frac{2}{3}}, \\left(\\frac{1}{2}\\right)^{2}."""
    b = Rational(base)
    shown = f"\\left({frac(b)}\\right)" if b.q != 1 else str(b)
    return f"{shown}^{{{frac(index)}}}"


@register
class IndexValues(Template):
    key = "number.index_values"
    title = "Indices: the value of products, quotients and sums of powers; ordering powers"
    codes = {Tier.CORE: ("C1.7",), Tier.EXTENDED: ("E1.7",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Values of indices"
        extended = q.tier == Tier.EXTENDED
        plan = {
            1: ["product", "order4"],
            2: ["quotient", "power", "order4"],
            3: ["combined", "fractional" if extended else "sum2", "order5"],
            4: ["combined", "sum3", "order5"],
            5: ["fractional" if extended else "quotient", "combined", "sum3", "order5"],
        }[difficulty]
        labels = iter("abcd")
        for kind in plan:
            label = next(labels)
            q.param(label, kind)
            if kind.startswith("order"):
                self._order(q, rng, label, int(kind[-1]), extended)
            elif kind.startswith("sum"):
                self._sum(q, rng, label, int(kind[-1]))
            elif kind == "fractional":
                self._fractional(q, rng, label)
            else:
                self._law(q, rng, label, kind)

    @staticmethod
    def _law(q: QuestionBuilder, rng: random.Random, label: str, kind: str) -> None:
        """One base, the laws of indices, a small power or its reciprocal as the answer."""
        base = rng.choice([2, 3, 5, 10]) if kind != "power" else rng.choice([2, 3])
        b = f"{label}b"
        q.given(b, base)
        if kind == "product":  # b^-m x b^n
            m = rng.randint(2, 6)
            n = rng.choice(
                [k for k in range(2, 9) if k - m != 1 and 1 <= abs(k - m) <= (3 if base < 5 else 2)]
            )
            q.given(f"{label}m", -m)
            q.given(f"{label}n", n)
            shown = f"{_power(base, -m)} \\times {_power(base, n)}"
            index = Working(q, f"{label}m + {label}n")
            rule = f"Add the indices: ${-m} + {n} = {n - m}$"
            slips = [("multiplied the indices instead of adding them", f"{label}m*{label}n")]
            bases = f"({b}*{b})**({label}m + {label}n)"
        elif kind == "quotient":  # b^m / b^n with n > m
            m = rng.randint(2, 7)
            n = m + rng.randint(1, 3 if base < 5 else 2)
            q.given(f"{label}m", m)
            q.given(f"{label}n", n)
            shown = f"{_power(base, m)} \\div {_power(base, n)}"
            index = Working(q, f"{label}m - {label}n")
            rule = f"Subtract the indices: ${m} - {n} = {m - n}$"
            slips = [("took the indices away the wrong way round", f"{label}n - {label}m")]
            bases = None
        elif kind == "power":  # (b^m)^n
            m, n = rng.choice([(2, 2), (3, 2), (2, 3)]) if base == 2 else (rng.choice([(2, 2)]))
            q.given(f"{label}m", m)
            q.given(f"{label}n", n)
            shown = f"\\left({_power(base, m)}\\right)^{{{n}}}"
            index = Working(q, f"{label}m*{label}n")
            rule = f"Multiply the indices: ${m} \\times {n} = {m * n}$"
            slips = [("added the indices instead of multiplying them", f"{label}m + {label}n")]
            bases = None
        else:  # b^m x b^n / b^k, the result a small power or its reciprocal
            for _ in range(100):
                m, n = rng.randint(2, 6), rng.randint(-4, 5)
                k = m + n - rng.choice([-2, -1, 2] if base < 5 else [-1, 2])
                if n not in (0, 1) and k > 1 and k not in (m, n):
                    break
            else:
                raise Reject("no combined powers")
            q.given(f"{label}m", m)
            q.given(f"{label}n", n)
            q.given(f"{label}k", k)
            shown = f"\\frac{{{_power(base, m)} \\times {_power(base, n)}}}{{{_power(base, k)}}}"
            index = Working(q, f"{label}m + {label}n - {label}k")
            rule = f"${m} + {frac(n) if n > 0 else f'({n})'} - {k} = {m + n - k}$"
            slips = []
            if abs(m * n - k) <= 4 and m * n - k != m + n - k:
                slips.append(
                    ("multiplied the indices in the numerator", f"{label}m*{label}n - {label}k")
                )
            bases = None
        part = q.part(label, f"Find the value of ${shown}$.", marks=2, command="Work out")
        power = _power(base, index.value)
        method(part, index, f"${power}$ seen", step=f"{rule}, so ${shown} = {power}$")
        value = Working(q, f"{b}**({index.machine})")
        final(part, value, step=f"${power} = {value.latex}$", qualifiers=["oe"])
        for error, slip in slips:
            misconception(part, Misconception(error, f"{b}**({slip})", (slip,)))
        if bases is not None:
            misconception(
                part, Misconception("multiplied the bases as well", bases, (index.machine,))
            )
        if index.value < 0:
            misconception(
                part,
                Misconception(
                    "wrote a negative index as a negative number",
                    f"-{b}**(-({index.machine}))",
                    (index.machine,),
                ),
            )

    @staticmethod
    def _sum(q: QuestionBuilder, rng: random.Random, label: str, terms: int) -> None:
        """b^0 + b^-1 (+ b^-2): each term's value, then the sum as a fraction."""
        base = rng.choice([2, 3, 4, 5, 10] if terms == 2 else [2, 3, 4, 5])
        b = q.given(f"{label}b", base)
        powers = [0, -1] if terms == 2 else rng.choice([[0, -1, -2], [1, -1, -2], [-1, -2, 0]])
        shown = " + ".join(_power(b, e) for e in powers)
        # Two terms: M1 for the reciprocal; three: M1 for each negative power's value.
        part = q.part(label, f"Find the value of ${shown}$.", marks=terms, command="Work out")
        credited = [-1] if terms == 2 else [-1, -2]
        for e in powers:
            line = f"${_power(b, e)} = {frac(Rational(b) ** e)}$"
            if e in credited:
                value = Working(q, f"{label}b**({e})")
                method(part, value, f"${value.latex}$ seen", step=line)
            else:
                part.step(line, f"{label}b**({e})")
        reciprocal = Working(q, f"{label}b**(-1)")
        total = Working(q, " + ".join(f"{label}b**({e})" for e in powers))
        final(
            part,
            total,
            step=f"${' + '.join(frac(Rational(b) ** e) for e in powers)} = {total.latex}$",
            qualifiers=["oe"],
        )
        if 0 in powers:
            others = " + ".join(f"{label}b**({e})" for e in powers if e != 0)
            misconception(
                part,
                Misconception("took the power 0 as 0", others, (reciprocal.machine,)),
            )
        negative = " + ".join(
            f"(-{label}b**({-e}))" if e < 0 else f"{label}b**({e})" for e in powers
        )
        misconception(part, Misconception("wrote a negative index as a negative number", negative))

    @staticmethod
    def _fractional(q: QuestionBuilder, rng: random.Random, label: str) -> None:
        """27^(2/3) x 9^(-1/2): each a root then a power, then the product (Extended)."""
        for _ in range(100):
            r1, k1 = rng.choice([(2, 3), (3, 3), (4, 3), (2, 2), (3, 2), (5, 2), (2, 4), (2, 5)])
            p1 = rng.choice([p for p in (1, 2, 3) if p % k1 and p < 4])
            r2, k2 = rng.choice([(2, 2), (3, 2), (4, 2), (5, 2), (2, 3), (3, 3)])
            a, c = r1**k1, r2**k2
            first, second = Rational(r1) ** p1, Rational(1, r2)
            value = first * second
            if a != c and value != 1 and value.q <= 25 and value.p <= 64:
                break
        else:
            raise Reject("no fractional product")
        q.given(f"{label}a", a)
        q.given(f"{label}c", c)
        e1, e2 = Rational(p1, k1), Rational(-1, k2)
        shown = f"{_power(a, e1)} \\times {_power(c, e2)}"
        part = q.part(label, f"Find the value of ${shown}$.", marks=2, command="Work out")
        one = Working(q, f"{label}a**({p1}/{k1})")
        two = Working(q, f"{label}c**(-1/{k2})")
        part.step(
            f"${_power(a, e1)} = {'(' if p1 > 1 else ''}{_root(a, k1)}"
            f"{f')^{{{p1}}}' if p1 > 1 else ''} = {one.latex}$",
            one.machine,
        )
        method(
            part,
            two,
            f"${one.latex}$ or ${two.latex}$ seen",
            step=f"${_power(c, e2)} = \\frac{{1}}{{{_root(c, k2)}}} = {two.latex}$",
        )
        product = Working(q, f"{label}a**({p1}/{k1})*{label}c**(-1/{k2})")
        final(
            part,
            product,
            step=f"${one.latex} \\times {two.latex} = {product.latex}$",
            qualifiers=["oe"],
        )
        misconception(
            part,
            Misconception(
                "made the answer negative instead of taking the reciprocal",
                f"-{label}a**({p1}/{k1})*{label}c**(1/{k2})",
                (one.machine,),
            ),
        )
        misconception(
            part,
            Misconception(
                "ignored the negative sign of the second index",
                f"{label}a**({p1}/{k1})*{label}c**(1/{k2})",
                (one.machine,),
            ),
        )

    @staticmethod
    def _order(
        q: QuestionBuilder, rng: random.Random, label: str, count: int, extended: bool
    ) -> None:
        """Powers (negative, zero, fractional when Extended) and a decimal, in order of size."""
        pool: list[tuple[int | Rational, Rational]] = [
            (2, Rational(-1)), (2, Rational(-2)), (2, Rational(-3)), (3, Rational(-1)), (3, Rational(-2)),
            (5, Rational(-1)), (10, Rational(-1)), (4, Rational(-1)), (5, Rational(0)), (7, Rational(0)),
            (Rational(1, 2), Rational(-1)), (Rational(1, 3), Rational(-1)),
        ]  # fmt: skip
        if extended:
            pool += [(4, Rational(1, 2)), (8, Rational(-1, 3)), (9, Rational(-1, 2)),
                     (27, Rational(-1, 3)), (16, Rational(-1, 4)), (8, Rational(2, 3))]  # fmt: skip
        for _ in range(200):
            items = rng.sample(pool, count - 1)
            decimal = Rational(rng.randint(11, 45), 100)
            values = [Rational(b) ** e for b, e in items] + [decimal]
            negatives = sum(1 for _, e in items if e < 0)
            if (
                len(set(values)) == count
                and negatives >= 2
                and sum(1 for v in values if v > 1) <= 1
            ):
                break
        else:
            raise Reject("no list of distinct powers")
        entries = [(_power(b, e), Rational(b) ** e) for b, e in items] + [
            (number(decimal), decimal)
        ]
        rng.shuffle(entries)
        for i, (latex, value) in enumerate(entries):
            q.given(f"{label}{i + 1}", value, display=latex)
        part = q.part(
            label,
            "Write these numbers in order of size, starting with the smallest.\n\n$"
            + " \\qquad ".join(latex for latex, _ in entries)
            + "$",
            marks=2,
            command="Write",
        )
        part.step(
            "Write each as a whole number or a fraction: "
            + ", ".join(f"${lx} = {frac(v)}$" for lx, v in entries if lx != number(v))
        )
        ordered = sorted(entries, key=lambda e: e[1])
        latex = ", \\; ".join(lx for lx, _ in ordered)
        plain = ", ".join(_plain(lx) for lx, _ in ordered)
        part.step(f"${latex}$")
        part.answer(kind="text", plain=plain, latex=latex)
        part.mark(
            "B",
            f"${latex}$",
            2,
            partial=["B1 for all but one in the correct order, or for three values correct"],
        )

        # A negative index read as a negative number: 2^-3 as -8.
        def misread(entry: tuple[str, Rational]) -> Rational:
            lx, v = entry
            if "^{-" in lx:
                return -1 / v
            return v

        misordered = sorted(entries, key=misread)
        if misordered != ordered:
            wrong(
                part,
                ", ".join(_plain(lx) for lx, _ in misordered),
                "read a negative index as a negative number",
                latex=", \\; ".join(lx for lx, _ in misordered),
            )


def _plain(latex: str) -> str:
    """2^{-3} as 2^-3, 8^{\\frac{2}{3}} as 8^(2/3), \\left(\\frac{1}{2}\\right)^{-1} as (1/2)^-1."""
    text = re.sub(r"\^\{(-?)\\frac\{(\d+)\}\{(\d+)\}\}", r"^(\1\2/\3)", latex)
    text = re.sub(r"\\left\(\\frac\{(\d+)\}\{(\d+)\}\\right\)", r"(\1/\2)", text)
    return re.sub(r"\^\{(-?\d+)\}", r"^\1", text)


def _root(value: int, k: int) -> str:
    return f"\\sqrt{{{value}}}" if k == 2 else f"\\sqrt[{k}]{{{value}}}"
