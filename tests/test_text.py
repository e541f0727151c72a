"""Small text functions: display width."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.text import display_width


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("") == 0
    assert display_width("abc") == 3
    assert display_width("科学技術") == 8
    assert display_width("　ＡＢ①ｱ") == 2 + 4 + 2 + 1   # ① is ambiguous: counted wide


@given(st.text(max_size=40))
def test_display_width_is_the_east_asian_width_sum(text: str) -> None:
    assert display_width(text) == sum(
        2 if unicodedata.east_asian_width(c) in "FWA" else 1 for c in text)
