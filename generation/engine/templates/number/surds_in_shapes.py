"""Surds in shapes (E1.18): the area of a rectangle with sides a + √m and a − √m, the area of a
square of side a + √b, a hypotenuse k√n from Pythagoras, and a width found by rationalising."""

from __future__ import annotations

import random
import re

import sympy
from sympy import sqrt

from generation.engine.authoring import Working, final, method, wrong
from generation.engine.base import Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import CalculatorPolicy, Tier


def _latex(value: sympy.Expr) -> str:
    return sympy.latex(sympy.nsimplify(value), order="none")


def _plain(value: sympy.Expr) -> str:
    """A surd as a candidate writes it: 6√2, 3 + 2√5."""
    text = sympy.sstr(sympy.nsimplify(value), order="none")
    return re.sub(r"\*?sqrt\((\d+)\)", r"√\1", text)


def _square_free(n: int) -> bool:
    return all(n % (k * k) for k in range(2, int(n**0.5) + 1))


_ROOTS = [n for n in range(2, 31) if _square_free(n)]


@register
class SurdsInShapes(Template):
    key = "number.surds_in_shapes"
    title = "Surds in shapes: exact areas, lengths and widths"
    codes = {Tier.EXTENDED: ("E1.18",)}
    calculator = CalculatorPolicy.NOT_ALLOWED

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "Surds in shapes"
        q.stem = "In this question, all lengths are in centimetres. Give each answer exactly."
        plan = {
            1: ["rectangle", "hypotenuse"],
            2: ["rectangle", "square"],
            3: ["square", "hypotenuse"],
            4: ["hypotenuse", "width"],
            5: ["square", "width"],
        }[difficulty]
        for label, kind in zip("ab", plan, strict=True):
            q.param(label, kind)
            getattr(self, f"_{kind}")(q, rng, label, difficulty)

    @staticmethod
    def _rectangle(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        m = rng.choice([n for n in _ROOTS if n < 20])
        a = rng.randint(int(m**0.5) + 1, 9)
        q.given(f"{label}a", a)
        q.given(f"{label}m", m)
        part = q.part(
            label,
            f"A rectangle has length $({a} + \\sqrt{{{m}}})$ cm and width $({a} - \\sqrt{{{m}}})$ "
            "cm.\n\nWork out the area of the rectangle. Give your answer as an integer.",
            marks=2,
            command="Work out",
        )
        expanded = Working(
            q,
            f"({label}a + sqrt({label}m))*({label}a - sqrt({label}m))",
            latex=f"{a * a} - {a}\\sqrt{{{m}}} + {a}\\sqrt{{{m}}} - {m}",
        )
        method(
            part,
            expanded,
            f"${expanded.substituted}$ oe",
            step=f"$({a} + \\sqrt{{{m}}})({a} - \\sqrt{{{m}}}) = {expanded.substituted}$",
        )
        area = Working(q, f"{label}a**2 - {label}m")
        final(part, area, step=f"$= {area.latex}$", unit="cm^2", qualifiers=["cao"])
        wrong(
            part,
            str(a * a + m),
            f"took $-\\sqrt{{{m}}} \\times \\sqrt{{{m}}}$ as $+{m}$",
            working=[],
        )

    @staticmethod
    def _square(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        b = rng.choice(_ROOTS)
        a = rng.randint(2, 7)
        q.given(f"{label}a", a)
        q.given(f"{label}b", b)
        part = q.part(
            label,
            f"A square has sides of length $({a} + \\sqrt{{{b}}})$ cm. Its area can be written "
            f"as $p + q\\sqrt{{{b}}}$ cm$^2$, where $p$ and $q$ are integers.\n\nFind the value "
            "of $p$ and the value of $q$.",
            marks=3,
            command="Work out",
        )
        four = f"{a * a} + {a}\\sqrt{{{b}}} + {a}\\sqrt{{{b}}} + {b}"
        expanded = Working(q, f"({label}a + sqrt({label}b))**2", latex=four)
        method(
            part,
            expanded,
            f"${four}$ (three or four terms correct)",
            step=f"$({a} + \\sqrt{{{b}}})^2 = ({a} + \\sqrt{{{b}}})({a} + \\sqrt{{{b}}}) = {four}$",
        )
        p, qq = a * a + b, 2 * a
        part.step(
            f"$= {p} + {qq}\\sqrt{{{b}}}$, so $p = {p}$ and $q = {qq}$", f"{label}a**2 + {label}b"
        )
        part.answer(f"{label}a**2 + {label}b", label="p")
        part.answer(f"2*{label}a", label="q")
        part.mark("A", f"$p = {p}$", value=f"{label}a**2 + {label}b")
        part.mark("A", f"$q = {qq}$", value=f"2*{label}a")
        wrong(part, f"{a * a + b}, 0", "squared each term separately: $(a + b)^2 \\ne a^2 + b^2$")
        wrong(part, f"{a * a + b}, {a}", "found only one of the two middle terms", working=[])

    @staticmethod
    def _hypotenuse(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        pairs = [
            (x, y)
            for x in range(2, 30)
            for y in range(x + 1, 40)
            if _square_free(x) and _square_free(y) and not _square_free(x + y)
            and sqrt(x + y).is_Integer is False
        ]  # fmt: skip
        x, y = rng.choice(pairs)
        q.given(f"{label}x", x)
        q.given(f"{label}y", y)
        part = q.part(
            label,
            f"A right-angled triangle has shorter sides of length $\\sqrt{{{x}}}$ cm and "
            f"$\\sqrt{{{y}}}$ cm.\n\nWork out the length of the hypotenuse. Give your answer in "
            "the form $k\\sqrt{n}$, where $k$ and $n$ are integers and $n$ is as small as possible.",
            marks=2,
            command="Work out",
        )
        total = Working(q, f"{label}x + {label}y", latex=f"(\\sqrt{{{x}}})^2 + (\\sqrt{{{y}}})^2")
        method(
            part, total, f"${x} + {y}$", step=f"$h^2 = {total.substituted} = {x} + {y} = {x + y}$"
        )
        length = sqrt(x + y)
        part.step(f"$h = \\sqrt{{{x + y}}} = {_latex(length)}$", f"sqrt({label}x + {label}y)")
        part.answer(f"sqrt({label}x + {label}y)", plain=_plain(length), latex=_latex(length))
        part.mark(
            "A", f"${_latex(length)}$", value=f"sqrt({label}x + {label}y)", qualifiers=["cao"]
        )
        wrong(
            part,
            f"√{x} + √{y}",
            "added the lengths instead of their squares",
            latex=f"\\sqrt{{{x}}} + \\sqrt{{{y}}}",
        )
        wrong(
            part,
            f"√{x + y}",
            "did not simplify the surd",
            latex=f"\\sqrt{{{x + y}}}",
            working=[total.machine],
        )

    @staticmethod
    def _width(q: QuestionBuilder, rng: random.Random, label: str, difficulty: int) -> None:
        n = rng.choice([2, 3, 5, 6, 7])
        k = rng.randint(2, 6)
        area = k * n  # area / sqrt(n) = k*sqrt(n)
        q.given(f"{label}A", area)
        q.given(f"{label}n", n)
        part = q.part(
            label,
            f"A rectangle has area ${area}$ cm$^2$ and length $\\sqrt{{{n}}}$ cm.\n\nWork out the "
            "width of the rectangle. Give your answer in the form $k\\sqrt{n}$.",
            marks=2,
            command="Work out",
        )
        shown = (
            f"\\frac{{{area}}}{{\\sqrt{{{n}}}}} \\times \\frac{{\\sqrt{{{n}}}}}{{\\sqrt{{{n}}}}}"
        )
        width = Working(q, f"{label}A/sqrt({label}n)", latex=shown)
        method(
            part,
            width,
            f"$\\frac{{{area}}}{{\\sqrt{{{n}}}}}$ and an attempt to rationalise",
            step=f"Width $= {shown} = \\frac{{{area}\\sqrt{{{n}}}}}{{{n}}}$",
        )
        value = k * sqrt(n)
        part.step(f"$= {_latex(value)}$", width.machine)
        part.answer(width.machine, plain=_plain(value), latex=_latex(value))
        part.mark("A", f"${_latex(value)}$", value=width.machine, qualifiers=["cao"])
        slip = area * sqrt(n)
        wrong(
            part,
            _plain(slip),
            "multiplied the area by the length instead of dividing",
            latex=_latex(slip),
        )
