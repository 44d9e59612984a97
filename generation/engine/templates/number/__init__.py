"""Number templates (syllabus topic 1), one module per group of sub-topics.

Importing the package registers every template in it.
"""

from generation.engine.templates.number import (  # noqa: F401
    accuracy,
    calculator,
    fractions,
    growth,
    integers,
    operations,
    percentages,
    powers,
    rates,
    ratio,
    sets,
    surds,
    time_money,
)
