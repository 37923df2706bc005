#!/usr/bin/env bash
# Create .venv with Parallax (editable) and what the tests need.  Safe to run again.
#   bash scripts/setup.sh              set up, or do nothing if already up to date
#   bash scripts/setup.sh --if-needed  the same, but skip even the system check when
#                                      .venv is up to date (scripts/run.sh uses this)
# "Up to date" means .venv/.parallax-setup holds the hash of pyproject.toml and of
# this script, written after the last successful install; delete it to force one.
#
# As root on a Debian machine it first installs, with apt, the system packages
# that are missing (each is checked with dpkg first; nothing is installed twice):
#   libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
#       what Qt's libraries link to (QtGui, the xcb plugin); tests and smoke run need them
#   libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
#   libxcb-randr0 libxcb-render-util0 libxcb-image0
#       Qt's xcb (X11) plugin.  The bundle must carry the xcb-util ones (many desktops
#       lack libxcb-cursor0); PyInstaller copies them from this machine, so the
#       build machine needs them (docs/packaging.md, "What the bundle carries")
#   fonts-dejavu-core fonts-noto-core   fonts, so rendering and PDF reports have glyphs
#   xvfb xauth                          a virtual screen: scripts/run.sh without a screen
# Not installed: libwayland-cursor0.  Tests and the bundle smoke run Qt offscreen
# and never load a Wayland plugin; a Wayland desktop has the library.
set -euo pipefail
cd "$(dirname "$0")/.."

STAMP=.venv/.parallax-setup
key=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
up_to_date() { [ -x .venv/bin/python ] && [ -x .venv/bin/parallax ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$key" ]; }

if [ "${1:-}" = --if-needed ] && up_to_date; then exit 0; fi

# apt's, pip's and setuptools' chatter (debconf and build-backend notices) goes to a
# log; on failure the log is shown, so errors stay visible.
log=$(mktemp "${TMPDIR:-/tmp}/parallax-setup.XXXXXX")
trap 'rm -f "$log"' EXIT
quietly() {
  "$@" >"$log" 2>&1 && return 0
  local rc=$?
  cat "$log" >&2
  echo "setup: FAILED ($rc): $*" >&2
  exit "$rc"
}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  for pkg in libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
             libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core fonts-noto-core \
             xvfb xauth; do
    # "ok installed", not just known to dpkg (a removed package keeps its config files)
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q ' installed$' || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "setup: apt-get install ${need[*]}"
    quietly apt-get update -qq
    quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi

if up_to_date; then exit 0; fi

start=$SECONDS
echo "setup: installing Parallax (editable) and the test tools into .venv ..."
if [ ! -x .venv/bin/python ]; then
  quietly python3 -m venv .venv
  quietly .venv/bin/python -m pip install --upgrade pip
fi
rm -f "$STAMP"
quietly .venv/bin/python -m pip install -e ".[test]"
echo "$key" >"$STAMP"
echo "setup: .venv ready in $((SECONDS - start)) s (run: bash scripts/run.sh; tests: bash scripts/test.sh)"
