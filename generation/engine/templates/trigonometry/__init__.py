"""Trigonometry templates (syllabus topic 6). Importing the package registers them all."""

from generation.engine.templates.trigonometry import (  # noqa: F401
    bearings,
    elevation,
    exact,
    graphs,
    non_right,
    pythagoras,
    right_angled,
    three_d,
)
