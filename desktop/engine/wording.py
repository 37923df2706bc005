"""Small helpers for the English of counts and lists shown to people ("2 groups", "A, B and C")."""
from __future__ import annotations

from typing import Optional


def plural(count: int, one: str, many: Optional[str] = None) -> str:
    """"1 passage", "3 passages", "12,400 words": the count as a reader writes it, and the noun to match."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def listed(names, most: Optional[int] = None) -> str:
    """"B", "B and C", "B, C and D"; past ``most`` names, "B, C and 4 others"."""
    names = list(names)
    if not names:
        return ""
    if most is not None and len(names) > most:
        return f"{', '.join(names[:most - 1])} and {len(names) - most + 1} others"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
