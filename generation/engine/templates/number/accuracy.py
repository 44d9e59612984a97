"""Rounding and estimation, limits of accuracy, and using a calculator
(syllabus 1.9, 1.10 and 1.14)."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import sympy
from sympy import Rational

from generation.engine import formatting
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.templates.number._common import dec, wrong
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _measured(value: Rational, step: Rational) -> str:
    """A measurement shown to the accuracy it was rounded to: 16.0 when correct to 1 d.p."""
    places = 1 if step.q == 10 else 0
    return formatting.number(value, places) if places else dec(value)


def _fixed(value: Rational, places: int) -> str:
    """A value with exactly ``places`` decimal places: 7.40."""
    return str(formatting.round_dp(Decimal(str(sympy.N(value, 30))), places))


def _sf(value: Rational, figures: int) -> Rational:
    return Rational(str(formatting.round_sig(Decimal(str(sympy.N(value, 30))), figures)))


def _near(rng: random.Random, rounded: Rational, figures: int = 3) -> Rational:
    """A number shown to ``figures`` s.f. that rounds to ``rounded`` at 1 s.f. (and is not it)."""
    unit = Rational(10) ** math.floor(math.log10(float(rounded)))
    for _ in range(100):
        step = unit / 10 ** (figures - 1)
        value = (
            rounded + rng.randint(-45 * 10 ** (figures - 2), 45 * 10 ** (figures - 2)) * step / 10
        )
        value = _sf(value, figures)
        if value > 0 and value != rounded and _sf(value, 1) == rounded and _sf(value, 2) != rounded:
            return value
    raise Reject("no number near the rounded value")


# ---------------------------------------------------------------------------------------------
# 1.9 Estimation.


def _estimate_shape(rng: random.Random, difficulty: int) -> tuple[list[Rational], str, str, str]:
    """Rounded values, the LaTeX template, the machine template and the numerator's machine
    template for an estimate; {0}, {1}, {2} are the three numbers."""
    tens = [Rational(n) for n in (20, 30, 40, 50, 60, 70, 80, 90, 200, 300, 400, 500, 600, 800)]
    units = [Rational(n) for n in (2, 3, 4, 5, 6, 7, 8, 9)]
    divisors = [Rational(n, 10) for n in (2, 4, 5, 8)] + [Rational(n) for n in (2, 3, 4, 5, 6, 8)]
    if difficulty <= 3:
        first, second = rng.choice(tens), rng.choice(units)
        latex, machine, numerator = "\\frac{{{0} \\times {1}}}{{{2}}}", "{0}*{1}/{2}", "{0}*{1}"
        top = first * second
    elif difficulty == 4:
        first, second = rng.sample(tens, 2)
        latex, machine, numerator = "\\frac{{{0} + {1}}}{{{2}}}", "({0} + {1})/{2}", "{0} + {1}"
        top = first + second
    else:
        first = rng.choice(
            [
                Rational(4),
                Rational(9),
                Rational(400),
                Rational(900),
                Rational(9, 100),
                Rational(4, 100),
            ]
        )
        second = rng.choice(units)
        latex = "\\frac{{\\sqrt{{{0}}} \\times {1}}}{{{2}}}"
        machine, numerator = "sqrt({0})*{1}/{2}", "sqrt({0})*{1}"
        top = sympy.sqrt(first) * second
    pool = divisors if difficulty >= 3 else [d for d in divisors if d.q == 1]
    nice = [d for d in pool if (top / d).q == 1 and d != top]
    if not nice:
        raise Reject("no divisor gives a whole-number estimate")
    return [first, second, rng.choice(nice)], latex, machine, numerator


@register
class Estimation(Template):
    key = "number.rounding_and_estimation"
    title = "Rounding and estimating a calculation"
    codes = {Tier.CORE: ("C1.9",), Tier.EXTENDED: ("E1.9",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Rounding and estimation"
        labels = iter("abcd")
        if difficulty <= 2:
            place = rng.choice([100, 1000]) if difficulty == 1 else rng.choice([10, 100, 1000])
            x_value = rng.randint(10_000, 99_999)
            if x_value % place == 0 or (x_value // (place // 10)) % 10 == 5:
                x_value += place // 5 + 1
            x = q.given("x", x_value)
            words = {10: "ten", 100: "hundred", 1000: "thousand"}[place]
            machine = f"{place}*round_dp(x/{place}, 0)"
            rounded = q.value_of(machine)
            part = q.part(
                next(labels), f"Round ${dec(x)}$ to the nearest {words}.", marks=1, command="Write"
            )
            part.step(f"${dec(x)} = {dec(rounded)}$ to the nearest {words}", machine)
            part.answer(machine, plain=str(rounded), latex=dec(rounded))
            part.mark("B", f"${dec(rounded)}$", value=machine, qualifiers=["cao"])
            truncated = (x_value // place) * place
            if truncated != rounded:
                wrong(part, truncated, "cut the number off instead of rounding up", 0)
        else:
            figures = 2 if difficulty <= 4 else 3
            zeros = rng.randint(1, 3)
            digits = rng.randint(10**3, 10**4 - 1)
            x_value = Rational(digits, 10 ** (zeros + 4))
            x = q.given("x", x_value)
            part = q.part(
                next(labels),
                f"Write ${dec(x)}$ correct to {figures} significant figures.",
                marks=1,
                command="Write",
            )
            accuracy = Accuracy.SF2 if figures == 2 else Accuracy.SF3
            shown = formatting.display(x, accuracy)[0]
            part.step(f"${dec(x)} = {shown}$ to {figures} significant figures", "x")
            part.answer("x", accuracy=accuracy)
            part.mark("B", f"${shown}$", value="x", qualifiers=["cao"])
            by_places = {2: Accuracy.DP2, 3: Accuracy.DP3}[figures]
            if formatting.display(x, by_places)[0] != shown:
                wrong(
                    part,
                    x,
                    f"rounded to {figures} decimal places instead of {figures} significant figures",
                    0,
                    accuracy=by_places,
                )

        d_value = Rational(rng.randint(1000, 9999), 1000) + rng.randint(1, 30)
        d = q.given("y", d_value)
        places = rng.choice([1, 2])
        accuracy = Accuracy.DP1 if places == 1 else Accuracy.DP2
        shown = formatting.display(d, accuracy)[0]
        part = q.part(
            next(labels),
            f"Write ${dec(d)}$ correct to {places} decimal place{'s' if places == 2 else ''}.",
            marks=1,
            command="Write",
        )
        part.step(f"${dec(d)} = {shown}$", "y")
        part.answer("y", accuracy=accuracy)
        part.mark("B", f"${shown}$", value="y", qualifiers=["cao"])
        truncated = Rational(int(d_value * 10**places), 10**places)
        if truncated != Rational(shown):
            part.wrong(_fixed(truncated, places), "truncated instead of rounding", 0)

        rounded, latex_t, machine_t, numerator_t = _estimate_shape(rng, difficulty)
        estimate = sympy.sympify(machine_t.format(*[f"({v})" for v in rounded]))
        actual = [_near(rng, r) for r in rounded]
        names = ["e1", "e2", "e3"]
        for name, value in zip(names, actual, strict=True):
            q.given(name, value)
        shown_actual = latex_t.format(*[dec(v) for v in actual])
        shown_rounded = latex_t.format(*[dec(v) for v in rounded])
        numerator = numerator_t.format(*[f"({v})" for v in rounded])
        part = q.part(
            next(labels),
            f"By rounding each number correct to 1 significant figure, estimate the value of\n\n"
            f"${shown_actual}$.\n\nYou must show all your working.",
            marks=2,
            command="Work out",
        )
        top = sympy.sympify(numerator)
        full = machine_t.format(*[f"({v})" for v in rounded])
        part.step(f"$\\approx {shown_rounded}$")
        part.step(f"$= \\frac{{{dec(top)}}}{{{dec(rounded[2])}}}$", numerator)
        part.step(f"$= {dec(estimate)}$", full)
        part.answer(full, plain=formatting.plain(estimate), latex=dec(estimate))
        part.mark(
            "M",
            f"${shown_rounded}$, all three rounded correctly",
            value=numerator,
            partial=[f"the numerator ${dec(sympy.sympify(numerator))}$ implies the rounding"],
        )
        part.mark(
            "A",
            f"${dec(estimate)}$",
            value=machine_t.format(*[f"({v})" for v in rounded]),
            qualifiers=["cao"],
        )
        exact = sympy.sympify(machine_t.format(*[f"({v})" for v in actual]))
        wrong(
            part,
            exact,
            "worked out the exact value instead of an estimate",
            0,
            accuracy=Accuracy.SF3,
        )
        times = sympy.sympify(numerator) * rounded[2]
        if times != estimate:
            wrong(
                part,
                times,
                f"multiplied by {dec(rounded[2])} instead of dividing",
                1,
                working=[numerator],
            )


# ---------------------------------------------------------------------------------------------
# 1.10 Limits of accuracy.

# (sentence subject, symbol, noun, unit, rounding phrase, rounding unit, range in rounding units)
_MEASURES = [
    (
        "The length of a table",
        "l",
        "the length of the table",
        "cm",
        "correct to the nearest centimetre",
        Rational(1),
        (60, 240),
    ),
    (
        "The mass of a bag of rice",
        "m",
        "the mass of the bag",
        "kg",
        "correct to the nearest kilogram",
        Rational(1),
        (2, 50),
    ),
    (
        "The height of a tree",
        "h",
        "the height of the tree",
        "m",
        "correct to the nearest metre",
        Rational(1),
        (5, 40),
    ),
    (
        "The number of people at a concert",
        "n",
        "the number of people",
        "",
        "correct to the nearest hundred",
        Rational(100),
        (30, 90),
    ),
    (
        "The length of a pencil",
        "l",
        "the length of the pencil",
        "cm",
        "correct to 1 decimal place",
        Rational(1, 10),
        (80, 190),
    ),
    (
        "The time taken to run a race",
        "t",
        "the time taken",
        "seconds",
        "correct to 1 decimal place",
        Rational(1, 10),
        (100, 300),
    ),
    (
        "The distance between two towns",
        "d",
        "the distance",
        "km",
        "correct to the nearest 10 km",
        Rational(10),
        (3, 30),
    ),
    (
        "The mass of a parcel",
        "m",
        "the mass of the parcel",
        "g",
        "correct to the nearest 5 grams",
        Rational(5),
        (8, 40),
    ),
]


@register
class LimitsOfAccuracy(Template):
    key = "number.limits_of_accuracy"
    title = "Upper and lower bounds"
    codes = {Tier.CORE: ("C1.10",), Tier.EXTENDED: ("E1.10",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Limits of accuracy"
        first, second = rng.sample(_MEASURES[:4] if difficulty == 1 else _MEASURES, 2)
        subject, _, _, unit, phrase, step, (low, high) = first
        raw = rng.randint(low, high) * step
        value = q.given("v", raw, display=_measured(raw, step))
        unit_text = f" {unit}" if unit else ""
        policy = (
            CalculatorPolicy.ALLOWED if difficulty >= 4 and q.tier == Tier.EXTENDED else NON_CALC
        )
        half = step / 2
        lower, upper = value - half, value + half
        part = q.part(
            "a",
            f"{subject} is ${_measured(value, step)}${unit_text}, {phrase}.\n\n"
            "Write down the lower bound and the upper bound.",
            marks=2,
            command="Write",
            calculator=policy,
        )
        part.step(f"Half of ${dec(step)}$ is ${dec(half)}$")
        part.step(
            f"Lower bound $= {_measured(value, step)} - {dec(half)} = {dec(lower)}$", f"v - {half}"
        )
        part.step(
            f"Upper bound $= {_measured(value, step)} + {dec(half)} = {dec(upper)}$", f"v + {half}"
        )
        part.answer(
            f"v - {half}", label="lower bound", unit=unit, plain=dec(lower), latex=dec(lower)
        )
        part.answer(
            f"v + {half}", label="upper bound", unit=unit, plain=dec(upper), latex=dec(upper)
        )
        part.mark("B", f"lower bound ${dec(lower)}$", value=f"v - {half}", qualifiers=["cao"])
        part.mark("B", f"upper bound ${dec(upper)}$", value=f"v + {half}", qualifiers=["cao"])
        part.wrong(
            f"{dec(value - step)}, {dec(value + step)}",
            "used the whole rounding unit instead of half of it",
            0,
        )
        short = upper - step / 10
        part.wrong(
            f"{dec(lower)}, {dec(short)}",
            "stopped the upper bound short, so that it still rounds to the value",
            1,
        )

        if difficulty >= 3 and q.tier == Tier.EXTENDED:
            {3: self._area, 4: self._speed, 5: self._density}[difficulty](q, rng)
        elif difficulty >= 2:
            subject, symbol, noun, unit, phrase, step, (low, high) = second
            raw = rng.randint(low, high) * step
            w = q.given("w", raw, display=_measured(raw, step))
            half = step / 2
            lower, upper = w - half, w + half
            unit_text = f" {unit}" if unit else ""
            part = q.part(
                "b",
                f"{subject} is ${_measured(w, step)}${unit_text}, {phrase}.\n\n"
                f"Complete this statement about ${symbol}$, {noun}{', in ' + unit if unit else ''}.\n\n"
                f"$\\ldots\\ldots \\le {symbol} < \\ldots\\ldots$",
                marks=2,
                command="Write",
            )
            relation = f"And({lower} <= {symbol}, {symbol} < {upper})"
            shown = f"{dec(lower)} \\le {symbol} < {dec(upper)}"
            part.step(
                f"Lower bound $= {_measured(w, step)} - {dec(half)} = {dec(lower)}$", f"w - {half}"
            )
            part.step(
                f"Upper bound $= {_measured(w, step)} + {dec(half)} = {dec(upper)}$", f"w + {half}"
            )
            part.answer(
                relation,
                kind=AnswerKind.INEQUALITY,
                plain=f"{dec(lower)} ≤ {symbol} < {dec(upper)}",
                latex=shown,
            )
            part.mark("B", f"${dec(lower)}$ in ${shown}$", value=f"w - {half}", qualifiers=["cao"])
            part.mark("B", f"${dec(upper)}$", value=f"w + {half}", qualifiers=["cao"])
            part.wrong(
                f"{dec(w - step)} ≤ {symbol} < {dec(w + step)}",
                "used the whole rounding unit instead of half of it",
                0,
                latex=f"{dec(w - step)} \\le {symbol} < {dec(w + step)}",
                working=[f"w - {step}", f"w + {step}"],
            )

    def _area(self, q: QuestionBuilder, rng: random.Random) -> None:
        thing = rng.choice(["rectangular photograph", "rectangular tile", "rectangular table top"])
        if rng.random() < 0.5:
            step, phrase, unit = Rational(1), "correct to the nearest centimetre", "cm"
            length, width = rng.randint(20, 90), rng.randint(10, 60)
        else:
            step, phrase, unit = Rational(1, 10), "correct to 1 decimal place", "cm"
            length, width = Rational(rng.randint(50, 200), 10), Rational(rng.randint(30, 120), 10)
        if length == width:
            raise Reject("a square, not a rectangle")
        a = q.given("L", length, display=_measured(length, step))
        b = q.given("W", width, display=_measured(width, step))
        h = step / 2
        machine = f"(L + {h})*(W + {h})"
        value = (a + h) * (b + h)
        part = q.part(
            "b",
            f"A {thing} has length ${_measured(a, step)}$ cm and width ${_measured(b, step)}$ cm, both {phrase}.\n\n"
            "Work out the upper bound of the area of the " + thing.split()[-1] + ".",
            marks=2,
            command="Work out",
        )
        part.step(f"Upper bounds: ${dec(a + h)}$ cm and ${dec(b + h)}$ cm", f"L + {h}")
        part.step(f"${dec(a + h)} \\times {dec(b + h)} = {dec(value)}$", machine)
        part.answer(machine, unit=f"{unit}^2", plain=dec(value), latex=dec(value))
        part.mark("M", f"${dec(a + h)} \\times {dec(b + h)}$", value=machine)
        part.mark("A", f"${dec(value)}$", value=machine, qualifiers=["cao"])
        wrong(part, (a - h) * (b - h), "used the lower bounds", 0)
        wrong(part, a * b, "used the measurements as given", 0)

    def _speed(self, q: QuestionBuilder, rng: random.Random) -> None:
        distance = rng.choice([100, 200, 400, 800, 1500])
        seconds = Rational(rng.randint(int(distance / 9 * 10), int(distance / 5 * 10)), 10)
        d = q.given("d", distance)
        t = q.given("t", seconds)
        machine = "(d + 1/2)/(t - 1/20)"
        part = q.part(
            "b",
            f"An athlete runs ${d}$ metres, correct to the nearest metre, in ${dec(t)}$ seconds, "
            "correct to 1 decimal place.\n\nCalculate the upper bound of the athlete's average speed.",
            marks=3,
            command="Calculate",
            calculator=CalculatorPolicy.ALLOWED,
        )
        part.step(f"Upper bound of distance $= {dec(d + Rational(1, 2))}$ m", "d + 1/2")
        part.step(f"Lower bound of time $= {dec(t - Rational(1, 20))}$ s", "t - 1/20")
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="m/s")
        part.step(
            f"$\\frac{{{dec(d + Rational(1, 2))}}}{{{dec(t - Rational(1, 20))}}} = {answer.latex}$ m/s",
            machine,
        )
        part.mark("B", f"${dec(d + Rational(1, 2))}$ seen", value="d + 1/2")
        part.mark(
            "M",
            f"$\\frac{{{dec(d + Rational(1, 2))}}}{{{dec(t - Rational(1, 20))}}}$, upper distance ÷ lower time",
            value=machine,
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        wrong(
            part,
            (d + Rational(1, 2)) / (t + Rational(1, 20)),
            "divided by the upper bound of the time",
            1,
            accuracy=Accuracy.SF3,
            working=["d + 1/2", "(d + 1/2)/(t + 1/20)"],
        )
        wrong(part, d / t, "used the measurements as given", 0, accuracy=Accuracy.SF3)

    def _density(self, q: QuestionBuilder, rng: random.Random) -> None:
        volume = rng.randint(20, 80)
        mass = round(volume * rng.uniform(2.5, 11.0) / 10) * 10
        m = q.given("m", mass)
        v = q.given("V", volume)
        machine = "(m - 5)/(V + 1/2)"
        part = q.part(
            "b",
            f"A metal block has mass ${m}$ g, correct to the nearest 10 grams, and volume ${v}$ cm$^3$, "
            "correct to the nearest cubic centimetre.\n\n"
            "Calculate the lower bound of the density of the metal.\n\n"
            "[Density = mass ÷ volume]",
            marks=3,
            command="Calculate",
            calculator=CalculatorPolicy.ALLOWED,
        )
        part.step(f"Lower bound of mass $= {m - 5}$ g", "m - 5")
        part.step(f"Upper bound of volume $= {dec(v + Rational(1, 2))}$ cm$^3$", "V + 1/2")
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="g/cm^3")
        part.step(
            f"$\\frac{{{m - 5}}}{{{dec(v + Rational(1, 2))}}} = {answer.latex}$ g/cm$^3$", machine
        )
        part.mark("B", f"${m - 5}$ seen", value="m - 5")
        part.mark(
            "M",
            f"$\\frac{{{m - 5}}}{{{dec(v + Rational(1, 2))}}}$, lower mass ÷ upper volume",
            value=machine,
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        wrong(
            part,
            (m - 5) / (v - Rational(1, 2)),
            "divided by the lower bound of the volume",
            1,
            accuracy=Accuracy.SF3,
            working=["m - 5", "(m - 5)/(V - 1/2)"],
        )
        wrong(part, m / v, "used the measurements as given", 0, accuracy=Accuracy.SF3)
