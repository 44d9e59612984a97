"""LaTeX: the simple maths the engine writes, read back as plain text and parsed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generation.engine.expressions.parsing import ExpressionError
from generation.engine.expressions.plain import parse_plain

_LATEX_WORDS = {
    "times": "*",
    "cdot": "*",
    "div": "/",
    "pi": "pi",
    "le": "<=",
    "leq": "<=",
    "leqslant": "<=",
    "ge": ">=",
    "geq": ">=",
    "geqslant": ">=",
    "lt": "<",
    "gt": ">",
    "ne": "!=",
    "neq": "!=",
    "approx": "=",
    "left": "",
    "right": "",
    "circ": "",
    "degree": "",
    "%": "",
    "$": "",
    ",": "",
    ";": "",
    ":": "",
    "!": "",
    " ": "",
    "{": "{",
    "}": "}",
}
_LATEX_WRAPPERS = ("text", "mathrm", "textrm", "mathbf", "boldsymbol", "operatorname")
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+|.)")


def _brace_group(text: str, start: int) -> tuple[str, int]:
    """The contents of the ``{…}`` group opening at ``start`` and the index after it."""
    if start >= len(text) or text[start] != "{":
        # An unbraced argument is one character: \frac12, x^2.
        if start >= len(text):
            raise ExpressionError("a LaTeX command is missing its argument")
        return text[start], start + 1
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    raise ExpressionError("unbalanced braces in LaTeX")


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def latex_to_plain(latex: str) -> str:
    """Simple LaTeX maths (as in question text and mark schemes) in the plain answer syntax.

    Handles what the engine writes: ``\\frac``, ``\\sqrt``, ``^{…}``, ``\\times``, ``\\pi``,
    ``\\le``, thin spaces, ``^\\circ``, ``\\left( … \\right)``, ``pmatrix`` column vectors, ``\\{…\\}``
    sets and ``\\text{…}``. Raises :class:`ExpressionError` for anything else.
    """
    text = latex.strip()
    matrix = re.fullmatch(r"\\begin\{[pbv]?matrix\}(.*)\\end\{[pbv]?matrix\}", text, re.DOTALL)
    if matrix:
        rows = [r.strip() for r in matrix.group(1).split("\\\\") if r.strip()]
        return "(" + ", ".join(latex_to_plain(r) for r in rows) + ")"
    text = text.replace("{,}", "")
    # A whole number written against a numeric fraction is a mixed number: 2\frac{1}{3}.
    text = re.sub(r"(\d+)\s*\\[dt]?frac\{(\d+)\}\{(\d+)\}", r"(\1 + \2/\3)", text)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            match = _LATEX_COMMAND.match(text, i)
            assert match is not None
            word = match.group(1)
            i = match.end()
            if word in ("frac", "dfrac", "tfrac"):
                top, i = _brace_group(text, _skip_spaces(text, i))
                bottom, i = _brace_group(text, _skip_spaces(text, i))
                out.append(f"(({latex_to_plain(top)})/({latex_to_plain(bottom)}))")
            elif word == "sqrt":
                i = _skip_spaces(text, i)
                index = None
                if i < len(text) and text[i] == "[":
                    end = text.index("]", i)
                    index, i = text[i + 1 : end], end + 1
                body, i = _brace_group(text, _skip_spaces(text, i))
                inner = latex_to_plain(body)
                out.append(f"root({inner}, {index})" if index else f"sqrt({inner})")
            elif word in _LATEX_WRAPPERS:
                body, i = _brace_group(text, _skip_spaces(text, i))
                out.append(body)
            elif word in _LATEX_WORDS:
                out.append(_LATEX_WORDS[word])
                if word.isalpha():
                    out.append(" ")
            else:
                raise ExpressionError(f"LaTeX \\{word} is not understood here")
        elif ch in "^_":
            i = _skip_spaces(text, i + 1)
            command = _LATEX_COMMAND.match(text, i) if text[i : i + 1] == "\\" else None
            if command is not None:  # x^\circ, 10^\frac12
                argument, i = command.group(0), command.end()
                if command.group(1) in ("frac", "dfrac", "sqrt"):
                    raise ExpressionError("write a braced exponent: ^{\\frac{1}{2}}")
            else:
                argument, i = _brace_group(text, i)
            inner = latex_to_plain(argument)
            if ch == "_":
                out.append(inner)  # x_1 -> x1
            elif re.fullmatch(r"\d+|[A-Za-z]", inner.strip()):
                out.append(f"^{inner.strip()}")
            elif inner.strip():
                out.append(f"^({inner})")
        elif ch == "{":
            body, i = _brace_group(text, i)
            out.append(f"({latex_to_plain(body)})")
        else:
            out.append(ch)
            i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


def parse_latex(latex: str, names: Mapping[str, Any] | None = None) -> Any:
    """Parse simple LaTeX maths (see :func:`latex_to_plain`). Raises :class:`ExpressionError`."""
    return parse_plain(latex_to_plain(latex), names)
