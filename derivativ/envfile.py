"""Read and update a ``.env`` file without disturbing what is around the values it changes.

Comments, blank lines, ``export`` prefixes and keys it does not touch stay byte for byte; a
changed key is rewritten where it stands, a new key is appended. Values are written so that
python-dotenv (which ``settings/base.py`` uses) reads back exactly what was set. The file holds
secrets, so it is written owner-only (0600), atomically.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

from dotenv import dotenv_values

_ASSIGNMENT = re.compile(r"^(?P<lead>\s*(?:export\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*=")
# Written bare when made only of these; anything else is single-quoted, where python-dotenv
# neither expands ${VARS} nor strips " #comments".
_BARE = re.compile(r"^[A-Za-z0-9_./:@,+=-]*$")


def quote(value: str) -> str:
    """``value`` as the right-hand side of a dotenv line."""
    if _BARE.match(value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class EnvFile:
    """The lines of a dotenv file, with the values python-dotenv reads from them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8") if path.exists() else ""
        self.values: dict[str, str] = {
            key: value or ""
            for key, value in dotenv_values(
                stream=io.StringIO(self.text), interpolate=False
            ).items()
        }

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        """Set ``key`` on every line that assigns it, or on a new last line."""
        lines = self.text.splitlines(keepends=True)
        found = False
        for index, line in enumerate(lines):
            match = _ASSIGNMENT.match(line)
            if match and match["key"] == key:
                ending = "\n" if line.endswith("\n") else ""
                lines[index] = f"{match['lead']}{key}={quote(value)}{ending}"
                found = True
        if not found:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines.append(f"{key}={quote(value)}\n")
        self.text = "".join(lines)
        self.values[key] = value

    def save(self) -> None:
        """Write the file (mode 0600) by replacing it, so a crash leaves the old one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".env.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.text)
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
