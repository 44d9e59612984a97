"""Equivalence: whether two parsed values are mathematically the same."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import sympy
from sympy import Expr

from generation.engine.caching import CACHE_SIZE

_PROBES = 3


def _probe_value(symbol: Any, k: int) -> Any:
    """A deterministic, unremarkable rational value for a symbol (probe number ``k``); it
    depends only on the symbol's name, so every expression is probed at the same points."""
    seed = sum((i + 1) * ord(c) for i, c in enumerate(str(symbol)))
    return sympy.Rational((seed * (k + 3)) % 89 + 11, 7 + 2 * k) * (-1) ** (k + seed)


@lru_cache(maxsize=CACHE_SIZE)
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
