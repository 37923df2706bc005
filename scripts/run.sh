#!/usr/bin/env bash
# Open Parallax on the sample articles in seeds/ (or on the files/folders given).
# The first run sets up .venv (scripts/setup.sh); later runs start at once.
#   bash scripts/run.sh [FILE|FOLDER ...]
#   bash scripts/run.sh --smoke      open, compare seeds/, print one summary line, exit
# With no screen (no DISPLAY or WAYLAND_DISPLAY) the window runs on a virtual one
# (xvfb-run), where nobody can see it: it says so, and Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --if-needed
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(seeds/)
case "${args[0]}" in  # the command line needs no screen
  compare|-h|--help|--version) exec .venv/bin/parallax "${args[@]}" ;;
esac
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    if [[ " ${args[*]} " != *" --smoke "* ]]; then
      echo "parallax: no screen here, so the window runs on a virtual display (xvfb-run) where it" \
           "cannot be seen; stop it with Ctrl+C. For a check without a screen: bash scripts/run.sh --smoke" >&2
    fi
    exec xvfb-run -a .venv/bin/parallax "${args[@]}"
  fi
  if [[ " ${args[*]} " != *" --smoke "* ]]; then
    echo "parallax: no screen (DISPLAY/WAYLAND_DISPLAY unset) and no xvfb-run (apt-get install" \
         "xvfb) to give it a virtual one. For a check without a screen: bash scripts/run.sh --smoke" >&2
    exit 1
  fi
  export QT_QPA_PLATFORM=offscreen  # --smoke needs no screen at all
fi
exec .venv/bin/parallax "${args[@]}"
