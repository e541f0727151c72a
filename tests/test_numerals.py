"""Numerals: Arabic, full-width, kanji and 万/億/兆 composition, and their inverses."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tagging.numerals import (
    NUMERAL_PATTERN,
    NUMERAL_RE,
    fold_width,
    format_arabic,
    format_kanji,
    format_mixed,
    parse_decimal,
    parse_folded_decimal,
    parse_numeral,
)

FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")

# (numeral as printed, value). Most are copied from raw/st2019-2-5.txt and
# raw/ict2019-3-1.txt; the kanji ones follow the usual reading rules.
PARSED = [
    ("3,057", 3057),                      # st: 平成31年３月時点で3,057の多様な業種
    ("３，０５７", 3057),
    ("２万5,451", 25451),                 # st: 「共同研究実施件数」は２万5,451件
    ("１万3,832", 13832),                 # st: 「特許権実施等件数」は１万3,832件
    ("３万8,000", 38000),                 # st: 約３万8,000人が来場
    ("12兆9,700億", 12_970_000_000_000),
    ("97.5兆", 97_500_000_000_000),       # ict: 名目国内生産額は97.5兆円
    ("3兆8,844億", 3_884_400_000_000),    # ict: 技術輸出額が3兆8,844億円
    ("19兆504億", 19_050_400_000_000),    # ict: 研究費の総額は19兆504億円
    ("14兆238億", 14_023_800_000_000),    # ict: 電気通信事業は14兆238億円
    ("86万6,950", 866_950),               # ict: 研究者は86万6,950人
    ("1357.4万", 13_574_000),             # ict: 労働生産性は1357.4万円/人
    ("399.0万", 3_990_000),               # ict: 雇用者数は399.0万人
    ("1万9,818", 19_818),                 # ict: 電気通信事業者数は1万9,818者
    ("10,304", 10_304),                   # ict: 保有子会社・関連会社数は10,304社
    ("5千万", 50_000_000),                # ict: 「5千万円未満」
    ("12百万", 12_000_000),
    ("百万", 1_000_000),                  # st: 百万円未満の金額
    ("一万二千三百四十五", 12345),
    ("二千十九", 2019),
    ("二〇一九", 2019),
    ("三十", 30),
    ("十", 10),
    ("千", 1000),
    ("一億二千万", 120_000_000),
    ("0.6", 0.6),
    ("－4.3", -4.3),                      # ict: 年平均成長率では－4.3%
    ("▲1.5", -1.5),
    ("99999兆", 99_999 * 10**12),
]


@pytest.mark.parametrize(("text", "value"), PARSED)
def test_parse_numeral(text: str, value: float) -> None:
    assert parse_numeral(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize("text", [
    "", " ", "万", "億円", "1万2億", "1万12,000", "1兆2.5億", "二三百", "百百", "12,34",
    "abc", "１ａ", "3,057件", "1..2", "〇百", "－", "万万",
])
def test_not_a_numeral(text: str) -> None:
    assert parse_numeral(text) is None


def test_parse_decimal_is_exact() -> None:
    assert parse_decimal("97.5兆") == Decimal(97_500_000_000_000)
    assert parse_decimal("0.1") == Decimal("0.1")


@pytest.mark.parametrize(("text", "found"), [
    ("約２万5,451件", "２万5,451"),
    ("12兆9,700億円（前年度比0.6％増）", "12兆9,700億"),
    ("約1.54倍", "1.54"),
    ("5千万円未満", "5千万"),
])
def test_numeral_re_finds_the_whole_numeral(text: str, found: str) -> None:
    match = NUMERAL_RE.search(fold_width(text))
    assert match is not None
    assert text[match.start():match.end()] == found


def test_fold_width_keeps_length() -> None:
    text = "（第２-５-１図）約２万5,451件～１０％－4.3%〜Ａｂｃ"
    assert len(fold_width(text)) == len(text)
    assert fold_width("２万5，451％") == "2万5,451%"


def test_fold_width_maps_every_character_as_its_table_says() -> None:
    """fold_width translates only runs of the characters that change: the result must be
    what one ``str.translate`` over the whole text gives, for every code point."""
    latin = "".join(map(chr, [*range(0x41, 0x5B), *range(0x61, 0x7B)]))
    table = str.maketrans(latin.translate({code: code + 0xFEE0 for code in range(0x41, 0x7B)})
                          + "０１２３４５６７８９％，．／＋－−‐‑–—―〜~()",
                          latin + "0123456789%,./+-------～～（）")
    every = "".join(chr(code) for code in range(0x30000) if not 0xD800 <= code < 0xE000)
    assert fold_width(every) == every.translate(table) != every
    for char in "ＡＢＺａｂｙ":
        assert fold_width(char) == chr(ord(char) - 0xFEE0)
    assert fold_width("Ｈ２５（２０１３）年～Ｒ３") == "H25（2013）年～R3"


@pytest.mark.parametrize(("n", "arabic", "mixed", "kanji"), [
    (0, "0", "０", "〇"),
    (7, "7", "７", "七"),
    (12345, "12,345", "１万2,345", "一万二千三百四十五"),
    (25451, "25,451", "２万5,451", "二万五千四百五十一"),
    (12_970_000_000_000, "12,970,000,000,000", "12兆9,700億", "十二兆九千七百億"),
    (10_000, "10,000", "１万", "一万"),
    (1_000_000, "1,000,000", "100万", "百万"),
    (110_010, "110,010", "11万10", "十一万十"),
])
def test_formats(n: int, arabic: str, mixed: str, kanji: str) -> None:
    assert (format_arabic(n), format_mixed(n), format_kanji(n)) == (arabic, mixed, kanji)


def test_format_kanji_refuses_kei() -> None:
    with pytest.raises(ValueError, match="京"):
        format_kanji(10**16)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_every_notation_parses_back(n: int) -> None:
    for text in (format_arabic(n), format_arabic(n).translate(FULLWIDTH), format_mixed(n),
                 format_kanji(n), str(n)):
        assert parse_decimal(text) == n, text


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimals_with_big_units_parse_back(whole: int, tenths: int) -> None:
    for unit, size in (("万", 10**4), ("億", 10**8), ("兆", 10**12)):
        assert parse_decimal(f"{whole}.{tenths:02d}{unit}") == \
            (Decimal(whole) + Decimal(tenths) / 100) * size


@given(st.text(alphabet="0123456789０１２３４５６７８９,，.．万億兆千百十一二三〇約－▲ ", max_size=20))
def test_parse_never_raises(text: str) -> None:
    value = parse_numeral(text)
    assert value is None or isinstance(value, float)


@given(st.text(alphabet="0123456789٣,.〇一二三四五六七八九十百千万億兆第件-", max_size=30))
def test_numeral_re_finds_what_the_plain_pattern_finds(text: str) -> None:
    """NUMERAL_RE scans behind a lookahead of a numeral's first characters: the matches
    must be the plain pattern's, and parse_folded_decimal must agree with parse_decimal."""
    found = [m.span() for m in NUMERAL_RE.finditer(text)]
    assert found == [m.span() for m in re.compile(NUMERAL_PATTERN).finditer(text)]
    for start, end in found:
        assert parse_folded_decimal(text[start:end]) == parse_decimal(text[start:end])


@pytest.mark.parametrize(("text", "expected"), [
    ("2万5,451", "25451"), ("12兆9,700億", "12970000000000"), ("一万二千三百四十五", "12345"),
    ("97.50", "97.50"), ("1万2億", None),
])
def test_parse_folded_decimal(text: str, expected: str | None) -> None:
    assert parse_folded_decimal(text) == (None if expected is None else Decimal(expected))


def test_parse_decimal_keeps_the_sign_of_zero() -> None:
    assert str(parse_decimal("－０")) == "-0"
    assert str(parse_decimal("0")) == "0"
