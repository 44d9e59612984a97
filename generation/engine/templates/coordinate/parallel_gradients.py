"""Parallel lines by their gradients (3.6): pick out the parallel pair from equations written in
different forms, find a missing coordinate so that a segment is parallel to a line, and find a
coefficient that makes a line parallel."""

from __future__ import annotations

import random

from sympy import Rational

from generation.engine.authoring import Misconception, Working, final, method, misconception, text
from generation.engine.base import Reject, Template, register
from generation.engine.builder import PartBuilder, QuestionBuilder
from questions.schemas import AnswerKind, CalculatorPolicy, Tier

R = Rational
_LETTERS = "ABCDE"


def _written(m: Rational, c: Rational, form: str, k: int = 1) -> str:
    """The line ``y = mx + c`` written in one of the forms a paper uses (LaTeX)."""
    if form == "mx+c":
        return f"y = {text.terms([(m, 'x'), (c, '')])}"
    if form == "c+mx":
        return f"y = {text.terms([(c, ''), (m, 'x')])}"
    if form == "ky":  # 2y = 6x + 4
        return f"{k}y = {text.terms([(k * m, 'x'), (k * c, '')])}"
    if form == "y-mx":  # y - 3x = 4
        return f"{text.terms([(1, 'y'), (-m, 'x')])} = {text.frac(c)}"
    if form == "ax+by":  # 3x + 2y = 8 (m = -3/2): integer coefficients, x first
        return f"{text.terms([(-m * k, 'x'), (k, 'y')])} = {text.frac(c * k)}"
    raise ValueError(form)


def _rearranged(m: Rational, c: Rational) -> str:
    return f"$y = {text.terms([(m, 'x'), (c, '')])}$"


@register
class ParallelGradients(Template):
    key = "coordinate.parallel_gradients"
    title = "Parallel lines: the same gradient, from equations and from coordinates"
    codes = {Tier.CORE: ("C3.6",), Tier.EXTENDED: ("E3.6",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Parallel lines"
        fractional = difficulty >= 4
        self._pick_pair(q, rng, difficulty)
        m = self._gradient(rng, fractional)
        if abs(m) == 1:
            m = 3 * m  # a gradient of 1 is not printed in y = x + c
        m_src = self._missing_coordinate(q, rng, difficulty, m)
        if difficulty >= 4:
            self._coefficient(q, rng, m_src)

    @staticmethod
    def _gradient(rng: random.Random, fractional: bool) -> Rational:
        if fractional:
            return R(rng.choice([1, 2, 3, -1, -2, -3, 5, -5]), rng.choice([2, 3, 4]))
        return R(rng.choice([2, 3, 4, 5, -2, -3, -4, -1, 1]))

    def _pick_pair(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        """(a) Four lines, two parallel; the forms vary more at higher difficulty."""
        m = self._gradient(rng, difficulty >= 4)
        if abs(m) == 1 and difficulty >= 2:
            m = 2 * m
        # Distractors: the lines a candidate mixes up with the parallel one.
        decoys = [-m, 1 / m, -1 / m, m + 1, m - 1]
        decoys = [d for d in dict.fromkeys(decoys) if d != m]
        chosen = rng.sample(decoys, 2)
        intercepts = rng.sample([v for v in range(-9, 10) if v], 4)
        gradients = [m, m, *chosen]
        if difficulty == 1:
            forms = ["mx+c"] * 4
        elif difficulty <= 3:
            forms = rng.sample(["mx+c", "c+mx", "ky", "y-mx"], 4)
        else:
            forms = ["ky", "ax+by", rng.choice(["mx+c", "c+mx"]), rng.choice(["ky", "ax+by"])]
            rng.shuffle(forms)
        lines = []
        for g, c, form in zip(gradients, intercepts, forms, strict=True):
            k = g.q if g.q > 1 else rng.choice([2, 3])
            if form == "ax+by" and g > 0:
                form = "ky"  # keep x's coefficient positive in ax + by = c
            if form == "mx+c" and g.q > 1 and difficulty < 4:
                form = "ky"
            c = R(c, k) if form in ("ky", "ax+by") and rng.random() < 0.5 else R(c)
            lines.append((g, c, form, k))
        order = list(range(4))
        rng.shuffle(order)
        lines = [lines[i] for i in order]
        pair = [_LETTERS[i] for i, j in enumerate(order) if j in (0, 1)]
        q.param("pair", "".join(pair))
        q.param("gradient", str(m))
        shown = " \\quad ".join(
            f"\\textbf{{{_LETTERS[i]}}}\\ \\ {_written(g, c, form, k)}"
            for i, (g, c, form, k) in enumerate(lines)
        )
        q.stem = f"Here are the equations of four lines. $${shown}$$"
        answer = f"{pair[0]} and {pair[1]}"
        if difficulty == 1:
            part = q.part(
                "a",
                "Write down the letters of the two lines that are parallel.",
                marks=1,
                command="Write down",
            )
        else:
            part = q.part(
                "a",
                "Determine which two of these lines are parallel. Show how you decide.",
                marks=2,
                command="Determine",
            )
        for letter, (g, c, form, _) in zip(_LETTERS, lines, strict=False):
            again = "" if form in ("mx+c", "c+mx") else f", so {_rearranged(g, c)}"
            part.step(f"{letter}: ${_written(g, c, form, _)}${again}: gradient ${text.frac(g)}$")
        part.step(f"{answer} both have gradient ${text.frac(m)}$, so they are parallel.")
        part.answer(None, kind=AnswerKind.TEXT, plain=answer, latex=text.words(answer))
        if difficulty > 1:
            part.mark("M", "the gradients of the lines found, e.g. by writing $y = mx + c$", 1)
            part.mark("A", answer, 1)
        else:
            part.mark("B", answer, 1)

    @staticmethod
    def _line_given(
        q: QuestionBuilder, rng: random.Random, m: Rational, difficulty: int
    ) -> tuple[str, str, str | None]:
        """The line AB is to be parallel to: its equation, its gradient's machine form and, if
        it must be rearranged first, the step that does so."""
        c = R(rng.choice([v for v in range(-8, 9) if v]))
        if difficulty <= 2:
            q.given("m", m)
            return f"y = {text.terms([(m, 'x'), (c, '')])}", "m", None
        # ax + by = d (falling) or by = ax + d (rising), a and b positive integers.
        b = m.q if m.q > 1 else rng.choice([2, 3])
        if abs(m) * b == 1:
            b *= 2  # 2x + 6y = ...: a coefficient of 1 is not printed
        a = abs(m) * b
        q.given("a", a)
        q.given("b", b)
        d = c * b
        if m < 0:
            equation = f"{text.terms([(a, 'x'), (b, 'y')])} = {text.frac(d)}"
            source = "-a/b"
        else:
            equation = f"{b}y = {text.terms([(a, 'x'), (d, '')])}"
            source = "a/b"
        return equation, source, f"${equation}$ gives {_rearranged(m, c)}"

    def _missing_coordinate(
        self, q: QuestionBuilder, rng: random.Random, difficulty: int, m: Rational
    ) -> str:
        """(b) P and Q(xQ, k): PQ is parallel to a given line; find k. Returns the machine
        form of the gradient."""
        equation, m_src, rearrange = self._line_given(q, rng, m, difficulty)
        xp, yp = rng.randint(-5, 4), rng.randint(-6, 6)
        run = m.q * rng.choice([1, 2, 3] if m.q == 1 else [1, 2])
        if rng.random() < 0.3:
            run = -run
        xq = xp + run
        k = yp + m * run
        if k == yp or abs(k) > 20:
            raise Reject("Q is level with P or far off")
        q.given("xP", xp)
        q.given("yP", yp)
        q.given("xQ", xq)
        marks = 2 if rearrange is None else 3
        part = q.part(
            "b",
            f"The point $P$ has coordinates $({xp}, {yp})$ and the point $Q$ has coordinates "
            f"$({xq}, k)$. The line $PQ$ is parallel to the line ${equation}$. "
            "Find the value of $k$.",
            marks=marks,
            command="Work out",
        )
        if rearrange is not None:
            gradient = Working(q, m_src)
            method(
                part,
                gradient,
                f"gradient ${gradient.latex}$ soi",
                step=rearrange + f": gradient ${gradient.latex}$",
                qualifiers=["soi"],
            )
        rise = f"\\frac{{k - {text.bracket(yp)}}}{{{xq} - {text.bracket(xp)}}}"
        k_src = f"yP + ({m_src})*(xQ - xP)"
        equation_k = f"Eq((k - yP)/(xQ - xP), {m_src})"
        part.step(f"Gradient of $PQ$: ${rise} = {text.frac(m)}$", equation_k)
        part.mark(
            "M",
            f"${rise} = {text.frac(m)}$ oe",
            value=equation_k,
            qualifiers=["oe"],
        )
        change = Working(q, f"({m_src})*(xQ - xP)")
        part.step(
            f"$k - {text.bracket(yp)} = {text.frac(m)} \\times {text.bracket(run)} = "
            f"{change.latex}$",
            change.machine,
        )
        final(part, Working(q, k_src), step=f"$k = {text.frac(k)}$", qualifiers=["cao"])
        self._wrong_k(part, m_src, rearrange is not None)
        return m_src

    @staticmethod
    def _wrong_k(part: PartBuilder, m_src: str, rearranged: bool) -> None:
        misconception(
            part,
            Misconception("used the perpendicular gradient", f"yP - (xQ - xP)/({m_src})"),
        )
        misconception(
            part,
            Misconception(
                "wrote the gradient as the change in x over the change in y",
                f"yP + (xQ - xP)/({m_src})",
            ),
        )
        if rearranged:
            # Read the coefficient of x as the gradient without dividing by b.
            sign = "-" if m_src.startswith("-") else ""
            misconception(
                part,
                Misconception(
                    "took the coefficient of x as the gradient without rearranging",
                    f"yP + ({sign}a)*(xQ - xP)",
                    (f"{sign}a",),
                ),
            )

    @staticmethod
    def _coefficient(q: QuestionBuilder, rng: random.Random, m_src: str) -> None:
        """(c) ux + vy = w is parallel to PQ: find u (the gradient of the line is -u/v)."""
        slope = q.value_of(m_src)
        v = slope.q * rng.choice([1, 2] if slope.q > 1 else [2, 3, 4])
        w = rng.choice([v_ for v_ in range(5, 25) if v_ % v])
        u = -slope * v
        q.given("v", v)
        q.given("w", w)
        part = q.part(
            "c",
            f"The line with equation $ux + {v}y = {w}$ is also parallel to $PQ$. "
            "Find the value of $u$.",
            marks=2,
            command="Work out",
        )
        part.step(
            f"${v}y = -ux + {w}$, so $y = -\\frac{{u}}{{{v}}}x + {text.frac(R(w, v))}$: "
            "gradient $-\\frac{u}{" + str(v) + "}$",
        )
        eq = f"Eq(-u/v, {m_src})"
        part.step(f"$-\\frac{{u}}{{{v}}} = {text.frac(slope)}$", eq)
        part.mark(
            "M", f"$-\\frac{{u}}{{{v}}} = {text.frac(slope)}$ oe", value=eq, qualifiers=["oe"]
        )
        final(
            part,
            Working(q, f"-v*({m_src})"),
            step=f"$u = -{v} \\times {text.bracket(slope)} = {text.frac(u)}$",
            qualifiers=["cao"],
        )
        misconception(
            part,
            Misconception("forgot the minus sign when rearranging", f"v*({m_src})", (eq,)),
        )
        misconception(
            part,
            Misconception(
                "took u itself as the gradient, without dividing by the coefficient of y",
                m_src,
            ),
        )
