#!/usr/bin/env bash
# Print the path of a Python >= 3.12: $PYTHON, then python3.13/python3.12/python3 on PATH,
# then pyenv's installed versions. Exit 1 with a clear message if there is none.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.13 python3.12 python3; do
  path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for dir in $(ls -d "$root"/versions/3.12* 2>/dev/null | sort -rV) $(ls -d "$root"/versions/3.1[3-9]* 2>/dev/null | sort -V); do
  candidates+=("$dir/bin/python")
done
for c in "${candidates[@]}"; do
  if [ -x "$c" ] && ok "$c"; then echo "$c"; exit 0; fi
done
echo "Derivativ needs Python 3.12 or newer, and none was found (looked at \$PYTHON, python3.13," >&2
echo "python3.12, python3 and pyenv's versions). Install one (e.g. 'pyenv install 3.12') or set" >&2
echo "PYTHON=/path/to/python3.12 and run the command again." >&2
exit 1
