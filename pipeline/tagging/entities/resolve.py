"""How overlapping mentions are resolved: one rank of entity labels, one resolver.

``select_longest`` keeps non-overlapping mentions, longest first, then by a rank
(``LABEL_RANK`` for entities in ``components``; how an ORG candidate was found in
``orgs``), then leftmost; the glossary ranks its categories by ``LABEL_RANK`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

# Which label wins where two rules find the same or equally long mentions.
LABEL_RANK = {"ORG": 0, "LAW": 1, "PROGRAM": 2, "EVENT": 3, "PLACE": 4, "ACRONYM": 5,
              "NAME": 6}
UNRANKED = 9   # the rank of a label not in LABEL_RANK

T = TypeVar("T")


def label_rank(label: str) -> int:
    return LABEL_RANK.get(label, UNRANKED)


def select_longest(mentions: Iterable[T], offsets: Callable[[T], tuple[int, int]],
                   rank: Callable[[T], int]) -> list[T]:
    """The mentions that overlap no longer (or equally long, better ranked, or further
    left) one, in text order. ``offsets``: a mention's (start, end)."""
    mentions = list(mentions)
    if len(mentions) < 2:   # most paragraphs: nothing to resolve
        return mentions
    ordered = sorted(((*offsets(m), m) for m in mentions),
                     key=lambda found: (found[0] - found[1], rank(found[2]), found[0]))
    chosen: list[tuple[int, int, T]] = []
    for start, end, mention in ordered:
        if all(end <= other_start or other_end <= start
               for other_start, other_end, _ in chosen):
            chosen.append((start, end, mention))
    return [mention for _, _, mention in sorted(chosen, key=lambda found: found[0])]
