"""Small pure text functions shared by the stages: widths, digits, joining wraps."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class CharTable(dict[int, str | None]):
    """A ``str.translate`` table that works out each code point's replacement with
    ``convert(char)`` on first sight (``None`` deletes the character), so a table of
    every character in a corpus costs one call per distinct character."""

    def __init__(self, convert: Callable[[str], str | None]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, code: int) -> str | None:
        replacement = self[code] = self._convert(chr(code))
        return replacement


def _narrow_or_none(char: str) -> str | None:
    return None if unicodedata.east_asian_width(char) in "FWA" else char


_NARROW_ONLY = CharTable(_narrow_or_none)   # full-width, wide and ambiguous deleted

# Blocks in which every code point is full-width, wide or ambiguous (CJK punctuation,
# kana, CJK ideographs, full-width forms; tests/test_text.py checks each code point
# against ``unicodedata``): runs of them are cut out by one regex before the rest goes
# through ``str.translate``, which pays a dictionary lookup per character. Japanese
# text is mostly such characters, so this halves the cost of a width.
WIDE_BLOCKS = ((0x3000, 0x303E), (0x3040, 0x4DBF), (0x4E00, 0xA4CF), (0xFF00, 0xFF60))
_WIDE_RUN = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in WIDE_BLOCKS)
                       + "]+")


# Blocks whose characters stand in for ordinary ones: Kangxi radicals and the CJK radicals
# supplement (a font's ToUnicode map often points a kanji's glyph at its radical: ⽅ for
# 方, ⼈ for 人; Word, Skia), and the vertical presentation forms (︑ for 、, ﹁ for 「)
STAND_IN_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xFE10, 0xFE19), (0xFE30, 0xFE4F))


def _ordinary_form(code: int) -> str | None:
    """The ordinary character a stand-in is NFKC-equivalent to (an ASCII sign in its
    fullwidth form, as Japanese text sets it: ︵ → （), or None."""
    folded = unicodedata.normalize("NFKC", chr(code))
    if len(folded) != 1 or folded == chr(code):
        return None
    return chr(ord(folded) + 0xFEE0) if "!" <= folded <= "~" else folded


@functools.cache
def stand_ins() -> dict[int, str]:
    """Code point → the ordinary character it stands in for: every character of
    ``STAND_IN_BLOCKS`` with a compatibility mapping (all Kangxi radicals, the vertical
    forms), and the radicals of the supplement that Unicode equates with a kanji
    without one (``pipeline/data/radical_equivalents.tsv``: ⺠ for 民)."""
    from pipeline.common.lexicons import word_map

    found = {code: form for first, last in STAND_IN_BLOCKS
             for code in range(first, last + 1) if (form := _ordinary_form(code)) is not None}
    found.update({ord(radical): kanji
                  for radical, kanji in word_map("radical_equivalents").items()})
    return found


def ordinary_characters(text: str) -> str:
    """``text`` with radicals and vertical forms standing in for ordinary characters
    given as those (``stand_ins``): one character for one, so offsets hold."""
    return text.translate(stand_ins())


def display_width(text: str) -> int:
    """Printed width in half-width cells: full-width and wide characters count 2."""
    rest = _WIDE_RUN.sub("", text)
    return 2 * len(text) - len(rest.translate(_NARROW_ONLY))


def ascii_digits(text: str) -> str:
    """Full-width digits to ASCII, nothing else changed."""
    return text.translate(FULLWIDTH_DIGITS)


def is_kana(char: str) -> bool:
    """A hiragana or katakana character, with the marks of those blocks (``ー``, ``・``,
    ``ゝゞヽヾ``): the code points U+3041–U+30FF."""
    return "\u3041" <= char <= "\u30ff"


# The Roman numeral characters (Ⅰ–Ⅻ, ⅰ–ⅿ: U+2160–U+217F), as a regex character class's
# inside: NFKC folds them to Latin letters (Ⅱ → II), but they are numerals, never an
# acronym's or a word's letters.
ROMAN_NUMERALS = "\u2160-\u217f"


def is_roman_numeral(char: str) -> bool:
    """A Roman numeral character (``ROMAN_NUMERALS``: ``Ⅱ``, ``Ⅻ``, ``ⅳ``)."""
    return "\u2160" <= char <= "\u217f"


def is_kanji(char: str) -> bool:
    """A CJK ideograph (unified and extension A), or ``々``, ``〆``, ``ヶ`` (written in
    kanji compounds; ``ヶ`` is also kana)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char in "々〆ヶ"


# What can go on from a number's digits (more digits, separators, units and counters), as
# a regex character class's inside: a footnote number glued to its text (LibreOffice:
# ``1食料自給率とは…``) is followed by none of these.
NOT_NUMBER_GOES_ON = r"0-9０-９,，.．:：%％年月日度件人万億兆円倍つ\-－～〜/／"


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped line fragments: no space between Japanese, one between Latin words;
    none inside a number that Japanese type broke across the lines (``202`` / ``3年度末``:
    ``split_number``)."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + right if split_number(left, right) else f"{left} {right}"
    if left[-1] in ",.;:" and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def split_number(left: str, right: str) -> bool:
    """``left`` ends and ``right`` starts with ASCII digits, and the number they make sits
    in Japanese: the character before its first part or after its last (past any
    ``.``/``,`` and digits) is not ASCII. Japanese type breaks a line between any two
    characters, so ``202`` / ``3年度末`` is 2023; English breaks between words, so
    ``in 2019`` / ``2020 was`` keeps its space."""
    if not (left[-1].isdigit() and right[0].isdigit()):
        return False
    before = left.rstrip("0123456789.,")
    after = right.lstrip("0123456789.,")
    return bool(before and not before[-1].isascii()) or bool(after and not after[0].isascii())


# --------------------------------------------------------------------------- NFKC folding
# (the tagging rules, tables and glossary match on NFKC text)


def fold_nfkc(text: str) -> str:
    """NFKC of the whole text: full-width Latin and digits to ASCII, ``％`` to ``%``,
    ``㈱`` to ``(株)``, ``Ⅱ`` to ``II`` (a base letter and a combining mark after it
    compose)."""
    return unicodedata.normalize("NFKC", text)


def _nfkc_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


_NFKC_CHARS = CharTable(_nfkc_char)   # code point → its NFKC form


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with the offset in ``text`` of every folded character.

    Per character (no composing across characters, unlike ``fold_nfkc``), so every
    folded character comes from one character of ``text``. The list has one extra item,
    ``len(text)``, so an end offset maps too.
    """
    folded = text.translate(_NFKC_CHARS)
    if len(folded) == len(text):   # no character became two or more: offsets are kept
        return folded, list(range(len(text) + 1))
    origin: list[int] = []
    for i, char in enumerate(text):
        origin.extend([i] * len(_NFKC_CHARS[ord(char)] or ""))
    origin.append(len(text))
    return folded, origin
