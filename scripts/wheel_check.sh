#!/usr/bin/env bash
# Build the wheel from this checkout, install it into a fresh venv outside the
# checkout, and use it from outside the checkout, as a user of `pip install` would.
#   bash scripts/wheel_check.sh
# Checks that:
#   1. `pip wheel .` builds, and the wheel holds every file of resources/ and seeds/
#      (as desktop/resources/ and desktop/seeds/);
#   2. the wheel installs into its own new venv (the way docs/packaging.md
#      recommends, since the package is called `desktop`);
#   3. `parallax compare` on seeds 003 and 004 writes parallax.comparison/1 JSON
#      with 2 articles to stdout, and `parallax --version` is pyproject's version;
#   4. the installed code reads its data from site-packages, not from the checkout;
#   5. `parallax --smoke` (no files: the packaged seeds, offscreen) prints its summary;
#   6. if another distribution's `desktop/__init__.py` replaces ours, `parallax`
#      says so in one line and exits 3 (instead of a traceback).
# Exits non-zero, naming the check, when one fails.  Needs python3 with venv and
# PyPI (for setuptools during the build and PySide6, NLTK, pypdf on install).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PY=${PYTHON:-python3}
fail() { echo "wheel check: FAIL: $*" >&2; exit 1; }
ok() { echo "wheel check: ok: $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parallax-wheel-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
log=$tmp/log
quietly() { "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$* (exit $?)"; }; }
start=$SECONDS

# 1. Build from a copy of the checkout's files (tracked, or new and not ignored),
#    so that no stale build/ folder leaks into the wheel and the checkout stays
#    untouched.  The build runs in pip's isolated environment, so the machine's
#    own setuptools does not matter.
mkdir -p "$tmp/src"
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$REPO" ls-files -z --cached --others --exclude-standard \
    | (cd "$REPO" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' _) \
    | (cd "$REPO" && tar --null -T - -cf -) | tar -xf - -C "$tmp/src"
else
  cp -a "$REPO"/. "$tmp/src"/ && rm -rf "$tmp/src/.venv" "$tmp/src/build" "$tmp/src/dist"
fi
quietly "$PY" -m pip wheel --no-deps --wheel-dir "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp"/dist/parallax-*.whl 2>/dev/null | head -n 1)
[ -n "$wheel" ] || fail "pip wheel made no parallax-*.whl"
"$PY" - "$wheel" "$REPO" <<'PY' || fail "the wheel lacks data files (see above)"
import sys, zipfile
from pathlib import Path
wheel, repo = sys.argv[1], Path(sys.argv[2])
names = set(zipfile.ZipFile(wheel).namelist())
missing = []
for folder, package in (("resources", "desktop/resources"), ("seeds", "desktop/seeds")):
    for f in sorted((repo / folder).rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            inside = f"{package}/{f.relative_to(repo / folder).as_posix()}"
            if inside not in names:
                missing.append(inside)
for needed in ("desktop/__init__.py", "desktop/__main__.py", "desktop/cli.py",
               "desktop/engine/resources.py"):
    if needed not in names:
        missing.append(needed)
if missing:
    print("\n".join(f"  missing from the wheel: {m}" for m in missing), file=sys.stderr)
    sys.exit(1)
PY
ok "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB) with all of resources/ and seeds/"

# 2. A fresh venv of its own, outside the checkout.
quietly "$PY" -m venv "$tmp/venv"
quietly "$tmp/venv/bin/python" -m pip install "$wheel"
ok "installed into a fresh venv ($((SECONDS - start)) s so far)"

# 3-6 run from a scratch folder, so nothing of the checkout is importable.
mkdir -p "$tmp/work" "$tmp/home"
cd "$tmp/work"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_CACHE_HOME=$tmp/home/.cache \
       XDG_DATA_HOME=$tmp/home/.local/share QT_QPA_PLATFORM=offscreen
unset PYTHONPATH
bin=$tmp/venv/bin

rc=0
"$bin/parallax" compare "$REPO"/seeds/003_*.txt "$REPO"/seeds/004_*.txt --json - \
  >"$tmp/out.json" 2>"$tmp/err" || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/err" >&2; fail "parallax compare exited $rc"; }
"$PY" - "$tmp/out.json" <<'PY' || fail "compare --json - printed the wrong thing (see above)"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data.get("schema") == "parallax.comparison/1", f"schema is {data.get('schema')!r}"
assert len(data.get("articles", [])) == 2, f"{len(data.get('articles', []))} articles, want 2"
assert isinstance(data.get("groups"), list), "no groups list"
PY
ok "parallax compare seeds/003 seeds/004 --json - -> parallax.comparison/1, 2 articles"

want=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$REPO/pyproject.toml" | head -n 1)
got=$("$bin/parallax" --version) || fail "parallax --version exited $?"
[ "$got" = "parallax $want" ] || fail "--version printed '$got', want 'parallax $want'"
ok "--version: $got"

where=$("$bin/python" -c '
import desktop
from desktop.engine import resources
print(desktop.__file__); print(resources.resources_dir()); print(resources.seeds_dir())')
site=$("$bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
while IFS= read -r path; do
  case "$path" in
    "$site"/*) ;;
    *) fail "the installed package uses $path, outside $site" ;;
  esac
done <<<"$where"
ok "desktop, its resources and seeds are read from the venv's site-packages"

rc=0
out=$(timeout 120 "$bin/parallax" --smoke 2>"$tmp/err") || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/err" >&2; fail "parallax --smoke exited $rc"; }
line=$(printf '%s\n' "$out" | grep -E '^parallax: [0-9]+ articles' | tail -n 1) \
  || fail "--smoke printed no summary line: $out"
ok "--smoke (the packaged seeds): $line"

# 6. Another distribution's `desktop` package overwrites our __init__.py.
init=$site/desktop/__init__.py
cp "$init" "$tmp/init.bak"
echo '"""Some other project that is also called desktop."""' >"$init"
rc=0
"$bin/parallax" --version >"$tmp/clash.out" 2>"$tmp/clash.err" || rc=$?
cp "$tmp/init.bak" "$init"
[ "$rc" = 3 ] || { cat "$tmp/clash.err" >&2; fail "with a foreign desktop package parallax exited $rc, want 3"; }
grep -q "is not Parallax's" "$tmp/clash.err" && [ "$(wc -l <"$tmp/clash.err")" -le 1 ] \
  || { cat "$tmp/clash.err" >&2; fail "the name clash message is missing or not one line"; }
ok "a foreign 'desktop' package is reported in one line (exit 3): $(cut -c1-90 "$tmp/clash.err")..."

echo "wheel check: all checks passed in $((SECONDS - start)) s"
