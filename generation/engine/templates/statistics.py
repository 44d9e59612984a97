"""Templates for this topic area (see generation/engine/base.py for the contract)."""

from __future__ import annotations
