"""Straight-line graphs drawn on a grid (3.2): the equations of a vertical, a horizontal and a
sloping line read from the drawing, where the lines meet, and the triangle they enclose."""

from __future__ import annotations

import random

import sympy
from sympy import Rational

from generation.engine.authoring import Working, final, method, text, wrong
from generation.engine.authoring.figures import grid
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.formatting import number
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational
X = sympy.Symbol("x")
LOW, HIGH = -6, 6


def _line(m: Rational, c: Rational) -> tuple[str, str, str]:
    """The line y = mx + c: (machine form, plain, LaTeX)."""
    rhs = sympy.sstr(m * X + c)
    return f"Eq(y, {rhs})", f"y = {rhs}", f"y = {text.terms([(m, 'x'), (c, '')])}"


def _ends(m: Rational, c: Rational) -> tuple[tuple[Rational, Rational], tuple[Rational, Rational]]:
    """Where y = mx + c enters and leaves the grid."""
    found = set()
    for x in (LOW, HIGH):
        y = m * x + c
        if LOW <= y <= HIGH:
            found.add((R(x), y))
    for y in (LOW, HIGH):
        x = (y - c) / m
        if LOW <= x <= HIGH:
            found.add((x, R(y)))
    ends = sorted(found)
    if len(ends) < 2:
        raise Reject("the line misses the grid")
    return ends[0], ends[-1]


def _point(p: tuple[Rational, Rational]) -> tuple[str, str]:
    plain = f"({text.frac_plain(p[0])}, {text.frac_plain(p[1])})"
    return plain, f"({text.frac(p[0])}, {text.frac(p[1])})"


@register
class LinesOnGrid(Template):
    key = "coordinate.lines_on_grid"
    title = "Straight lines drawn on a grid: their equations, where they meet, the region between"
    codes = {Tier.CORE: ("C3.2",), Tier.EXTENDED: ("E3.2",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        gradients = {
            1: [],
            2: [R(-1)],
            3: [R(1), R(-1)],
            4: [R(2), R(-2), R(1), R(-1)],
            5: [R(2), R(-2), R(1, 2), R(-1, 2)],
        }[difficulty]
        sloping = bool(gradients)
        for _ in range(200):
            a = rng.choice([v for v in range(-4, 5) if v])
            b = rng.choice([v for v in range(-4, 5) if v and v != a])
            if not sloping:
                m, c = R(0), R(0)
                break
            m = rng.choice(gradients)
            c = R(rng.choice([v for v in range(-4, 5) if v]))
            # R meets P and Q at different points, inside the grid; at difficulty 5 the
            # triangle's corners are on grid points.
            y_at_p, x_at_q = m * a + c, (b - c) / m
            if y_at_p == b or not LOW + 1 <= y_at_p <= HIGH - 1:
                continue
            if not LOW + 1 <= x_at_q <= HIGH - 1:
                continue
            if difficulty == 5 and (x_at_q.q != 1 or y_at_p.q != 1):
                continue
            break
        else:
            raise Reject("no lines meeting inside the grid")
        q.param("a", a)
        q.param("b", b)
        q.param("m", str(m))
        q.param("c", str(c))

        fig = grid((LOW, HIGH), (LOW, HIGH), title="Straight lines on a grid", unit=22)
        fig.line((a, LOW), (a, HIGH)).place((a, HIGH), "P", prefer=(0, 180))
        fig.line((LOW, b), (HIGH, b)).place((HIGH, b), "Q", prefer=(90, 270))
        if sloping:
            start, end = _ends(m, c)
            fig.line(start, end).place(end, "R", prefer=(0, 180, 90, 270))
        q.diagram_svg = fig.svg()
        q.title = "Straight-line graphs"
        q.stem = (
            "The diagram shows the lines "
            + ("$P$, $Q$ and $R$" if sloping else "$P$ and $Q$")
            + " drawn on a grid."
        )

        part = q.part("a", "Write down the equation of line $P$.", marks=1, command="Write down")
        self._level(part, "x", a, "y")
        part = q.part("b", "Write down the equation of line $Q$.", marks=1, command="Write down")
        self._level(part, "y", b, "x")
        if not sloping:
            part = q.part(
                "c",
                "Write down the coordinates of the point where line $P$ meets line $Q$.",
                marks=1,
                command="Write down",
            )
            meet = (R(a), R(b))
            plain, latex = _point(meet)
            part.step(f"On $P$, $x = {a}$; on $Q$, $y = {b}$: they meet at ${latex}$.", str(meet))
            part.answer(str(meet), kind=AnswerKind.COORDINATES, plain=plain, latex=latex)
            part.mark("B", f"${latex}$", value=str(meet))
            wrong(part, f"({b}, {a})", "wrote the coordinates the wrong way round")
            return

        # (c) the sloping line's equation from two points on it
        machine, plain, latex = _line(m, c)
        part = q.part("c", "Find the equation of line $R$.", marks=2, command="Work out")
        p1 = (R(0), c)
        p2 = (R(m.q), c + m * m.q)
        gradient = Working(q, str(m))
        method(
            part,
            gradient,
            f"gradient ${gradient.latex}$ or $y$-intercept ${text.frac(c)}$",
            step=f"$R$ passes through ${_point(p1)[1]}$ and ${_point(p2)[1]}$: gradient "
            + (
                f"$= {gradient.latex}$"
                if m.q != 1 and abs(m.p) == 1
                else f"$= \\frac{{{text.frac(p2[1] - p1[1])}}}{{{m.q}}} = {gradient.latex}$"
            ),
            qualifiers=["soi"],
        )
        part.step(f"It crosses the $y$-axis at ${text.frac(c)}$, so ${latex}$", machine)
        part.answer(machine, kind=AnswerKind.EQUATION, plain=plain, latex=latex)
        part.mark("A", f"${latex}$ oe", value=machine, qualifiers=["oe"])
        _, flipped_plain, flipped_latex = _line(-m, c)
        wrong(
            part,
            flipped_plain,
            "gave the gradient the wrong sign",
            latex=flipped_latex,
            working=[f"{c}"],
        )
        if m.q == 1 and m != 1:
            _, inv_plain, inv_latex = _line(1 / m, c)
            wrong(part, inv_plain, "found the gradient as run over rise", latex=inv_latex)

        # (d) where P meets R
        meet = (R(a), m * a + c)
        plain, pt = _point(meet)
        part = q.part(
            "d",
            "Work out the coordinates of the point where line $P$ meets line $R$.",
            marks=2,
            command="Work out",
        )
        y = Working(q, f"{m}*{a} + {c}")
        method(
            part,
            y,
            f"$x = {a}$ substituted into $R$'s equation",
            step=f"On $P$, $x = {a}$. Then $y = {text.frac(m)} \\times {text.bracket(a)} "
            f"{text.signed(c)} = {y.latex}$",
        )
        source = f"({a}, {m}*{a} + {c})"
        part.step(f"The point is ${pt}$.", source)
        part.answer(source, kind=AnswerKind.COORDINATES, plain=plain, latex=pt)
        part.mark("A", f"${pt}$", value=source)
        wrong(
            part, f"({text.frac_plain(meet[1])}, {a})", "wrote the coordinates the wrong way round"
        )

        if difficulty == 5:
            self._triangle(q, a, b, m, c)

    @staticmethod
    def _level(part: PartBuilder, letter: str, value: int, other: str) -> None:
        """A vertical (x = a) or horizontal (y = b) line."""
        machine = f"Eq({letter}, {value})"
        kind = "vertical" if letter == "x" else "horizontal"
        part.step(f"The line is {kind}: every point on it has ${letter} = {value}$.", machine)
        part.answer(
            machine,
            kind=AnswerKind.EQUATION,
            plain=f"{letter} = {value}",
            latex=f"{letter} = {value}",
        )
        part.mark("B", f"${letter} = {value}$", value=machine)
        wrong(
            part, f"{other} = {value}", f"mixed up ${other} = $ and ${letter} = $ for a {kind} line"
        )

    @staticmethod
    def _triangle(q: QuestionBuilder, a: int, b: int, m: Rational, c: Rational) -> None:
        """(e) The right-angled triangle between P, Q and R."""
        up = m * a + c - b
        across = (b - c) / m - a
        part = q.part(
            "e",
            "Lines $P$, $Q$ and $R$ enclose a triangle. Work out the area of this triangle.",
            marks=2,
            command="Work out",
        )
        corner = (R(a), R(b))
        top = (R(a), m * a + c)
        side = ((b - c) / m, R(b))
        part.step(
            f"The corners are ${_point(corner)[1]}$, ${_point(top)[1]}$ and "
            f"${_point(side)[1]}$; the right angle is at ${_point(corner)[1]}$."
        )
        legs = Working(
            q, f"Abs({up})*Abs({across})", latex=f"{number(abs(up))} \\times {number(abs(across))}"
        )
        method(
            part,
            Working(
                q,
                f"Abs({up})*Abs({across})/2",
                latex=f"\\frac{{1}}{{2}} \\times {legs.substituted}",
            ),
            step=f"Area $= \\frac{{1}}{{2}} \\times {legs.substituted}$",
        )
        area = Working(q, f"Abs({up})*Abs({across})/2", fractions=False)
        final(part, area, step=f"$= {area.latex}$", unit="square units")
        wrong(part, number(abs(up * across)), "forgot to halve base times height")
