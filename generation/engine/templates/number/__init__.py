"""Number templates (syllabus topic 1), one module per group of sub-topics.

Importing the package registers every template in it.
"""

from generation.engine.templates.number import (  # noqa: F401
    bounds,
    bounds_in_context,
    calculator,
    calculator_display,
    clock,
    comparing,
    estimation,
    fraction_calculations,
    fractions,
    growth,
    index_values,
    indices,
    integers,
    interest,
    money,
    operations,
    ordering,
    percentages,
    rates,
    ratio,
    roots,
    rounding_in_context,
    sets,
    standard_form,
    standard_form_data,
    surds,
    surds_in_shapes,
)
