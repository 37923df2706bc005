import os
import sys
from pathlib import Path

# Qt must never need a screen in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
SEED_003 = SEEDS / "003_4ecc2cef7e96f6a9.txt"
SEED_004 = SEEDS / "004_414ec68b31cd158a.txt"
