"""The CI share of the fuzz run (issue 16): a fixed slice of benchmarks/fuzz.py's seeded
cases -- every reader, the comparison, the reports and the session round trip -- in under
half a minute.  The long run is ``python benchmarks/fuzz.py --cases 20000``."""
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import fuzz  # noqa: E402

CASES = 480


@pytest.mark.parametrize("block", range(4))
def test_fuzz_slice_has_only_allowed_outcomes(block):
    bad = []
    for n in range(block * CASES // 4, (block + 1) * CASES // 4):
        result = fuzz.run_case(16, n, deep_every=6, limit=30)
        if result["outcome"] not in ("document", "error") or result["seconds"] >= 10:
            bad.append(result)
    assert not bad, bad
