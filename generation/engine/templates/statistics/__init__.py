"""Statistics templates (syllabus topic 9). Importing registers them."""

from generation.engine.templates.statistics import (  # noqa: F401
    averages,
    cumulative,
    cumulative_compare,
    grouped_mean,
    histogram,
    histogram_reading,
    lists,
    pie,
    scatter,
    scatter_reading,
    two_way,
)
