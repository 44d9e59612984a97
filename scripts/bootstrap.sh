#!/usr/bin/env bash
# Create .venv with a Python >= 3.12 and install the project's pinned dependencies.
# Re-runs are quick: nothing is reinstalled unless pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  PY=$(scripts/find-python.sh)
  echo "Creating .venv with $PY ($("$PY" --version))"
  "$PY" -m venv .venv
fi
stamp=.venv/.derivativ-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing dependencies into .venv (first run takes a minute or two)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  touch "$stamp"
fi
if [ ! -x "${TYPESET_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Note: printing papers to PDF needs Chromium (Debian: apt-get install chromium); everything else works without it."
fi
