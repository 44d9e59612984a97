"""Machine form: the whitelisted names and functions, :func:`parse`, :func:`evaluate` and
:func:`machine`. Walks Python's ``ast`` and builds SymPy objects node by node; only
whitelisted names and functions exist, so nothing in the string can reach Python itself."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

import sympy
from sympy import Expr

from generation.engine.caching import CACHE_SIZE


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


@lru_cache(maxsize=CACHE_SIZE)
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
