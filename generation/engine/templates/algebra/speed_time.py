"""Speed–time graphs (E2.9) beyond the basic trapezium: the deceleration, the speed at a moment
and the moment a speed is reached, part of the area, two stages of acceleration, and an
unknown stopping time from a given distance."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception
from generation.engine.authoring.figures import Figure
from generation.engine.authoring.figures.svg import label_box
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import Accuracy, CalculatorPolicy, Tier

_VEHICLES = ["A car", "A train", "A cyclist", "A bus", "A tram"]


def _short(value: Rational) -> bool:
    return (value * 100).q == 1


def _figure(times: list[int], speeds: list[int], names: dict[int, str] | None = None) -> str:
    """The graph through (0, 0), (times[i], speeds[i]), sketched with its values marked
    (``names`` marks a time by a letter instead)."""
    names = names or {}
    end, top = times[-1], max(speeds)
    sx, sy = 11 / end, 6 / top
    fig = Figure("Speed–time graph", scale=30)
    fig.line((0, 0), (11.6, 0)).line((0, 0), (0, 6.8))
    half = label_box(0, 0, "Time (s)", 12)[2]
    # Above the end of the axis, else beyond it where the graph comes down to the axis there.
    fig.nudged((11.6, 0), "Time (s)", [(4 - half, -10), (8 + half, 0)], size=12)
    fig.text((0, 6.8), "Speed (m/s)", dx=6, dy=-6, size=12, anchor="start")
    fig.text((0, 0), "0", dx=-6, dy=13, size=12, anchor="end")
    points = [(0.0, 0.0)] + [(t * sx, v * sy) for t, v in zip(times, speeds, strict=True)]
    for a, b in zip(points, points[1:], strict=False):
        fig.line(a, b)
    marked_t: set[int] = set()
    marked_v: set[int] = set()
    for (x, y), t, v in zip(points[1:], times, speeds, strict=True):
        if t not in marked_t:
            marked_t.add(t)
            if v:
                fig.line((x, 0), (x, y), dashed=True, thin=True)
            fig.text((x, 0), names.get(t, str(t)), dy=14, size=12, italic=t in names)
        if v and v not in marked_v:
            marked_v.add(v)
            fig.line((0, y), (x, y), dashed=True, thin=True)
            fig.text((0, y), str(v), dx=-6, dy=4, size=12, anchor="end")
    return fig.svg()


def _story(times: list[int], speeds: list[int], stop: str = "") -> str:
    """The graph in words, as the question states it (every value on the diagram)."""
    pieces, t0, v0 = [], 0, 0
    for t, v in zip(times, speeds, strict=True):
        at = f"$t = {stop}$" if stop and t == times[-1] else f"$t = {t}$"
        if v > v0:
            pieces.append(f"accelerates uniformly from ${v0}$ m/s to ${v}$ m/s by {at}")
        elif v == v0:
            pieces.append(f"travels at ${v}$ m/s until {at}")
        else:
            pieces.append(f"decelerates uniformly to rest at {at}")
        t0, v0 = t, v
    del t0
    text = ", ".join(pieces[:-1]) + " and then " + pieces[-1]
    return f"It {text}."


@register
class SpeedTimeGraphs(Template):
    key = "algebra.speed_time_graphs"
    title = "Speed–time graphs: acceleration, distance and average speed"
    codes = {Tier.EXTENDED: ("E2.9",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Speed–time graph"
        who = rng.choice(_VEHICLES)
        two_stage = difficulty in (3, 4)
        if two_stage:
            v1, t1 = rng.choice(
                [(v, t) for v in (4, 5, 6, 8, 10) for t in (4, 5, 8, 10) if _short(Rational(v, t))]
            )
            v2, t2 = rng.choice(
                [
                    (v1 + dv, t1 + dt)
                    for dv in (2, 4, 5, 6, 8, 10)
                    for dt in (4, 5, 8, 10, 12)
                    if _short(Rational(dv, dt))
                ]
            )
            t3 = t2 + rng.choice([10, 15, 20, 25, 30, 40])
            t4 = t3 + rng.choice([t for t in (4, 5, 8, 10, 16, 20) if _short(Rational(v2, t))])
            times, speeds = [t1, t2, t3, t4], [v1, v2, v2, 0]
        else:
            v, t1 = rng.choice(
                [
                    (v, t)
                    for v in (8, 10, 12, 15, 16, 18, 20, 24)
                    for t in (4, 5, 6, 8, 10, 12)
                    if _short(Rational(v, t))
                ]
            )
            t2 = t1 + rng.choice([10, 15, 20, 25, 30, 40])
            t3 = t2 + rng.choice([t for t in (4, 5, 6, 8, 10, 12, 16) if _short(Rational(v, t))])
            times, speeds = [t1, t2, t3], [v, v, 0]
        if difficulty == 5:
            self._unknown_time(q, who, times, speeds)
            return
        for i, (t, v) in enumerate(zip(times, speeds, strict=True), start=1):
            q.given(f"t{i}", t)
            if v and (i == 1 or v != speeds[i - 2]):
                q.given(f"v{i}", v)
        q.diagram_svg = _figure(times, speeds)
        q.stem = (
            f"{who} starts from rest. The diagram shows the speed–time graph of the first "
            f"${times[-1]}$ seconds of its journey.\n\n{_story(times, speeds)}"
        )
        labels = iter("abcd")
        vtop = "v2" if two_stage else "v1"
        last = f"t{len(times)}"

        if not two_stage:
            self._single(q, rng, difficulty, times, speeds)
            return

        # acceleration in the first stage
        part = q.part(
            next(labels),
            f"Work out the acceleration during the first ${times[0]}$ seconds.",
            marks=2,
            command="Work out",
        )
        acc = Working(q, "v1/t1", latex=f"\\frac{{{speeds[0]}}}{{{times[0]}}}", fractions=False)
        method(part, acc, f"${acc.substituted}$", step=acc.equation("\\text{Acceleration}"))
        final(part, acc, step="", unit="m/s^2", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the time by the speed", "t1/v1", accuracy=Accuracy.SF3, fractions=False
            ),
        )

        if two_stage:
            part = q.part(
                next(labels),
                f"Work out the acceleration between $t = {times[0]}$ and $t = {times[1]}$.",
                marks=2,
                command="Work out",
            )
            acc2 = Working(
                q,
                "(v2 - v1)/(t2 - t1)",
                latex=f"\\frac{{{speeds[1]} - {speeds[0]}}}{{{times[1]} - {times[0]}}}",
                fractions=False,
            )
            method(part, acc2, f"${acc2.substituted}$", step=acc2.equation("\\text{Acceleration}"))
            final(part, acc2, step="", unit="m/s^2", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "divided the speed at the end by the time from the start",
                    "v2/t2",
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )
        # distance: the area under the graph
        dist_src = "t1*v1/2 + (t2 - t1)*(v1 + v2)/2 + (t3 - t2)*v2 + (t4 - t3)*v2/2"
        pieces = [
            f"\\frac{{1}}{{2}} \\times {times[0]} \\times {speeds[0]}",
            f"\\frac{{1}}{{2}}({speeds[0]} + {speeds[1]}) \\times {times[1] - times[0]}",
            f"{times[2] - times[1]} \\times {speeds[1]}",
            f"\\frac{{1}}{{2}} \\times {times[3] - times[2]} \\times {speeds[1]}",
        ]
        distance = Working(q, dist_src, latex=" + ".join(pieces), fractions=False)
        part = q.part(
            next(labels),
            f"Work out the total distance travelled in the ${times[-1]}$ seconds.",
            marks=3,
            command="Work out",
        )
        first = Working(q, "t1*v1/2", latex=pieces[0], fractions=False)
        method(
            part,
            first,
            "one correct area, e.g. " + f"${pieces[0]}$",
            step=first.equation("\\text{First stage}"),
        )
        method(
            part,
            distance,
            f"${distance.substituted}$ oe",
            step=f"Distance $= {distance.substituted} = {number(distance.value)}$ m",
            qualifiers=("oe", "dep"),
        )
        final(part, distance, step="", unit="m", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "multiplied the top speed by the total time, as if the speed were constant",
                f"{vtop}*{last}",
                fractions=False,
            ),
        )
        misconception(
            part,
            Misconception(
                "left out the halves in the triangle areas",
                dist_src.replace("/2", ""),
                (first.machine,),
                fractions=False,
            ),
        )

        if difficulty == 4:
            t1, t2 = times[0], times[1]
            moment = rng.choice(
                [
                    t
                    for t in range(t1 + 1, t2)
                    if _short(Rational(speeds[1] - speeds[0], t2 - t1) * (t - t1))
                ]
            )
            q.given("s", moment)
            part = q.part(
                next(labels),
                f"Work out the speed at $t = {moment}$.",
                marks=2,
                command="Work out",
            )
            speed = Working(
                q,
                "v1 + (v2 - v1)/(t2 - t1)*(s - t1)",
                latex=f"{speeds[0]} + {number(acc2.value)} \\times ({moment} - {t1})",
                fractions=False,
            )
            method(
                part,
                speed,
                f"${speed.substituted}$ oe",
                step=speed.equation("\\text{Speed}"),
            )
            final(part, speed, step="", unit="m/s", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    f"multiplied the acceleration by ${moment}$ from the start, forgetting the "
                    f"${speeds[0]}$ m/s already reached",
                    "(v2 - v1)/(t2 - t1)*s",
                    accuracy=Accuracy.SF3,
                    fractions=False,
                ),
            )

    @staticmethod
    def _single(
        q: QuestionBuilder,
        rng: random.Random,
        difficulty: int,
        times: list[int],
        speeds: list[int],
    ) -> None:
        """Accelerate, steady, decelerate: the deceleration, the speed at a moment while
        accelerating, and the distance while slowing down or the moment a speed is reached."""
        t1, t2, t3 = times
        v = speeds[0]
        part = q.part(
            "a",
            f"Work out the deceleration during the last ${t3 - t2}$ seconds.",
            marks=2,
            command="Work out",
        )
        dec = Working(q, "v1/(t3 - t2)", latex=f"\\frac{{{v}}}{{{t3} - {t2}}}", fractions=False)
        method(part, dec, f"${dec.substituted}$", step=dec.equation("\\text{Deceleration}"))
        final(part, dec, step="", unit="m/s^2", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the speed by the time from the start of the journey",
                "v1/t3",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        options = [t for t in range(1, t1) if _short(Rational(v * t, t1))]
        moment = rng.choice(options or [t1])
        q.given("s", moment)
        part = q.part("b", f"Work out the speed at $t = {moment}$.", marks=2, command="Work out")
        speed = Working(
            q, "v1/t1*s", latex=f"\\frac{{{v}}}{{{t1}}} \\times {moment}", fractions=False
        )
        method(part, speed, f"${speed.substituted}$ oe", step=speed.equation("\\text{Speed}"))
        final(part, speed, step="", unit="m/s", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the time by the acceleration instead of multiplying",
                "s/(v1/t1)",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        if difficulty == 1:
            part = q.part(
                "c",
                "Work out the distance travelled while the speed is decreasing.",
                marks=2,
                command="Work out",
            )
            slow = Working(
                q,
                "(t3 - t2)*v1/2",
                latex=f"\\frac{{1}}{{2}} \\times {t3 - t2} \\times {v}",
                fractions=False,
            )
            method(part, slow, f"${slow.substituted}$", step=slow.equation("\\text{Distance}"))
            final(part, slow, step="", unit="m", qualifiers=["cao"])
            misconception(
                part,
                Misconception(
                    "left out the half in the area of the triangle", "(t3 - t2)*v1", fractions=False
                ),
            )
            return
        targets = [x for x in range(1, v) if _short(Rational((v - x) * (t3 - t2), v))]
        target = rng.choice(targets)
        q.given("X", target)
        part = q.part(
            "c",
            f"Find the time, $t$ seconds, when the speed has fallen to ${target}$ m/s.",
            marks=3,
            command="Work out",
        )
        method(
            part,
            dec,
            f"deceleration $= {number(dec.value)}$",
            step=dec.equation("\\text{Deceleration}"),
        )
        after = Working(
            q,
            "(v1 - X)/(v1/(t3 - t2))",
            latex=f"({v} - {target}) \\div {number(dec.value)}",
            fractions=False,
        )
        method(
            part,
            after,
            f"${after.substituted}$ oe",
            step=after.equation("\\text{Time slowing down}"),
            qualifiers=("FT",),
        )
        moment_w = Working(q, f"t2 + {after.source}", fractions=False)
        final(
            part,
            moment_w,
            step=f"$t = {t2} + {number(after.value)} = {number(moment_w.value)}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception(
                "gave the time since the deceleration began, not the time from the start",
                after.machine,
                (dec.machine, after.machine),
                fractions=False,
            ),
        )

    @staticmethod
    def _unknown_time(q: QuestionBuilder, who: str, times: list[int], speeds: list[int]) -> None:
        """The time the vehicle stops is unknown (T); the distance is given: find T, then the
        deceleration."""
        t1, t2, t3 = times
        v = speeds[0]
        distance = Rational(t3 + t2 - t1, 2) * v
        q.given("t1", t1)
        q.given("t2", t2)
        q.given("v1", v)
        q.given("D", distance)
        q.diagram_svg = _figure(times, speeds, {t3: "T"})
        q.stem = (
            f"{who} starts from rest. The diagram shows its speed–time graph.\n\n"
            f"{_story(times, speeds, stop='T')} It travels ${number(distance)}$ m in the $T$ "
            "seconds."
        )
        part = q.part(
            "a",
            f"Work out the acceleration during the first ${t1}$ seconds.",
            marks=2,
            command="Work out",
        )
        acc = Working(q, "v1/t1", latex=f"\\frac{{{v}}}{{{t1}}}", fractions=False)
        method(part, acc, f"${acc.substituted}$", step=acc.equation("\\text{Acceleration}"))
        final(part, acc, step="", unit="m/s^2", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the time by the speed", "t1/v1", accuracy=Accuracy.SF3, fractions=False
            ),
        )
        part = q.part("b", "Find the value of $T$.", marks=3, command="Work out")
        area = (
            f"\\frac{{1}}{{2}} \\times {t1} \\times {v} + {t2 - t1} \\times {v} + "
            f"\\frac{{1}}{{2}}(T - {t2}) \\times {v}"
        )
        equation = "Eq(t1*v1/2 + (t2 - t1)*v1 + (T - t2)*v1/2, D)"
        known = Working(q, "t1*v1/2 + (t2 - t1)*v1")
        part.step(
            f"Area up to $t = {t2}$: $\\frac{{1}}{{2}} \\times {t1} \\times {v} + {t2 - t1} "
            f"\\times {v} = {number(known.value)}$",
            known.machine,
        )
        part.step(f"Area under the graph: ${area} = {number(distance)}$", equation)
        part.mark(
            "M",
            f"${area}$ oe",
            value="t1*v1/2 + (t2 - t1)*v1",
            partial=["M1 for the area of the first two parts, or the trapezium formula with $T$"],
        )
        part.mark("M", f"${area} = {number(distance)}$ oe", value=equation, qualifiers=["dep"])
        value = Working(q, "2*D/v1 - t2 + t1")
        part.step(f"$T = {value.latex}$", value.machine)
        part.answer(value.machine, variable="T", satisfies=equation)
        part.mark("A", f"$T = {value.latex}$", value=value.machine, qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the distance by the top speed, as if the speed were constant",
                "D/v1",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
        part = q.part(
            "c",
            "Work out the deceleration at the end of the journey.",
            marks=2,
            command="Work out",
        )
        dec = Working(
            q,
            "v1/(2*D/v1 - 2*t2 + t1)",
            latex=f"\\frac{{{v}}}{{{t3} - {t2}}}",
            fractions=False,
        )
        method(
            part,
            dec,
            f"${v} \\div$ (their $T - {t2}$)",
            step=dec.equation("\\text{Deceleration}"),
            qualifiers=("FT",),
        )
        final(part, dec, step="", unit="m/s^2", qualifiers=["cao"])
        misconception(
            part,
            Misconception(
                "divided the speed by $T$, the time from the start",
                "v1/(2*D/v1 - t2 + t1)",
                accuracy=Accuracy.SF3,
                fractions=False,
            ),
        )
