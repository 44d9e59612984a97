"""Using a calculator: interpreting the display — a time in hours as hours and minutes, a sum
of money shown as 4.8 meaning $4.80 (syllabus 1.14)."""

from __future__ import annotations

import random

from sympy import Rational, floor

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring import wrong as wrong_answer
from generation.engine.authoring.text import amount, money, names
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

MONEY = Accuracy.MONEY_2DP

# (vehicle, speeds in km/h): every speed a multiple of 20, so hours to 2 d.p. give whole km.
_JOURNEYS = [
    ("car", (60, 80, 100)),
    ("coach", (60, 80)),
    ("train", (80, 100, 120, 140)),
    ("cyclist", (20,)),
]
# Items bought and their prices in cents: prices with an odd number of ten-cent coins.
_ITEMS = [
    ("notebooks", (130, 170, 190, 230, 270)),
    ("pens", (110, 130, 170, 190)),
    ("cinema tickets", (730, 890, 970, 1130)),
    ("bus tickets", (210, 230, 270, 290)),
]
_SHARED = ["meal", "taxi ride", "boat trip", "hotel room"]


@register
class CalculatorDisplay(Template):
    key = "number.calculator_display"
    title = "Interpreting a calculator display: times and money"
    codes = {Tier.CORE: ("C1.14",), Tier.EXTENDED: ("E1.14",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Interpreting a calculator display"
        who = names(rng, 3)
        if difficulty <= 2:
            self._display_time(q, rng, who[0])
        elif difficulty <= 4:
            self._journey_time(q, rng, who[0])
        else:
            self._seconds(q, rng, who[0])
        q.param("time", difficulty)
        if difficulty <= 2:
            self._share(q, rng)
        else:
            self._change(q, rng, who[1])
        if difficulty in (2, 3):
            self._wage(q, rng, who[2])
        elif difficulty >= 4:
            self._hours_worked(q, rng, who[2])

    # --- (a) a time in hours ------------------------------------------------------------------

    @staticmethod
    def _hours(rng: random.Random) -> Rational:
        """h + k/100 hours with k a multiple of 5 but not of 10: whole minutes, two decimals."""
        return rng.randint(1, 4) + Rational(rng.choice(range(5, 100, 10)), 100)

    @staticmethod
    def _minutes_steps(q: QuestionBuilder, part: PartBuilder, t: str, hours: Rational) -> None:
        """The conversion, its M1 and A1, and the 'decimal part read as minutes' wrong answer."""
        whole = int(floor(hours))
        decimal = hours - whole
        minutes = Working(q, f"60*({t} - floor({t}))", latex=f"{number(decimal)} \\times 60")
        method(
            part,
            minutes,
            f"${number(decimal)} \\times 60$ oe",
            step=f"${number(decimal)}$ hours $= {minutes.substituted} = {minutes.latex}$ minutes",
        )
        m = int(minutes.value)
        part.step(
            f"${number(hours)}$ hours $= {int(60 * hours)}$ minutes $= {whole}$ h ${m}$ min",
            f"60*{t}",
        )
        part.answer(f"floor({t})", label="hours", unit="h")
        part.answer(f"60*({t} - floor({t}))", label="minutes", unit="min")
        part.mark("A", f"${whole}$ h ${m}$ min", value=f"60*{t}", qualifiers=["cao"])
        read = int(decimal * 100)
        if read < 60:
            wrong_answer(
                part,
                f"{whole}, {read}",
                f"read the decimal part ${number(decimal)}$ hours as ${read}$ minutes",
                working=[] if t == "t" else [t],
            )

    def _display_time(self, q: QuestionBuilder, rng: random.Random, who: str) -> None:
        hours = self._hours(rng)
        t = q.given("t", hours)
        part = q.part(
            "a",
            f"{who} uses a calculator to work out the time, in hours, of a journey. The "
            f"calculator display shows\n\n$\\boxed{{{number(t)}}}$\n\nWrite this time in hours "
            "and minutes.",
            marks=2,
            command="Write",
        )
        self._minutes_steps(q, part, "t", hours)

    def _journey_time(self, q: QuestionBuilder, rng: random.Random, who: str) -> None:
        vehicle, speeds = rng.choice(_JOURNEYS)
        speed = rng.choice(speeds)
        hours = self._hours(rng)
        distance = hours * speed
        if vehicle == "cyclist" and distance > 80:
            raise Reject("too far for a cyclist")
        d = q.given("d", distance)
        s = q.given("s", speed)
        doer = {"car": f"{who} drives", "coach": "A coach travels", "train": "A train travels"}
        text = f"{doer.get(vehicle, f'{who} cycles')} ${d}$ km at an average speed of ${s}$ km/h."
        part = q.part(
            "a",
            f"{text}\n\nWork out the time taken for the journey. Give your answer in hours and "
            "minutes.",
            marks=3,
            command="Work out",
        )
        time = Working(q, "d/s", latex=f"{d} \\div {s}")
        method(
            part,
            time,
            f"${time.substituted}$",
            step=f"Time $= {time.substituted} = {number(hours)}$ hours",
        )
        self._minutes_steps(q, part, "(d/s)", hours)

    def _seconds(self, q: QuestionBuilder, rng: random.Random, who: str) -> None:
        """A time shown to 4 d.p. that is a whole number of seconds but not of minutes."""
        whole = rng.randint(2, 4)
        j = rng.choice([k for k in range(25, 10000, 25) if k % 500 and k % 100])
        hours = whole + Rational(j, 10000)
        t = q.given("t", hours)
        part = q.part(
            "a",
            f"{who} runs a marathon. Using a calculator, {who} works out the time taken, in hours. "
            f"The calculator display shows\n\n$\\boxed{{{number(t)}}}$\n\nWrite this time in "
            "hours, minutes and seconds.",
            marks=3,
            command="Write",
        )
        decimal = hours - whole
        minutes = Working(q, "60*(t - floor(t))", latex=f"{number(decimal)} \\times 60")
        method(
            part,
            minutes,
            f"${number(decimal)} \\times 60$ oe",
            step=f"${number(decimal)}$ hours $= {minutes.substituted} = {number(minutes.value)}$ "
            "minutes",
        )
        m = int(floor(minutes.value))
        part_minute = minutes.value - m
        seconds = Working(
            q,
            "60*(60*(t - floor(t)) - floor(60*(t - floor(t))))",
            latex=f"{number(part_minute)} \\times 60",
        )
        method(
            part,
            seconds,
            f"${number(part_minute)} \\times 60$ oe",
            step=f"${number(part_minute)}$ minutes $= {seconds.substituted} = {seconds.latex}$ "
            "seconds",
            partial=["dep on the first M1"],
        )
        sec = int(seconds.value)
        part.step(
            f"${number(hours)}$ hours $= {int(3600 * hours)}$ seconds $= {whole}$ h ${m}$ min "
            f"${sec}$ s",
            "3600*t",
        )
        part.answer("floor(t)", label="hours", unit="h")
        part.answer("floor(60*(t - floor(t)))", label="minutes", unit="min")
        part.answer(seconds.machine, label="seconds", unit="s")
        part.mark("A", f"${whole}$ h ${m}$ min ${sec}$ s", value="3600*t", qualifiers=["cao"])
        shown = number(minutes.value)
        after_point = shown.split(".")[1]
        if len(after_point) <= 2 and int(after_point) < 60:
            wrong_answer(
                part,
                f"{whole}, {m}, {int(after_point)}",
                f"read the decimal part of ${shown}$ minutes as ${int(after_point)}$ seconds",
                working=[minutes.machine],
            )

    # --- (b) money ----------------------------------------------------------------------------

    @staticmethod
    def _share(q: QuestionBuilder, rng: random.Random) -> None:
        """A bill and a tip shared equally; each share has one decimal place on the display."""
        people = rng.randint(3, 8)
        share = Rational(rng.randint(40, 300), 10)
        tip = rng.randint(1, 3) * people
        if share.q == 1 or share * people - tip < 10:
            raise Reject("a whole number of dollars each, or too small a bill")
        bill = q.given("b", share * people - tip, display=amount(share * people - tip))
        g = q.given("g", tip, display=amount(tip))
        n = q.given("n", people)
        thing = rng.choice(_SHARED)
        part = q.part(
            "b",
            f"${n}$ friends share the cost of a {thing} equally. The {thing} costs {money(bill)} "
            f"and they add a tip of {money(g)}.\n\nWork out how much each friend pays.",
            marks=2,
            command="Work out",
        )
        total = Working(q, "b + g", latex=f"{number(bill)} + {g}")
        method(part, total, f"${total.substituted}$ oe", step=total.equation("Total"))
        each = Working(q, "(b + g)/n", latex=f"{number(total.value)} \\div {n}")
        part.step(f"${each.substituted} = {number(share)}$ on the calculator", each.machine)
        part.step(f"${number(share)}$ means {money(share)}: money has two decimal places")
        final(part, each, accuracy=MONEY, step="", qualifiers=["cao"])
        _misread(part, share, total.machine)
        misconception(
            part,
            Misconception(
                "divided the cost before the tip was added",
                "b/n",
                accuracy=MONEY,
                fractions=False,
            ),
        )

    @staticmethod
    def _change(q: QuestionBuilder, rng: random.Random, who: str) -> None:
        """Change from a note after buying several items: the display shows one decimal place."""
        items, prices = rng.choice(_ITEMS)
        price, count = rng.choice(
            [(Rational(c, 100), k) for c in prices for k in range(3, 7) if c * k % 100]
        )
        cost = price * count
        note = next(n for n in (10, 20, 50, 100) if n > cost + 1)
        change = note - cost
        p = q.given("p", price, display=amount(price))
        k = q.given("k", count)
        f = q.given("f", note, display=amount(note))
        part = q.part(
            "b",
            f"{who} buys ${k}$ {items} at {money(p)} each and pays with a {money(f)} note.\n\n"
            f"Work out how much change {who} receives.",
            marks=2,
            command="Work out",
        )
        spent = Working(q, "k*p", latex=f"{k} \\times {number(p)}")
        method(part, spent, f"${spent.substituted}$ oe", step=spent.equation("Cost"))
        change_w = Working(q, "f - k*p", latex=f"{f} - {number(cost)}")
        part.step(f"${change_w.substituted} = {number(change)}$ on the calculator", "f - k*p")
        part.step(f"${number(change)}$ means {money(change)}")
        final(part, change_w, accuracy=MONEY, step="", qualifiers=["cao"])
        _misread(part, change, spent.machine)
        misconception(
            part,
            Misconception(
                f"gave the cost of the {items}, not the change",
                "k*p",
                ("k*p",),
                accuracy=MONEY,
                fractions=False,
            ),
        )

    # --- (c) time and pay ---------------------------------------------------------------------

    @staticmethod
    def _wage(q: QuestionBuilder, rng: random.Random, who: str) -> None:
        """Pay for h hours m minutes: the time must be keyed in as h + m/60 hours."""
        hours = rng.randint(2, 7)
        minutes, rate = rng.choice(
            [
                (m, Rational(c * 25, 100))
                for m in (15, 30, 45, 12, 24, 36, 48, 18, 42)
                for c in range(30, 91)
                if (c * 25 * Rational(m, 60)).q == 1
            ]
        )
        pay = rate * (hours + Rational(minutes, 60))
        h = q.given("h", hours)
        m = q.given("m", minutes)
        r = q.given("r", rate, display=amount(rate))
        part = q.part(
            "c",
            f"{who} is paid {money(r)} per hour. One day {who} works for ${h}$ hours ${m}$ "
            f"minutes.\n\nWork out how much {who} is paid for this day.",
            marks=2,
            command="Work out",
        )
        decimal = Rational(minutes, 60)
        time = Working(q, "h + m/60")
        part.step(
            f"${m}$ minutes $= {m} \\div 60 = {number(decimal)}$ hours, so the time is "
            f"${number(time.value)}$ hours",
            time.machine,
        )
        earned = Working(q, "(h + m/60)*r", latex=f"{number(time.value)} \\times {number(r)}")
        method(
            part,
            earned,
            f"${earned.substituted}$ oe",
            step=f"Pay $= {earned.substituted} = {money(pay)}$",
        )
        final(part, earned, accuracy=MONEY, step="", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                f"keyed in ${h}$ hours ${m}$ minutes as ${h}.{int(m):02d}$ hours",
                "(h + m/100)*r",
                accuracy=MONEY,
                fractions=False,
            ),
        )

    @staticmethod
    def _hours_worked(q: QuestionBuilder, rng: random.Random, who: str) -> None:
        """From pay and hourly rate back to hours and minutes."""
        rate, hours = rng.choice(
            [
                (Rational(c * 25, 100), Rational(k, 10))
                for c in range(30, 91)
                for k in range(21, 90)
                if k % 5 and (c * 25 * k) % 10 == 0
            ]
        )
        pay = rate * hours
        r = q.given("r", rate, display=amount(rate))
        e = q.given("e", pay, display=amount(pay))
        part = q.part(
            "c",
            f"{who} is paid {money(r)} per hour. For working on Saturday {who} is paid {money(e)}.\n\nWork out how long {who} worked on Saturday. Give your answer in hours "
            "and minutes.",
            marks=3,
            command="Work out",
        )
        time = Working(q, "e/r", latex=f"{number(e)} \\div {number(r)}")
        method(
            part,
            time,
            f"${time.substituted}$",
            step=f"Time $= {time.substituted} = {number(hours)}$ hours",
        )
        whole = int(floor(hours))
        decimal = hours - whole
        minutes = Working(q, "60*(e/r - floor(e/r))", latex=f"{number(decimal)} \\times 60")
        method(
            part,
            minutes,
            f"${number(decimal)} \\times 60$ oe",
            step=f"${number(decimal)}$ hours $= {minutes.substituted} = {minutes.latex}$ minutes",
        )
        mins = int(minutes.value)
        part.step(
            f"${number(hours)}$ hours $= {int(60 * hours)}$ minutes $= {whole}$ h ${mins}$ min",
            "60*e/r",
        )
        part.answer("floor(e/r)", label="hours", unit="h")
        part.answer(minutes.machine, label="minutes", unit="min")
        part.mark("A", f"${whole}$ h ${mins}$ min", value="60*e/r", qualifiers=["cao"])
        read = int(decimal * 100)
        wrong_answer(
            part,
            f"{whole}, {read}",
            f"read the decimal part ${number(decimal)}$ hours as ${read}$ minutes",
            working=[time.machine],
        )


def _misread(part: PartBuilder, shown: Rational, working: str) -> None:
    """The display 4.8 read as 4 dollars 8 cents."""
    dollars, tenths = floor(shown), int(shown * 10 % 10)
    misconception(
        part,
        Misconception(
            f"read the display ${number(shown)}$ as {money(dollars)} and ${tenths}$ "
            + ("cent" if tenths == 1 else "cents"),
            dollars + Rational(tenths, 100),
            (working,),
            accuracy=MONEY,
            fractions=False,
        ),
    )
