"""Start-up objects are left out of the full collections that used to stall the window."""
from __future__ import annotations

import gc

from desktop.app.memory import freeze_start_up


def test_objects_alive_at_start_up_are_left_out_of_collections():
    before = {"made": ["before"]}
    try:
        assert freeze_start_up() > 0
        after = {"made": ["after"]}
        alive = {id(o) for o in gc.get_objects()}
        assert id(before) not in alive, "alive at start-up: not walked again"
        assert id(after) in alive, "made later: collected as usual"
    finally:
        gc.unfreeze()
