"""Plain text: answers as a candidate writes them (``"2x + 3"``, ``"x^2"``, ``"3 : 4"``,
``"y = 2x - 1"``, ``"√2"``, ``"12.6 cm"``), normalised to machine form and parsed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generation.engine.expressions.parsing import CONSTANTS, FUNCTIONS, parse

_UNIT_WORDS = (
    r"(?:mm|cm|km|m|ml|cl|l|kg|g|mg|s|min|h|hours?|minutes?|seconds?|days?|weeks?|years?|"
    r"degrees?|°|cents?|dollars?|pence|p|people|cars|students|km/h|m/s|cm/s|"
    r"mm²|cm²|m²|km²|mm³|cm³|m³|"
    r"(?:mm|cm|m|km)\s*\^\s*\{?[23]\}?|%)"
)
_UNIT_AT_END = re.compile(r"\s*" + _UNIT_WORDS + r"\s*$")
_UNICODE = {
    "−": "-",
    "–": "-",
    "×": "*",
    "÷": "/",
    "·": "*",
    "≤": "<=",
    "⩽": "<=",
    "≥": ">=",
    "⩾": ">=",
    "≠": "!=",
    "π": "pi",
    "²": "^2",
    "³": "^3",
}
_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*|\.\d+)|([A-Za-z]+)|(\S))")
# Multi-letter names a candidate may write; any other run of letters is a product (xy = x*y).
_KNOWN_NAMES = {*FUNCTIONS, *CONSTANTS, "sqrt", "pi"}


def _strip_unit(text: str) -> str:
    """Drop a trailing unit, but only from a number ('12.6 cm'), never from algebra ('3h')."""
    match = _UNIT_AT_END.search(text)
    if match:
        stripped = text[: match.start()]
        unit = match.group(0)
        # "5 m" is five metres but "5m" may be algebra: a one-letter unit needs its space.
        spaced = unit[:1].isspace() or not re.fullmatch(r"[A-Za-z]", unit.strip())
        if stripped and spaced and not re.search(r"[A-Za-z]", stripped.replace("pi", "")):
            return stripped
    if text.endswith(("%", "°")):
        return text[:-1].rstrip()
    return text


def _implicit_products(text: str) -> str:
    """Insert the multiplications a candidate leaves out: 2x, 3pi, 2(x+1), (x+1)(x-2), xy."""
    out: list[str] = []
    previous = ""  # kind of the previous token: "number", "name", "function", ")" or ""
    for match in _TOKEN.finditer(text):
        number, letters, other = match.groups()
        spaced = match.group(0)[:1].isspace()
        pieces: list[tuple[str, str]] = []
        if number is not None:
            pieces.append(("number", number))
        elif letters is not None:
            if letters in _KNOWN_NAMES or len(letters) == 1:
                kind = "function" if letters in FUNCTIONS else "name"
                pieces.append((kind, letters))
            else:
                pieces.extend(("name", letter) for letter in letters)
        else:
            pieces.append((other if other in "()" else "op", other))
        for i, (kind, token) in enumerate(pieces):
            product = previous in ("number", "name", ")") and kind in (
                "number",
                "name",
                "function",
                "(",
            )
            if previous == "number" and kind == "number":
                product = False  # "2 1" is not a product; leave it to fail to parse
            if previous == "name" and kind == "(":
                product = True  # x(x + 1)
            if product:
                out.append("*")
            elif spaced and i == 0:
                out.append(" ")
            out.append(token)
            previous = kind
    return "".join(out).strip()


def _normalise_side(text: str) -> str:
    s = _strip_unit(text.strip())
    s = re.sub(r"^\s*[$£€]\s*", "", s)
    s = re.sub(r"^(-?)\s*[$£€]\s*", r"\1", s)
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)  # 12,000 -> 12000
    s = s.replace("°", "")
    mixed = re.fullmatch(r"(-?)(\d+)\s+(\d+)\s*/\s*(\d+)", s)
    if mixed:  # a mixed number: 2 1/3
        sign, whole, top, bottom = mixed.groups()
        return f"{sign}({whole} + {top}/{bottom})"
    s = s.replace("^", "**")
    s = re.sub(r"√\s*\(", "sqrt(", s)
    s = re.sub(r"√\s*([0-9.]+|[A-Za-z])", r"sqrt(\1)", s)
    return _implicit_products(s)


def _normalise_plain(text: str) -> str:
    s = text.strip()
    for old, new in _UNICODE.items():
        s = s.replace(old, new)
    # Three-figure bearings and times are written with leading zeros ("045"); Python's
    # grammar refuses them, so drop them (never from a decimal such as 0.5 or 10.05).
    s = re.sub(r"(?<![\d.,\u2009])(?<!\d )0+(?=\d)", "", s)
    if re.fullmatch(r"-?[\d.]+(\s*:\s*-?[\d.]+)+", s):
        return "(" + ",".join(p.strip() for p in s.split(":")) + ")"
    # A single "=" is an equation; "<=", ">=", "==", "!=" stay as they are.
    if len(re.findall(r"(?<![<>=!])=(?!=)", s)) == 1:
        left, right = re.split(r"(?<![<>=!])=(?!=)", s)
        return f"Eq({_normalise_side(left)}, {_normalise_side(right)})"
    return _normalise_side(s)


def parse_plain(text: str, names: Mapping[str, Any] | None = None) -> Any:
    """Parse an answer written the way a candidate writes it. Raises :class:`ExpressionError`."""
    return parse(_normalise_plain(text), names)
