"""Find any of many fixed forms (gazetteer names, place names) in a text at once.

``FormIndex(forms).find(text)`` returns what ``re.compile("|".join(forms, longest
first)).finditer(text)`` would: scanning left to right, at each position the longest
form that is there (and that ``accept`` allows), then on from its end. The regex tries
its alternatives one by one at every position, so its time grows with the number of
forms; an Aho–Corasick automaton (ahocorasick-rs) finds every occurrence in one pass
whatever their number (about 75 times faster on the shipped gazetteer). A second
automaton, leftmost-longest, gives the answer directly whenever ``accept`` takes every
form it finds (almost always): the overlapping matches are only walked when it refuses one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ahocorasick_rs import AhoCorasick, MatchKind

# accept(text, start, end): may the form at text[start:end] be taken?
Accept = Callable[[str, int, int], bool]


class FormIndex:
    """An automaton over ``forms`` (non-empty strings; duplicates are ignored)."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = sorted({form for form in forms if form})
        self._automaton = AhoCorasick(self.forms)
        self._leftmost_longest = AhoCorasick(self.forms, matchkind=MatchKind.LeftmostLongest)

    def forms_in(self, text: str) -> set[str]:
        """Every form that occurs in ``text``, overlapping ones included."""
        return {self.forms[i] for i, _, _ in
                self._automaton.find_matches_as_indexes(text, overlapping=True)}

    def find(self, text: str, accept: Accept | None = None) -> list[tuple[int, int]]:
        """(start, end) of each form found, leftmost first, longest at a position, not
        overlapping; a form ``accept`` refuses gives way to a shorter one at the same
        position, as a regex alternative whose lookaround fails would."""
        found = [(start, end) for _, start, end
                 in self._leftmost_longest.find_matches_as_indexes(text)]
        if accept is None or all(accept(text, start, end) for start, end in found):
            return found   # what the walk below gives when nothing is refused
        return self._find_accepted(text, accept)

    def _find_accepted(self, text: str, accept: Accept) -> list[tuple[int, int]]:
        """``find`` by walking every overlapping match, longest first at each position."""
        ends_at: dict[int, list[int]] = {}
        for _, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            ends_at.setdefault(start, []).append(end)
        found: list[tuple[int, int]] = []
        resume = 0
        for start in sorted(ends_at):
            if start < resume:
                continue
            for end in sorted(ends_at[start], reverse=True):
                if accept(text, start, end):
                    found.append((start, end))
                    resume = end
                    break
        return found
