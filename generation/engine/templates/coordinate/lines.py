"""Equations of straight lines (syllabus 3.5), parallel lines (3.6) and perpendicular lines
(E3.7): y = mx + c from a graph, from two points, through a point with a known gradient."""

from __future__ import annotations

import random

import sympy

from generation.engine.base import Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from generation.engine.templates.coordinate.common import (
    coordinate_steps_and_marks,
    declare_point,
    frac_latex,
    frac_plain,
    line_answer,
    line_rhs,
    line_value,
    point_latex,
    state_general_line,
    state_line,
)
from generation.engine.templates.geometry.diagram import grid
from questions.schemas import CalculatorPolicy, Tier

R = sympy.Rational


def _wrong_line(part: PartBuilder, m: R, c: R, error: str, marks: int, working: list[str]) -> None:
    plain = line_answer(m, c)["plain"]
    part.wrong(plain, error, marks, latex=line_answer(m, c)["latex"], working=working)


def line_through(
    part: PartBuilder,
    *,
    m: R,
    m_form: str,
    point: tuple[R, R],
    p_form: tuple[str, str],
    earlier: list[str] | None = None,
) -> None:
    """The last steps of finding y = mx + c through a point once the gradient is known:
    substitute to find c (M1), then the equation (A1). ``earlier`` lists the values of the
    part's earlier M lines (a candidate with a wrong c still shows them)."""
    px, py = point
    c = py - m * px
    c_form = f"{p_form[1]} - ({m_form})*{p_form[0]}"
    value = f"Eq(y, ({m_form})*x + {c_form})"
    part.step(
        f"Substitute $({frac_latex(px)}, {frac_latex(py)})$: "
        f"${frac_latex(py)} = {frac_latex(m)} \\times ({frac_latex(px)}) + c$, so $c = {frac_latex(c)}$",
        c_form,
    )
    part.step(f"$y = {line_rhs(m, c)}$", value)
    part.answer(value, **line_answer(m, c))
    part.mark(
        "M",
        f"substituting $({frac_latex(px)}, {frac_latex(py)})$ into $y = ({frac_latex(m)})x + c$, "
        f"or $c = {frac_latex(c)}$",
        value=c_form,
        partial=["M1 for y - y1 = m(x - x1) with their gradient and the point, oe"],
    )
    part.mark("A", f"$y = {line_rhs(m, c)}$", value=value, qualifiers=["oe"])
    done = list(earlier or [])
    if any(part.q.value_of(form) == c for form in done):
        return  # a wrong c would still show an earlier method value: marks would not be clear
    wrong_c = py + m * px
    if wrong_c != c:
        _wrong_line(
            part,
            m,
            wrong_c,
            "sign error when finding c (added m × x instead of subtracting)",
            len(done),
            done,
        )
    swapped = px - m * py
    if swapped not in (c, wrong_c):
        _wrong_line(
            part,
            m,
            swapped,
            "substituted the coordinates the wrong way round (x for y)",
            len(done),
            done,
        )


def _pick_gradient(rng: random.Random, difficulty: int) -> R:
    if difficulty <= 3:
        return R(rng.choice([2, 3, 4, 5, -1, -2, -3, -4]))
    return R(rng.choice([1, -1, 2, -2, 3, -3, 5]), rng.choice([2, 3, 4]))


def _points_on(
    rng: random.Random, m: R, c: R, span: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Two integer points on y = mx + c (x a multiple of the gradient's denominator)."""
    xs = [
        v
        for v in range(-span, span + 1)
        if v % m.q == 0 and (m * v + c).q == 1 and abs(m * v + c) <= 15
    ]
    a, b = rng.sample(xs, 2)
    return (a, int(m * a + c)), (b, int(m * b + c))


@register
class LineEquation(Template):
    key = "coordinate.line_equation"
    title = "Equation of a straight line, y = mx + c"
    codes = {Tier.CORE: ("C3.5", "C3.3"), Tier.EXTENDED: ("E3.5", "E3.3")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Equation of a straight line"
        if difficulty == 1:
            self._from_graph(q, rng)
            return
        m = _pick_gradient(rng, difficulty)
        c = R(rng.choice([v for v in range(-7, 8) if v]))
        a, b = _points_on(rng, m, c, 6 if difficulty == 2 else 9)
        if a[0] > b[0] and difficulty == 2:
            a, b = b, a
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        q.stem = f"A straight line passes through the points $A{point_latex(a)}$ and $B{point_latex(b)}$."
        grad = "(yB - yA)/(xB - xA)"
        steps = f"gradient $= \\frac{{{b[1]} - ({a[1]})}}{{{b[0]} - ({a[0]})}} = {frac_latex(m)}$"
        if difficulty == 2:
            part = q.part("a", "Work out the gradient of the line.", marks=2, command="Work out")
            part.step(steps, grad)
            part.answer(grad)
            part.mark("M", f"$\\frac{{{b[1]} - ({a[1]})}}{{{b[0]} - ({a[0]})}}$ oe", value=grad)
            part.mark("A", f"${frac_latex(m)}$", value=grad)
            part.wrong(frac_plain(1 / m), "divided the change in x by the change in y", 0)
            part = q.part(
                "b",
                "Find the equation of the line. Give your answer in the form $y = mx + c$.",
                marks=2,
                command="Work out",
            )
            line_through(part, m=m, m_form=grad, point=a, p_form=("xA", "yA"))
        else:
            label = "a" if difficulty == 5 else ""
            part = q.part(
                label,
                "Find the equation of the line. Give your answer in the form $y = mx + c$.",
                marks=3,
                command="Work out",
            )
            part.step(steps, grad)
            part.mark(
                "M", f"gradient $\\frac{{{b[1]} - ({a[1]})}}{{{b[0]} - ({a[0]})}}$ oe", value=grad
            )
            line_through(part, m=m, m_form=grad, point=a, p_form=("xA", "yA"), earlier=[grad])
            if m != -1 and m != 1:
                _wrong_line(
                    part,
                    1 / m,
                    a[1] - a[0] / m,
                    "used change in x ÷ change in y for the gradient",
                    0,
                    [],
                )
        if difficulty == 5:
            root = -c / m
            c_form = f"yA - ({grad})*xA"
            part = q.part(
                "b",
                "The line crosses the $x$-axis at $P$. Find the coordinates of $P$.",
                marks=2,
                command="Work out",
            )
            eq = f"Eq(({grad})*x + {c_form}, 0)"
            part.step(f"$0 = {line_rhs(m, c)}$", eq)
            part.step(f"$x = {frac_latex(root)}$", f"-({c_form})/({grad})")
            part.answer(f"(-({c_form})/({grad}), 0)", kind="coordinates", label="P")
            part.mark("M", f"$0 = {line_rhs(m, c)}$ oe", value=eq, qualifiers=["FT"])
            part.mark("A", f"${point_latex((root, 0))}$", value=f"(-({c_form})/({grad}), 0)")
            part.wrong(
                f"(0, {frac_plain(c)})", "gave the point where the line crosses the y-axis", 0
            )

    def _from_graph(self, q: QuestionBuilder, rng: random.Random) -> None:
        m = R(rng.choice([1, 2, 3, -1, -2, 2, 3]))
        c = R(rng.choice([v for v in (range(-3, 5) if m > 0 else range(2, 8)) if v != m]))
        xs = [v for v in range(-4, 5) if -4 <= m * v + c <= 8]
        lo, hi = min(xs), max(xs)
        q.param("m", int(m))
        q.param("c", int(c))
        fig = grid((-4, 4), (-4, 8), title="A straight line drawn on a grid", unit=22)
        fig.line((lo, float(m * lo + c)), (hi, float(m * hi + c)))
        fig.text((hi, float(m * hi + c)), "L", dx=10, dy=6, size=15)
        q.diagram_svg = fig.svg()
        q.stem = "The diagram shows a straight line $L$."
        part = q.part(
            "",
            "Find the equation of line $L$. Give your answer in the form $y = mx + c$.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"The line goes {abs(m)} {'up' if m > 0 else 'down'} for every 1 across, "
            f"so the gradient is ${frac_latex(m)}$.",
            m,
        )
        part.step(
            f"It crosses the $y$-axis at $(0, {frac_latex(c)})$, so $c = {frac_latex(c)}$.", c
        )
        value = line_value(m, c)
        part.step(f"$y = {line_rhs(m, c)}$", value)
        part.answer(value, **line_answer(m, c))
        part.mark("M", f"gradient ${frac_latex(m)}$ (rise $\\div$ run)", value=m)
        part.mark("B", f"$c = {frac_latex(c)}$ (the $y$-intercept)", value=c)
        part.mark("A", f"$y = {line_rhs(m, c)}$", value=value, qualifiers=["oe"])
        if abs(m) != 1:
            _wrong_line(part, 1 / m, c, "found the gradient as run ÷ rise", 1, [c])
        _wrong_line(part, -m, c, "gave the gradient the wrong sign", 1, [c])
        if c != 0 and c != m:
            _wrong_line(part, c, m, "swapped the gradient and the intercept", 0, [])


@register
class ParallelLine(Template):
    key = "coordinate.parallel_line"
    title = "Equation of a line parallel to a given line"
    codes = {Tier.CORE: ("C3.6", "C3.5"), Tier.EXTENDED: ("E3.6", "E3.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Parallel lines"
        extended = q.tier == Tier.EXTENDED
        c_new_hint = R(rng.choice([v for v in range(-8, 9) if v]))
        if difficulty >= 4 and extended:
            b = rng.choice([2, 3, 4, -2, -3])
            a = rng.choice([v for v in (1, 2, 3, 5) if sympy.gcd(v, b) == 1])
            k = rng.choice([v for v in range(-12, 13) if v])
            equation, m_form, _ = state_general_line(q, a, b, k)
            m = R(-a, b)
            q.stem = f"The line $L$ has equation ${equation}$."
            gradient_line = (
                f"Rearranging: $y = {line_rhs(m, R(k, b))}$, so the gradient of $L$ is "
                f"${frac_latex(m)}$.",
                m_form,
            )
        elif difficulty >= 4:
            m = _pick_gradient(rng, 4)
            c0 = R(rng.choice([v for v in range(-6, 7) if v]))
            a_pt, b_pt = _points_on(rng, m, c0, 8)
            declare_point(q, "A", a_pt)
            declare_point(q, "B", b_pt)
            m_form = "(yB - yA)/(xB - xA)"
            q.stem = f"The line $L$ passes through the points $A{point_latex(a_pt)}$ and $B{point_latex(b_pt)}$."
            gradient_line = (
                f"gradient of $L = \\frac{{{b_pt[1]} - ({a_pt[1]})}}{{{b_pt[0]} - ({a_pt[0]})}} = {frac_latex(m)}$",
                m_form,
            )
        else:
            m = _pick_gradient(rng, 3 if difficulty == 3 else 1)
            if difficulty <= 2:
                m = abs(m) if m != -1 else R(2)
            c0 = R(rng.choice([v for v in range(-9, 10) if v]))
            equation, m_form, _ = state_line(q, m, c0, names=("m", "c"))
            q.stem = f"The line $L$ has equation ${equation}$."
            gradient_line = None

        if difficulty == 1:
            part = q.part(
                "a",
                "Write down the gradient of a line parallel to $L$.",
                marks=1,
                command="Write down",
            )
            part.step(f"Parallel lines have the same gradient: ${frac_latex(m)}$", m_form)
            part.answer(m_form)
            part.mark("B", f"${frac_latex(m)}$", value=m_form)
            part.wrong(frac_plain(-1 / m), "gave the perpendicular gradient", 0)
            c_new = c_new_hint if c_new_hint != c0 else c_new_hint + 1
            q.given("d", abs(c_new))
            c_form = "d" if c_new > 0 else "(-d)"
            value = f"Eq(y, ({m_form})*x + {c_form})"
            part = q.part(
                "b",
                f"Write down the equation of the line parallel to $L$ that passes through the "
                f"point $(0, {frac_latex(c_new)})$.",
                marks=1,
                command="Write down",
            )
            part.step(
                f"Same gradient, $y$-intercept ${frac_latex(c_new)}$: $y = {line_rhs(m, c_new)}$",
                value,
            )
            part.answer(value, **line_answer(m, c_new))
            part.mark("B", f"$y = {line_rhs(m, c_new)}$", value=value, qualifiers=["oe"])
            _wrong_line(part, -1 / m, c_new, "used the perpendicular gradient", 0, [])
            return

        px = rng.choice([v for v in range(-6, 7) if v and v % m.q == 0])
        py = int(m * px + c_new_hint)
        if extended and difficulty >= 4:
            # Keep the new line's intercept away from L's (k/b) so the lines are distinct.
            if R(k, b) == c_new_hint:
                py += 1
        elif c_new_hint == c0:
            py += 1
        declare_point(q, "P", (px, py))
        text = (
            f"Find the equation of the line that is parallel to $L$ and passes through the point "
            f"$P({px}, {py})$. Give your answer in the form $y = mx + c$."
        )
        if gradient_line is None:
            if difficulty >= 3:
                part = q.part("a", "Write down the gradient of $L$.", marks=1, command="Write down")
                part.step(f"$L$ is in the form $y = mx + c$ with $m = {frac_latex(m)}$.", m_form)
                part.answer(m_form)
                part.mark("B", f"${frac_latex(m)}$", value=m_form)
                c_label = "b"
            else:
                c_label = ""
            part = q.part(c_label, text, marks=2, command="Work out")
            part.step(f"A parallel line has gradient ${frac_latex(m)}$.", m_form)
            line_through(part, m=m, m_form=m_form, point=(R(px), R(py)), p_form=("xP", "yP"))
            _wrong_line(part, -1 / m, py + px / m, "used the perpendicular gradient", 0, [])
        else:
            label = "a" if difficulty == 5 else ""
            part = q.part(label, text, marks=3, command="Work out")
            part.step(*gradient_line)
            part.mark("M", f"gradient of $L$ is ${frac_latex(m)}$", value=m_form)
            line_through(
                part,
                m=m,
                m_form=m_form,
                point=(R(px), R(py)),
                p_form=("xP", "yP"),
                earlier=[m_form],
            )
            _wrong_line(part, -1 / m, py + px / m, "used the perpendicular gradient", 0, [])
        if difficulty == 5:
            c_new = py - m * px
            if c_new == 0:
                return
            c_form = f"yP - ({m_form})*xP"
            root = -c_new / m
            part = q.part(
                "b",
                "This parallel line crosses the $x$-axis at $Q$. Find the coordinates of $Q$.",
                marks=2,
                command="Work out",
            )
            eq = f"Eq(({m_form})*x + {c_form}, 0)"
            part.step(f"$0 = {line_rhs(m, c_new)}$", eq)
            part.step(f"$x = {frac_latex(root)}$", f"-({c_form})/({m_form})")
            part.answer(f"(-({c_form})/({m_form}), 0)", kind="coordinates", label="Q")
            part.mark("M", f"$0 = {line_rhs(m, c_new)}$ oe", value=eq, qualifiers=["FT"])
            part.mark("A", f"${point_latex((root, 0))}$", value=f"(-({c_form})/({m_form}), 0)")
            part.wrong(f"({frac_plain(-root)}, 0)", "sign error solving for x", 1, working=[eq])


@register
class PerpendicularLine(Template):
    key = "coordinate.perpendicular_line"
    title = "Perpendicular lines and the perpendicular bisector"
    codes = {Tier.EXTENDED: ("E3.7", "E3.5")}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Perpendicular lines"
        if difficulty <= 2:
            self._through_point(q, rng, difficulty)
        elif difficulty <= 4:
            self._bisector(q, rng, difficulty)
        else:
            self._foot(q, rng)

    def _through_point(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        if difficulty == 1:
            m = R(rng.choice([2, 3, 4, 5, -2, -3, -4]))
        else:
            m = rng.choice(
                [
                    R(2, 3),
                    R(-2, 3),
                    R(3, 2),
                    R(-3, 2),
                    R(1, 2),
                    R(-1, 3),
                    R(3, 4),
                    R(-4, 3),
                    R(2, 5),
                ]
            )
        c0 = R(rng.choice([v for v in range(-8, 9) if v]))
        equation, m_form, _ = state_line(q, m, c0)
        perp = -1 / m
        perp_form = f"(-1/({m_form}))"
        px = (
            m.p * rng.choice([v for v in range(-4, 5) if v])
            if difficulty == 2
            else m.p * rng.choice([1, 2, -1])
        )
        py = rng.randint(-8, 9) if difficulty == 2 else rng.randint(1, 9)
        declare_point(q, "P", (px, py))
        q.stem = f"The line $L$ has equation ${equation}$."
        part = q.part(
            "a",
            "Write down the gradient of a line perpendicular to $L$.",
            marks=1,
            command="Write down",
        )
        part.step(
            f"Perpendicular gradients multiply to $-1$: $-1 \\div {frac_latex(m)} = {frac_latex(perp)}$",
            perp_form,
        )
        part.answer(perp_form)
        part.mark("B", f"${frac_latex(perp)}$", value=perp_form)
        part.wrong(frac_plain(1 / m), "took the reciprocal but did not change the sign", 0)
        part.wrong(frac_plain(-m), "changed the sign but did not take the reciprocal", 0)
        part = q.part(
            "b",
            f"Find the equation of the line perpendicular to $L$ that passes through the point "
            f"$({px}, {py})$. Give your answer in the form $y = mx + c$.",
            marks=2,
            command="Work out",
        )
        part.step(f"The gradient is ${frac_latex(perp)}$.", perp_form)
        line_through(part, m=perp, m_form=perp_form, point=(R(px), R(py)), p_form=("xP", "yP"))
        _wrong_line(part, m, py - m * px, "used the gradient of L (a parallel line)", 0, [])

    def _bisector(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        hx = rng.choice([1, 2, 3, 4]) * rng.choice([1, -1])
        hy = rng.choice([v for v in (1, 2, 3, 4, 5, 6) if abs(v) != abs(hx)]) * rng.choice([1, -1])
        mx = abs(hy) * rng.choice([v for v in range(-3, 4) if v]) // sympy.gcd(abs(hy), abs(hx))
        my = rng.randint(-5, 6)
        a, b = (mx - hx, my - hy), (mx + hx, my + hy)
        declare_point(q, "A", a)
        declare_point(q, "B", b)
        m = R(hy, hx)
        perp = -1 / m
        mid = (mx, my)
        q.stem = f"$A$ is the point ${point_latex(a)}$ and $B$ is the point ${point_latex(b)}$."
        grad = "(yB - yA)/(xB - xA)"
        perp_form = "(-(xB - xA)/(yB - yA))"
        mid_form = ("((xA + xB)/2)", "((yA + yB)/2)")
        text = (
            "Find the equation of the perpendicular bisector of $AB$. "
            "Give your answer in the form $y = mx + c$."
        )
        if difficulty == 3:
            part = q.part(
                "a", "Find the coordinates of the midpoint of $AB$.", marks=2, command="Work out"
            )
            coordinate_steps_and_marks(
                part,
                mid,
                (mid_form[0], mid_form[1]),
                (f"\\frac{{{a[0]} + ({b[0]})}}{{2}}", f"\\frac{{{a[1]} + ({b[1]})}}{{2}}"),
            )
            part.wrong(
                f"({R(b[0] - a[0], 2)}, {R(b[1] - a[1], 2)})",
                "subtracted the coordinates instead of adding them",
                0,
            )
            part = q.part("b", text, marks=3, command="Work out")
        else:
            part = q.part("", text, marks=4, command="Work out")
            part.step(f"Midpoint of $AB$ $= {point_latex(mid)}$", f"({mid_form[0]}, {mid_form[1]})")
            part.mark(
                "B", f"midpoint ${point_latex(mid)}$", value=f"({mid_form[0]}, {mid_form[1]})"
            )
        part.step(
            f"Gradient of $AB = \\frac{{{b[1]} - ({a[1]})}}{{{b[0]} - ({a[0]})}} = {frac_latex(m)}$",
            grad,
        )
        part.step(
            f"Perpendicular gradient $= -1 \\div {frac_latex(m)} = {frac_latex(perp)}$", perp_form
        )
        part.mark("M", f"gradient of $AB$ $= {frac_latex(m)}$", value=grad)
        part.mark(
            "M",
            f"perpendicular gradient $= {frac_latex(perp)}$",
            value=perp_form,
            qualifiers=["FT"],
        )
        c = my - perp * mx
        c_form = f"{mid_form[1]} - {perp_form}*{mid_form[0]}"
        value = f"Eq(y, {perp_form}*x + {c_form})"
        part.step(
            f"Through the midpoint: ${my} = {frac_latex(perp)} \\times ({mx}) + c$, so $c = {frac_latex(c)}$",
            c_form,
        )
        part.step(f"$y = {line_rhs(perp, c)}$", value)
        part.answer(value, **line_answer(perp, c))
        part.mark("A", f"$y = {line_rhs(perp, c)}$", value=value, qualifiers=["oe"])
        earlier = [grad, perp_form]
        # Used point A instead of the midpoint: a line perpendicular to AB, but not the bisector.
        c_a = a[1] - perp * a[0]
        _wrong_line(part, perp, c_a, "used point A instead of the midpoint of AB", 2, earlier)
        # Used the gradient of AB itself.
        c_par = my - m * mx
        working_par = [grad] if difficulty == 3 else [f"({mid_form[0]}, {mid_form[1]})", grad]
        _wrong_line(
            part,
            m,
            c_par,
            "used the gradient of AB instead of the perpendicular gradient",
            len(working_par),
            working_par,
        )

    def _foot(self, q: QuestionBuilder, rng: random.Random) -> None:
        """Difficulty 5: L is ax + by = k; the perpendicular through P meets L at F."""
        a = rng.choice([1, 2, 3])
        b = rng.choice([v for v in (1, 2, 3, -1, -2, -3) if sympy.gcd(v, a) == 1 and abs(v) != a])
        fx = a * rng.choice([-2, -1, 1, 2])
        fy = rng.randint(-4, 5)
        t = rng.choice([1, 2, -1, -2]) if a + abs(b) <= 4 else rng.choice([1, -1])
        px, py = fx + t * a, fy + t * b
        k = a * fx + b * fy
        equation, m_form, c_form = state_general_line(q, a, b, k)
        declare_point(q, "P", (px, py))
        m = R(-a, b)
        perp = -1 / m
        perp_form = f"(-1/{m_form})"
        q.stem = f"The line $L$ has equation ${equation}$ and $P$ is the point $({px}, {py})$."
        part = q.part(
            "a",
            "Find the equation of the line through $P$ that is perpendicular to $L$. "
            "Give your answer in the form $y = mx + c$.",
            marks=3,
            command="Work out",
        )
        part.step(
            f"Rearranging $L$: $y = {line_rhs(m, R(k, b))}$, so the gradient of $L$ is ${frac_latex(m)}$.",
            m_form,
        )
        part.step(f"Perpendicular gradient $= {frac_latex(perp)}$", perp_form)
        part.mark("M", f"gradient of $L$ $= {frac_latex(m)}$", value=m_form)
        part.mark(
            "M",
            f"perpendicular gradient $= {frac_latex(perp)}$",
            value=perp_form,
            qualifiers=["FT"],
        )
        c_perp = py - perp * px
        c_perp_form = f"yP - {perp_form}*xP"
        value = f"Eq(y, {perp_form}*x + {c_perp_form})"
        part.step(
            f"$c = {py} - {frac_latex(perp)} \\times ({px}) = {frac_latex(c_perp)}$", c_perp_form
        )
        part.step(f"$y = {line_rhs(perp, c_perp)}$", value)
        part.answer(value, **line_answer(perp, c_perp))
        part.mark("A", f"$y = {line_rhs(perp, c_perp)}$", value=value, qualifiers=["oe"])
        _wrong_line(part, m, py - m * px, "used the gradient of L (a parallel line)", 1, [m_form])
        _wrong_line(part, perp, py + perp * px, "sign error when finding c", 2, [m_form, perp_form])

        part = q.part(
            "b",
            "The two lines meet at $F$. Find the coordinates of $F$.",
            marks=3,
            command="Work out",
        )
        x_form = f"({c_perp_form} - {c_form})/({m_form} - {perp_form})"
        y_form = f"{perp_form}*{x_form} + {c_perp_form}"
        eliminate = f"Eq({m_form}*x + {c_form}, {perp_form}*x + {c_perp_form})"
        part.step(f"${line_rhs(m, R(k, b))} = {line_rhs(perp, c_perp)}$", eliminate)
        part.step(f"$x = {fx}$", x_form)
        part.step(
            f"$y = {frac_latex(perp)} \\times ({fx}) {'+' if c_perp >= 0 else '-'} {frac_latex(abs(c_perp))} = {fy}$",
            y_form,
        )
        part.answer(f"({x_form}, {y_form})", kind="coordinates", label="F")
        part.mark(
            "M", "eliminating $y$ between the two equations oe", value=eliminate, qualifiers=["FT"]
        )
        part.mark("A", f"$x = {fx}$", value=x_form)
        part.mark("A", f"${point_latex((fx, fy))}$", value=f"({x_form}, {y_form})")
        if fx != fy:
            part.wrong(
                f"({fy}, {fx})",
                "solved correctly but wrote the coordinates in the wrong order",
                2,
                working=[eliminate, fx],
            )
