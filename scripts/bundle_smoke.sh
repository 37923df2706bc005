#!/usr/bin/env bash
# Smoke-test the built one-folder app (dist/Parallax, from scripts/package.sh).
# Exits non-zero, naming the check, when any check fails.
#   bash scripts/bundle_smoke.sh [path/to/Parallax]
# Runs headless (QT_QPA_PLATFORM=offscreen), from a scratch folder, with a
# fresh HOME (a first start), and without network where `unshare` allows it.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
APP=$(realpath -m "${1:-dist/Parallax/Parallax}")
SEEDS=$REPO/seeds
export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d "${TMPDIR:-/tmp}/parallax-bundle-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_CACHE_HOME=$tmp/home/.cache \
       XDG_DATA_HOME=$tmp/home/.local/share
cd "$tmp"  # the bundle must not depend on the checkout or the working folder

fail() { echo "bundle smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "bundle smoke: ok: $*"; }

[ -x "$APP" ] || fail "no executable at $APP (build it with scripts/package.sh)"

# A hung window must not hang CI (coreutils `timeout`; absent on stock macOS).
TIMEOUT=()
if command -v timeout >/dev/null 2>&1; then TIMEOUT=(timeout 150); fi

# Without network if we can (a user namespace with only loopback); else as is.
NONET=()
if command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
  NONET=(unshare -rn)
  ok "running without network (unshare -rn)"
fi

# 1. Command line: compare two seeds, every report format.
rc=0
${NONET[@]+"${NONET[@]}"} "$APP" compare "$SEEDS/003_4ecc2cef7e96f6a9.txt" "$SEEDS/004_414ec68b31cd158a.txt" \
    --json "$tmp/x.json" --html "$tmp/x.html" --md "$tmp/x.md" --csv "$tmp/x.csv" \
    --pdf "$tmp/x.pdf" >"$tmp/cli.out" 2>"$tmp/cli.err" || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/cli.err" >&2; fail "Parallax compare exited $rc"; }
python3 - "$tmp" <<'PY' || fail "compare output is wrong (see above)"
import json, sys
from pathlib import Path
tmp = Path(sys.argv[1])
data = json.loads((tmp / "x.json").read_text(encoding="utf-8"))
assert data.get("schema") == "parallax.comparison/1", f"schema is {data.get('schema')!r}"
assert len(data.get("articles", [])) == 2, f"{len(data.get('articles', []))} articles, want 2"
for name in ("x.html", "x.md", "x.csv", "x.pdf"):
    assert (tmp / name).stat().st_size > 0, f"{name} is empty"
assert (tmp / "x.pdf").read_bytes()[:5] == b"%PDF-", "x.pdf is not a PDF"
PY
ok "compare 003 004 -> JSON (parallax.comparison/1, 2 articles), HTML, Markdown, CSV, PDF"

# 2. The window: open on the seeds folder, wait for the comparison, summary line.
rc=0
out=$(${NONET[@]+"${NONET[@]}"} ${TIMEOUT[@]+"${TIMEOUT[@]}"} "$APP" --smoke "$SEEDS/" 2>"$tmp/smoke.err") || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/smoke.err" >&2; fail "Parallax --smoke exited $rc"; }
line=$(printf '%s\n' "$out" | grep -E '^parallax: [0-9]+ articles, [0-9]+ groups?' | tail -n 1) \
  || { printf '%s\n' "$out" >&2; fail "--smoke printed no summary line"; }
ok "--smoke seeds/: $line"

# 2b. An HTML page through the article extractor (readability-lxml, lazily
# imported: a bundle without it would fall back to the own parser, which
# returns this page's teasers instead of its story).
rc=0
${NONET[@]+"${NONET[@]}"} "$APP" compare "$REPO/tests/fixtures/formats/extractor_page.html" \
    "$SEEDS/003_4ecc2cef7e96f6a9.txt" --json "$tmp/page.json" >"$tmp/page.out" 2>"$tmp/page.err" || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/page.err" >&2; fail "Parallax compare on an HTML page exited $rc"; }
python3 - "$tmp/page.json" <<'PY' || fail "the HTML page was not read by the article extractor (see above)"
import json, sys
article = json.load(open(sys.argv[1], encoding="utf-8"))["articles"][0]
text = article["text"]
assert text.startswith("The council voted on Tuesday"), text[:120]
assert text.endswith("The bridge remains closed."), text[-120:]
assert "School board" not in text, "teasers instead of the story: the extractor did not run"
assert article["published"] == "2026-03-03", article["published"]
PY
ok "an HTML page read by the article extractor (story, not teasers; date 2026-03-03)"

# 3. Version: the one in pyproject.toml.
want=$(python3 -c 'import re, sys; print(re.search(r"^version\s*=\s*\"([^\"]+)\"", open(sys.argv[1]).read(), re.M).group(1))' "$REPO/pyproject.toml")
got=$("$APP" --version) || fail "--version exited $?"
[ "$got" = "parallax $want" ] || fail "--version printed '$got', want 'parallax $want'"
ok "--version: $got"

# 4. Linux: the bundle library rule (docs/packaging.md, "What the bundle carries").
# Every library a bundled library or Qt plugin links to is in the bundle, or is
# one the user's desktop provides (glibc, GL/EGL, Wayland, X11/xcb, xkbcommon,
# fontconfig/freetype, D-Bus).  A desktop library missing on this machine (such
# as libwayland-cursor on a server) is reported as "provided by the desktop";
# anything else missing, or found only outside the bundle, fails.
if [ "$(uname -s)" = Linux ] && command -v ldd >/dev/null 2>&1; then
  python3 "$REPO/scripts/bundle_libs.py" "$(dirname "$APP")/_internal" \
    || fail "the bundle relies on libraries a desktop does not provide (see above)"
  ok "every bundled library and Qt plugin finds what it links to, in the bundle or on the desktop"
fi
echo "bundle smoke: all checks passed"
