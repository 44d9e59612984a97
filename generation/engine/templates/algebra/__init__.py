"""Algebra and graphs templates (syllabus topic 2). Importing the package registers them all."""

from generation.engine.templates.algebra import (  # noqa: F401
    algebraic_fractions,
    calculus,
    equations,
    expanding,
    factorising,
    forming,
    formulas,
    fraction_products,
    function_equations,
    gradient_problems,
    graphs,
    indices,
    inequalities,
    proportion,
    quadratic_equations,
    quadratic_forms,
    sequence_patterns,
    sequences,
    substitution,
    travel,
)
