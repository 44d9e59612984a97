"""Volume and surface area of cuboids, prisms and cylinders (syllabus 5.4)."""

from __future__ import annotations

import random

from sympy import Rational, pi

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import solids
from generation.engine.authoring.rounding import exact_or_3sf
from generation.engine.authoring.text import cubed, number, rounded
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

SF3, SF4 = Accuracy.SF3, Accuracy.SF4
# Right-angled triangles (base, height, hypotenuse) for prism cross-sections.
_RIGHT_TRIANGLES = [(3, 4, 5), (6, 8, 10), (5, 12, 13), (8, 6, 10), (9, 12, 15), (12, 5, 13),
                    (8, 15, 17), (12, 9, 15)]  # fmt: skip


@register
class PrismCylinder(Template):
    key = "mensuration.prism_cylinder"
    title = "Volume and surface area of a cuboid, prism or cylinder"
    codes = {Tier.CORE: ("C5.4",), Tier.EXTENDED: ("E5.4",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            self._cuboid(q, rng)
        elif difficulty == 2:
            self._cylinder(q, rng, diameter=False)
        elif difficulty == 3:
            self._triangular_prism(q, rng)
        elif difficulty == 4:
            self._cylinder(q, rng, diameter=True)
        elif rng.random() < 0.5:
            self._pool(q, rng)
        else:
            self._cylinder_height(q, rng)

    def _cuboid(self, q: QuestionBuilder, rng: random.Random) -> None:
        length, width, height = rng.sample(range(3, 21), 3)
        length, width = max(length, width), min(length, width)
        ll = q.given("l", length, unit="cm")
        w = q.given("w", width, unit="cm")
        h = q.given("h", height, unit="cm")
        thing = rng.choice(["box", "block of wood", "packet"])
        q.param("context", thing)
        q.title = "Cuboid: volume and surface area"
        q.stem = f"A {thing} is a cuboid measuring ${number(ll)}$ cm by ${number(w)}$ cm by ${number(h)}$ cm."
        q.diagram_svg = solids.cuboid(
            "A cuboid", length, width, height, (f"{length} cm", f"{width} cm", f"{height} cm")
        ).svg()
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(
            f"$V = {number(ll)} \\times {number(w)} \\times {number(h)} = {number(ll * w * h)}$ cm$^3$",
            "l*w*h",
        )
        method(
            a,
            Working(q, "l*w*h"),
            f"${number(ll)} \\times {number(w)} \\times {number(h)}$",
            step="",
        )
        final(a, Working(q, "l*w*h", fractions=False), unit="cm^3", step="")
        misconception(
            a,
            Misconception(
                "worked out the surface area instead of the volume", "2*(l*w + l*h + w*h)"
            ),
        )
        misconception(a, Misconception("added the three lengths", "l + w + h"))

        faces = ll * w + ll * h + w * h
        b = q.part(
            "b", f"Calculate the total surface area of the {thing}.", marks=3, command="Calculate"
        )
        b.step(
            f"Three different faces: ${number(ll)} \\times {number(w)} + {number(ll)} \\times {number(h)} + "
            f"{number(w)} \\times {number(h)} = {number(faces)}$",
            "l*w + l*h + w*h",
        )
        b.step(
            f"Each face appears twice: $2 \\times {number(faces)} = {number(2 * faces)}$ cm$^2$",
            "2*(l*w + l*h + w*h)",
        )
        method(
            b,
            Working(q, "l*w + l*h + w*h"),
            f"${number(ll)} \\times {number(w)} + {number(ll)} \\times {number(h)} + {number(w)} \\times {number(h)}$",
            step="",
            partial=["M1 for the areas of three different faces added"],
        )
        method(
            b,
            Working(q, "2*(l*w + l*h + w*h)"),
            f"$2 \\times {number(faces)}$",
            step="",
            qualifiers=("dep",),
        )
        final(b, Working(q, "2*(l*w + l*h + w*h)", fractions=False), unit="cm^2", step="")
        misconception(
            b,
            Misconception(
                "added the three different faces once each, not twice",
                "l*w + l*h + w*h",
                ("l*w + l*h + w*h",),
            ),
        )
        misconception(
            b, Misconception("worked out the volume instead of the surface area", "l*w*h")
        )

    def _cylinder(self, q: QuestionBuilder, rng: random.Random, *, diameter: bool) -> None:
        thing = rng.choice(["tin of soup", "candle", "water tank", "glass vase"])
        q.param("context", thing)
        big = thing == "water tank"
        if diameter:
            d = q.given("d", rng.randint(40, 120) if big else rng.randint(5, 16), unit="cm")
            radius, size = "d/2", f"diameter ${number(d)}$ cm"
            label = f"{number(d)} cm"
        else:
            r = q.given("r", rng.randint(20, 60) if big else rng.randint(3, 9), unit="cm")
            radius, size = "r", f"radius ${number(r)}$ cm"
            label = f"{number(r)} cm"
        h = q.given("h", rng.randint(60, 150) if big else rng.randint(8, 25), unit="cm")
        rv = q.value_of(radius)
        q.title = "Cylinder: volume and surface area"
        q.stem = f"A {thing} is a cylinder with {size} and height ${number(h)}$ cm."
        q.diagram_svg = solids.cylinder(
            "A cylinder",
            float(rv),
            float(h) if not big else float(h) / 2,
            (label, f"{number(h)} cm"),
            diameter=diameter,
        ).svg()

        vol = f"pi*({radius})**2*h"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        if diameter:
            a.step(f"$r = {number(q.value_of('d'))} \\div 2 = {number(rv)}$ cm", radius)
        a.step(f"$V = \\pi r^2 h = \\pi \\times {number(rv)}^2 \\times {number(h)}$", vol)
        ans = Working(q, vol)
        a.step(f"$V = {rounded(ans.value, SF3)}$ cm$^3$", vol)
        method(
            a,
            Working(q, vol),
            f"$\\pi \\times {number(rv)}^2 \\times {number(h)}$",
            step="",
        )
        final(a, ans, accuracy=SF3, unit="cm^3", step="", awrt=True)
        misconception(
            a, Misconception("used the curved surface area formula 2πrh", f"2*pi*({radius})*h")
        )
        if diameter:
            misconception(a, Misconception("used the diameter as the radius", "pi*d**2*h"))
        else:
            misconception(
                a, Misconception("squared the height instead of the radius", f"pi*({radius})*h**2")
            )

        curved, ends = f"2*pi*({radius})*h", f"2*pi*({radius})**2"
        if not diameter:
            b = q.part(
                "b",
                f"Calculate the curved surface area of the {thing}.",
                marks=2,
                command="Calculate",
            )
            b.step(
                f"$A = 2\\pi r h = 2 \\times \\pi \\times {number(rv)} \\times {number(h)}$", curved
            )
            ans = Working(q, curved)
            b.step(f"$A = {rounded(ans.value, SF3)}$ cm$^2$", curved)
            method(
                b,
                Working(q, curved),
                f"$2 \\times \\pi \\times {number(rv)} \\times {number(h)}$",
                step="",
            )
            final(b, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
            misconception(b, Misconception("used πrh instead of 2πrh", f"pi*({radius})*h"))
            misconception(b, Misconception("included the two circular ends", f"{curved} + {ends}"))
            return
        b = q.part(
            "b",
            f"Calculate the total surface area of the {thing}, including both ends.",
            marks=3,
            command="Calculate",
        )
        b.step(
            f"Curved surface $= 2 \\times \\pi \\times {number(rv)} \\times {number(h)} = "
            f"{rounded(q.value_of(curved), Accuracy.SF4)}\\ldots$",
            curved,
        )
        b.step(
            f"Two ends $= 2 \\times \\pi \\times {number(rv)}^2 = "
            f"{rounded(q.value_of(ends), Accuracy.SF4)}\\ldots$",
            ends,
        )
        ans = Working(q, f"{curved} + {ends}")
        b.step(f"Total $= {rounded(ans.value, SF3)}$ cm$^2$", f"{curved} + {ends}")
        method(
            b,
            Working(q, curved),
            f"$2 \\times \\pi \\times {number(rv)} \\times {number(h)}$",
            step="",
        )
        method(b, Working(q, ends), f"$2 \\times \\pi \\times {number(rv)}^2$", step="")
        final(b, ans, accuracy=SF3, unit="cm^2", step="", awrt=True)
        misconception(
            b,
            Misconception(
                "included only one circular end", f"{curved} + pi*({radius})**2", (curved,)
            ),
        )
        misconception(b, Misconception("gave the curved surface only", curved, (curved,)))

        litres = f"{vol}/1000"
        c = q.part("c", f"Write the volume of the {thing} in litres.", marks=1, command="Write")
        ans = Working(q, litres)
        c.step(
            f"$1$ litre $= 1000$ cm$^3$, so the volume is "
            f"${rounded(q.value_of(vol), Accuracy.SF4)}\\ldots \\div 1000 = {rounded(ans.value)}$ litres",
            litres,
        )
        final(
            c,
            ans,
            accuracy=SF3,
            unit="litres",
            step="",
            qualifiers=("FT",),
            partial=["FT their volume ÷ 1000"],
        )
        misconception(c, Misconception("divided by 100 instead of 1000", f"{vol}/100"))

    def _triangular_prism(self, q: QuestionBuilder, rng: random.Random) -> None:
        base, height, hyp = rng.choice(_RIGHT_TRIANGLES)
        a_ = q.given("a", base, unit="cm")
        b_ = q.given("b", height, unit="cm")
        c_ = q.given("c", hyp, unit="cm")
        length = q.given("L", rng.randint(10, 40), unit="cm")
        thing = rng.choice(["wedge", "doorstop", "ramp", "chocolate box"])
        q.param("context", thing)
        q.title = "Triangular prism: volume and surface area"
        q.stem = (
            f"A {thing} is a prism of length ${number(length)}$ cm. Its cross-section is a "
            f"right-angled triangle with sides ${number(a_)}$ cm, ${number(b_)}$ cm and ${number(c_)}$ cm."
        )
        q.diagram_svg = solids.prism(
            "A triangular prism",
            [(0, 0), (base, 0), (0, height)],
            float(length) / 2,
            {(0, 1): f"{base} cm", (2, 0): f"{height} cm", (1, 2): f"{hyp} cm"},
            f"{number(length)} cm",
            inner=((1, 2),),
        ).svg()
        vol = "a*b/2*L"
        a = q.part("a", f"Calculate the volume of the {thing}.", marks=2, command="Calculate")
        a.step(
            f"Area of cross-section $= \\frac{{1}}{{2}} \\times {number(a_)} \\times {number(b_)} = "
            f"{number(a_ * b_ / 2)}$ cm$^2$",
            "a*b/2",
        )
        a.step(
            f"$V = {number(a_ * b_ / 2)} \\times {number(length)} = {number(a_ * b_ / 2 * length)}$ cm$^3$",
            vol,
        )
        method(
            a,
            Working(q, vol),
            f"$\\frac{{1}}{{2}} \\times {number(a_)} \\times {number(b_)} \\times {number(length)}$",
            step="",
        )
        final(a, Working(q, vol, fractions=False), unit="cm^3", step="")
        misconception(a, Misconception("forgot the ½ in the area of the triangle", "a*b*L"))
        misconception(a, Misconception("multiplied the three sides of the triangle", "a*b*c"))

        rects = "(a + b + c)*L"
        total = f"a*b + {rects}"
        b = q.part(
            "b", f"Calculate the total surface area of the {thing}.", marks=3, command="Calculate"
        )
        b.step(
            f"Two triangles: $2 \\times \\frac{{1}}{{2}} \\times {number(a_)} \\times {number(b_)} = "
            f"{number(a_ * b_)}$",
            "a*b",
        )
        b.step(
            f"Three rectangles: $({number(a_)} + {number(b_)} + {number(c_)}) \\times {number(length)} = "
            f"{number((a_ + b_ + c_) * length)}$",
            rects,
        )
        b.step(f"Total $= {number(a_ * b_ + (a_ + b_ + c_) * length)}$ cm$^2$", total)
        method(
            b,
            Working(q, "a*b"),
            f"$2 \\times \\frac{{1}}{{2}} \\times {number(a_)} \\times {number(b_)}$",
            step="",
        )
        method(
            b,
            Working(q, rects),
            f"$({number(a_)} + {number(b_)} + {number(c_)}) \\times {number(length)}$",
            step="",
            partial=["M1 for the three rectangles added"],
        )
        final(
            b,
            Working(q, total, fractions=False),
            unit="cm^2",
            step="",
            awarded_for=f"${number(a_ * b_ + (a_ + b_ + c_) * length)}$",
        )
        misconception(
            b, Misconception("included only one triangular end", f"a*b/2 + {rects}", (rects,))
        )
        misconception(
            b, Misconception("left out the sloping rectangular face", "a*b + (a + b)*L", ("a*b",))
        )

    def _pool(self, q: QuestionBuilder, rng: random.Random) -> None:
        length = q.given("L", 2 * rng.randint(8, 15), unit="m")
        width = q.given("W", rng.randint(6, 12), unit="m")
        shallow = q.given("p", Rational(rng.randint(8, 12), 10), unit="m")
        deep = q.given("s", Rational(rng.randint(18, 30), 10), unit="m")
        q.title = "Prism: a swimming pool"
        q.stem = (
            f"A swimming pool is a prism. The pool is ${number(length)}$ m long and ${number(width)}$ m "
            f"wide. It is ${number(shallow)}$ m deep at the shallow end and ${number(deep)}$ m deep at "
            "the deep end. The cross-section is a trapezium."
        )
        q.diagram_svg = solids.prism(
            "A swimming pool",
            [
                (0, 0),
                (float(length), 0),
                (float(length), -float(deep) * 4),
                (0, -float(shallow) * 4),
            ],
            float(width),
            {
                (0, 1): f"{number(length)} m",
                (1, 2): f"{number(deep)} m",
                (3, 0): f"{number(shallow)} m",
            },
            f"{number(width)} m",
        ).svg()
        cross = "(p + s)/2*L"
        vol = f"{cross}*W"
        a = q.part("a", "Calculate the volume of the pool.", marks=3, command="Calculate")
        a.step(
            f"Area of cross-section $= \\frac{{1}}{{2}}({number(shallow)} + {number(deep)}) \\times "
            f"{number(length)} = {number(q.value_of(cross))}$ m$^2$",
            cross,
        )
        a.step(
            f"$V = {number(q.value_of(cross))} \\times {number(width)} = {number(q.value_of(vol))}$ m$^3$",
            vol,
        )
        method(
            a,
            Working(q, cross),
            f"$\\frac{{1}}{{2}}({number(shallow)} + {number(deep)}) \\times {number(length)}$",
            step="",
        )
        method(
            a,
            Working(q, vol),
            f"their ${number(q.value_of(cross))} \\times {number(width)}$",
            step="",
            qualifiers=("dep",),
        )
        final(a, Working(q, vol, fractions=False), unit="m^3", step="")
        misconception(a, Misconception("forgot the ½ in the area of the trapezium", "(p + s)*L*W"))
        misconception(a, Misconception("used the depth of the deep end throughout", "s*L*W"))
        b = q.part(
            "b",
            "Work out the number of litres of water the pool holds when it is full."
            "\n[$1$ m$^3$ = $1000$ litres]",
            marks=1,
            command="Work out",
        )
        b.step(
            f"${number(q.value_of(vol))} \\times 1000 = {number(q.value_of(vol) * 1000)}$ litres",
            f"{vol}*1000",
        )
        final(
            b,
            Working(q, f"{vol}*1000", fractions=False),
            unit="litres",
            step="",
            qualifiers=("FT",),
            partial=["FT their volume × 1000"],
        )
        misconception(b, Misconception("multiplied by 100 instead of 1000", f"{vol}*100"))

        rate = q.given("f", 50 * rng.randint(4, 30), unit="litres per minute")
        hours = f"{vol}*1000/f/60"
        c = q.part(
            "c",
            f"The empty pool is filled with water at a rate of ${number(rate)}$ litres per minute.\n"
            "Calculate the time it takes to fill the pool. Give your answer in hours.",
            marks=2,
            command="Calculate",
        )
        minutes = f"{vol}*1000/f"
        c.step(
            f"${number(q.value_of(vol) * 1000)} \\div {number(rate)} = {rounded(q.value_of(minutes), SF4)}"
            f"{'' if q.value_of(minutes).is_integer else '\\ldots'}$ minutes",
            minutes,
        )
        ans = Working(q, hours)
        shown = exact_or_3sf(ans.value)
        c.step(
            f"${rounded(q.value_of(minutes), SF4)}\\ldots \\div 60 = {rounded(ans.value, shown)}$ hours",
            hours,
        )
        method(
            c,
            Working(q, minutes),
            f"their ${number(q.value_of(vol) * 1000)} \\div {number(rate)}$",
            step="",
            qualifiers=("FT",),
        )
        final(c, ans, accuracy=shown, unit="hours", step="", awrt=True)
        misconception(c, Misconception("gave the time in minutes", minutes, (minutes,)))
        misconception(
            c,
            Misconception(
                "divided by 100 to change minutes to hours", f"{vol}*1000/f/100", (minutes,)
            ),
        )

    def _cylinder_height(self, q: QuestionBuilder, rng: random.Random) -> None:
        r = q.given("r", rng.randint(3, 12), unit="cm")
        target = rng.uniform(6, 25)
        volume = q.given("V", 10 * round(float(pi) * float(r) ** 2 * target / 10), unit="cm^3")
        thing = rng.choice(["tin", "jar", "mug"])
        q.param("context", thing)
        q.title = "Cylinder: height from the volume"
        q.stem = f"A cylindrical {thing} has radius ${number(r)}$ cm and volume ${number(volume)}$ {cubed('cm')}."
        q.diagram_svg = solids.cylinder(
            "A cylinder", float(r), target, (f"{number(r)} cm", "h cm")
        ).svg()
        height = "V/(pi*r**2)"
        a = q.part("a", f"Calculate the height, $h$, of the {thing}.", marks=3, command="Calculate")
        a.step(
            f"Area of base $= \\pi \\times {number(r)}^2 = {rounded(pi * r**2, Accuracy.SF4)}\\ldots$",
            "pi*r**2",
        )
        ans = Working(q, height)
        a.step(
            f"$h = {number(volume)} \\div {rounded(pi * r**2, Accuracy.SF4)}\\ldots = {rounded(ans.value, SF3)}$ cm",
            height,
        )
        method(a, Working(q, "pi*r**2"), f"$\\pi \\times {number(r)}^2$", step="")
        method(
            a,
            Working(q, height),
            f"${number(volume)} \\div (\\pi \\times {number(r)}^2)$",
            step="",
            qualifiers=("dep", "oe"),
        )
        final(a, ans, accuracy=SF3, unit="cm", step="", awrt=True, label="h")
        misconception(a, Misconception("divided by 2πr instead of πr²", "V/(2*pi*r)"))
        misconception(a, Misconception("left out π", "V/r**2"))
        misconception(a, Misconception("divided by πr, not squaring the radius", "V/(pi*r)"))
        curved = f"2*pi*r*{height}"
        b = q.part(
            "b", f"Calculate the curved surface area of the {thing}.", marks=2, command="Calculate"
        )
        b.step(
            f"$A = 2 \\times \\pi \\times {number(r)} \\times "
            f"{rounded(q.value_of(height), Accuracy.SF4)}\\ldots$",
            None,
        )
        ans = Working(q, curved)
        shown = exact_or_3sf(ans.value)  # 2V/r: exact when it is a short decimal
        b.step(f"$A = {rounded(ans.value, shown)}$ cm$^2$", curved)
        method(
            b,
            Working(q, curved),
            f"$2 \\times \\pi \\times {number(r)} \\times$ their $h$",
            step="",
            qualifiers=("FT",),
        )
        final(b, ans, accuracy=shown, unit="cm^2", step="", awrt=True)
        misconception(b, Misconception("used πrh instead of 2πrh", f"pi*r*{height}"))
