#!/usr/bin/env bash
# Set up (if needed) and open Parallax on the sample articles in seeds/.
# With no screen (no DISPLAY), the window runs on a virtual one (xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a .venv/bin/parallax "${@:-seeds/}"
fi
exec .venv/bin/parallax "${@:-seeds/}"
