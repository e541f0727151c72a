"""Japanese numerals as printed in white papers: parse them, and print them back.

Three notations occur, often mixed in one figure:

- Arabic, ASCII or full-width, with thousands separators and decimals: ``3,057``,
  ``３，０５７``, ``97.5``;
- kanji: ``一万二千三百四十五``, ``二〇一九`` (digit by digit), ``百万``;
- Arabic groups composed with 万/億/兆/京 (and 千/百/十 after a digit): ``２万5,451``,
  ``12兆9,700億``, ``5千万``, with at most one space before a big unit (``2.1 万``).

``parse_decimal`` returns an exact ``Decimal`` (``None`` when the text is not one whole
numeral); ``parse_numeral`` the same as a float. ``NUMERAL_RE`` finds numerals in text
folded by ``fold_width`` (a same-length mapping, so match offsets are offsets into the
original text). ``format_arabic``, ``format_mixed`` and ``format_kanji`` are the inverses
used by the property tests.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Same-length folding: full-width digits, letters and number punctuation to ASCII,
# dashes and minus signs to "-", wave dashes to "～", ASCII brackets to full-width.
# One character in, one character out, so offsets survive.
_FOLD_FROM = ("０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
              "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ％，．／＋－−‐‑–—―〜~()")
_FOLD_TO = ("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            "abcdefghijklmnopqrstuvwxyz%,./+-------～～（）")
_FOLD_TABLE = str.maketrans(_FOLD_FROM, _FOLD_TO)
# Only runs of the characters that change are translated: the rest of a Japanese text
# (nearly all of it) is left as it is, where ``str.translate`` would pay a dictionary
# lookup per character. tests/test_numerals.py checks every code point against the table.
_FOLDABLE_RUN = re.compile("[" + "".join(map(re.escape, _FOLD_FROM)) + "]+")

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12, "京": 10**16}
_FULLWIDTH_DIGITS = "０１２３４５６７８９"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KANJI = r"[〇一二三四五六七八九十百千]+"
_SECTION = rf"(?:(?:{_ARABIC})[千百十]?|{_KANJI})"
# 京 (10**16: ``1京8,670兆J``, the energy statistics' joules) opens words as well (東京,
# 京都, 第2京浜): it is a big unit only when no kanji but a numeral's or 円 goes on from it.
_BIG = r"(?:[万億兆]|京(?!(?![〇一二三四五六七八九十百千円])[一-鿿々]))"
# One space may stand before a big unit, as figures are sometimes printed (``2.1 万局``).
NUMERAL_PATTERN = rf"(?:{_SECTION})(?:[ 　]?{_BIG}(?:{_SECTION})?)*"
# The lookahead names the characters a numeral can start with: ``re`` then skips every
# other position at once, where it would try the pattern's branches at each (the
# lookahead halves the time of a scan over a sentence; the matches are the same).
NUMERAL_START = r"[\d〇一二三四五六七八九十百千]"   # the characters a numeral starts with
NUMERAL_RE = re.compile(rf"(?={NUMERAL_START})(?:{NUMERAL_PATTERN})")

_ARABIC_WHOLE = re.compile(rf"(?:{_ARABIC})")
_ARABIC_SMALL_UNIT = re.compile(rf"({_ARABIC})([千百十])")
_BIG_SPLIT = re.compile(r"([^万億兆京]+)([万億兆京]?)")


def fold_width(text: str) -> str:
    """Full-width digits/letters/``％，．`` to ASCII, dashes to ``-``, waves to ``～``; same length."""
    return _FOLDABLE_RUN.sub(_fold_run, text)


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(_FOLD_TABLE)


def _kanji_section(text: str) -> int | None:
    """Value of a kanji numeral below 万: ``二千三百四十五``, ``百``, ``二〇一九``."""
    if not any(c in SMALL_UNITS for c in text):
        if not all(c in KANJI_DIGITS for c in text):
            return None
        return int("".join(str(KANJI_DIGITS[c]) for c in text))
    total, digit, last_unit = 0, None, 10**5
    for char in text:
        if char in KANJI_DIGITS:
            if digit is not None:
                return None
            digit = KANJI_DIGITS[char]
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit or digit == 0:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


def _section_value(text: str) -> Decimal | None:
    """Value of the part of a numeral between big units (万/億/兆/京)."""
    if _ARABIC_WHOLE.fullmatch(text):
        return Decimal(text.replace(",", ""))
    match = _ARABIC_SMALL_UNIT.fullmatch(text)
    if match:
        return Decimal(match.group(1).replace(",", "")) * SMALL_UNITS[match.group(2)]
    value = _kanji_section(text)
    return None if value is None else Decimal(value)


def parse_decimal(text: str) -> Decimal | None:
    """Exact value of one whole numeral, or ``None`` when ``text`` is not one.

    ``２万5,451`` → 25451; ``12兆9,700億`` → 12970000000000; ``一万二千三百四十五`` →
    12345; a leading ``-``/``－``/``▲``/``△`` makes it negative. Big units must fall
    (京 before 兆 before 億 before 万) and every group after the first must be a whole number
    below 10,000, so ``1万2億`` and ``1万12,000`` are not numerals.
    """
    folded = fold_width(text).strip()
    if folded[:1] in ("-", "▲", "△"):
        value = parse_folded_decimal(folded[1:])
        return None if value is None else -1 * value   # -1 * 0 is -0, as -0 is not
    return parse_folded_decimal(folded)


def parse_folded_decimal(folded: str) -> Decimal | None:
    """``parse_decimal`` of a numeral already folded by ``fold_width``, without sign or
    spaces around it (a ``NUMERAL_RE`` match): it skips the folding."""
    if _ARABIC_WHOLE.fullmatch(folded):   # most numerals: one plain Arabic section
        return Decimal(0) + Decimal(folded.replace(",", ""))
    if not folded or not NUMERAL_RE.fullmatch(folded):
        return None
    if " " in folded or "　" in folded:   # 2.1 万: the space before a big unit
        folded = folded.replace(" ", "").replace("　", "")
    total, last_big, first = Decimal(0), 10**17, True
    for match in _BIG_SPLIT.finditer(folded):
        section, big = match.group(1), match.group(2)
        value = _section_value(section)
        if value is None:
            return None
        multiplier = BIG_UNITS[big] if big else 1
        if multiplier >= last_big:
            return None
        if not first and (value >= 10000 or value != value.to_integral_value()):
            return None
        total += value * multiplier
        last_big, first = multiplier, False
    return total


def parse_numeral(text: str) -> float | None:
    """``parse_decimal`` as a float (exact for whole numbers below 2**53)."""
    try:
        value = parse_decimal(text)
    except InvalidOperation:
        return None
    return None if value is None else float(value)


def format_arabic(n: int) -> str:
    """``12345`` → ``12,345``."""
    return f"{n:,}"


def _groups_of_four(n: int) -> list[tuple[int, str]]:
    """``n`` split into (group, big unit) pairs, highest first, zero groups dropped."""
    pairs = []
    for unit, size in (("兆", 10**12), ("億", 10**8), ("万", 10**4), ("", 1)):
        group, n = divmod(n, size)
        if group:
            pairs.append((group, unit))
    return pairs


def format_mixed(n: int) -> str:
    """White-paper style: ``12345`` → ``１万2,345``, ``12970000000000`` → ``12兆9,700億``.

    One-digit groups are printed full-width and longer groups in ASCII with commas, as
    the 公用文 convention (and the white papers) do. Zero is ``０``.
    """
    if n < 0:
        return "－" + format_mixed(-n)
    if n == 0:
        return "０"
    parts = []
    for group, unit in _groups_of_four(n):
        text = _FULLWIDTH_DIGITS[group] if group < 10 else f"{group:,}"
        parts.append(text + unit)
    return "".join(parts)


def _kanji_below_10000(n: int) -> str:
    parts = []
    for unit, size in (("千", 1000), ("百", 100), ("十", 10)):
        digit, n = divmod(n, size)
        if digit:
            parts.append(("" if digit == 1 else "〇一二三四五六七八九"[digit]) + unit)
    if n:
        parts.append("〇一二三四五六七八九"[n])
    return "".join(parts)


def format_kanji(n: int) -> str:
    """``12345`` → ``一万二千三百四十五``; ``一`` is dropped before 十/百/千, kept before 万."""
    if n < 0:
        return "－" + format_kanji(-n)
    if n >= 10**16:
        raise ValueError(f"format_kanji: {n} is 1京 or more; kanji numerals stop at 兆 here")
    if n == 0:
        return "〇"
    return "".join(_kanji_below_10000(group) + unit for group, unit in _groups_of_four(n))
