"""Trigonometry templates (syllabus topic 6). Importing the package registers them all."""
