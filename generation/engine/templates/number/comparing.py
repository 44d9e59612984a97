"""Comparing quantities (syllabus 1.5), the other way from ordering one list of numbers: the
symbol =, < or > between two numbers written in different forms, quantities in mixed units put
in order, and a worded comparison (whose test result is best) decided in one common form."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from sympy import Rational, sqrt

from generation.engine.authoring import wrong
from generation.engine.authoring.text import frac, mixed, names, number
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier

# A pair to compare: (left latex, left value, right latex, right value, [(symbol, error)]).
_Pair = tuple[str, Any, str, Any, list[tuple[str, str]]]


def _symbol(left: Any, right: Any) -> str:
    return "=" if left == right else ("<" if left < right else ">")


def _other(symbol: str) -> str:
    return ">" if symbol == "<" else "<"


def _negatives(rng: random.Random) -> _Pair:
    a, b = rng.sample(range(-15, 0), 2)
    return (
        str(a),
        a,
        str(b),
        b,
        [(_other(_symbol(a, b)), "compared the numbers ignoring the negative signs")],
    )


def _decimals(rng: random.Random) -> _Pair:
    """0.7 and 0.65: the decimal with more digits is the smaller."""
    tenths = Rational(rng.randint(3, 9), 10)
    hundredths = tenths - Rational(rng.choice([k for k in range(1, 10) if k != 5]), 100)
    pair = [(number(tenths), tenths), (number(hundredths), hundredths)]
    rng.shuffle(pair)
    (ll, lv), (rl, rv) = pair
    return (
        ll,
        lv,
        rl,
        rv,
        [(_other(_symbol(lv, rv)), "thought the decimal with more digits is larger")],
    )


def _percentage(rng: random.Random) -> _Pair:
    """3/8 and 37.5%: equal, or a little apart."""
    b = rng.choice([4, 5, 8, 20, 25, 40])
    a = rng.choice([n for n in range(1, b) if Rational(n, b).q == b])
    value = Rational(a, b)
    percent = value * 100 + rng.choice([0, 0, -1, 1])
    left, right = value, percent / 100
    shown = f"{number(percent)}\\%"
    errors = []
    if percent > 1:  # compared the fraction with the percentage's number, not divided by 100
        errors.append(
            ("<", "compared the fraction with the number of the percentage, not divided by 100")
        )
    return frac(value), left, shown, right, [e for e in errors if e[0] != _symbol(left, right)]


def _square(rng: random.Random) -> _Pair:
    """0.3^2 and 0.09 (equal), or 0.3^2 and 0.6 (0.3 doubled)."""
    k = rng.randint(2, 4)
    base = Rational(k, 10)
    if rng.random() < 0.5:
        right = base**2
        errors = [
            (
                ">",
                f"squared the digit and kept one decimal place (${number(base)}^2 = {number(Rational(k * k, 10))}$)",
            )
        ]
    else:
        right = 2 * base
        errors = [("=", f"doubled ${number(base)}$ instead of squaring it")]
    return f"{number(base)}^2", base**2, number(right), right, errors


def _root(rng: random.Random) -> _Pair:
    """sqrt(50) and 7: compare 7^2 with 50."""
    m = rng.randint(4, 12)
    n = m * m + rng.choice([k for k in range(-m + 1, m + 1) if k != 0])
    errors = []
    if _symbol(Rational(n, 2), m) not in ("=", _symbol(sqrt(n), m)):
        errors.append(
            (_symbol(Rational(n, 2), m), "halved the number instead of taking the square root")
        )
    return f"\\sqrt{{{n}}}", sqrt(n), str(m), m, errors


def _recurring(rng: random.Random) -> _Pair:
    """1/3 and 0.33: a recurring decimal is not its rounded value."""
    value = rng.choice(
        [
            Rational(1, 3),
            Rational(2, 3),
            Rational(1, 6),
            Rational(5, 6),
            Rational(1, 9),
            Rational(2, 9),
            Rational(4, 9),
        ]
    )
    places = rng.choice([2, 2, 3])
    cut = Rational(int(value * 10**places), 10**places)
    near = cut if rng.random() < 0.5 else cut + Rational(1, 10**places)
    return (
        frac(value),
        value,
        number(near),
        near,
        [("=", "treated the rounded decimal as exactly equal to the fraction")],
    )


_PAIRS: dict[int, list[Callable[[random.Random], _Pair]]] = {
    1: [_negatives, _decimals],
    2: [_percentage, _square],
    3: [_root, _recurring],
}

# Quantities in mixed units: (name, small unit, large unit, small units in one large).
_UNITS = [
    ("masses", "g", "kg", 1000),
    ("lengths", "m", "km", 1000),
    ("capacities", "ml", "litres", 1000),
    ("lengths", "cm", "m", 100),
]


@register
class Comparing(Template):
    key = "number.comparing"
    title = "Comparing quantities: the symbols =, < and >, mixed units and which is best"
    codes = {Tier.CORE: ("C1.5",), Tier.EXTENDED: ("E1.5",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Comparing quantities"
        plan = {
            1: [("symbol", 1), ("symbol", 1), ("units", 3)],
            2: [("symbol", 1), ("symbol", 2), ("best", 3)],
            3: [("symbol", 2), ("units", 4), ("best", 3)],
            4: [("symbol", 2), ("symbol", 3), ("units", 4), ("best", 4)],
            5: [("symbol", 2), ("symbol", 3), ("symbol", 3), ("units", 5), ("best", 4)],
        }[difficulty]
        labels = iter("abcde")
        used: set[str] = set()
        for kind, size in plan:
            label = next(labels)
            q.param(label, f"{kind}{size}")
            if kind == "symbol":
                maker = rng.choice([m for m in _PAIRS[size] if m.__name__ not in used])
                used.add(maker.__name__)
                q.param(f"{label}_pair", maker.__name__.strip("_"))
                self._symbol(q, label, maker(rng))
            elif kind == "units":
                self._units(q, rng, label, size)
            else:
                self._best(q, rng, label, size)

    @staticmethod
    def _symbol(q: QuestionBuilder, label: str, pair: _Pair) -> None:
        left_latex, left, right_latex, right, errors = pair
        q.given(f"{label}l", left, display=left_latex)
        q.given(f"{label}r", right, display=right_latex)
        symbol = _symbol(left, right)
        part = q.part(
            label,
            "Write the correct symbol, $=$, $<$ or $>$, in the space.\n\n"
            f"${left_latex} \\quad \\ldots\\ldots \\quad {right_latex}$",
            marks=1,
            command="Write",
        )
        if left_latex.startswith("\\sqrt"):
            square = int(right) ** 2
            part.step(
                f"${right_latex}^2 = {square}$, so ${right_latex} = \\sqrt{{{square}}}$",
                f"{label}r**2",
            )
        elif left_latex.endswith("^2"):
            base = left_latex.removesuffix("^2")
            part.step(f"${left_latex} = {base} \\times {base} = {number(left)}$", f"{label}l")
        elif "\\frac" in left_latex:
            part.step(f"${left_latex} = {_decimal(left)}$", f"{label}l")
        if not (part.steps and part.steps[-1].text.endswith(f"= {right_latex}$")):
            part.step(f"${left_latex} {symbol} {right_latex}$")
        part.answer(kind="text", plain=symbol, latex=symbol)
        part.mark("B", f"${left_latex} {symbol} {right_latex}$", qualifiers=["cao"])
        for bad, error in errors:
            if bad != symbol:
                wrong(part, bad, error)

    @staticmethod
    def _units(q: QuestionBuilder, rng: random.Random, label: str, count: int) -> None:
        """Quantities near one size, some in the large unit (a decimal or a mixed number), some
        in the small; the order by the numbers as written is not the order by size."""
        name, small, large, per = rng.choice(_UNITS)
        for _ in range(200):
            centre = rng.randint(2, 9) * per // 4 + per
            step = per // 100 if per == 1000 else 1
            sizes = sorted(
                rng.sample(range(centre - 40 * step, centre + 41 * step, step * 5), count)
            )
            forms = [rng.choice(["large", "small"]) for _ in sizes]
            if count >= 4:
                forms[rng.randrange(count)] = "mixed"
            shown = []
            for size, form in zip(sizes, forms, strict=True):
                value = Rational(size, per)
                if form == "mixed" and value.q not in (2, 4, 5, 8) or value.is_integer:
                    form = "large"
                if form == "small":
                    shown.append((size, number(size), small))
                elif form == "mixed":
                    shown.append((size, mixed(value), large))
                else:
                    shown.append((size, number(value), large))
            as_written = sorted(shown, key=lambda s: Rational(s[0], per) if s[2] == large else s[0])
            units_used = {s[2] for s in shown}
            if len(units_used) == 2 and as_written != shown:
                break
        else:
            raise Reject("no mixed-unit list whose written order differs")
        order = list(shown)
        rng.shuffle(order)
        for i, (size, written, unit) in enumerate(order):
            value = size if unit == small else Rational(size, per)
            q.given(f"{label}{i + 1}", value, display=written, unit=unit)

        def listed(items: list[tuple[int, str, str]], sep: str) -> str:
            return sep.join(f"{s} \\text{{ {u}}}" for _, s, u in items)

        question_list = listed(order, " \\qquad ")
        part = q.part(
            label,
            f"Write these {name} in order of size, starting with the smallest.\n\n${question_list}$",
            marks=2,
            command="Write",
        )
        converted = ", ".join(
            f"${s} \\text{{ {u}}} = {number(size)} \\text{{ {small}}}$"
            for size, s, u in order
            if u == large
        )
        first_large = next(i for i, item in enumerate(order) if item[2] == large)
        part.step(f"Change each to {small}: {converted}", f"{label}{first_large + 1}*{per}")
        latex = listed(shown, ", \\; ")
        part.step(f"${latex}$")
        part.answer(kind="text", plain=_plain_list(shown), latex=latex)
        part.mark(
            "B",
            f"${latex}$",
            2,
            partial=[
                "B1 for all changed to the same unit, or for all but one in the correct order"
            ],
        )
        wrong(
            part,
            _plain_list(as_written),
            "ordered the numbers as written, ignoring the units",
            latex=listed(as_written, ", \\; "),
        )
        reversed_ = shown[::-1]
        wrong(
            part, _plain_list(reversed_), "put the largest first", latex=listed(reversed_, ", \\; ")
        )

    @staticmethod
    def _best(q: QuestionBuilder, rng: random.Random, label: str, count: int) -> None:
        """Test results out of different totals and one percentage (a fraction at the higher
        level): the best is found by writing each as a percentage, and is not the highest mark."""
        people = names(rng, count)
        for _ in range(500):
            totals = rng.sample([20, 25, 40, 50, 60, 80], count - 1)
            marks = [rng.randint(t * 3 // 5, t - 1) for t in totals]
            percents = [Rational(100 * m, t) for m, t in zip(marks, totals, strict=True)]
            last = Rational(rng.randint(60, 95))
            percents.append(last)
            if count >= 4 and (last / 100).q > 50:  # 93/100 of the marks is a percentage
                continue
            if any(p.q != 1 and p.q != 2 for p in percents) or len(set(percents)) < count:
                continue
            best = percents.index(max(percents))
            raw = marks.index(max(marks))
            top = sorted(percents)
            if best != raw and top[-1] - top[-2] <= 5:
                break
        else:
            raise Reject("no set of results where the highest mark is not the best")
        lines = []
        for i, (who, m, t) in enumerate(zip(people[:-1], marks, totals, strict=True)):
            q.given(f"{label}m{i}", m)
            q.given(f"{label}t{i}", t)
            lines.append(f"{who} scored ${m}$ out of ${t}$.")
        if count >= 4:
            fraction_of = last / 100
            q.given(f"{label}f", fraction_of, display=frac(fraction_of))
            lines.append(f"{people[-1]} scored ${frac(fraction_of)}$ of the marks.")
        else:
            q.given(f"{label}p", last, display=f"{number(last)}\\%")
            lines.append(f"{people[-1]} scored ${number(last)}\\%$.")
        part = q.part(
            label,
            "Some students took different tests.\n\n"
            + "\n\n".join(lines)
            + "\n\nDetermine who did best. Show how you decide.",
            marks=3 if count >= 4 else 2,
            command="Determine",
        )
        # Each result a step of its own: with four students two M marks, one for two of them
        # written as percentages, one for all.
        for i, (m, t, p) in enumerate(zip(marks, totals, percents[:-1], strict=True)):
            part.step(
                f"${frac_text(m, t)} \\times 100 = {number(p)}\\%$", f"100*{label}m{i}/{label}t{i}"
            )
        if count >= 4:
            part.step(f"${frac(last / 100)} \\times 100 = {number(last)}\\%$", f"{label}f*100")
        part.step(f"{people[best]} did best with ${number(max(percents))}\\%$")
        part.answer(kind="text", plain=people[best], latex=f"\\text{{{people[best]}}}")
        if count >= 4:
            part.mark("M", "two results written as percentages", value=f"100*{label}m0/{label}t0")
            part.mark(
                "M",
                "all four written as percentages (or all as decimals)",
                value=f"100*{label}m1/{label}t1",
            )
        else:
            part.mark(
                "M",
                "all results written as percentages (or all as decimals or fractions with a "
                "common denominator)",
                value=f"100*{label}m0/{label}t0",
            )
        part.mark("A", f"{people[best]} with ${number(max(percents))}\\%$", qualifiers=["cao"])
        wrong(part, people[raw], "chose the highest mark without taking the totals into account")


def _decimal(value: object) -> str:
    """A fraction as a decimal: exact when it terminates, else its first four places and dots."""
    v = Rational(value)
    d = v.q
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        return number(v)
    return number(Rational(int(v * 10**4), 10**4)) + "\\ldots"


def _plain_list(items: list[tuple[int, str, str]]) -> str:
    return ", ".join(f"{_plain(s)} {u}" for _, s, u in items)


def _plain(latex: str) -> str:
    """1\\frac{1}{4} as 1 1/4; plain numbers unchanged (thin spaces removed)."""
    if "\\frac" in latex:
        whole, rest = latex.split("\\frac", 1)
        top, bottom = rest.strip("{}").split("}{")
        return f"{whole} {top}/{bottom}".strip()
    return latex.replace("\\,", "")


def frac_text(top: int, bottom: int) -> str:
    """A score as printed, not cancelled: 42 out of 50 is \\frac{42}{50}."""
    return f"\\frac{{{top}}}{{{bottom}}}"
