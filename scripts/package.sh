#!/usr/bin/env bash
# Build the one-folder desktop app dist/Parallax/ (run dist/Parallax/Parallax)
# and smoke-test it.  Safe to run again; each run rebuilds from scratch.
#   bash scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! .venv/bin/python -c 'import PyInstaller' >/dev/null 2>&1; then
  .venv/bin/python -m pip install -q "pyinstaller>=6.5,<7"
fi
start=$SECONDS
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN build.spec
echo "package: built dist/Parallax in $((SECONDS - start)) s, $(du -sh dist/Parallax | cut -f1)"
bash scripts/bundle_smoke.sh dist/Parallax/Parallax
