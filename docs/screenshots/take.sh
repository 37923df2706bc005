#!/usr/bin/env bash
# Re-take the story-table screenshots: the sample (seeds/), seeds 003/004 and the
# four-article bridge case, at 1280x800 and 1920x1080, light and dark.
# Runs the app's hidden --screenshot mode on a virtual display (xvfb-run when there
# is one, else Qt's offscreen platform); settings go to a scratch file, never the user's.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
py=.venv/bin/python
run() {  # name, size, theme, extra args..., then the inputs
    local name=$1 size=$2 theme=$3; shift 3
    if command -v xvfb-run >/dev/null; then
        xvfb-run -a -s "-screen 0 2000x1200x24" "$py" -m desktop --screenshot "$out/$name" \
            --size "$size" --theme "$theme" "$@"
    else
        QT_QPA_PLATFORM=offscreen "$py" -m desktop --screenshot "$out/$name" \
            --size "$size" --theme "$theme" "$@"
    fi
    echo "$out/$name"
}
bridge=tests/gold/align/bridge_collapse
for size in 1280x800 1920x1080; do
    for theme in light dark; do
        run "story-seeds-$size-$theme.png" "$size" "$theme" seeds
        run "story-bridge-$size-$theme.png" "$size" "$theme" "$bridge"
    done
    run "story-003-004-$size.png" "$size" light seeds/003_4ecc2cef7e96f6a9.txt \
        seeds/004_414ec68b31cd158a.txt
done
# The README's picture, and the close-up it links to.
cp "$out/story-seeds-1280x800-light.png" "$out/story-seeds.png"
run pair-connectors.png 1600x1000 light --pair --next-diff 1 seeds/003_4ecc2cef7e96f6a9.txt \
    seeds/004_414ec68b31cd158a.txt
# The panels below the reader, the first window, and the facts of the sample's meeting.
run overview.png 1280x800 light --tab overview tests/gold/align/bridge_collapse
run facts-conflict-003-004.png 1280x800 dark --tab facts --fact 0 \
    seeds/003_4ecc2cef7e96f6a9.txt seeds/004_414ec68b31cd158a.txt
run empty-window.png 1280x800 light
# A lead that tells two points, also told in the second one's row.
run story-also-told.png 1600x1000 light tests/fixtures/also_told
# A passage in a row only through another article's passage, not linked to the reference's.
run story-joined-through.png 1280x800 light tests/fixtures/joined_through
