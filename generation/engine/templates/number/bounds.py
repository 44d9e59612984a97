"""Limits of accuracy: upper and lower bounds, and bounds of a calculation (syllabus 1.10)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _plain(value: Rational) -> str:
    """A number as a candidate writes it: no LaTeX thin spaces in long numbers."""
    return number(value).replace("\\,", "")


def _measured(value: Rational, step: Rational) -> str:
    """A measurement shown to the accuracy it was rounded to: 16.0 when correct to 1 d.p."""
    places = 1 if step.q == 10 else 0
    return formatting.number(value, places) if places else number(value)


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
        "The mass of a lorry",
        "m",
        "the mass of the lorry",
        "kg",
        "correct to the nearest hundred kilograms",
        Rational(100),
        (30, 190),
    ),
    (
        "The area of a field",
        "A",
        "the area of the field",
        "m^2",
        "correct to 2 significant figures",
        Rational(1000),
        (11, 99),
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
        whole_units = [m for m in _MEASURES if m[5] == 1]
        other_units = [m for m in _MEASURES if m[5] != 1]
        pool = {1: whole_units, 2: _MEASURES}.get(difficulty, other_units)
        first, second = rng.sample(pool, 2)
        subject, _, _, unit, phrase, step, (low, high) = first
        raw = rng.randint(low, high) * step
        value = q.given("v", raw, display=_measured(raw, step))
        unit_text = f" {unit.replace('^2', '$^2$')}" if unit else ""
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
        part.step(f"Half of ${number(step)}$ is ${number(half)}$")
        part.step(
            f"Lower bound $= {_measured(value, step)} - {number(half)} = {number(lower)}$",
            f"v - {half}",
        )
        part.step(
            f"Upper bound $= {_measured(value, step)} + {number(half)} = {number(upper)}$",
            f"v + {half}",
        )
        part.answer(
            f"v - {half}", label="lower bound", unit=unit, plain=_plain(lower), latex=number(lower)
        )
        part.answer(
            f"v + {half}", label="upper bound", unit=unit, plain=_plain(upper), latex=number(upper)
        )
        part.mark("B", f"lower bound ${number(lower)}$", value=f"v - {half}", qualifiers=["cao"])
        part.mark("B", f"upper bound ${number(upper)}$", value=f"v + {half}", qualifiers=["cao"])
        wrong(
            part,
            f"{_plain(value - step)}, {_plain(value + step)}",
            "used the whole rounding unit instead of half of it",
        )
        short = upper - (Rational(1, 10) if step >= 1 else step / 10)
        wrong(
            part,
            f"{_plain(lower)}, {_plain(short)}",
            "stopped the upper bound short, so that it still rounds to the value",
        )

        if difficulty >= 3 and q.tier == Tier.EXTENDED:
            {3: self._area, 4: self._speed, 5: self._density}[difficulty](q, rng)
        elif difficulty >= 2:
            subject, symbol, noun, unit, phrase, step, (low, high) = second
            raw = rng.randint(low, high) * step
            w = q.given("w", raw, display=_measured(raw, step))
            half = step / 2
            lower, upper = w - half, w + half
            unit_text = f" {unit.replace('^2', '$^2$')}" if unit else ""
            part = q.part(
                "b",
                f"{subject} is ${_measured(w, step)}${unit_text}, {phrase}.\n\n"
                f"Complete this statement about ${symbol}$, {noun}{',' + unit_text.replace(' ', ' in ', 1) if unit else ''}.\n\n"
                f"$\\ldots\\ldots \\le {symbol} < \\ldots\\ldots$",
                marks=2,
                command="Write",
            )
            relation = f"And({lower} <= {symbol}, {symbol} < {upper})"
            shown = f"{number(lower)} \\le {symbol} < {number(upper)}"
            part.step(
                f"Lower bound $= {_measured(w, step)} - {number(half)} = {number(lower)}$",
                f"w - {half}",
            )
            part.step(
                f"Upper bound $= {_measured(w, step)} + {number(half)} = {number(upper)}$",
                f"w + {half}",
            )
            part.answer(
                relation,
                kind=AnswerKind.INEQUALITY,
                plain=f"{_plain(lower)} ≤ {symbol} < {_plain(upper)}",
                latex=shown,
            )
            part.mark(
                "B", f"${number(lower)}$ in ${shown}$", value=f"w - {half}", qualifiers=["cao"]
            )
            part.mark("B", f"${number(upper)}$", value=f"w + {half}", qualifiers=["cao"])
            wrong(
                part,
                f"{_plain(w - step)} ≤ {symbol} < {_plain(w + step)}",
                "used the whole rounding unit instead of half of it",
                latex=f"{number(w - step)} \\le {symbol} < {number(w + step)}",
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
        part.step(f"Upper bounds: ${number(a + h)}$ cm and ${number(b + h)}$ cm", f"L + {h}")
        part.step(f"${number(a + h)} \\times {number(b + h)} = {number(value)}$", machine)
        part.answer(machine, unit=f"{unit}^2", plain=number(value), latex=number(value))
        part.mark("M", f"${number(a + h)} \\times {number(b + h)}$", value=machine)
        part.mark("A", f"${number(value)}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "used the lower bounds", (a - h) * (b - h), accuracy=Accuracy.EXACT, fractions=False
            ),
        )
        misconception(
            part,
            Misconception(
                "used the measurements as given", a * b, accuracy=Accuracy.EXACT, fractions=False
            ),
        )

    def _speed(self, q: QuestionBuilder, rng: random.Random) -> None:
        distance = rng.choice([100, 200, 400, 800, 1500])
        seconds = Rational(rng.randint(int(distance / 9 * 10), int(distance / 5 * 10)), 10)
        d = q.given("d", distance)
        t = q.given("t", seconds)
        machine = "(d + 1/2)/(t - 1/20)"
        part = q.part(
            "b",
            f"An athlete runs ${d}$ metres, correct to the nearest metre, in ${number(t)}$ seconds, "
            "correct to 1 decimal place.\n\nCalculate the upper bound of the athlete's average speed.",
            marks=3,
            command="Calculate",
            calculator=CalculatorPolicy.ALLOWED,
        )
        part.step(f"Upper bound of distance $= {number(d + Rational(1, 2))}$ m", "d + 1/2")
        part.step(f"Lower bound of time $= {number(t - Rational(1, 20))}$ s", "t - 1/20")
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="m/s")
        part.step(
            f"$\\frac{{{number(d + Rational(1, 2))}}}{{{number(t - Rational(1, 20))}}} = {answer.latex}$ m/s",
            machine,
        )
        part.mark("B", f"${number(d + Rational(1, 2))}$ seen", value="d + 1/2")
        part.mark(
            "M",
            f"$\\frac{{{number(d + Rational(1, 2))}}}{{{number(t - Rational(1, 20))}}}$, upper distance ÷ lower time",
            value=machine,
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided by the upper bound of the time",
                (d + Rational(1, 2)) / (t + Rational(1, 20)),
                ("d + 1/2", "(d + 1/2)/(t + 1/20)"),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "used the measurements as given", d / t, accuracy=Accuracy.SF3, fractions=False
            ),
        )

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
        part.step(f"Upper bound of volume $= {number(v + Rational(1, 2))}$ cm$^3$", "V + 1/2")
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="g/cm^3")
        part.step(
            f"$\\frac{{{m - 5}}}{{{number(v + Rational(1, 2))}}} = {answer.latex}$ g/cm$^3$",
            machine,
        )
        part.mark("B", f"${m - 5}$ seen", value="m - 5")
        part.mark(
            "M",
            f"$\\frac{{{m - 5}}}{{{number(v + Rational(1, 2))}}}$, lower mass ÷ upper volume",
            value=machine,
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided by the lower bound of the volume",
                (m - 5) / (v - Rational(1, 2)),
                ("m - 5", "(m - 5)/(V - 1/2)"),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "used the measurements as given", m / v, accuracy=Accuracy.SF3, fractions=False
            ),
        )
