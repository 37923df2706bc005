"""Cold start of the desktop app: launch -> window visible -> seeds comparison shown.

Each run is a fresh process (``python -m desktop.cli seeds/ --smoke --timings``);
the app prints wall-clock stamps and this script subtracts the launch time.
Reports the median of N runs (default 5).  Uses the offscreen platform unless
a display is available (set QT_QPA_PLATFORM to choose).

    python benchmarks/app_startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(python: str) -> dict[str, float]:
    env = dict(os.environ)
    if "QT_QPA_PLATFORM" not in env and not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    launched = time.time()
    done = subprocess.run([python, "-m", "desktop.cli", str(ROOT / "seeds"), "--smoke", "--timings"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    ended = time.time()
    if done.returncode != 0:
        raise SystemExit(f"app exited {done.returncode}:\n{done.stderr}")
    stamps = {}
    for line in done.stdout.splitlines():
        if line.startswith("timing "):
            _, name, value = line.split()
            stamps[name] = float(value) - launched
    stamps["process_total"] = ended - launched
    return stamps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_run(sys.executable) for _ in range(args.runs)]
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM') or ('xcb' if os.environ.get('DISPLAY') else 'offscreen')}, "
          f"{args.runs} runs, medians:")
    for name in ("window_visible", "comparison_shown", "process_total"):
        values = [r[name] for r in runs if name in r]
        if values:
            print(f"  {name:18s} {statistics.median(values) * 1000:7.0f} ms   "
                  f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
