"""Budgets of the packaged app (dist/Parallax, built by scripts/package.sh).

* size on disk of dist/Parallax (like ``du``)         budget 150 MB
* cold start of the bundled window until visible      budget 2 s
  (``Parallax --smoke --timings seeds/``: the app prints a wall-clock stamp
  when the window is shown; launch time is subtracted here)
* bundled CLI comparing seeds 003 and 004 to JSON     budget 2 s (end to end)

Each timing is a fresh process; the median of N runs (default 5) is reported.
"Cold" means a new process, not an empty disk cache: the first run of a batch
is listed separately, as it is the one closest to a start after boot.

    python benchmarks/bundle_budget.py [--runs 5] [--app dist/Parallax/Parallax] [--check]

With --check the exit code is 1 when a median is over its budget.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAIR = [SEEDS / "003_4ecc2cef7e96f6a9.txt", SEEDS / "004_414ec68b31cd158a.txt"]
MB = 1024 * 1024
BUDGET_SIZE_MB = 150
BUDGET_START_S = 2.0
BUDGET_CLI_S = 2.0


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes on disk, apparent bytes); symlinks counted as links, hard links once."""
    disk = apparent = 0
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            disk += getattr(st, "st_blocks", 0) * 512 or st.st_size
            apparent += st.st_size
    return disk, apparent


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if "QT_QPA_PLATFORM" not in env and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def start_run(app: Path, cwd: str) -> dict[str, float]:
    launched = time.time()
    done = subprocess.run([str(app), "--smoke", "--timings", str(SEEDS)], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=180)
    total = time.time() - launched
    if done.returncode != 0:
        raise SystemExit(f"--smoke exited {done.returncode}:\n{done.stderr}")
    stamps = {"process_total": total}
    for line in done.stdout.splitlines():
        if line.startswith("timing "):
            _, name, value = line.split()
            stamps[name] = float(value) - launched
    if "window_visible" not in stamps:
        raise SystemExit("the app printed no 'timing window_visible' stamp (--timings)")
    return stamps


def cli_run(app: Path, cwd: str) -> float:
    out = Path(cwd) / "pair.json"
    started = time.perf_counter()
    done = subprocess.run([str(app), "compare", *map(str, PAIR), "--json", str(out)], cwd=cwd,
                          env=_env(), capture_output=True, text=True, timeout=180)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"compare exited {done.returncode}:\n{done.stderr}")
    return elapsed


def _line(label: str, values: list[float], budget: float | None, unit: str = "s") -> str:
    med = statistics.median(values)
    verdict = "" if budget is None else ("  ok" if med <= budget else "  OVER BUDGET")
    limit = "" if budget is None else f"  (budget {budget:g} {unit})"
    return (f"  {label:28s} median {med:6.3f} {unit}   first {values[0]:.3f}, "
            f"min {min(values):.3f}, max {max(values):.3f}{limit}{verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "Parallax" / "Parallax")
    parser.add_argument("--check", action="store_true", help="exit 1 when over a budget")
    args = parser.parse_args()
    app = args.app.resolve()
    if not app.exists():
        print(f"no bundle at {app}; build it with scripts/package.sh", file=sys.stderr)
        return 1

    disk, apparent = folder_size(app.parent)
    over = disk / MB > BUDGET_SIZE_MB
    with tempfile.TemporaryDirectory(prefix="parallax-budget-") as scratch:
        starts = [start_run(app, scratch) for _ in range(args.runs)]
        clis = [cli_run(app, scratch) for _ in range(args.runs)]

    env = _env()
    platform = env.get("QT_QPA_PLATFORM") or ("wayland" if env.get("WAYLAND_DISPLAY") else "xcb")
    print(f"bundle {app.parent}  ({args.runs} runs each, Qt platform {platform})")
    print(f"  {'size on disk':28s} {disk / MB:6.1f} MB (apparent {apparent / MB:.1f} MB)  "
          f"(budget {BUDGET_SIZE_MB} MB)  {'OVER BUDGET' if over else 'ok'}")
    visible = [s["window_visible"] for s in starts]
    print(_line("start -> window visible", visible, BUDGET_START_S))
    over |= statistics.median(visible) > BUDGET_START_S
    shown = [s["comparison_shown"] for s in starts if "comparison_shown" in s]
    if shown:
        print(_line("start -> seeds compared", shown, None))
    print(_line("--smoke process, end to end", [s["process_total"] for s in starts], None))
    print(_line("CLI compare 003 004 --json", clis, BUDGET_CLI_S))
    over |= statistics.median(clis) > BUDGET_CLI_S
    return 1 if (over and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
