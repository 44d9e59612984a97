"""Parallel lines (syllabus 3.6), a second kind: lines written in different forms (y = mx + c,
y = c + mx, ky = ..., ax + by = c): pick the two that are parallel, find a gradient by
rearranging, find k so that two lines are parallel, and (hardest) a point on a parallel line.
Every gradient is computed from the line's coefficients (SymPy rationals); the distractors are
the lines a candidate who reads the coefficient of x, or drops a sign, takes for parallel."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, wrong
from generation.engine.authoring.coordinates import general_form, line_rhs
from generation.engine.authoring.text import bracket, frac, number
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational


@dataclass(frozen=True)
class _Line:
    """y = mx + c, written in one of the forms below (``k``: the multiple for ``scaled``, the
    coefficient of y for ``general``)."""

    m: Rational
    c: Rational
    form: str  # slope, reversed, scaled, moved, general
    k: int = 1

    def __post_init__(self) -> None:
        if self.form in ("scaled", "general"):
            kk = abs(self.k) if self.form == "scaled" else self.k
            if not (kk * self.m).is_integer or not (kk * self.c).is_integer:
                raise Reject("the line has no whole-number coefficients in this form")

    @property
    def latex(self) -> str:
        m, c = self.m, self.c
        size = "" if abs(m) == 1 else frac(abs(m))
        if self.form == "reversed":
            return f"y = {frac(c)} {'-' if m < 0 else '+'} {size}x"
        if self.form == "moved":
            return f"y {'+' if m < 0 else '-'} {size}x = {frac(c)}"
        if self.form == "scaled":
            return f"{self.k}y = {line_rhs(self.k * m, self.k * c)}"
        if self.form == "general":
            a, b, e = -m * self.k, R(self.k), c * self.k
            if a < 0:
                a, b, e = -a, -b, -e
            return general_form(int(a), int(b), int(e))
        return f"y = {line_rhs(m, c)}"

    @property
    def coefficients(self) -> tuple[int, int]:
        """(coefficient of x, coefficient of y) with x and y on the same side (general form)."""
        a, b = -self.m * self.k, R(self.k)
        if a < 0:
            a, b = -a, -b
        return int(a), int(b)


def _gradient_part(q: QuestionBuilder, part: PartBuilder, line: _Line, name: str) -> None:
    """The gradient of a line in a rearranged form: M1 for y = mx + c, A1."""
    m, c = line.m, line.c
    if line.form == "scaled":
        k, n = line.k, int(line.k * m)
        gradient = Working(q, f"{n}/{k}", latex=f"\\frac{{{n}}}{{{k}}}")
        method(
            part,
            gradient,
            f"$y = {line_rhs(m, c)}$ (dividing every term by ${k}$)",
            step=f"Divide every term by ${k}$: $y = {line_rhs(m, c)}$",
        )
        final(part, gradient, step=f"The gradient of ${name}$ is ${frac(m)}$", qualifiers=["oe"])
        misconception(
            part,
            Misconception(
                "took the coefficient of x as the gradient, without dividing by the coefficient of y",
                n,
            ),
        )
    elif line.form == "general":
        a, b = line.coefficients
        gradient = Working(q, f"-{a}/{bracket(b)}", latex=f"-\\frac{{{a}}}{{{b}}}")
        method(
            part,
            gradient,
            f"$y = {line_rhs(m, c)}$",
            step=f"${b}y = {line_rhs(-a, b * c)}$, so $y = {line_rhs(m, c)}$",
        )
        final(part, gradient, step=f"The gradient of ${name}$ is ${frac(m)}$", qualifiers=["oe"])
        misconception(
            part,
            Misconception("dropped the sign when moving the x-term to the other side", f"{a}/{b}"),
        )
        if abs(a) != abs(b):
            misconception(
                part,
                Misconception("divided the coefficients the wrong way up", f"-{bracket(b)}/{a}"),
            )
    else:  # reversed or moved: a gradient read once the terms are in order
        gradient = Working(q, str(m))
        if line.form == "moved":
            method(
                part,
                gradient,
                f"$y = {line_rhs(m, c)}$",
                step=(
                    f"Add ${frac(m)}x$ to both sides"
                    if m > 0
                    else f"Subtract ${frac(-m)}x$ from both sides"
                )
                + f": $y = {line_rhs(m, c)}$",
            )
        final(part, gradient, step=f"$y = {line_rhs(m, c)}$: the gradient is ${frac(m)}$")
        misconception(part, Misconception("gave the gradient with the wrong sign", str(-m)))


@register
class ParallelGradients(Template):
    key = "coordinate.parallel_gradients"
    title = "Parallel lines from equations in different forms: which are parallel, and finding k"
    codes = {Tier.CORE: ("C3.6",), Tier.EXTENDED: ("E3.6",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        extended = q.tier == Tier.EXTENDED
        m = R(rng.choice([2, 3, 4, -2, -3]))
        c1, c4 = (R(v) for v in rng.sample([v for v in range(-7, 8) if v], 2))
        # Written y = c - mx or y + mx = c: a positive constant, as a paper prints them.
        c2, c3 = (R(v) for v in rng.sample([v for v in range(1, 8) if v != c1], 2))
        other = R(rng.choice([v for v in (1, 5, -1, -4) if abs(v) != abs(m)]))
        first = _Line(m, c1, "slope")
        if difficulty == 1:
            twin = _Line(m, c2, "reversed")
            looks = _Line(other, c1, "slope")  # the same y-intercept as the first line
            looks_error = "chose two lines with the same y-intercept"
            sign = _Line(-m, c3, "reversed")
        else:
            k = rng.choice([2, 3])
            if difficulty >= 3 and extended:
                twin = _Line(m, c2, "general", rng.choice([2, 3, -2]))
                sign = _Line(-m, c3, "general", rng.choice([1, 2, -3]))
            elif difficulty >= 3:
                twin = _Line(m, c2, rng.choice(["scaled", "moved"]), k)
                sign = _Line(-m, c3, "moved")
            else:
                twin = _Line(m, c2, "scaled", k)
                sign = _Line(-m, c3, "reversed")
            # Written with the same coefficient of x as the first line: 2y = 4x + 6 "looks"
            # parallel to y = 4x - 1 but has gradient 2.
            looks = _Line(m / (5 - k), c4, "scaled", 5 - k)
            looks_error = "took the coefficient of x as the gradient, without dividing"
        lines = [first, twin, looks, sign]
        rng.shuffle(lines)
        name = dict(zip(map(id, lines), "ABCD", strict=True))
        q.param("order", "".join(line.form[0] for line in lines))
        q.param("m", str(m))
        listing = "\n\n".join(f"{name[id(line)]}: ${line.latex}$" for line in lines)
        q.title = "Parallel lines"
        q.stem = f"Here are the equations of four straight lines.\n\n{listing}"
        labels = iter("abcd")

        def pick() -> None:
            pair = " and ".join(sorted((name[id(first)], name[id(twin)])))
            part = q.part(
                next(labels),
                "Write down the letters of the two lines that are parallel.",
                marks=1,
                command="Write down",
            )
            part.step(
                f"Line {name[id(first)]} has gradient ${frac(m)}$ and line {name[id(twin)]}, "
                f"written as $y = {line_rhs(twin.m, twin.c)}$, also has gradient ${frac(m)}$."
            )
            part.answer(None, kind=AnswerKind.TEXT, plain=pair, latex=f"\\text{{{pair}}}")
            part.mark("B", f"{pair}", 1)
            for line, error in ((looks, looks_error), (sign, "ignored the sign of the gradient")):
                shown = " and ".join(sorted((name[id(first)], name[id(line)])))
                wrong(part, shown, error)

        def gradient(line: _Line) -> None:
            label = name[id(line)]
            marks = 1 if line.form in ("reversed", "slope") else 2
            part = q.part(
                next(labels),
                f"{'Write down' if marks == 1 else 'Find'} the gradient of line {label}.",
                marks=marks,
                command="Write down" if marks == 1 else "Work out",
            )
            _gradient_part(q, part, line, label)

        if difficulty == 1:
            pick()
            gradient(sign)
            return
        gradient(twin)
        pick()
        if difficulty >= 3:
            self._find_k(q, rng, next(labels), first if difficulty == 3 else twin, name, extended)
        if difficulty == 5:
            self._point(q, rng, next(labels), twin, name[id(twin)])

    @staticmethod
    def _find_k(
        q: QuestionBuilder,
        rng: random.Random,
        label: str,
        target: _Line,
        name: dict[int, str],
        extended: bool,
    ) -> None:
        """Line P with an unknown coefficient k is parallel to ``target``: find k."""
        m = target.m
        r = rng.choice([v for v in range(-9, 10) if v])
        if extended:
            b = rng.choice([2, 3, 4])
            k_value = -m * b
            p_latex = f"kx + {b}y = {r}"
            relation = f"Eq(-k/{b}, {m})"
            solved = f"-({m})*{b}"
            # Their equation k/b = m is not the scheme's: no mark for it.
            wrong_k: tuple[str, str, tuple[str, ...]] = (
                f"({m})*{b}",
                f"dropped the minus sign: took the gradient of P as k/{b}",
                (),
            )
            gradient_of_p = f"-\\frac{{k}}{{{b}}}"
        else:
            n = int(m * rng.choice([2, 3, 4]))
            k_value = R(n) / m
            p_latex = f"ky = {line_rhs(n, r)}"
            relation = f"Eq({n}/k, {m})"
            solved = f"{n}/({m})"
            wrong_k = (f"{n}*({m})", "multiplied by the gradient instead of dividing", (relation,))
            gradient_of_p = f"\\frac{{{n}}}{{k}}"
        q.param("k", str(k_value))
        chain = target.form != "slope"
        part = q.part(
            label,
            f"Line $P$ has equation ${p_latex}$.\n\nLine $P$ is parallel to line "
            f"{name[id(target)]}. Find the value of $k$.",
            marks=3 if chain else 2,
            command="Work out",
        )
        if chain:
            own = Working(q, str(m))
            method(
                part,
                own,
                f"gradient of line {name[id(target)]} $= {frac(m)}$",
                step=f"Line {name[id(target)]}: $y = {line_rhs(m, target.c)}$, gradient "
                f"${frac(m)}$",
            )
        part.step(
            f"The gradient of $P$ is ${gradient_of_p}$, so ${gradient_of_p} = {frac(m)}$", relation
        )
        part.mark("M", f"${gradient_of_p} = {frac(m)}$", value=relation, qualifiers=["oe"])
        part.step(f"$k = {frac(k_value)}$", solved)
        part.answer(solved, variable="k", satisfies=relation, label="k")
        part.mark("A", f"$k = {frac(k_value)}$", value=solved)
        shown = (str(m), *wrong_k[2]) if chain else wrong_k[2]
        misconception(part, Misconception(wrong_k[1], wrong_k[0], shown))

    @staticmethod
    def _point(
        q: QuestionBuilder, rng: random.Random, label: str, target: _Line, target_name: str
    ) -> None:
        """The line through S(x1, y1) and T(x2, h) is parallel to ``target``: find h."""
        m = target.m
        x1, y1 = rng.randint(-4, 3), rng.randint(-5, 6)
        run = rng.choice([v for v in (2, 3, 4, 5) if (m * v).is_integer])
        x2 = x1 + run
        h = y1 + m * run
        relation = f"Eq((h - {bracket(y1)})/({x2} - {bracket(x1)}), {m})"
        rise = f"({m})*({x2} - {bracket(x1)})"
        solved = f"{y1} + {rise}"
        part = q.part(
            label,
            f"The line through the points $S({x1}, {y1})$ and $T({x2}, h)$ is parallel to line "
            f"{target_name}. Find the value of $h$.",
            marks=3,
            command="Work out",
        )
        fraction = f"\\frac{{h - {bracket(y1)}}}{{{x2} - {bracket(x1)}}}"
        part.step(f"Parallel lines have the same gradient: ${fraction} = {frac(m)}$", relation)
        part.mark("M", f"${fraction} = {frac(m)}$", value=relation, qualifiers=["oe"])
        part.step(f"$h - {bracket(y1)} = {frac(m)} \\times {run} = {frac(m * run)}$", rise)
        part.mark("M", f"$h - {bracket(y1)} = {frac(m * run)}$", value=rise, qualifiers=["oe"])
        part.step(f"$h = {number(h)}$", solved)
        part.answer(solved, variable="h", satisfies=relation, label="h")
        part.mark("A", f"$h = {number(h)}$", value=solved)
        misconception(
            part,
            Misconception(
                "used change in x divided by change in y for the gradient",
                f"{y1} + {run}/({m})",
                (),
            ),
        )
        misconception(
            part,
            Misconception("subtracted the rise instead of adding it", f"{y1} - {rise}", (rise,)),
        )
