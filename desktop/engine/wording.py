"""Small helpers for the English of counts shown to people ("1 group", "2 groups")."""
from __future__ import annotations

from typing import Optional


def plural(count: int, one: str, many: Optional[str] = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
