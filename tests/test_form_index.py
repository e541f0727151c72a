"""FormIndex finds what the longest-first regex alternation finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.tagging.entities.form_index import FormIndex

ALPHABET = "abＡ東京大学"
forms_st = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), min_size=1, max_size=8)


def regex_spans(forms: list[str], text: str, bounded: bool = False) -> list[tuple[int, int]]:
    parts = [re.escape(f) for f in sorted(set(forms), key=len, reverse=True)]
    if bounded:   # no "a" or "b" on either side, as a Latin-boundary lookaround would
        parts = [rf"(?<![ab]){p}(?![ab])" for p in parts]
    return [m.span() for m in re.finditer("|".join(parts), text)]


def no_ab_around(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] not in "ab") and (end == len(text)
                                                              or text[end] not in "ab")


@settings(max_examples=300, deadline=None)
@given(forms_st, st.text(alphabet=ALPHABET, max_size=30))
def test_same_spans_as_the_regex(forms: list[str], text: str) -> None:
    assert FormIndex(forms).find(text) == regex_spans(forms, text)


@settings(max_examples=300, deadline=None)
@given(forms_st, st.text(alphabet=ALPHABET, max_size=30))
def test_refused_form_gives_way_like_a_failed_lookaround(forms: list[str], text: str) -> None:
    assert FormIndex(forms).find(text, accept=no_ab_around) == regex_spans(forms, text, True)


def test_examples() -> None:
    index = FormIndex(["東京", "東京大学", "大学", "NICT"])
    assert index.find("東京大学とNICTと大学") == [(0, 4), (5, 9), (10, 12)]
    assert index.find("XNICTとNICT", accept=no_ab_around) == [(1, 5), (6, 10)]
    assert FormIndex(["ab"]).find("xaby", accept=lambda t, s, e: False) == []


def test_forms_in_lists_overlapping_forms_too() -> None:
    index = FormIndex(["東京", "東京大学", "大学", "NICT"])
    assert index.forms_in("東京大学と大学") == {"東京", "東京大学", "大学"}
    assert index.forms_in("なし") == set()


@settings(max_examples=300, deadline=None)
@given(forms_st, st.text(alphabet=ALPHABET, max_size=30))
def test_leftmost_longest_automaton_equals_the_walk_over_overlapping_matches(
        forms: list[str], text: str) -> None:
    """``find`` answers from the leftmost-longest automaton when nothing is refused;
    the walk over every overlapping match gives the same spans."""
    index = FormIndex(forms)
    assert index.find(text) == index._find_accepted(text, lambda t, s, e: True)
