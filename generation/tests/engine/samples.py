"""Hand-written questions (as the JSON an LLM or a teacher would give) for the engine tests.

Each function returns a fresh dict, so a test can plant a mistake in it.
"""

from __future__ import annotations

from typing import Any


def pond() -> dict[str, Any]:
    """A calculator question: area (3 s.f.), volume (M1 soi, M1 dep, A1), a Write down part."""
    return {
        "title": "A circular pond",
        "stem": "A circular pond has radius $28$ m. The water in the pond is $1.5$ m deep.",
        "givens": [
            {"name": "r", "value": "28", "display": "28", "unit": "m"},
            {"name": "h", "value": "3/2", "display": "1.5", "unit": "m"},
        ],
        "parts": [
            {
                "label": "a",
                "text": "Calculate the area of the surface of the pond.",
                "marks": 2,
                "command_word": "Calculate",
                "calculator": "allowed",
                "answers": [
                    {
                        "kind": "number",
                        "value": "pi*r**2",
                        "plain": "2460",
                        "latex": "2460",
                        "unit": "m^2",
                        "accuracy": "3sf",
                    }
                ],
                "solution": [
                    {"text": "$A = \\pi r^2 = \\pi \\times 28^2$", "value": "pi*r**2"},
                    {"text": "$A = 2463.0\\ldots = 2460$ m$^2$", "value": "pi*r**2"},
                ],
            },
            {
                "label": "b",
                "text": "Calculate the volume of water in the pond.",
                "marks": 3,
                "command_word": "Calculate",
                "calculator": "allowed",
                "answers": [
                    {
                        "kind": "number",
                        "value": "pi*r**2*h",
                        "plain": "3690",
                        "latex": "3690",
                        "unit": "m^3",
                        "accuracy": "3sf",
                    }
                ],
                "solution": [
                    {"text": "Area of the surface $= 2463.0\\ldots$ m$^2$", "value": "pi*r**2"},
                    {"text": "$V = \\pi \\times 28^2 \\times 1.5$", "value": "pi*r**2*h"},
                    {"text": "$V = 3694.5\\ldots = 3690$ m$^3$", "value": "pi*r**2*h"},
                ],
            },
            {
                "label": "c",
                "text": "Write down the diameter of the pond.",
                "marks": 1,
                "command_word": "Write down",
                "calculator": "allowed",
                "answers": [
                    {"kind": "number", "value": "2*r", "plain": "56", "latex": "56", "unit": "m"}
                ],
                "solution": [{"text": "$d = 2 \\times 28 = 56$ m", "value": "2*r"}],
            },
        ],
        "total_marks": 6,
        "mark_scheme": [
            {
                "part": "a",
                "awarded_for": "$\\pi \\times 28^2$",
                "mark_type": "M",
                "value": "pi*r**2",
            },
            {
                "part": "a",
                "awarded_for": "$2460$",
                "mark_type": "A",
                "qualifiers": ["awrt"],
                "value": "pi*r**2",
                "depends_on": 0,
            },
            {
                "part": "b",
                "awarded_for": "$\\pi \\times 28^2$",
                "mark_type": "M",
                "qualifiers": ["soi"],
                "value": "pi*r**2",
            },
            {
                "part": "b",
                "awarded_for": "$\\pi \\times 28^2 \\times 1.5$",
                "mark_type": "M",
                "qualifiers": ["dep"],
                "value": "pi*r**2*h",
            },
            {
                "part": "b",
                "awarded_for": "$3690$",
                "mark_type": "A",
                "qualifiers": ["awrt"],
                "value": "pi*r**2*h",
                "depends_on": 3,
            },
            {"part": "c", "awarded_for": "$56$", "mark_type": "B", "value": "2*r"},
        ],
        "wrong_answers": [
            {
                "part": "a",
                "plain": "176",
                "latex": "176",
                "error": "used the circumference formula 2πr",
                "working": ["2*pi*r"],
                "marks_awarded": 0,
            },
            {
                "part": "b",
                "plain": "2460",
                "latex": "2460",
                "error": "found the area and forgot to multiply by the depth",
                "working": ["pi*r**2"],
                "marks_awarded": 1,
            },
            {
                "part": "b",
                "plain": "14800",
                "latex": "14800",
                "error": "used the diameter as the radius",
                "working": ["pi*(2*r)**2*h"],
                "marks_awarded": 0,
            },
        ],
        "syllabus_codes": ["C5.3", "C5.4"],
        "tier": "Core",
        "calculator_policy": "allowed",
        "difficulty": 2,
        "variant": {"source": "manual", "difficulty": 2},
    }


def algebra() -> dict[str, Any]:
    """A non-calculator question: a linear equation, a factorisation, a Show that."""
    return {
        "title": "Equations and expressions",
        "stem": "",
        "givens": [
            {"name": "a", "value": "3", "display": "3"},
            {"name": "b", "value": "5", "display": "5"},
            {"name": "c", "value": "20", "display": "20"},
        ],
        "parts": [
            {
                "label": "a",
                "text": "Solve $3x + 5 = 20$.",
                "marks": 2,
                "command_word": "Work out",
                "calculator": "not_allowed",
                "answers": [
                    {
                        "kind": "number",
                        "label": "x",
                        "value": "(c - b)/a",
                        "plain": "5",
                        "latex": "5",
                        "variable": "x",
                        "satisfies": "Eq(a*x + b, c)",
                    }
                ],
                "solution": [
                    {"text": "$3x = 20 - 5 = 15$", "value": "c - b"},
                    {"text": "$x = 15 \\div 3 = 5$", "value": "(c - b)/a"},
                ],
            },
            {
                "label": "b",
                "text": "Factorise $x^2 + x - 6$.",
                "marks": 2,
                "command_word": "Work out",
                "calculator": "not_allowed",
                "answers": [
                    {
                        "kind": "expression",
                        "value": "(x + 3)*(x - 2)",
                        "plain": "(x + 3)(x - 2)",
                        "latex": "(x + 3)(x - 2)",
                    }
                ],
                "solution": [
                    {"text": "$3 \\times (-2) = -6$ and $3 + (-2) = 1$"},
                    {"text": "$x^2 + x - 6 = (x + 3)(x - 2)$", "value": "(x + 3)*(x - 2)"},
                ],
            },
            {
                "label": "c",
                "text": "A rectangle is $(x + 3)$ cm long and $(x - 2)$ cm wide. "
                "Show that its area, in cm$^2$, is $x^2 + x - 6$.",
                "marks": 2,
                "command_word": "Show that",
                "calculator": "not_allowed",
                "answers": [
                    {
                        "kind": "expression",
                        "value": "x**2 + x - 6",
                        "plain": "x^2 + x - 6",
                        "latex": "x^2 + x - 6",
                    }
                ],
                "show_that": "x**2 + x - 6",
                "solution": [
                    {
                        "text": "$(x + 3)(x - 2) = x^2 - 2x + 3x - 6$",
                        "value": "x**2 - 2*x + 3*x - 6",
                    },
                    {"text": "$= x^2 + x - 6$", "value": "x**2 + x - 6"},
                ],
            },
        ],
        "total_marks": 6,
        "mark_scheme": [
            {"part": "a", "awarded_for": "$3x = 15$", "mark_type": "M", "value": "c - b"},
            {
                "part": "a",
                "awarded_for": "$x = 5$",
                "mark_type": "A",
                "value": "(c - b)/a",
                "depends_on": 0,
            },
            {
                "part": "b",
                "awarded_for": "$(x + 3)(x - 2)$",
                "mark_type": "B",
                "count": 2,
                "partial_credit": ["B1 for $(x + a)(x + b)$ where $ab = -6$ or $a + b = 1$"],
                "value": "(x + 3)*(x - 2)",
            },
            {
                "part": "c",
                "awarded_for": "$x^2 - 2x + 3x - 6$",
                "mark_type": "M",
                "value": "x**2 - 2*x + 3*x - 6",
            },
            {
                "part": "c",
                "awarded_for": "$x^2 + x - 6$ correctly obtained",
                "mark_type": "A",
                "qualifiers": ["nfww"],
                "value": "x**2 + x - 6",
                "depends_on": 3,
            },
        ],
        "wrong_answers": [
            {
                "part": "a",
                "plain": "25/3",
                "latex": "\\frac{25}{3}",
                "error": "added 5 instead of subtracting it",
                "working": ["c + b"],
                "marks_awarded": 0,
            },
            {
                "part": "b",
                "plain": "(x - 3)(x + 2)",
                "latex": "(x - 3)(x + 2)",
                "error": "wrong signs in the brackets",
                "marks_awarded": 0,
            },
        ],
        "syllabus_codes": ["C2.2", "C2.5"],
        "tier": "Core",
        "calculator_policy": "not_allowed",
        "difficulty": 2,
        "variant": {"source": "manual", "difficulty": 2},
    }


def quadratic() -> dict[str, Any]:
    """One part with two answers (both roots of a quadratic)."""
    roots = "Eq((x - m)*(x + n), 0)"
    return {
        "title": "A quadratic equation",
        "stem": "",
        "givens": [
            {"name": "m", "value": "3", "display": "3"},
            {"name": "n", "value": "2", "display": "2"},
        ],
        "parts": [
            {
                "label": "",
                "text": "Solve $(x - 3)(x + 2) = 0$.",
                "marks": 3,
                "command_word": "Work out",
                "calculator": "not_allowed",
                "answers": [
                    {"value": "m", "plain": "3", "latex": "3", "variable": "x", "satisfies": roots},
                    {
                        "value": "-n",
                        "plain": "-2",
                        "latex": "-2",
                        "variable": "x",
                        "satisfies": roots,
                    },
                ],
                "solution": [
                    {"text": "$x - 3 = 0$ or $x + 2 = 0$", "value": "(x - m)*(x + n)"},
                    {"text": "$x = 3$ or $x = -2$"},
                ],
            }
        ],
        "total_marks": 3,
        "mark_scheme": [
            {
                "part": "",
                "awarded_for": "$x - 3 = 0$ or $x + 2 = 0$",
                "mark_type": "M",
                "value": "(x - m)*(x + n)",
            },
            {"part": "", "awarded_for": "$x = 3$", "mark_type": "A", "value": "m", "depends_on": 0},
            {
                "part": "",
                "awarded_for": "$x = -2$",
                "mark_type": "A",
                "value": "-n",
                "depends_on": 0,
            },
        ],
        "wrong_answers": [
            {
                "part": "",
                "plain": "x = -3 or x = 2",
                "latex": "x = -3, x = 2",
                "error": "changed the signs of both roots",
                "working": ["(x - m)*(x + n)"],
                "marks_awarded": 1,
            },
        ],
        "syllabus_codes": ["C2.5"],
        "tier": "Core",
        "calculator_policy": "not_allowed",
        "difficulty": 3,
        "variant": {"source": "manual", "difficulty": 3},
    }
