"""Small text functions: display width, kana and kanji, NFKC."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.common.text import display_width, fold_nfkc, is_kana, is_kanji, join_wrapped


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("") == 0
    assert display_width("abc") == 3
    assert display_width("科学技術") == 8
    assert display_width("　ＡＢ①ｱ") == 2 + 4 + 2 + 1   # ① is ambiguous: counted wide


@given(st.text(max_size=40))
def test_display_width_is_the_east_asian_width_sum(text: str) -> None:
    assert display_width(text) == sum(
        2 if unicodedata.east_asian_width(c) in "FWA" else 1 for c in text)


def test_wide_blocks_hold_only_wide_characters() -> None:
    from pipeline.common.text import WIDE_BLOCKS

    narrow = [hex(code) for first, last in WIDE_BLOCKS for code in range(first, last + 1)
              if unicodedata.east_asian_width(chr(code)) not in "FWA"]
    assert narrow == []


def test_display_width_at_the_edges_of_the_wide_blocks() -> None:
    # 〿 (U+303F) and ｡ (U+FF61) sit just outside the blocks and are narrow
    assert display_width("\u303e\u303f\u3040\u4dbf\u4dc0\u4e00\ua4cf\uff00\uff60\uff61") == (
        2 + 1 + 2 + 2 + 1 + 2 + 2 + 2 + 2 + 1)
    assert display_width("ＡＩ（人工知能）とIoT・ﾃﾞｰﾀ") == 2 * 10 + 3 + 4


@pytest.mark.parametrize(("char", "kana", "kanji"), [
    ("あ", True, False), ("ゟ", True, False), ("ア", True, False), ("ー", True, False),
    ("・", True, False), ("ゝ", True, False), ("ヾ", True, False), ("ヶ", True, True),
    ("々", False, True), ("〆", False, True), ("研", False, True), ("㐀", False, True),
    ("ｱ", False, False), ("A", False, False), ("〜", False, False), ("\u3040", False, False),
])
def test_kana_and_kanji_classes(char: str, kana: bool, kanji: bool) -> None:
    assert (is_kana(char), is_kanji(char)) == (kana, kanji)


def test_kana_is_the_hiragana_and_katakana_blocks() -> None:
    # the PDF reader's ruby test once spelt this set differently (blocks plus marks)
    assert [c for c in map(chr, range(0x3000, 0x3100)) if is_kana(c)] == [
        chr(code) for code in range(0x3041, 0x3100)]


@pytest.mark.parametrize(("text", "folded"), [
    ("ＴＬＯ１２３", "TLO123"), ("５０％", "50%"), ("㈱", "(株)"), ("第１－１表", "第1-1表"),
])
def test_nfkc(text: str, folded: str) -> None:
    assert fold_nfkc(text) == folded


def test_radicals_and_vertical_forms_stand_for_ordinary_characters() -> None:
    """A font's ToUnicode map that points a kanji's glyph at its Kangxi radical (⽅ for
    方), and vertical presentation forms, read as the ordinary characters; an ASCII
    sign in its fullwidth form, as Japanese text sets it; one for one."""
    from pipeline.common.text import ordinary_characters

    assert ordinary_characters("⽅針と⼈材︑﹁⽇本﹂︵注︶") == "方針と人材、「日本」（注）"
    assert ordinary_characters("⺟⼦") == "母子"              # radicals supplement too
    assert ordinary_characters("官⺠と⻑期") == "官民と長期"     # radical_equivalents.tsv
    assert ordinary_characters("方針、（注）") == "方針、（注）"   # ordinary text unchanged


def test_the_pdf_adapter_reads_a_radical_glyph_as_its_kanji() -> None:
    from pipeline.extract.pdf.chars import normalise_char_text

    assert normalise_char_text("⽅") == ("方", False)
    assert normalise_char_text("﹁") == ("「", False)
    assert normalise_char_text("\u301c") == ("\uff5e", False)   # the look-alikes still apply


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("日本語の", "文章", "日本語の文章"),
    ("Science and", "Technology", "Science and Technology"),
    ("Society", "5.0", "Society 5.0"),
    ("行っている。202", "3年度末の", "行っている。2023年度末の"),   # a year broken in Japanese
    ("約1,2", "34億円", "約1,234億円"),
    ("前年度比2.", "1ポイント", "前年度比2.1ポイント"),
    ("in 2019", "2020 was", "in 2019 2020 was"),                   # English: a word space
    ("2019", "2020", "2019 2020"),                                 # nothing says Japanese
])
def test_join_wrapped(left: str, right: str, joined: str) -> None:
    assert join_wrapped(left, right) == joined
