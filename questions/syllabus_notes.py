"""What each 0580 syllabus item covers, keyed by item number ("1.1") or by code ("E1.1")
where the Extended notes differ from the Core ones."""

from __future__ import annotations

NOTES: dict[str, str] = {}
