"""Scatter diagrams (9.5): correlation and estimates from a line of best fit."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational

from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from generation.engine.formatting import number
from generation.engine.templates.statistics._common import wrong_number
from generation.engine.templates.statistics._tables import table, text
from questions.schemas import Accuracy, AnswerKind, CalculatorPolicy, Tier

# (x description, x heading, y heading, x values, gradient sign, y at the first x, y spread,
#  relationship in words, units)
_SCATTER = [
    (
        "the number of hours",
        "Hours revising",
        "Test mark",
        (1, 12),
        1,
        (25, 35),
        (4, 6),
        "the more hours a student revises, the higher their test mark",
        "hours",
        "marks",
    ),
    (
        "the age, in years,",
        "Age (years)",
        "Value (1000s of dollars)",
        (1, 10),
        -1,
        (24, 30),
        (1, 2),
        "the older the car, the lower its value",
        "years",
        "thousand dollars",
    ),
    (
        "the temperature, in °C,",
        "Temperature (°C)",
        "Hot drinks sold",
        (2, 24),
        -1,
        (120, 160),
        (3, 6),
        "the higher the temperature, the fewer hot drinks are sold",
        "°C",
        "drinks",
    ),
    (
        "the height, in centimetres,",
        "Height (cm)",
        "Arm span (cm)",
        (150, 185),
        1,
        (145, 155),
        (1, 1),
        "the taller the person, the longer their arm span",
        "cm",
        "cm",
    ),
]

_SCATTER_STEMS = {
    "Hours revising": "The table shows the number of hours, $x$, that each of {n} students spent "
    "revising and their mark, $y$, in a test.",
    "Age (years)": "The table shows the age, $x$ years, and the value, $y$ thousand dollars, of "
    "each of {n} cars of the same model.",
    "Temperature (°C)": "The table shows the midday temperature, $x$ °C, and the number of hot "
    "drinks sold, $y$, at a café on {n} days.",
    "Height (cm)": "The table shows the height, $x$ cm, and the arm span, $y$ cm, of {n} people.",
}


def _axis(low: float, high: float) -> tuple[int, int, int]:
    """A tidy axis: (start, end, step) covering low..high with about five steps."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if (high - low) / s <= 6)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    return start, end if end > start else start + step, step


def scatter_svg(points: list[tuple[int, int]], x_label: str, y_label: str) -> str:
    """A scatter diagram of integer points on a grid with tidy axis scales."""
    x0, x1, xs = _axis(min(p[0] for p in points), max(p[0] for p in points))
    y0, y1, ys = _axis(min(p[1] for p in points), max(p[1] for p in points))
    w, h, m = 380, 260, 46

    def px(x: float) -> float:
        return m + (x - x0) / (x1 - x0) * (w - 2 * m)

    def py(y: float) -> float:
        return h - m - (y - y0) / (y1 - y0) * (h - 2 * m)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'role="img" aria-label="Scatter diagram">',
        '<g stroke="#dddddd" stroke-width="1">',
    ]
    for x in range(x0, x1 + 1, xs):
        out.append(f'<line x1="{px(x):.1f}" y1="{py(y0):.1f}" x2="{px(x):.1f}" y2="{py(y1):.1f}"/>')
    for y in range(y0, y1 + 1, ys):
        out.append(f'<line x1="{px(x0):.1f}" y1="{py(y):.1f}" x2="{px(x1):.1f}" y2="{py(y):.1f}"/>')
    out.append("</g>")
    out.append(
        f'<g stroke="#000000" stroke-width="1.2"><line x1="{px(x0):.1f}" y1="{py(y0):.1f}" '
        f'x2="{px(x1):.1f}" y2="{py(y0):.1f}"/><line x1="{px(x0):.1f}" y1="{py(y0):.1f}" '
        f'x2="{px(x0):.1f}" y2="{py(y1):.1f}"/></g>'
    )
    out.append('<g font-family="sans-serif" font-size="10" fill="#000000">')
    for x in range(x0, x1 + 1, xs):
        out.append(f'<text x="{px(x):.1f}" y="{py(y0) + 13:.1f}" text-anchor="middle">{x}</text>')
    for y in range(y0, y1 + 1, ys):
        out.append(f'<text x="{px(x0) - 4:.1f}" y="{py(y) + 3:.1f}" text-anchor="end">{y}</text>')
    out.append("</g>")
    for x, y in points:
        cx, cy = px(x), py(y)
        out.append(
            f'<path d="M {cx - 4:.1f} {cy - 4:.1f} L {cx + 4:.1f} {cy + 4:.1f} '
            f'M {cx - 4:.1f} {cy + 4:.1f} L {cx + 4:.1f} {cy - 4:.1f}" stroke="#1f4e99" '
            'stroke-width="1.6"/>'
        )
    out.append(
        f'<text x="{w / 2}" y="{h - 8}" font-family="sans-serif" font-size="11" '
        f'text-anchor="middle">{x_label}</text>'
    )
    out.append(
        f'<text x="12" y="{h / 2}" font-family="sans-serif" font-size="11" '
        f'text-anchor="middle" transform="rotate(-90 12 {h / 2})">{y_label}</text>'
    )
    out.append("</svg>")
    return "".join(out)


def _fit(points: list[tuple[int, int]]) -> tuple[float, float, float]:
    """Least-squares gradient, intercept and correlation coefficient."""
    n = len(points)
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    syy = sum((p[1] - my) ** 2 for p in points)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in points)
    b = sxy / sxx
    return b, my - b * mx, sxy / math.sqrt(sxx * syy)


@register
class ScatterDiagram(Template):
    key = "statistics.scatter_diagram"
    title = "Scatter diagrams: correlation and estimates from a line of best fit"
    codes = {Tier.CORE: ("C9.5",), Tier.EXTENDED: ("E9.5",)}
    calculator = CalculatorPolicy.ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        (_, x_head, y_head, x_range, sign, y_start, spread, relation, x_unit, y_unit) = rng.choice(
            _SCATTER
        )
        span = x_range[1] - x_range[0]
        n = min(8 if difficulty <= 2 else 10, span - 2)
        xs = sorted(rng.sample(range(x_range[0], x_range[1] + 1), n))
        base = rng.randint(*y_start)
        # A clear trend with some scatter about it.
        rise = {
            "Hours revising": (3.5, 5.5),
            "Age (years)": (1.5, 2.2),
            "Temperature (°C)": (3, 5),
            "Height (cm)": (0.9, 1.1),
        }[x_head]
        slope = sign * rng.uniform(*rise)
        ys = [
            round(base + slope * (x - x_range[0]) + rng.uniform(-1, 1) * spread[1] * 1.5)
            for x in xs
        ]
        if min(ys) < 1 or (x_head == "Hours revising" and max(ys) > 100):
            raise Reject("values out of range")
        b, a, r = _fit(list(zip(xs, ys, strict=True)))
        if abs(r) < 0.85:
            raise Reject("the correlation is not clear")
        # The line of best fit, rounded to tidy values.
        # Gentle slopes keep two decimal places (a slope of exactly 1 would hide the gradient).
        m = Rational(round(b * 100), 100) if abs(b) < 2 else Rational(round(b * 10), 10)
        if abs(m) == 1:
            m += Rational(sign, 20)
        c = Rational(round(a))
        if m == 0:
            raise Reject("flat line")
        q.param("context", x_head)
        q.param("n", n)
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            q.given(f"px{i}", x)
            q.given(f"py{i}", y)
        q.given("m", m)
        q.given("c", c)
        stem = _SCATTER_STEMS[x_head].format(n=f"${n}$")
        q.title = "Scatter diagram"
        q.stem = (
            f"{stem} ${table([[text(x_head), *(str(x) for x in xs)], [text(y_head), *(str(y) for y in ys)]])}$"
            " The scatter diagram shows this information."
        )
        q.diagram_svg = scatter_svg(list(zip(xs, ys, strict=True)), x_head, y_head)
        labels = iter("abcdef")
        kind = "positive" if r > 0 else "negative"
        part = q.part(
            next(labels),
            "What type of correlation is shown by the scatter diagram?",
            marks=1,
            command="State",
        )
        part.step(
            f"As $x$ increases, $y$ tends to {'increase' if r > 0 else 'decrease'}, so the "
            f"correlation is {kind}."
        )
        part.answer(None, kind=AnswerKind.TEXT, plain=kind, latex=f"\\text{{{kind}}}")
        part.mark("B", kind.capitalize(), 1)

        mx = f"{number(m)}x"
        line = f"y = {mx} {'+' if c >= 0 else '-'} {number(abs(c))}"
        inside = [x for x in range(xs[0] + 1, xs[-1]) if x not in xs]
        # A value inside the data's range that is not one of the data values.
        x0 = rng.choice(inside or [x + Rational(1, 2) for x in xs[1:-1]])
        q.given("x0", x0)
        value = m * x0 + c
        part = q.part(
            next(labels),
            f"The equation of the line of best fit is ${line}$. Use this equation to estimate "
            f"the value of $y$ when $x = {number(x0)}$.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"$y = {number(m)} \\times {number(x0)} {'+' if c >= 0 else '-'} {number(abs(c))} = "
            f"{number(value)}$",
            "m*x0 + c",
        )
        part.answer("m*x0 + c")
        part.mark(
            "M",
            f"${number(m)} \\times {number(x0)} {'+' if c >= 0 else '-'} {number(abs(c))}$",
            value="m*x0 + c",
            qualifiers=["oe"],
        )
        part.mark("A", f"${number(value)}$", value="m*x0 + c", qualifiers=["cao"])
        wrong_number(part, (m * x0), "left out the constant term of the equation", 0)

        if difficulty >= 2:
            y_target = rng.randint(min(ys) + 1, max(ys) - 1)
            q.given("y0", y_target)
            x_value = (y_target - c) / m
            part = q.part(
                next(labels),
                f"Use the equation of the line of best fit to estimate the value of $x$ when "
                f"$y = {y_target}$.",
                marks=2,
                command="Work out",
            )
            eq = "Eq(m*x + c, y0)"
            part.step(f"${mx} {'+' if c >= 0 else '-'} {number(abs(c))} = {y_target}$", eq)
            ans = part.answer("(y0 - c)/m", accuracy=Accuracy.SF3, variable="x", satisfies=eq)
            part.step(
                f"$x = \\frac{{{y_target} {'-' if c >= 0 else '+'} {number(abs(c))}}}"
                f"{{{number(m)}}} = {ans.latex}$",
                "(y0 - c)/m",
            )
            part.mark(
                "M",
                f"${mx} {'+' if c >= 0 else '-'} {number(abs(c))} = {y_target}$",
                value=eq,
                qualifiers=["oe"],
            )
            exact = ans.plain == sympy.sstr(x_value) or (x_value.q in (1, 2, 4, 5, 10))
            part.mark(
                "A", f"${ans.latex}$", value="(y0 - c)/m", qualifiers=["cao"] if exact else ["awrt"]
            )
            wrong = (y_target + c) / m
            if wrong != x_value:
                wrong_number(part, wrong, "added the constant instead of subtracting it", 0)

        if difficulty >= 4:
            far = xs[-1] + rng.randint(2, 4) * max(1, span // 4)
            q.given("xf", far)
            part = q.part(
                next(labels),
                f"Explain why it may not be reliable to use the line of best fit to estimate $y$ "
                f"when $x = {far}$.",
                marks=1,
                command="Explain",
            )
            part.step(
                f"${far}$ is outside the range of the data (${xs[0]}$ to ${xs[-1]}$); the "
                "trend may not continue beyond the data."
            )
            part.answer(
                None,
                kind=AnswerKind.TEXT,
                plain=f"{far} is outside the range of the data",
                latex=f"{far} \\text{{ is outside the range of the data}}",
            )
            part.mark("B", "It is outside the range of the data oe", 1)
        if difficulty == 5:
            part = q.part(
                next(labels),
                "Describe the relationship between the two variables in the context of the "
                "question.",
                marks=1,
                command="Describe",
            )
            part.step(relation.capitalize() + ".")
            part.answer(None, kind=AnswerKind.TEXT, plain=relation, latex=f"\\text{{{relation}}}")
            part.mark("B", relation.capitalize() + " oe", 1)
