"""The four operations: negative numbers and the order of operations (syllabus 1.6), without a
calculator."""

from __future__ import annotations

import random

from generation.engine.authoring import Misconception, misconception
from generation.engine.base import Reject, Template, register
from generation.engine.builder import QuestionBuilder
from questions.schemas import Accuracy, CalculatorPolicy, Tier

NON_CALC = CalculatorPolicy.NOT_ALLOWED


def _n(value: int) -> str:
    """An integer inside an expression: negatives in brackets, (-4)."""
    return f"({value})" if value < 0 else str(value)


def _simple_item(rng: random.Random, shape: int) -> tuple[str, str, int, int, str]:
    """A one-line calculation: (latex, machine, value, wrong value, error)."""
    a, b, c = rng.randint(2, 12), rng.randint(2, 9), rng.randint(2, 9)
    if shape == 0:  # a + b x c
        return (
            f"{a} + {b} \\times {c}",
            f"{a} + {b}*{c}",
            a + b * c,
            (a + b) * c,
            "worked from left to right instead of multiplying first",
        )
    if shape == 1:  # a - b x (-c)
        return (
            f"{a} - {b} \\times ({-c})",
            f"{a} - {b}*({-c})",
            a + b * c,
            (a - b) * -c,
            "worked from left to right instead of multiplying first",
        )
    if shape == 2:  # (-a) x (-b) - c x d
        d = rng.randint(2, 9)
        return (
            f"({-a}) \\times ({-b}) - {c} \\times {d}",
            f"(-{a})*(-{b}) - {c}*{d}",
            a * b - c * d,
            -a * b - c * d,
            "thought a negative times a negative is negative",
        )
    if shape == 3:  # a - (-b)^2
        return (
            f"{a} - ({-b})^2",
            f"{a} - (-{b})**2",
            a - b * b,
            a + b * b,
            f"thought that subtracting $({-b})^2$ means adding {b * b}",
        )
    # (-b)^3 - (-c)^2
    b, c = rng.randint(2, 4), rng.randint(2, 6)
    return (
        f"({-b})^3 - ({-c})^2",
        f"(-{b})**3 - (-{c})**2",
        -(b**3) - c * c,
        -(b**3) + c * c,
        f"thought $({-c})^2$ is negative",
    )


def _brackets(rng: random.Random) -> tuple[str, str, int]:
    """A statement a + b x c - d = V that needs brackets: (question latex, answer, V)."""
    for _ in range(100):
        a, b, c, d = rng.randint(2, 9), rng.randint(2, 9), rng.randint(3, 12), rng.randint(1, 6)
        options = {
            f"({a} + {b}) × {c} - {d}": (a + b) * c - d,
            f"{a} + {b} × ({c} - {d})": a + b * (c - d),
            f"({a} + {b}) × ({c} - {d})": (a + b) * (c - d),
        }
        plain_value = a + b * c - d
        answer, value = rng.choice(list(options.items()))
        clashes = [v for v in [plain_value, *options.values()] if v == value]
        if len(clashes) == 1 and c > d:
            return f"{a} + {b} \\times {c} - {d} = {value}", answer, value
    raise Reject("no bracket placement with a unique value")


@register
class OrderOfOperations(Template):
    key = "number.order_of_operations"
    title = "Negative numbers and the order of operations"
    codes = {Tier.CORE: ("C1.6",), Tier.EXTENDED: ("E1.6",)}
    calculator = NON_CALC

    def compose(self, q: QuestionBuilder, rng: random.Random, difficulty: int) -> None:
        q.title = "The four operations"
        labels = iter("abcd")
        shapes = {1: [0, 1], 2: [1, 2], 3: [2, 3], 4: [3, 4], 5: [3, 4]}[difficulty]
        for shape in rng.sample(shapes, 2):
            latex, machine, value, bad, error = _simple_item(rng, shape)
            part = q.part(next(labels), f"Work out ${latex}$.", marks=1, command="Work out")
            part.step(f"${latex} = {value}$", machine)
            part.answer(machine)
            part.mark("B", f"${value}$", value=machine, qualifiers=["cao"])
            if bad != value:
                misconception(
                    part, Misconception(error, bad, accuracy=Accuracy.EXACT, fractions=False)
                )
            q.param(part.label, machine)
        if difficulty >= 3:
            statement, answer, total = _brackets(rng)
            part = q.part(
                next(labels),
                f"Insert brackets to make this statement correct.\n\n${statement}$",
                marks=1,
                command="Write",
            )
            bracketed = answer.replace("×", "\\times")
            part.step(f"${bracketed} = {total}$")
            part.answer(kind="text", plain=f"{answer} = {total}", latex=f"{bracketed} = {total}")
            part.mark("B", f"${bracketed} = {total}$", qualifiers=["cao"])
            q.param("brackets", answer)
        if difficulty >= 4:
            self._fraction_part(q, rng, next(labels))

    def _fraction_part(self, q: QuestionBuilder, rng: random.Random, label: str) -> None:
        denominators = [
            ("(-2)^3", "(-2)**3", -8),
            ("(-3)^2", "(-3)**2", 9),
            ("2 \\times (-3)", "2*(-3)", -6),
            ("(-4)^2 - 10", "(-4)**2 - 10", 6),
        ]
        den_latex, den_machine, den = rng.choice(denominators)
        result = rng.choice([-5, -4, -3, -2, 2, 3, 4, 5])
        options = [
            (b, -c) for b in range(2, 7) for c in range(2, 7) if 0 < abs(result * den + b * c) <= 60
        ]
        if not options:
            raise Reject("awkward numerator")
        b, c = rng.choice(options)
        a = result * den - b * c
        num_latex = f"{a} + {b} \\times ({c})"
        num_machine = f"{a} + {b}*({c})"
        machine = f"({num_machine})/({den_machine})"
        part = q.part(
            label,
            f"Work out $\\frac{{{num_latex}}}{{{den_latex}}}$.",
            marks=2,
            command="Work out",
        )
        part.step(f"Numerator: ${num_latex} = {a + b * c}$", num_machine)
        part.step(f"Denominator: ${den_latex} = {den}$", den_machine)
        part.step(f"$\\frac{{{a + b * c}}}{{{den}}} = {result}$", machine)
        part.answer(machine)
        part.mark(
            "M",
            f"${a + b * c}$ or ${den}$ seen",
            value=num_machine,
            partial=["M1 for either the numerator or the denominator correct"],
        )
        part.mark("A", f"${result}$", value=machine, qualifiers=["cao"])
        left_to_right = (a + b) * c
        if left_to_right % den == 0 and left_to_right // den != result:
            misconception(
                part,
                Misconception(
                    "worked out the numerator from left to right",
                    left_to_right // den,
                    accuracy=Accuracy.EXACT,
                    fractions=False,
                ),
            )
        misconception(
            part,
            Misconception(
                "made a sign error in the final division",
                -result,
                (num_machine,),
                accuracy=Accuracy.EXACT,
                fractions=False,
            ),
        )
