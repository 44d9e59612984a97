"""Scale drawings (syllabus 4.3) and constructions (4.2): map scales both ways, a scale in the
form 1 : n, areas on a map (Extended), and constructing a triangle from its three sides."""

from __future__ import annotations

import math
import random

import sympy

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.angles import DEGREES, words_latex
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.text import degrees
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number, plain
from questions.schemas import Accuracy, CalculatorPolicy, Tier

R = sympy.Rational


def _decimal(value: sympy.Rational) -> str:
    return number(value)


@register
class MapScale(Template):
    key = "geometry.map_scale"
    title = "Map scales and scale drawings"
    codes = {Tier.CORE: ("C4.3",), Tier.EXTENDED: ("E4.3",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Map scale"
        n = rng.choice([20_000, 25_000, 50_000, 50_000, 100_000, 200_000])
        q.given("n", n)
        place = rng.choice(
            [
                ("two villages", "villages"),
                ("two railway stations", "stations"),
                ("a farm and a lake", "places"),
                ("two hilltops", "hilltops"),
            ]
        )
        q.stem = f"A map has a scale of $1 : {number(n)}$."
        plan = {
            1: ["real"],
            2: ["map"],
            3: ["real", "map"],
            4: ["real", "map", "ratio"],
            5: ["real", "area"] if q.tier == Tier.EXTENDED else ["map", "real", "ratio"],
        }[difficulty]
        labels = iter("abc") if len(plan) > 1 else iter([""])
        for step in plan:
            label = next(labels)
            if step == "real":
                self._to_real(q, rng, n, label, place[0])
            elif step == "map":
                self._to_map(q, rng, n, label)
            elif step == "ratio":
                self._form_one_to_n(q, rng, label)
            else:
                self._area(q, rng, n, label)

    def _to_real(
        self, q: QuestionBuilder, rng: random.Random, n: int, label: str, what: str
    ) -> None:
        cm = R(rng.choice(range(12, 160, 3)), 10)
        km = cm * n / 100_000
        q.given("d_map", cm, unit="cm")
        part = q.part(
            label,
            f"On the map, the distance between {what} is ${_decimal(cm)}$ cm. "
            "Work out the actual distance between them in kilometres.",
            marks=2,
            command="Work out",
        )
        on_ground = Working(q, "d_map*n", latex=f"{_decimal(cm)} \\times {number(n)}")
        method(part, on_ground, step=f"${on_ground.substituted} = {number(cm * n)}$ cm")
        distance = Working(
            q, "d_map*n/100000", latex=f"{number(cm * n)} \\div 100\\,000", fractions=False
        )
        final(
            part,
            distance,
            unit="km",
            step=f"${distance.substituted} = {_decimal(km)}$ km",
            awarded_for=f"${_decimal(km)}$",
        )
        for error, scale in (
            ("divided by 10 000 instead of 100 000 to change cm to km", 10_000),
            ("gave the answer in metres", 100),
        ):
            misconception(
                part, Misconception(error, f"d_map*n/{scale}", ("d_map*n",), fractions=False)
            )

    def _to_map(self, q: QuestionBuilder, rng: random.Random, n: int, label: str) -> None:
        for _ in range(50):
            km = R(rng.choice(range(5, 200)), rng.choice([1, 2, 4, 10]))
            cm = km * 100_000 / n
            if 2 <= cm <= 25 and (cm * 10).q == 1 and (km * 100).q == 1:
                break
        else:
            raise Reject("no distance fits the map")
        q.given("d_real", km, unit="km")
        part = q.part(
            label,
            f"The actual distance between two schools is ${_decimal(km)}$ km. "
            "Work out the distance between the schools on the map, in centimetres.",
            marks=2,
            command="Work out",
        )
        in_cm = Working(q, "d_real*100000", latex=f"{_decimal(km)} \\times 100\\,000")
        method(
            part,
            in_cm,
            f"${in_cm.substituted}$ (km to cm)",
            step=f"${_decimal(km)}$ km $= {number(km * 100_000)}$ cm",
        )
        on_map = Working(
            q, "d_real*100000/n", latex=f"{number(km * 100_000)} \\div {number(n)}", fractions=False
        )
        final(
            part,
            on_map,
            unit="cm",
            step=f"${on_map.substituted} = {_decimal(cm)}$ cm",
            awarded_for=f"${_decimal(cm)}$",
        )
        misconception(
            part,
            Misconception(
                "changed km to cm by multiplying by 10 000", "d_real*10000/n", fractions=False
            ),
        )

    def _form_one_to_n(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        cm_on_plan = rng.choice([1, 2, 4, 5])
        metres = rng.choice([2, 5, 10, 20, 25, 50, 200, 500])
        q.given("cm_plan", cm_on_plan)
        q.given("m_real", metres)
        ratio = R(metres * 100, cm_on_plan)
        if ratio.q != 1:
            raise Reject("scale not whole")
        part = q.part(
            label,
            f"On a plan of a park, ${cm_on_plan}$ cm represents ${metres}$ m. "
            "Write this scale in the form $1 : n$.",
            marks=2,
            command="Write",
        )
        part.step(f"${metres}$ m $= {number(metres * 100)}$ cm", "m_real*100")
        part.step(
            f"${cm_on_plan} : {number(metres * 100)} = 1 : {number(ratio)}$",
            "(1, m_real*100/cm_plan)",
        )
        part.answer(
            "(1, m_real*100/cm_plan)",
            kind="ratio",
            plain=f"1 : {int(ratio)}",
            latex=f"1 : {number(ratio)}",
        )
        part.mark("M", f"${metres} \\times 100$ (metres to centimetres)", value="m_real*100")
        part.mark(
            "A", f"$1 : {number(ratio)}$", value="(1, m_real*100/cm_plan)", qualifiers=["cao"]
        )
        if cm_on_plan != 1:
            wrong(
                part,
                f"1 : {metres * 100}",
                "did not divide by the plan length",
                working=["m_real*100"],
            )
        if R(metres, cm_on_plan).q == 1 and metres != cm_on_plan:
            wrong(part, f"1 : {R(metres, cm_on_plan)}", "did not change metres to centimetres")

    def _area(self, q: QuestionBuilder, rng: random.Random, n: int, label: str) -> None:
        cm2 = rng.choice(range(4, 41))
        km2 = R(cm2) * n * n / 10**10
        q.given("a_map", cm2, unit="cm^2")
        part = q.part(
            label,
            f"A forest has an area of ${cm2}$ cm$^2$ on the map. "
            "Work out the actual area of the forest in square kilometres.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"$1$ cm on the map is ${number(R(n, 100_000))}$ km, so $1$ cm$^2$ is "
            f"${number(R(n, 100_000))}^2 = {number(R(n, 100_000) ** 2)}$ km$^2$",
            "(n/100000)**2",
        )
        part.step(
            f"${cm2} \\times {number(R(n, 100_000) ** 2)} = {number(km2)}$ km$^2$",
            "a_map*(n/100000)**2",
        )
        part.answer("a_map*(n/100000)**2", unit="km^2")
        part.mark(
            "M",
            f"$({number(R(n, 100_000))})^2$ or ${number(n)}^2$ seen",
            value="(n/100000)**2",
            partial=["M1 for squaring the length scale factor, in any units"],
        )
        part.mark(
            "M",
            f"${cm2} \\times {number(R(n, 100_000) ** 2)}$ oe",
            value="a_map*(n/100000)**2",
            qualifiers=["dep"],
        )
        part.mark("A", f"${number(km2)}$", value="a_map*(n/100000)**2")
        misconception(
            part,
            Misconception(
                "used the length scale instead of the area scale",
                "a_map*n/100000",
                fractions=False,
            ),
        )


@register
class ConstructTriangle(Template):
    key = "geometry.construct_triangle"
    title = "Constructing a triangle from three sides (scale drawing)"
    codes = {Tier.CORE: ("C4.2", "C4.3"), Tier.EXTENDED: ("E4.2", "E4.3")}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Construction of a triangle"
        for _ in range(100):
            sides = sorted(
                rng.sample(range(6, 14), 3) if difficulty == 1 else rng.sample(range(6, 15), 3)
            )
            c, a, b = sides[2], sides[0], sides[1]  # AB longest; BC = a, AC = b
            if a + b <= c + 1:
                continue
            angles = [
                math.degrees(math.acos((b * b + c * c - a * a) / (2 * b * c))),
                math.degrees(math.acos((a * a + c * c - b * b) / (2 * a * c))),
            ]
            if all(35 <= v <= 100 for v in angles) and 180 - sum(angles) >= 35:
                break
        else:
            raise Reject("no well-shaped triangle")
        metres = difficulty >= 2
        unit_m = rng.choice([10, 20, 50]) if metres else 1
        q.param("sides", f"{c},{a},{b}")
        drawn = f"$AB = {c}$ cm, $BC = {a}$ cm and $AC = {b}$ cm"
        if metres:
            for name, v in (("AB", c), ("BC", a), ("AC", b)):
                q.given(name, v * unit_m, unit="m")
            if difficulty == 2:
                q.given("s", unit_m)
                per_cm, scale_text = "s", f"$1$ cm to ${unit_m}$ m"
            else:
                q.given("k", unit_m * 100)
                per_cm, scale_text = "(k/100)", f"$1 : {number(unit_m * 100)}$"
            q.stem = (
                f"A field is in the shape of a triangle $ABC$ with $AB = {c * unit_m}$ m, "
                f"$BC = {a * unit_m}$ m and $AC = {b * unit_m}$ m. A scale drawing of the field is "
                f"made using a scale of {scale_text}."
            )
            part = q.part(
                "a",
                "Work out the length of $BC$ on the scale drawing.",
                marks=1,
                command="Work out",
            )
            if difficulty == 2:
                part.step(f"${a * unit_m} \\div {unit_m} = {a}$ cm", f"BC/{per_cm}")
            else:
                part.step(
                    f"${a * unit_m}$ m $= {a * unit_m * 100}$ cm and "
                    f"${a * unit_m * 100} \\div {number(unit_m * 100)} = {a}$ cm",
                    f"BC/{per_cm}",
                )
            part.answer(f"BC/{per_cm}", unit="cm")
            part.mark("B", f"${a}$", value=f"BC/{per_cm}")
            if difficulty == 2:
                wrong(part, str(a * unit_m * unit_m), "multiplied by the scale instead of dividing")
            else:
                wrong(
                    part,
                    plain(R(a * unit_m, unit_m * 100)),
                    "divided the length in metres by the scale number without changing to cm",
                )
            construct_label, measure_label = "b", "c"
        else:
            for name, v in (("AB", c), ("BC", a), ("AC", b)):
                q.given(name, v, unit="cm")
            q.stem = f"Triangle $ABC$ has $AB = {c}$ cm, $BC = {a}$ cm and $AC = {b}$ cm."
            construct_label, measure_label = "a", "b"
        fig = Figure("Sketch of triangle ABC", scale=14)
        ax = (b * b + c * c - a * a) / (2 * c)
        up = -1.0 if difficulty == 5 else 1.0  # at difficulty 5, C is south of AB
        pa, pb, pc = (0.0, 0.0), (float(c), 0.0), (ax, up * math.sqrt(max(b * b - ax * ax, 0.01)))
        fig.polygon([pa, pb, pc])
        fig.label(pa, "A", 180).label(pb, "B", 0).label(pc, "C", 90 * up)
        q.diagram_svg = fig.svg()
        part = q.part(
            construct_label,
            (
                "Using a ruler and compasses only, construct the scale drawing of triangle $ABC$. "
                if metres
                else "Using a ruler and compasses only, construct triangle $ABC$. "
            )
            + "Leave in your construction arcs.",
            marks=2,
            command="Construct",
        )
        part.step(
            f"Draw $AB = {c}$ cm. Draw an arc of radius ${b}$ cm centre $A$ and an arc of "
            f"radius ${a}$ cm centre $B$; they cross at $C$."
        )
        words = f"accurate triangle with {drawn.replace('$', '')}, with construction arcs"
        part.answer(None, kind="text", plain=words, latex=words_latex(words))
        part.mark(
            "B",
            f"accurate triangle with {drawn} (±2 mm), with two pairs of correct arcs",
            count=2,
            partial=["B1 for an accurate triangle with no arcs or one pair of arcs"],
        )

        exact_b = "acosd((AB**2 + BC**2 - AC**2)/(2*AB*BC))"
        measured = int(round(angles[1]))
        part = q.part(measure_label, "Measure angle $ABC$.", marks=1, command="Write down")
        part.step(
            f"On an accurate drawing, angle $ABC = {degrees(measured)}$ (to the nearest degree).",
            exact_b,
        )
        part.answer(exact_b, accuracy=Accuracy.NEAREST_INTEGER, unit=DEGREES)
        part.mark(
            "B",
            f"${measured}$ (accept ${measured - 2}$ to ${measured + 2}$)",
            value=exact_b,
            qualifiers=["FT"],
            partial=["FT their accurate triangle"],
        )
        wrong(part, str(180 - measured), "read the wrong scale on the protractor")

        if difficulty >= 4:
            height = b * math.sin(math.radians(angles[0]))
            height_form = "AC*sind(acosd((AB**2 + AC**2 - BC**2)/(2*AB*AC)))"
            part = q.part(
                "d",
                "Use your scale drawing to find the actual shortest distance from $C$ to the "
                "side $AB$. Give your answer to the nearest metre.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"The perpendicular from $C$ to $AB$ measures about ${height:.1f}$ cm on the drawing.",
                f"{height_form}/{per_cm}",
            )
            part.step(
                f"${height:.1f} \\times {unit_m} \\approx {round(height * unit_m)}$ m", height_form
            )
            part.answer(height_form, accuracy=Accuracy.NEAREST_INTEGER, unit="m")
            part.mark(
                "M",
                "perpendicular from $C$ to $AB$ drawn and measured",
                value=f"{height_form}/{per_cm}",
                partial=[f"accept {height - 0.2:.1f} to {height + 0.2:.1f} cm"],
            )
            part.mark(
                "A",
                f"${round(height * unit_m)}$ (accept $\\pm {2 * unit_m // 10}$)",
                value=height_form,
                qualifiers=["FT"],
            )
            wrong(
                part,
                f"{height:.1f}",
                "gave the length on the drawing, not the actual distance",
                working=[f"{height_form}/{per_cm}"],
            )
        if difficulty == 5:
            bearing = 90 + angles[0]
            form = "90 + acosd((AB**2 + AC**2 - BC**2)/(2*AB*AC))"
            q.stem += " $B$ is due east of $A$ and $C$ is south of $AB$."
            part = q.part(
                "e",
                "Use your drawing to find the bearing of $C$ from $A$.",
                marks=2,
                command="Work out",
            )
            part.step(
                f"Angle $BAC$ measures about ${degrees(round(angles[0]))}$.",
                "acosd((AB**2 + AC**2 - BC**2)/(2*AB*AC))",
            )
            part.step(f"Bearing $= 90 + {round(angles[0])} = {round(bearing)}$", form)
            part.answer(form, accuracy=Accuracy.NEAREST_INTEGER, unit=DEGREES, label="bearing")
            part.mark(
                "M",
                f"angle $BAC = {round(angles[0])}$ measured",
                value="acosd((AB**2 + AC**2 - BC**2)/(2*AB*AC))",
            )
            part.mark(
                "A",
                f"${round(bearing)}$ (accept ${round(bearing) - 2}$ to ${round(bearing) + 2}$)",
                value=form,
                qualifiers=["FT"],
            )
            wrong(part, str(round(angles[0])), "gave angle BAC, not the bearing")
