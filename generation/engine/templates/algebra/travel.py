"""Graphs in practical situations (2.9): distance–time and speed–time graphs."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine import formatting
from generation.engine.authoring import Misconception, misconception, wrong
from generation.engine.authoring.figures import Graph
from generation.engine.authoring.text import NAMES
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier


def travel_graph(
    points: list[tuple[int, int]],
    x: tuple[int, int],
    y: tuple[int, int],
    x_title: str,
    y_title: str,
) -> str:
    """A travel graph as printed on 0580 papers: the journey as straight segments on squared
    paper, numbered every ``x[1]`` and ``y[1]`` up to ``x[0]`` and ``y[0]``."""
    graph = Graph(
        f"{y_title} against {x_title}",
        (0, x[0], x[1]),
        (0, y[0], y[1]),
        x_title=x_title,
        y_title=y_title,
        minor=(2, 2),
    )
    return graph.polyline(points).svg()


def _shown(value: Rational, accuracy: Accuracy = Accuracy.SF3) -> str:
    return formatting.display(value, accuracy)[0]


def _distance_time(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    name = rng.choice(NAMES)
    how = rng.choice(["cycles", "walks", "runs"])
    speed = {"cycles": (12, 24), "walks": (4, 6), "runs": (8, 12)}[how]
    # first stage: a distance and a time that give a sensible speed
    while True:
        t1 = 10 * rng.randint(2, 6) if how != "walks" else 15 * rng.randint(2, 6)
        d1 = rng.randint(2, 16)
        v1 = Rational(d1 * 60, t1)
        if speed[0] <= v1 <= speed[1]:
            break
    t2 = 10 * rng.randint(1, 4) if how != "walks" else 15 * rng.randint(1, 3)
    t3 = t1 - (10 if how != "walks" else 15) * rng.randint(-1, 1)
    t3 = max(t3, 10)
    if difficulty >= 4 and how != "walks":
        t3 += 5  # an awkward return time (25, 35, ...): halfway between two grid lines
    points = [(0, 0), (t1, d1), (t1 + t2, d1), (t1 + t2 + t3, 0)]
    total_time = t1 + t2 + t3
    x_step = 10 if how != "walks" else 15
    x_max = x_step * (total_time // x_step + 1)
    y_max = 2 * (d1 // 2 + 1)
    q.diagram_svg = travel_graph(points, (x_max, x_step), (y_max, 1 if y_max <= 12 else 2),
                                 "Time (minutes)", "Distance from home (km)")  # fmt: skip
    for key, value in (("t1", t1), ("t2", t2), ("t3", t3), ("d1", d1)):
        q.param(key, value)  # read from the graph, not stated in the text
    q.title = "Distance–time graph"
    q.stem = (f"{name} {how} from home to a park, stays there for a while and then returns home "
              "along the same route.\nThe distance–time graph shows the journey.")  # fmt: skip

    a = q.part("a", f"For how many minutes did {name} stay at the park?", marks=1,
               command="Write down")  # fmt: skip
    a.step(f"The graph is horizontal from {t1} to {t1 + t2} minutes: ${t2}$ minutes", t2)
    a.answer(t2, unit="minutes")
    a.mark("B", f"${t2}$", value=t2, qualifiers=["cao"])
    wrong(a, str(t1 + t2), "read the time at the end of the stop, not how long it lasted")

    # Harder variants ask about the return journey, whose time is not a whole grid step.
    back = difficulty >= 4
    leg_time, way = (t3, "on the way home") if back else (t1, "on the way to the park")
    v_leg = Rational(d1 * 60, leg_time)
    b = q.part("b", f"Work out {name}'s speed, in kilometres per hour, {way}.", marks=2,
               command="Work out")  # fmt: skip
    hours = Rational(leg_time, 60)
    hours_tex = (formatting.number(hours) if hours.q in (1, 2, 4, 5)
                 else f"\\frac{{{leg_time}}}{{60}}")  # fmt: skip
    if back:
        b.step(f"The journey home takes ${t1 + t2 + t3} - {t1 + t2} = {t3}$ minutes", t3)
    b.step(f"{leg_time} minutes $= {hours_tex}$ hour{'' if hours == 1 else 's'}", hours)
    b.step(f"Speed $= {d1} \\div {hours_tex} = {_shown(v_leg)}$ km/h", v_leg)
    b.answer(v_leg, accuracy=Accuracy.SF3, unit="km/h")
    b.mark("M", f"${d1} \\div \\frac{{{leg_time}}}{{60}}$", value=v_leg, qualifiers=["oe"],
           partial=["for distance ÷ time with the time in hours"])  # fmt: skip
    b.mark("A", f"${_shown(v_leg)}$", value=v_leg, qualifiers=["cao"])
    misconception(b, Misconception("divided by the time in minutes, giving km per "
                 "minute", Rational(d1, leg_time), accuracy=Accuracy.SF3, fractions=False))  # fmt: skip
    if back:
        misconception(b, Misconception("used the time on the clock when "
                     "arriving home instead of the time the journey home took", Rational(d1 * 60, t1 + t2 + t3), accuracy=Accuracy.SF3, fractions=False))  # fmt: skip

    if difficulty >= 2:
        v_all = Rational(2 * d1 * 60, total_time)
        c = q.part("c", "Work out the average speed, in kilometres per hour, for the whole "
                   "journey.", marks=2, command="Work out")  # fmt: skip
        c.step(f"Total distance $= {2 * d1}$ km, total time $= {total_time}$ minutes", 2 * d1)
        c.step(f"Average speed $= {2 * d1} \\div \\frac{{{total_time}}}{{60}} = {_shown(v_all)}$ "
               "km/h", v_all)  # fmt: skip
        c.answer(v_all, accuracy=Accuracy.SF3, unit="km/h")
        c.mark("M", f"${2 * d1} \\div \\frac{{{total_time}}}{{60}}$", value=v_all,
               qualifiers=["oe"], partial=["for total distance ÷ total time"])  # fmt: skip
        c.mark("A", f"${_shown(v_all)}$", value=v_all, qualifiers=["cao"])
        misconception(c, Misconception("used the distance one way only", Rational(d1 * 60, total_time), accuracy=Accuracy.SF3, fractions=False))  # fmt: skip
        moving = Rational(2 * d1 * 60, t1 + t3)
        if moving != v_all:
            misconception(c, Misconception("left out the time spent at the park", moving, accuracy=Accuracy.SF3, fractions=False))  # fmt: skip


def _speed_time(q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
    v = rng.choice([8, 10, 12, 14, 15, 16, 18, 20, 24, 25, 30])
    t1 = rng.choice([4, 5, 6, 8, 10, 12, 15])
    t2 = 5 * rng.randint(2, 8)
    t3 = rng.choice([4, 5, 6, 8, 10, 12, 15, 20])
    total = t1 + t2 + t3
    for key, value in (("v", v), ("t1", t1), ("t2", t2), ("t3", t3)):
        q.given(key, value)
    q.diagram_svg = travel_graph(
        [(0, 0), (t1, v), (t1 + t2, v), (total, 0)], (5 * (total // 5 + 1), 5),
        (5 * (v // 5 + 1), 5), "Time (s)", "Speed (m/s)",
    )  # fmt: skip
    q.title = "Speed–time graph"
    q.stem = (f"The speed–time graph shows a car's journey.\nThe car accelerates uniformly from "
              f"rest to a speed of {v} m/s in {t1} seconds.\nIt travels at {v} m/s for {t2} "
              f"seconds.\nIt then decelerates uniformly and stops after another {t3} seconds.")  # fmt: skip
    acc = Rational(v, t1)
    a = q.part("a", "Calculate the acceleration of the car in the first part of the journey.",
               marks=2, command="Calculate")  # fmt: skip
    a.step(f"Acceleration $=$ gradient $= {v} \\div {t1} = {_shown(acc)}$ m/s$^2$", acc)
    a.answer(acc, accuracy=Accuracy.SF3, unit="m/s^2")
    a.mark("M", f"${v} \\div {t1}$", value=acc, partial=["for gradient = speed ÷ time"])
    a.mark("A", f"${_shown(acc)}$", value=acc, qualifiers=["cao"])
    misconception(
        a,
        Misconception(
            "divided the time by the speed", Rational(t1, v), accuracy=Accuracy.SF3, fractions=False
        ),
    )

    distance = Rational(t1 * v, 2) + t2 * v + Rational(t3 * v, 2)
    b = q.part("b", "Calculate the total distance travelled by the car.", marks=3,
               command="Calculate")  # fmt: skip
    parts = (Rational(t1 * v, 2), t2 * v, Rational(t3 * v, 2))
    b.step(f"Area under the graph: $\\frac{{1}}{{2}} \\times {t1} \\times {v} + {t2} \\times {v} + "
           f"\\frac{{1}}{{2}} \\times {t3} \\times {v}$", parts)  # fmt: skip
    b.step(f"Constant speed: ${t2} \\times {v} = {parts[1]}$ m", parts[1])
    b.step(f"$= {formatting.number(parts[0])} + {parts[1]} + {formatting.number(parts[2])} = "
           f"{_shown(distance)}$ m", distance)  # fmt: skip
    b.answer(distance, accuracy=Accuracy.SF3, unit="m")
    b.mark("M", f"$\\frac{{1}}{{2}} \\times {t1} \\times {v}$ or ${t2} \\times {v}$ or "
           f"$\\frac{{1}}{{2}} \\times {t3} \\times {v}$", value=parts[1],
           partial=["for the area of one part"])  # fmt: skip
    b.mark("M", f"$\\frac{{1}}{{2}}({t2} + {total}) \\times {v}$", value=parts,
           qualifiers=["oe"], partial=["for a complete method for the whole area"])  # fmt: skip
    b.mark("A", f"${_shown(distance)}$", value=distance, qualifiers=["cao"])
    misconception(b, Misconception("used speed × total time (a rectangle), ignoring the sloping "
                 "parts", total * v, accuracy=Accuracy.SF3, fractions=False))  # fmt: skip
    if difficulty >= 4:
        average = distance / total
        c = q.part("c", "Calculate the average speed of the car for the whole journey.", marks=2,
                   command="Calculate")  # fmt: skip
        c.step(f"Average speed $= {_shown(distance)} \\div {total} = {_shown(average)}$ m/s",
               average)  # fmt: skip
        c.answer(average, accuracy=Accuracy.SF3, unit="m/s")
        c.mark("M", f"${_shown(distance)} \\div {total}$", value=average, qualifiers=["FT"],
               partial=["FT their (b) ÷ the total time"])  # fmt: skip
        c.mark("A", f"${_shown(average)}$", value=average, qualifiers=["cao"])
        misconception(c, Misconception("averaged the maximum speed and zero", Rational(v, 2), accuracy=Accuracy.SF3, fractions=False))  # fmt: skip


@register
class TravelGraphs(Template):
    key = "algebra.travel_graphs"
    title = "Distance–time and speed–time graphs"
    codes = {Tier.CORE: ("C2.9",), Tier.EXTENDED: ("E2.9",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if q.tier == Tier.CORE or difficulty <= 2:
            _distance_time(q, rng, difficulty)
        else:
            _speed_time(q, rng, difficulty)
