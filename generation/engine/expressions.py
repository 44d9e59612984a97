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
from typing import Any

import sympy
from sympy import Expr

__all__ = [
    "ExpressionError",
    "parse",
    "parse_plain",
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

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
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
        if isinstance(node.op, ast.Pow) and getattr(right, "is_number", False):
            if abs(sympy.N(right)) > _MAX_POWER:
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
        return FUNCTIONS[node.func.id](*args)

    def _Tuple(self, node: ast.Tuple) -> Any:
        return sympy.Tuple(*(self.build(e) for e in node.elts))

    def _List(self, node: ast.List) -> Any:
        return sympy.Tuple(*(self.build(e) for e in node.elts))

    def _Set(self, node: ast.Set) -> Any:
        return sympy.FiniteSet(*(self.build(e) for e in node.elts))


def parse(
    text: str, names: Mapping[str, Any] | None = None, *, allow_symbols: bool = True
) -> Any:
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
    r"degrees?|°|cents?|dollars?|pence|p|people|cars|students|km/h|m/s|cm²|cm³|m²|m³|"
    r"cm\^2|cm\^3|m\^2|m\^3|mm\^2|mm\^3|%)"
)


def _normalise_plain(text: str) -> str:
    s = text.strip()
    s = s.replace("−", "-").replace("×", "*").replace("÷", "/").replace("·", "*")
    s = s.replace("π", "pi").replace("^", "**").replace("²", "**2").replace("³", "**3")
    s = re.sub(r"√\s*\(", "sqrt(", s)
    s = re.sub(r"√\s*([0-9A-Za-z.]+)", r"sqrt(\1)", s)
    s = re.sub(r"^[$£€]\s*", "", s)
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)  # 12,000 -> 12000
    s = re.sub(r"\s*" + _UNIT_WORDS + r"\s*$", "", s)
    s = s.replace("°", "")
    if re.fullmatch(r"-?[\d.]+(\s*:\s*-?[\d.]+)+", s):
        return "(" + ",".join(p.strip() for p in s.split(":")) + ")"
    # A single "=" is an equation; "<=", ">=", "==", "!=" stay as they are.
    if re.search(r"(?<![<>=!])=(?!=)", s):
        left, _, right = s.partition("=")
        s = f"Eq({left.strip()}, {right.strip()})"
    # Implicit multiplication: 2x, 2(x+1), (x+1)(x-2), x(x+1), 3pi, 2sqrt(3)
    s = re.sub(r"(\d)\s*([A-Za-z(])", r"\1*\2", s)
    s = re.sub(r"\)\s*([A-Za-z0-9(])", r")*\1", s)
    s = re.sub(r"\b([a-z])\s*\(", _function_or_product, s)
    s = re.sub(r"\b([a-z])(?=[a-z]\b)", r"\1*", s)  # xy -> x*y (single letters only)
    return s


def _function_or_product(match: re.Match[str]) -> str:
    # A single letter before "(" is a product (x(x+1)), never a function call.
    return f"{match.group(1)}*("


def parse_plain(text: str, names: Mapping[str, Any] | None = None) -> Any:
    """Parse an answer written the way a candidate writes it. Raises :class:`ExpressionError`."""
    return parse(_normalise_plain(text), names)


def evaluate(text: str, givens: Mapping[str, Any] | None = None) -> Any:
    """Parse machine form with ``givens`` substituted and simplify the result."""
    value = parse(text, givens)
    if isinstance(value, Expr):
        return sympy.nsimplify(value) if value.has(sympy.Float) else sympy.simplify(value)
    return value


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


def equivalent(a: Any, b: Any, *, tolerance: float | None = None) -> bool:
    """Whether two parsed values are mathematically the same (optionally within ``tolerance``)."""
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
        diff_a = a.lhs - a.rhs
        diff_b = b.lhs - b.rhs
        if sympy.simplify(diff_a - diff_b) == 0 or sympy.simplify(diff_a + diff_b) == 0:
            return True
        ratio = sympy.simplify(diff_a / diff_b) if diff_b != 0 else None
        return ratio is not None and ratio.is_number and ratio != 0
    if isinstance(a, sympy.logic.boolalg.Boolean) or isinstance(b, sympy.logic.boolalg.Boolean):
        if isinstance(a, sympy.Rel | sympy.And) and isinstance(b, sympy.Rel | sympy.And):
            symbols = sorted(a.free_symbols | b.free_symbols, key=str)
            if len(symbols) == 1:
                x = symbols[0]
                try:
                    return bool(
                        sympy.solve_univariate_inequality(a, x, relational=False)
                        == sympy.solve_univariate_inequality(b, x, relational=False)
                    )
                except (NotImplementedError, ValueError, TypeError):
                    return a == b
        return bool(a == b)
    try:
        difference = sympy.simplify(sympy.sympify(a) - sympy.sympify(b))
    except (TypeError, ValueError, sympy.SympifyError):
        return False
    if difference == 0:
        return True
    if tolerance is not None and difference.is_number:
        return abs(float(difference)) <= tolerance
    if difference.is_number:
        return abs(sympy.N(difference, 30)) < sympy.Float("1e-20")
    return False
