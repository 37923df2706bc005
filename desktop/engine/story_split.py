"""Two events told in one cluster of articles, cut apart.

Both fronts use it after their own clustering: the corpus on each story of
a block (:mod:`desktop.engine.corpus.stories`), the app on each event
cluster of a comparison (:func:`desktop.engine.pipeline.event_clusters`).
A cluster of ``2 x side`` articles or more is scored again as a comparison
of its own articles (``within``); among themselves the names all its reports
share weigh nothing and each article's closest other is a report of its own
event, so two events of one kind that the first clustering merged (two
Internet Explorer emergency patches, two quakes on one island) fall apart.

Public verbs: :func:`split_stories`, :func:`two_sides`.
"""
from __future__ import annotations

from typing import Callable


def two_sides(count: int, same: dict[tuple[int, int], float]) -> tuple[list[list[int]], float]:
    """``count`` articles cut in two by average linkage, and the mean probability across the cut.

    Clusters join, the closest (highest mean of all their cross pairs)
    first, until two are left; ties go to the earlier clusters.
    """
    groups = [[k] for k in range(count)]
    while len(groups) > 2:
        best, pair = -1.0, (0, 1)
        for m in range(len(groups)):
            for n in range(m + 1, len(groups)):
                value = _mean_between(same, groups[m], groups[n])
                if value > best:
                    best, pair = value, (m, n)
        m, n = pair
        groups[m] = sorted(groups[m] + groups[n])
        del groups[n]
    return groups, (_mean_between(same, groups[0], groups[1]) if len(groups) == 2 else 1.0)


def split_stories(stories: list[list[int]], within: Callable[[list[int]], dict[tuple[int, int], float]],
                  below: float, side: int) -> list[list[int]]:
    """Each story whose articles form two sides of ``side`` or more that are unlike, cut in two.

    ``within(story)`` gives the story's probabilities scored as a comparison
    of its own articles (``corpus.stories.SameEvent.within``).  The story is cut
    in two by average linkage; when both sides hold ``side`` articles or more and
    the mean probability across the cut is under ``below``, they are two
    stories.  Scored among themselves, the reports of two events of one kind
    that the block's linkage merged (the same team, the same town) tell
    apart better: the names they all share weigh nothing there, and each
    article's closest other is a report of its own event.
    """
    out: list[list[int]] = []
    for story in stories:
        if len(story) < 2 * side:
            out.append(story)
            continue
        members = sorted(story)
        position = {k: n for n, k in enumerate(members)}
        local = {(position[a], position[b]): p for (a, b), p in within(members).items()}
        sides, across = _sides_past_loners(len(members), local, side)
        if across < below and min(len(s) for s in sides) >= side:
            out.extend([members[n] for n in s] for s in sides)
        else:
            out.append(story)
    return sorted(out, key=lambda g: (-len(g), g[0]))


def _mean_between(same: dict[tuple[int, int], float], x: list[int], y: list[int]) -> float:
    """The mean probability of the pairs across two groups of articles."""
    return sum(same.get((min(a, b), max(a, b)), 0.0) for a in x for b in y) / (len(x) * len(y))


def _sides_past_loners(count: int, same: dict[tuple[int, int], float], side: int,
                       rounds: int = 3) -> tuple[list[list[int]], float]:
    """:func:`two_sides`, looking past articles unlike all the others: average linkage
    leaves such a loner (a round-up, a report of a third event) as a side of its own, so
    a cut with a side under ``side`` articles is made again without it, and the loners
    then join the side they are most like."""
    kept, loners = list(range(count)), []
    for _ in range(rounds):
        index = {n: k for n, k in enumerate(kept)}
        local = {(x, y): same.get((index[x], index[y]), 0.0) for x in range(len(kept)) for y in range(x + 1, len(kept))}
        sides, across = two_sides(len(kept), local)
        sides = [[index[n] for n in s] for s in sides]
        small = [s for s in sides if len(s) < side]
        if len(sides) < 2 or not small or len(kept) - len(small[0]) < 2 * side:
            break
        loners += small[0]
        kept = [k for k in kept if k not in small[0]]
    else:
        return [list(range(count))], 1.0
    if len(sides) == 2:
        for k in loners:
            max(sides, key=lambda s: _mean_between(same, [k], s)).append(k)
        sides = [sorted(s) for s in sides]
        across = _mean_between(same, sides[0], sides[1])
    return sides, across
