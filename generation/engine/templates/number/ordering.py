"""Ordering numbers: negative numbers, fractions, decimals and percentages (syllabus 1.5)."""

from __future__ import annotations

import random

from sympy import Rational, gcd

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import frac, frac_plain
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


# ---------------------------------------------------------------------------------------------
# 1.5 Ordering: temperatures (negative numbers) and mixed fractions, decimals and percentages.

_CITIES = [
    "Moscow",
    "Oslo",
    "Cairo",
    "London",
    "Toronto",
    "Beijing",
    "Madrid",
    "Ottawa",
    "Helsinki",
    "Tokyo",
    "Reykjavik",
    "Warsaw",
]


def _ordered_text(shows: list[tuple[str, str]]) -> tuple[str, str]:
    """``(plain, latex)`` of a list of (plain, latex) items, comma separated."""
    return ", ".join(p for p, _ in shows), ", \\; ".join(latex for _, latex in shows)


@register
class Ordering(Template):
    key = "number.ordering"
    title = "Ordering numbers"
    codes = {Tier.CORE: ("C1.5",), Tier.EXTENDED: ("E1.5",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty <= 2:
            self._temperatures(q, rng, difficulty)
        else:
            self._mixed_forms(q, rng, difficulty)

    def _temperatures(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        count = 5 if difficulty == 1 else 6
        spread = 12 if difficulty == 1 else 20
        temps = rng.sample(range(-spread, spread // 2 + 4), count)
        if sum(t < 0 for t in temps) < 2:
            temps[0], temps[1] = -abs(temps[0]) - 1, -abs(temps[1]) - 2
            if len(set(temps)) < count:
                temps = [-7, -2, 0, 4, 9, -11][:count]
        cities = rng.sample(_CITIES, count)
        q.title = "Ordering temperatures"
        rows = []
        for i, (city, t) in enumerate(zip(cities, temps, strict=True)):
            q.given(f"t{i + 1}", t)
            rows.append(f"{city}: ${t}$ °C")
        q.stem = "The temperatures at midnight in some cities are shown below.\n\n" + "\n\n".join(
            rows
        )
        ordered = sorted(temps)
        plain, latex = _ordered_text([(str(t), str(t)) for t in ordered])
        part = q.part(
            "a",
            "Write the temperatures in order, starting with the lowest.",
            marks=1,
            command="Write",
        )
        part.step(f"${latex}$")
        part.answer(kind="text", plain=plain, latex=latex)
        part.mark("B", f"${latex}$", qualifiers=["cao"])
        by_size = sorted(temps, key=abs)
        wrong_plain, wrong_latex = _ordered_text([(str(t), str(t)) for t in by_size])
        if by_size != ordered:
            wrong(
                part,
                wrong_plain,
                "ordered the numbers by size ignoring the negative signs",
                latex=wrong_latex,
            )

        high, low = max(temps), min(temps)
        hi_name = f"t{temps.index(high) + 1}"
        lo_name = f"t{temps.index(low) + 1}"
        part = q.part(
            "b",
            "Work out the difference between the highest and the lowest temperature.",
            marks=1,
            command="Work out",
        )
        part.step(f"${high} - ({low}) = {high - low}$", f"{hi_name} - {lo_name}")
        part.answer(f"{hi_name} - {lo_name}", unit="°C")
        part.mark("B", f"${high - low}$", value=f"{hi_name} - {lo_name}", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "added the lowest temperature instead of subtracting it",
                high + low,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )

        k = rng.randrange(count)
        t = temps[k]
        change = rng.randint(4, 15)
        rises = difficulty == 1 or rng.random() < 0.5
        q.given("r", change)
        sign = "+" if rises else "-"
        verb = "risen" if rises else "fallen"
        part = q.part(
            "c",
            f"By 06 00 the temperature in {cities[k]} had {verb} by ${change}$ °C.\n\n"
            f"Work out the temperature in {cities[k]} at 06 00.",
            marks=1,
            command="Work out",
        )
        new = t + change if rises else t - change
        part.step(f"${t} {sign} {change} = {new}$", f"t{k + 1} {sign} r")
        part.answer(f"t{k + 1} {sign} r", unit="°C")
        part.mark("B", f"${new}$", value=f"t{k + 1} {sign} r", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "moved the wrong way along the number line",
                t - change if rises else t + change,
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
        if t < 0 and rises:
            misconception(
                part,
                Misconception(
                    "added the numbers and kept the negative sign",
                    -(abs(t) + change),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )

    def _mixed_forms(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        kinds = {
            3: ["frac", "dp2", "dp1", "pct"],
            4: ["frac", "frac", "dp2", "dp3", "pct"],
            5: ["frac", "frac", "dp2", "pct", "power"],
        }[difficulty]
        for _ in range(200):
            centre = Rational(rng.randint(6, 15), 20)
            values: list[tuple[Rational, str, str]] = []
            for kind in kinds:
                item = _near(rng, kind, centre)
                if item is None or any(abs(item[0] - v) < Rational(3, 1000) for v, _, _ in values):
                    break
                values.append(item)
            if len(values) == len(kinds):
                break
        else:
            from generation.engine.base import Reject

            raise Reject("could not find numbers close together")
        rng.shuffle(values)
        q.title = "Ordering fractions, decimals and percentages"
        shows = []
        for i, (value, _, latex) in enumerate(values):
            q.given(f"n{i + 1}", value, display=latex)
            shows.append(latex)
        q.stem = ""
        ordered = sorted(values, key=lambda v: v[0])
        plain, latex = _ordered_text([(p, lx) for _, p, lx in ordered])
        part = q.part(
            "a",
            "Write these numbers in order of size, starting with the smallest.\n\n$"
            + " \\qquad ".join(shows)
            + "$",
            marks=2,
            command="Write",
        )
        conversions = [
            f"${lx} = {number(v)}$" if _terminates(v) else f"${lx} = {_truncated(v)}\\ldots$"
            for v, p, lx in values
            if not p.replace(".", "").isdigit()
        ]
        part.step("Write each number as a decimal: " + ", ".join(conversions))
        part.step(f"${latex}$")
        part.answer(kind="text", plain=plain, latex=latex)
        part.mark(
            "B",
            f"${latex}$",
            2,
            partial=["B1 for all but one in the correct order, or the correct order reversed"],
        )
        if difficulty >= 4:
            self._two_fractions(q, rng)
            return
        # (b) < or > between a non-terminating fraction and a close decimal.
        while True:
            b = rng.choice([3, 6, 7, 9, 11, 12])
            a = rng.choice([n for n in range(1, b) if gcd(n, b) == 1])
            fr = Rational(a, b)
            close = Rational(round(fr * 100) + rng.choice([-1, 0, 0, 1]), 100)
            if close != fr:
                break
        q.given("u", fr, display=frac(fr))
        q.given("v", close, display=number(close))
        symbol = "<" if fr < close else ">"
        part = q.part(
            "b",
            "Write the correct symbol, $<$ or $>$, between these two numbers.\n\n"
            f"${frac(fr)} \\quad \\ldots\\ldots \\quad {number(close)}$",
            marks=1,
            command="Write",
        )
        part.step(
            f"${frac(fr)} = {_truncated(fr)}\\ldots$, so ${frac(fr)} {symbol} {number(close)}$"
        )
        part.answer(kind="text", plain=symbol, latex=symbol)
        part.mark("B", f"${frac(fr)} {symbol} {number(close)}$", qualifiers=["cao"])
        other = ">" if symbol == "<" else "<"
        wrong(part, other, "rounded the fraction to 2 decimal places too early")

    def _two_fractions(self, q: QuestionBuilder, rng: random.Random) -> None:
        """(b) at higher difficulty: compare two close fractions, with working."""
        while True:
            x, y = _proper_pair(rng)
            if x != y and abs(x - y) < Rational(1, 20):
                break
        q.given("u", x, display=frac(x))
        q.given("v", y, display=frac(y))
        symbol = "<" if x < y else ">"
        common = x.q * y.q // gcd(x.q, y.q)
        part = q.part(
            "b",
            "Write the correct symbol, $<$ or $>$, between these two fractions. Show how you decide.\n\n"
            f"${frac(x)} \\quad \\ldots\\ldots \\quad {frac(y)}$",
            marks=2,
            command="Write",
        )
        part.step(
            f"${frac(x)} = \\frac{{{x * common}}}{{{common}}}$ and ${frac(y)} = \\frac{{{y * common}}}{{{common}}}$",
            f"u*{common}",
        )
        part.step(f"So ${frac(x)} {symbol} {frac(y)}$")
        part.answer(kind="text", plain=symbol, latex=symbol)
        part.mark(
            "M",
            f"$\\frac{{{x * common}}}{{{common}}}$ and $\\frac{{{y * common}}}{{{common}}}$, or both as decimals",
            value=f"u*{common}",
        )
        part.mark("A", f"${frac(x)} {symbol} {frac(y)}$", qualifiers=["cao"])
        other = ">" if symbol == "<" else "<"
        wrong(part, other, "compared the numerators and denominators separately")


def _proper_pair(rng: random.Random) -> tuple[Rational, Rational]:
    def one() -> Rational:
        b = rng.randint(5, 13)
        return Rational(rng.choice([n for n in range(2, b) if gcd(n, b) == 1]), b)

    return one(), one()


def _near(rng: random.Random, kind: str, centre: Rational) -> tuple[Rational, str, str] | None:
    """A number of one kind within 0.06 of ``centre``: (value, plain, latex)."""
    window = Rational(6, 100)
    if kind == "frac":
        options = [
            Rational(a, b)
            for b in range(3, 13)
            for a in range(1, b)
            if gcd(a, b) == 1 and abs(Rational(a, b) - centre) <= window and b not in (10,)
        ]
        if not options:
            return None
        v = rng.choice(options)
        return v, frac_plain(v), frac(v)
    if kind in ("dp1", "dp2", "dp3"):
        places = int(kind[-1])
        step = Rational(1, 10**places)
        options = [centre + k * step for k in range(-int(window / step), int(window / step) + 1)]
        options = [v for v in options if v > 0 and (v * 10 ** (places - 1)) % 1 != 0]
        v = rng.choice(options)
        return v, number(v), number(v)
    if kind == "pct":
        options = [
            Rational(k, 100) for k in range(1, 100) if abs(Rational(k, 100) - centre) <= window
        ]
        v = rng.choice(options)
        return v, f"{number(v * 100)}%", f"{number(v * 100)}\\%"
    if kind == "power":
        options = [
            Rational(k, 10) for k in range(2, 10) if abs(Rational(k, 10) ** 2 - centre) <= window
        ]
        if not options:
            return None
        base = rng.choice(options)
        return base**2, f"{number(base)}^2", f"{number(base)}^2"
    raise ValueError(kind)


def _terminates(value: Rational) -> bool:
    q = value.q
    for p in (2, 5):
        while q % p == 0:
            q //= p
    return q == 1


def _truncated(value: Rational, places: int = 4) -> str:
    """The first ``places`` decimals of a positive value, cut off (not rounded): 0.5555."""
    return number(Rational(int(value * 10**places), 10**places))
