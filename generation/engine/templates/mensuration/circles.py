"""Mensuration templates (syllabus topic 5)."""

from __future__ import annotations

import random

from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


@register
class CircleAreaCircumference(Template):
    key = "mensuration.circle_area_circumference"
    title = "Area and circumference of a circle"
    codes = {Tier.CORE: ("C5.3",), Tier.EXTENDED: ("E5.3",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        context, unit = rng.choice(
            [("a circular pond", "m"), ("a circular table top", "cm"), ("a round flower bed", "m")]
        )
        if difficulty <= 2:
            r = q.given("r", rng.randint(3, 15), unit=unit)
            stated = f"has radius ${r}$ {unit}"
        else:
            d = q.given("d", 2 * rng.randint(4, 30) + rng.choice([0, 1]), unit=unit)
            stated = f"has diameter ${d}$ {unit}"
        radius = "r" if difficulty <= 2 else "d/2"
        q.title = "Circle: area and circumference"
        q.stem = f"The top of {context} is a circle that {stated}."

        a = q.part("a", "Calculate the area of the circle.", marks=2, command="Calculate")
        r_value = q.value_of(radius)
        a.step(f"$r = {r_value}$" if difficulty > 2 else f"$r = {r_value}$ {unit}", radius)
        a.step(f"$A = \\pi r^2 = \\pi \\times {r_value}^2$", f"pi*({radius})**2")
        ans = a.answer(f"pi*({radius})**2", accuracy=Accuracy.SF3, unit=f"{unit}^2")
        a.step(f"$A = {ans.latex}$ {unit}$^2$", f"pi*({radius})**2")
        a.mark("M", f"$\\pi \\times {r_value}^2$", value=f"pi*({radius})**2")
        a.mark("A", f"${ans.latex}$", value=f"pi*({radius})**2", qualifiers=["awrt"])
        wrong = q.value_of(f"2*pi*({radius})")
        from generation.engine.formatting import display

        plain, latex = display(wrong, Accuracy.SF3)
        a.wrong(plain, "used the circumference formula 2πr instead of πr²", 0, latex=latex)

        b = q.part("b", "Calculate the circumference of the circle.", marks=2, command="Calculate")
        b.step(f"$C = 2\\pi r = 2 \\times \\pi \\times {r_value}$", f"2*pi*({radius})")
        cans = b.answer(f"2*pi*({radius})", accuracy=Accuracy.SF3, unit=unit)
        b.step(f"$C = {cans.latex}$ {unit}", f"2*pi*({radius})")
        b.mark("M", f"$2 \\times \\pi \\times {r_value}$ oe", value=f"2*pi*({radius})")
        b.mark("A", f"${cans.latex}$", value=f"2*pi*({radius})", qualifiers=["awrt"])
