"""Machine-form maths: parse SymPy expressions from strings without ``eval``.

Two entry points:

- :func:`parse` reads *machine form*, the Python-like syntax the schema stores
  (``"pi*r**2"``, ``"Eq(3*x + 5, 20)"``, ``"(3, -2)"``).
- :func:`parse_plain` reads an answer as a candidate writes it (``"2x + 3"``, ``"x^2"``,
  ``"3 : 4"``, ``"y = 2x - 1"``, ``"√2"``, ``"12.6 cm"``) by normalising it to machine form first.

Both walk Python's ``ast`` and build SymPy objects node by node; only whitelisted names and
functions exist, so nothing in the string can reach Python itself.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

import sympy
from sympy import Expr

__all__ = [
    "ExpressionError",
    "parse",
    "parse_plain",
    "parse_latex",
    "latex_to_plain",
    "evaluate",
    "machine",
    "equivalent",
    "FUNCTIONS",
    "CONSTANTS",
]


class ExpressionError(ValueError):
    """The string is not a well-formed, whitelisted expression."""


def _deg(x: Any) -> Any:
    return x * sympy.pi / 180


def _sind(x: Any) -> Any:
    return sympy.sin(_deg(x))


def _cosd(x: Any) -> Any:
    return sympy.cos(_deg(x))


def _tand(x: Any) -> Any:
    return sympy.tan(_deg(x))


def _asind(x: Any) -> Any:
    return sympy.asin(x) * 180 / sympy.pi


def _acosd(x: Any) -> Any:
    return sympy.acos(x) * 180 / sympy.pi


def _atand(x: Any) -> Any:
    return sympy.atan(x) * 180 / sympy.pi


def _round_dp(x: Any, places: Any = 0) -> Any:
    """Round half up to ``places`` decimal places, exactly."""
    value = Decimal(str(sympy.N(x, 50)))
    quantum = Decimal(1).scaleb(-int(places))
    return sympy.Rational(str(value.quantize(quantum, rounding="ROUND_HALF_UP")))


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "sqrt": sympy.sqrt,
    "cbrt": sympy.cbrt,
    "root": sympy.root,
    "Rational": sympy.Rational,
    "Abs": sympy.Abs,
    "abs": sympy.Abs,
    "exp": sympy.exp,
    "log": sympy.log,
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tan": sympy.tan,
    "asin": sympy.asin,
    "acos": sympy.acos,
    "atan": sympy.atan,
    "sind": _sind,
    "cosd": _cosd,
    "tand": _tand,
    "asind": _asind,
    "acosd": _acosd,
    "atand": _atand,
    "floor": sympy.floor,
    "ceiling": sympy.ceiling,
    "round_dp": _round_dp,
    "factorial": sympy.factorial,
    "binomial": sympy.binomial,
    "gcd": sympy.gcd,
    "lcm": sympy.lcm,
    "Min": sympy.Min,
    "Max": sympy.Max,
    "Eq": sympy.Eq,
    "Ne": sympy.Ne,
    "Lt": sympy.Lt,
    "Le": sympy.Le,
    "Gt": sympy.Gt,
    "Ge": sympy.Ge,
    "And": sympy.And,
    "Or": sympy.Or,
    "FiniteSet": sympy.FiniteSet,
    "Tuple": sympy.Tuple,
    "Interval": sympy.Interval,
    "diff": sympy.diff,
    "expand": sympy.expand,
    "factor": sympy.factor,
    "simplify": sympy.simplify,
    "Matrix": sympy.Matrix,
}

CONSTANTS: dict[str, Any] = {
    "pi": sympy.pi,
    "E": sympy.E,
    "oo": sympy.oo,
    "true": sympy.true,
    "false": sympy.false,
}

_RELATIONS = {"Eq", "Ne", "Lt", "Le", "Gt", "Ge"}
_MAX_LENGTH = 2000
_MAX_POWER = 1000

_BINOPS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a**b,
    ast.Mod: lambda a, b: sympy.Mod(a, b),
}

_COMPARE: dict[type[ast.cmpop], Callable[..., Any]] = {
    ast.Lt: sympy.Lt,
    ast.LtE: sympy.Le,
    ast.Gt: sympy.Gt,
    ast.GtE: sympy.Ge,
    ast.Eq: sympy.Eq,
    ast.NotEq: sympy.Ne,
}


class _Builder:
    def __init__(self, names: Mapping[str, Any], allow_symbols: bool) -> None:
        self.names = names
        self.allow_symbols = allow_symbols

    def build(self, node: ast.AST) -> Any:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise ExpressionError(f"{type(node).__name__} is not allowed in an expression")
        return method(node)

    def _Expression(self, node: ast.Expression) -> Any:
        return self.build(node.body)

    def _Constant(self, node: ast.Constant) -> Any:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ExpressionError(f"constant {value!r} is not a number")
        if isinstance(value, int):
            return sympy.Integer(value)
        # Decimals become exact rationals: 12.6 -> 63/5.
        return sympy.Rational(repr(value))

    def _Name(self, node: ast.Name) -> Any:
        name = node.id
        if name in self.names:
            return self.names[name]
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name.startswith("_"):
            raise ExpressionError(f"name {name!r} is not allowed")
        if self.allow_symbols and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name):
            return sympy.Symbol(name, real=True)
        raise ExpressionError(f"unknown name {name!r}")

    def _UnaryOp(self, node: ast.UnaryOp) -> Any:
        operand = self.build(node.operand)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise ExpressionError("only + and - may stand before a value")

    def _BinOp(self, node: ast.BinOp) -> Any:
        op = _BINOPS.get(type(node.op))
        if op is None:
            raise ExpressionError(f"operator {type(node.op).__name__} is not allowed")
        left, right = self.build(node.left), self.build(node.right)
        if (
            isinstance(node.op, ast.Pow)
            and getattr(right, "is_number", False)
            and abs(sympy.N(right)) > _MAX_POWER
        ):
            raise ExpressionError("power too large")
        if isinstance(node.op, ast.Div | ast.Mod) and right == 0:
            raise ExpressionError("division by zero")
        return op(left, right)

    def _Compare(self, node: ast.Compare) -> Any:
        values = [self.build(node.left), *(self.build(c) for c in node.comparators)]
        relations = []
        for op, left, right in zip(node.ops, values, values[1:], strict=False):
            factory = _COMPARE.get(type(op))
            if factory is None:
                raise ExpressionError(f"comparison {type(op).__name__} is not allowed")
            relations.append(factory(left, right, evaluate=False))
        return relations[0] if len(relations) == 1 else sympy.And(*relations, evaluate=False)

    def _Call(self, node: ast.Call) -> Any:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else "that"
            raise ExpressionError(f"function {name!r} is not allowed")
        if node.keywords:
            raise ExpressionError("keyword arguments are not allowed")
        args = [self.build(a) for a in node.args]
        if node.func.id == "Rational" and len(args) == 2:
            return sympy.Rational(args[0], args[1])
        if node.func.id == "Matrix":
            return sympy.Matrix(args)
        if node.func.id in _RELATIONS:
            if len(args) != 2:
                raise ExpressionError(f"{node.func.id} takes two arguments")
            # Kept as written (Eq(2, 2) stays an equation): deciding truth is the caller's job,
            # and SymPy's eager evaluation of relations is slow.
            return FUNCTIONS[node.func.id](*args, evaluate=False)
        return FUNCTIONS[node.func.id](*args)

    def _Tuple(self, node: ast.Tuple) -> Any:
        return sympy.Tuple(*(self.build(e) for e in node.elts))

    def _List(self, node: ast.List) -> Any:
        return sympy.Tuple(*(self.build(e) for e in node.elts))

    def _Set(self, node: ast.Set) -> Any:
        return sympy.FiniteSet(*(self.build(e) for e in node.elts))


def parse(text: str, names: Mapping[str, Any] | None = None, *, allow_symbols: bool = True) -> Any:
    """Parse machine form into a SymPy object.

    ``names`` binds names (a question's givens, say) to values; other identifiers become real
    symbols unless ``allow_symbols`` is false. Raises :class:`ExpressionError`.
    """
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("empty expression")
    if len(text) > _MAX_LENGTH:
        raise ExpressionError("expression too long")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"cannot read {text!r}: {exc.msg}") from exc
    try:
        return _Builder(names or {}, allow_symbols).build(tree)
    except ExpressionError:
        raise
    except (TypeError, ValueError, ZeroDivisionError, AttributeError) as exc:
        raise ExpressionError(f"cannot evaluate {text!r}: {exc}") from exc


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


_TRANSCENDENTAL = (
    sympy.sin,
    sympy.cos,
    sympy.tan,
    sympy.asin,
    sympy.acos,
    sympy.atan,
    sympy.log,
    sympy.exp,
)


def evaluate(text: str, givens: Mapping[str, Any] | None = None) -> Any:
    """Parse machine form with ``givens`` substituted and simplify the result."""
    try:
        key = (text, tuple(sorted((givens or {}).items(), key=lambda kv: kv[0])))
        hash(key)
    except TypeError:
        return _evaluate(text, givens)
    return _evaluate_cached(key)


@lru_cache(maxsize=4096)
def _evaluate_cached(key: tuple[str, tuple[tuple[str, Any], ...]]) -> Any:
    return _evaluate(key[0], dict(key[1]))


def _evaluate(text: str, givens: Mapping[str, Any] | None) -> Any:
    value = parse(text, givens)
    if not isinstance(value, Expr):
        return value
    if value.has(sympy.Float):
        return sympy.nsimplify(value)
    if value.is_Rational or (value.is_number and value.has(*_TRANSCENDENTAL)):
        # Nothing to gain: a rational is already simplest, and a number like
        # 12*tan(7*pi/36) is only ever shown rounded, while simplify() on it is slow.
        return value
    return sympy.simplify(value)


def machine(value: Any) -> str:
    """Write a SymPy value in machine form (``parse(machine(v)) == v``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple | list):
        inner = ", ".join(machine(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, sympy.Tuple):
        return machine(tuple(value))
    if isinstance(value, sympy.Float):
        return str(sympy.Rational(str(value)))
    return sympy.sstr(value, order="none")


_PROBES = 3


def _probe_value(symbol: Any, k: int) -> Any:
    """A deterministic, unremarkable rational value for a symbol (probe number ``k``); it
    depends only on the symbol's name, so every expression is probed at the same points."""
    seed = sum((i + 1) * ord(c) for i, c in enumerate(str(symbol)))
    return sympy.Rational((seed * (k + 3)) % 89 + 11, 7 + 2 * k) * (-1) ** (k + seed)


@lru_cache(maxsize=8192)
def _fingerprint(expr: Any) -> tuple[complex | None, ...]:
    """The expression's values (to 30 digits, as complex numbers) at the probe points; None
    where it cannot be evaluated there (a pole, say)."""
    symbols = sorted(expr.free_symbols, key=str)
    values: list[complex | None] = []
    for k in range(_PROBES):
        point = {s: _probe_value(s, k) for s in symbols}
        try:
            number = complex(expr.xreplace(point).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError):
            number = None
        if number is not None and (number != number or abs(number) == float("inf")):
            number = None
        values.append(number)
    return tuple(values)


def _near_zero(value: Any, tolerance: float | None = None) -> bool | None:
    """Whether a numeric SymPy value is zero (at 30 digits), None if it cannot be evaluated."""
    try:
        number = complex(sympy.N(value, 30))
    except (TypeError, ValueError):
        return None
    if number != number:  # nan
        return None
    limit = tolerance if tolerance is not None else 1e-20
    return abs(number) <= limit


def _close(x: complex, y: complex, tolerance: float | None = None) -> bool:
    if tolerance is not None:
        return abs(x - y) <= tolerance
    return abs(x - y) <= 1e-12 * max(1.0, abs(x), abs(y))


def _relations(expr: Any) -> list[Any]:
    if isinstance(expr, sympy.And | sympy.Or):
        return [r for arg in expr.args for r in _relations(arg)]
    if isinstance(expr, sympy.Rel):
        return [expr]
    raise TypeError(f"{expr} is not a relation")


def _boundaries(relation: Any, x: Any) -> list[Any]:
    """Where ``lhs - rhs`` of a polynomial relation in ``x`` is zero (real roots)."""
    poly = sympy.Poly(relation.lhs - relation.rhs, x)
    if poly.degree() <= 0:
        return []
    if poly.degree() == 1:
        a, b = poly.all_coeffs()
        return [-b / a]
    return list(sympy.real_roots(poly))


def _truth(expr: Any, x: Any, value: Any) -> bool:
    if isinstance(expr, sympy.And):
        return all(_truth(arg, x, value) for arg in expr.args)
    if isinstance(expr, sympy.Or):
        return any(_truth(arg, x, value) for arg in expr.args)
    difference = sympy.N((expr.lhs - expr.rhs).xreplace({x: value}), 30)
    zero = abs(difference) < 1e-25
    positive = not zero and difference > 0
    return {
        sympy.Equality: zero,
        sympy.Unequality: not zero,
        sympy.StrictGreaterThan: positive,
        sympy.GreaterThan: positive or zero,
        sympy.StrictLessThan: not zero and not positive,
        sympy.LessThan: not positive,
    }[type(expr)]


def _same_solution_set(a: Any, b: Any, x: Any) -> bool:
    """Whether two (compound) polynomial inequalities in ``x`` hold for the same ``x``: they
    agree at every boundary, just either side of it, and beyond the outermost ones."""
    points = sorted(
        {p for r in _relations(a) + _relations(b) for p in _boundaries(r, x)},
        key=lambda p: float(p),
    )
    if not points:
        tests = [sympy.Integer(0)]
    else:
        gaps = [float(q - p) for p, q in zip(points, points[1:], strict=False)]
        eps = sympy.Rational(min([1.0, *gaps]) / 4).limit_denominator(10**6)
        tests = [points[0] - 1, points[-1] + 1]
        for p in points:
            tests += [p - eps, p, p + eps]
    return all(_truth(a, x, t) == _truth(b, x, t) for t in tests)


def _same_up_to_factor(da: Any, db: Any) -> bool:
    """Whether ``da`` is a non-zero constant multiple of ``db`` (two equations ``da = 0``)."""
    ratios = []
    for top, bottom in zip(_fingerprint(da), _fingerprint(db), strict=True):
        if top is None or bottom is None:
            continue
        if abs(bottom) < 1e-20:
            if abs(top) >= 1e-20:
                return False
            continue
        ratios.append(top / bottom)
    if len(ratios) < 2 or abs(ratios[0]) < 1e-20:
        return False
    return all(_close(r, ratios[0]) for r in ratios)


def equivalent(a: Any, b: Any, *, tolerance: float | None = None) -> bool:
    """Whether two parsed values are mathematically the same (optionally within ``tolerance``).

    Numbers are compared at 30 significant digits; expressions in symbols are compared at
    several deterministic rational points (an identity test that is fast and, for the
    polynomial, rational and surd expressions of this syllabus, reliable), falling back to
    ``simplify`` only when a point cannot be evaluated.
    """
    if isinstance(a, sympy.Tuple | tuple) or isinstance(b, sympy.Tuple | tuple):
        if not (isinstance(a, sympy.Tuple | tuple) and isinstance(b, sympy.Tuple | tuple)):
            return False
        return len(a) == len(b) and all(
            equivalent(x, y, tolerance=tolerance) for x, y in zip(a, b, strict=True)
        )
    if isinstance(a, sympy.FiniteSet) and isinstance(b, sympy.FiniteSet):
        if len(a) != len(b):
            return False
        remaining = list(b)
        for x in a:
            match = next((y for y in remaining if equivalent(x, y, tolerance=tolerance)), None)
            if match is None:
                return False
            remaining.remove(match)
        return True
    if isinstance(a, sympy.Equality) and isinstance(b, sympy.Equality):
        return _same_up_to_factor(a.lhs - a.rhs, b.lhs - b.rhs)
    if isinstance(a, sympy.logic.boolalg.Boolean) or isinstance(b, sympy.logic.boolalg.Boolean):
        relations = sympy.Rel | sympy.And | sympy.Or
        if isinstance(a, relations) and isinstance(b, relations):
            symbols = sorted(a.free_symbols | b.free_symbols, key=str)
            if len(symbols) == 1:
                try:
                    return _same_solution_set(a, b, symbols[0])
                except (sympy.PolynomialError, NotImplementedError, TypeError, KeyError):
                    return bool(a == b)
        return bool(a == b)
    try:
        difference = sympy.sympify(a) - sympy.sympify(b)
    except (TypeError, ValueError, sympy.SympifyError):
        return False
    if not isinstance(difference, Expr):
        return False
    if difference.is_number:
        return bool(_near_zero(difference, tolerance))
    left, right = _fingerprint(sympy.sympify(a)), _fingerprint(sympy.sympify(b))
    pairs = [(x, y) for x, y in zip(left, right, strict=True) if x is not None and y is not None]
    if len(pairs) == len(left):
        return all(_close(x, y, tolerance) for x, y in pairs)
    return sympy.simplify(difference) == 0
