"""Bounds on the engine's memo caches, and on SymPy's own.

A worker or a server lives for days and sees new questions all the time, so every memo cache
fills to its bound and then stays there. Bounds this small fill within a process's first few
minutes, after which its memory is flat (``bench/soak.py``, ``bench/memory.py --path worker``);
what the caches are for, the same expression checked again within one question, still hits.
SymPy reads its bound from ``SYMPY_CACHE_SIZE`` when it is first imported, so the settings set
it (see ``derivativ/settings/base.py``) unless the environment already does.
"""

from __future__ import annotations

CACHE_SIZE = 1024  # entries per memoised engine function
SYMPY_CACHE_SIZE = 256  # entries per SymPy cached function (SymPy's default is 1000)
