"""Rates: speed, distance and time with journey times, density, population density, pressure
and rates of flow (syllabus 1.12, with 1.15 for the journey times)."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.text import clock, frac
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

_TOWNS = ["Ashford", "Brixton", "Carlow", "Dunmore", "Elmsley", "Fairview", "Glenbrook", "Harrow"]


@register
class SpeedDistanceTime(Template):
    key = "number.speed_distance_time"
    title = "Journey times and average speed"
    codes = {Tier.CORE: ("C1.12", "C1.15"), Tier.EXTENDED: ("E1.12", "E1.15")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        start, end = rng.sample(_TOWNS, 2)
        vehicle = rng.choice(["train", "bus", "coach"])
        leave = rng.randint(6 * 60, 14 * 60) if difficulty <= 2 else rng.randint(5 * 60, 21 * 60)
        duration = rng.randint(5, 16) * 15 if difficulty == 1 else rng.randint(70, 290)
        if difficulty >= 2 and (leave % 60) + (duration % 60) < 60:
            duration += 60 - (leave % 60)  # make the minutes carry over the hour
        arrive = leave + duration
        q.given("t1", leave, display=clock(leave))
        q.given("t2", arrive, display=clock(arrive))
        q.title = "Journey time and average speed"
        q.stem = (
            f"A {vehicle} leaves {start} at {clock(leave)} and arrives in {end} at {clock(arrive)}"
            + (" the next day" if arrive >= 24 * 60 else "")
            + "."
        )
        hours, minutes = divmod(duration, 60)
        part = q.part(
            "a",
            "Work out the time taken for the journey. Give your answer in hours and minutes.",
            marks=1,
            command="Work out",
        )
        part.step(f"From {clock(leave)} to {clock(arrive)} is ${duration}$ minutes", "t2 - t1")
        part.step(f"${duration}$ minutes $= {hours}$ h ${minutes}$ min", "t2 - t1")
        part.answer("floor((t2 - t1)/60)", label="hours", unit="h")
        part.answer("t2 - t1 - 60*floor((t2 - t1)/60)", label="minutes", unit="min")
        part.mark(
            "B",
            f"${hours}$ h ${minutes}$ min, or ${duration}$ minutes",
            value="t2 - t1",
            qualifiers=["cao"],
        )
        as_numbers = int(clock(arrive).replace(" ", "")) - int(clock(leave).replace(" ", ""))
        bad_h, bad_m = divmod(as_numbers, 100)
        if (bad_h, bad_m) != (hours, minutes) and 0 <= bad_m < 60:
            wrong(
                part, f"{bad_h}, {bad_m}", "subtracted the times as if they were ordinary numbers"
            )

        low, high = {"bus": (35, 70), "coach": (50, 90), "train": (60, 140)}[vehicle]
        distance_value = max(10, round(rng.randint(low, high) * duration / 60))
        distance = q.given("d", distance_value)
        speed_machine = "d/((t2 - t1)/60)"
        part = q.part(
            "b",
            f"The distance from {start} to {end} is ${distance}$ km.\n\nCalculate the average speed of the {vehicle}.",
            marks=2,
            command="Calculate",
        )
        hours_exact = Rational(duration, 60)
        answer = part.answer(speed_machine, accuracy=Accuracy.SF3, unit="km/h")
        part.step(
            f"Time $= {_hours(hours_exact)}$ hours",
            "(t2 - t1)/60",
        )
        part.step(
            f"Speed $= {distance} \\div {_hours(hours_exact)} = {answer.latex}$ km/h",
            speed_machine,
        )
        part.mark("M", f"${distance} \\div {_hours(hours_exact)}$ oe", value=speed_machine)
        part.mark("A", f"${answer.latex}$", value=speed_machine, qualifiers=["awrt"])
        decimal_time = Rational(hours * 100 + minutes, 100)
        if decimal_time != hours_exact:
            misconception(
                part,
                Misconception(
                    f"used {hours}.{minutes:02d} hours for {hours} h {minutes} min",
                    distance / decimal_time,
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                "divided by the time in minutes, giving km per minute",
                distance_value / duration,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        labels = iter("cd")

        if difficulty >= 3:
            kmh = rng.choice([18, 36, 54, 72, 90, 108, 126, 144])
            speed = q.given("v", kmh)
            part = q.part(
                next(labels),
                f"A car travels at ${speed}$ km/h.\n\nChange this speed into metres per second.",
                marks=2,
                command="Work out",
            )
            part.step(f"${speed}$ km/h $= {number(kmh * 1000)}$ m per hour", "v*1000")
            part.step(
                f"${number(kmh * 1000)} \\div 3600 = {kmh * 1000 // 3600}$ m/s", "v*1000/3600"
            )
            part.answer("v*1000/3600", unit="m/s")
            part.mark(
                "M",
                f"${kmh} \\times 1000 \\div 3600$ oe",
                value="v*1000",
                partial=["M1 for 1000 or 3600 used correctly"],
            )
            part.mark("A", f"${kmh * 1000 // 3600}$", value="v*1000/3600", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "multiplied by 3.6 instead of dividing",
                    Rational(kmh) * Rational(36, 10),
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        if difficulty >= 4:
            second_speed = rng.choice([40, 50, 60, 64, 75, 80, 90, 96, 100, 120])
            second_time = rng.choice(
                [Rational(1, 2), Rational(3, 4), Rational(3, 2), Rational(5, 4), Rational(2)]
            )
            second_distance = second_speed * second_time
            w = q.given("v2", second_speed)
            e = q.given("d2", second_distance)
            total_time = hours_exact + second_time
            machine = "(d + d2)/((t2 - t1)/60 + d2/v2)"
            part = q.part(
                next(labels),
                f"The {vehicle} then travels a further ${number(e)}$ km at an average speed of ${w}$ km/h.\n\n"
                "Calculate the average speed for the whole journey.",
                marks=3,
                command="Calculate",
            )
            answer = part.answer(machine, accuracy=Accuracy.SF3, unit="km/h")
            part.step(
                f"Time for the second stage $= {number(e)} \\div {w} = {number(second_time)}$ h",
                "d2/v2",
            )
            part.step(
                f"Total distance $= {distance} + {number(e)} = {number(distance + e)}$ km", "d + d2"
            )
            part.step(
                f"Average speed $= {number(distance + e)} \\div {_hours(total_time)} = {answer.latex}$ km/h",
                machine,
            )
            part.mark("M", f"${number(e)} \\div {w}$", value="d2/v2")
            part.mark("M", "total distance ÷ total time", value=machine, qualifiers=["dep"])
            part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
            mean = (distance / hours_exact + second_speed) / 2
            misconception(
                part,
                Misconception(
                    "found the mean of the two speeds", mean, accuracy=Accuracy.SF3, fractions=False
                ),
            )


def _hours(value: Rational) -> str:
    """A time in hours for the working: 3.25, or a fraction such as 47/12 if it does not end."""
    if number(value).count(".") == 0 or len(number(value)) <= 6:
        return number(value) if value.q in (1, 2, 4, 5, 10, 20, 25, 50, 100) else frac(value)
    return frac(value)


# ---------------------------------------------------------------------------------------------
# Other rates: density, population density, pressure, rate of flow.


@register
class Rates(Template):
    key = "number.rates"
    title = "Density, population density, pressure and rates of flow"
    codes = {Tier.CORE: ("C1.12",), Tier.EXTENDED: ("E1.12",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Rates"
        plan = {
            1: ["density"],
            2: ["density", "population"],
            3: ["mass_from_density", "flow"],
            4: ["population", "pressure", "flow"],
            5: ["mass_from_density", "pressure", "flow"],
        }[difficulty]
        for label, kind in zip("abc", plan, strict=False):
            getattr(self, f"_{kind}")(q, rng, label)
            q.param(label, kind)

    def _density(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        material, density = rng.choice(
            [
                ("wood", Rational(3, 5)),
                ("wood", Rational(4, 5)),
                ("aluminium", Rational(27, 10)),
                ("glass", Rational(5, 2)),
                ("iron", Rational(79, 10)),
                ("copper", Rational(89, 10)),
            ]
        )
        volume_value = rng.randint(4, 60) * 5
        mass_value = density * volume_value
        m = q.given(f"{label}m", mass_value)
        v = q.given(f"{label}v", volume_value)
        part = q.part(
            label,
            f"A block of {material} has a mass of ${number(m)}$ g and a volume of ${v}$ cm$^3$.\n\n"
            "Calculate the density of the {material}.".replace("{material}", material),
            marks=2,
            command="Calculate",
        )
        machine = f"{label}m/{label}v"
        part.step(
            f"Density $= \\frac{{\\text{{mass}}}}{{\\text{{volume}}}} = \\frac{{{number(m)}}}{{{v}}} = {number(density)}$ g/cm$^3$",
            machine,
        )
        part.answer(machine, unit="g/cm^3", plain=number(density), latex=number(density))
        part.mark("M", f"${number(m)} \\div {v}$", value=machine)
        part.mark("A", f"${number(density)}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the volume by the mass",
                volume_value / mass_value,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _mass_from_density(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        material, density = rng.choice(
            [
                ("gold", Rational(193, 10)),
                ("silver", Rational(105, 10)),
                ("lead", Rational(113, 10)),
                ("copper", Rational(89, 10)),
            ]
        )
        a, b, c = rng.randint(2, 12), rng.randint(2, 8), rng.randint(1, 5)
        rho = q.given(f"{label}r", density)
        ga = q.given(f"{label}a", a)
        gb = q.given(f"{label}b", b)
        gc = q.given(f"{label}c", c)
        machine = f"{label}r*{label}a*{label}b*{label}c/1000"
        value = density * a * b * c / 1000
        part = q.part(
            label,
            f"The density of {material} is ${number(rho)}$ g/cm$^3$.\n\n"
            f"A bar of {material} is a cuboid measuring ${ga}$ cm by ${gb}$ cm by ${gc}$ cm.\n\n"
            "Calculate the mass of the bar in kilograms.",
            marks=3,
            command="Calculate",
        )
        part.step(
            f"Volume $= {a} \\times {b} \\times {c} = {a * b * c}$ cm$^3$",
            f"{label}a*{label}b*{label}c",
        )
        part.step(
            f"Mass $= {number(density)} \\times {a * b * c} = {number(density * a * b * c)}$ g",
            f"{label}r*{label}a*{label}b*{label}c",
        )
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="kg")
        part.step(f"$= {number(value)}$ kg", machine)
        part.mark("M", f"${a} \\times {b} \\times {c}$", value=f"{label}a*{label}b*{label}c")
        part.mark(
            "M",
            f"${number(density)} \\times {a * b * c}$",
            value=f"{label}r*{label}a*{label}b*{label}c",
            qualifiers=["dep"],
        )
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "gave the mass in grams, not kilograms",
                density * a * b * c,
                (f"{label}a*{label}b*{label}c", f"{label}r*{label}a*{label}b*{label}c"),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "divided the volume by the density",
                Rational(a * b * c) / density / 1000,
                (f"{label}a*{label}b*{label}c",),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _population(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        region = rng.choice(["an island", "a country", "a city", "a region"])
        people_value = rng.randint(120, 9900) * 1000
        area_value = rng.randint(40, 900) * 10
        people = q.given(f"{label}pp", people_value)
        area = q.given(f"{label}ar", area_value)
        machine = f"{label}pp/{label}ar"
        part = q.part(
            label,
            f"The population of {region} is ${number(people)}$ and its area is ${number(area)}$ km$^2$.\n\n"
            "Calculate the population density (the number of people per square kilometre).",
            marks=2,
            command="Calculate",
        )
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="people per km^2")
        part.step(
            f"${number(people)} \\div {number(area)} = {answer.latex}$ people per km$^2$", machine
        )
        part.mark("M", f"${number(people)} \\div {number(area)}$", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "divided the area by the population",
                Rational(area_value, people_value),
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _pressure(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        force_value = rng.randint(12, 90) * 10
        length, width = rng.choice(
            [
                (Rational(1, 2), Rational(2, 5)),
                (Rational(4, 5), Rational(1, 2)),
                (Rational(6, 5), Rational(3, 5)),
                (Rational(3, 2), Rational(4, 5)),
            ]
        )
        force = q.given(f"{label}f", force_value)
        gl = q.given(f"{label}l", length)
        gw = q.given(f"{label}w", width)
        machine = f"{label}f/({label}l*{label}w)"
        part = q.part(
            label,
            f"A box rests on a floor. It pushes on the floor with a force of ${force}$ newtons.\n\n"
            f"The base of the box is a rectangle ${number(gl)}$ m by ${number(gw)}$ m.\n\n"
            "Calculate the pressure on the floor, in newtons per square metre.\n\n"
            "[Pressure = force ÷ area]",
            marks=2,
            command="Calculate",
        )
        area = length * width
        answer = part.answer(machine, accuracy=Accuracy.SF3, unit="N/m^2")
        part.step(
            f"Area $= {number(gl)} \\times {number(gw)} = {number(area)}$ m$^2$",
            f"{label}l*{label}w",
        )
        part.step(f"Pressure $= {force} \\div {number(area)} = {answer.latex}$ N/m$^2$", machine)
        part.mark("M", f"${force} \\div ({number(gl)} \\times {number(gw)})$", value=machine)
        part.mark("A", f"${answer.latex}$", value=machine, qualifiers=["awrt"])
        misconception(
            part,
            Misconception(
                "multiplied the force by the area",
                force_value * area,
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )

    def _flow(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        options = [
            (r, c)
            for r in (8, 12, 14, 15, 16, 18, 24, 25, 35, 45)
            for c in (
                Rational(3, 2),
                Rational(2),
                Rational(12, 5),
                Rational(3),
                Rational(18, 5),
                Rational(9, 2),
            )
            if (c * 1000 / r) % 60 >= 1
        ]
        rate_value, cubic = rng.choice(options)
        litres = cubic * 1000
        minutes = litres / rate_value
        rate = q.given(f"{label}q", rate_value)
        tank = q.given(f"{label}t", cubic)
        part = q.part(
            label,
            f"Water flows into an empty tank at a rate of ${rate}$ litres per minute.\n\n"
            f"The tank holds ${number(tank)}$ m$^3$ of water. $1$ m$^3 = 1000$ litres.\n\n"
            "Work out the time it takes to fill the tank. Give your answer in hours and minutes, "
            "correct to the nearest minute.",
            marks=3,
            command="Work out",
        )
        machine = f"{label}t*1000/{label}q"
        total = int(minutes + Rational(1, 2))
        hours, mins = divmod(total, 60)
        part.step(f"${number(tank)}$ m$^3 = {number(litres)}$ litres", f"{label}t*1000")
        part.step(
            f"${number(litres)} \\div {rate} = {number(minutes) if minutes.q in (1, 2, 4, 5) else f'{float(minutes):.1f}'}$ minutes",
            machine,
        )
        sign = "=" if minutes == total else "\\approx"
        part.step(f"${sign} {total}$ minutes $= {hours}$ h ${mins}$ min", f"round_dp({machine}, 0)")
        part.answer(f"floor(round_dp({machine}, 0)/60)", label="hours", unit="h")
        part.answer(
            f"round_dp({machine}, 0) - 60*floor(round_dp({machine}, 0)/60)",
            label="minutes",
            unit="min",
        )
        part.mark("B", f"${number(litres)}$ litres", value=f"{label}t*1000")
        part.mark("M", f"${number(litres)} \\div {rate}$", value=machine)
        part.mark(
            "A", f"${hours}$ h ${mins}$ min", value=f"round_dp({machine}, 0)", qualifiers=["cao"]
        )
        bad_total = int(cubic * 100 / rate_value + Rational(1, 2))
        if bad_total != total:
            wrong(part, f"{bad_total // 60}, {bad_total % 60}", "used 1 m³ = 100 litres")
