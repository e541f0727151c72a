"""Numbers as they are said, for glossary readings: ``number_reading`` (``2030``
ニセンサンジュウ, ``4.0`` ヨンテンゼロ, ``1,055`` センゴジュウゴ) and a number with the
counter after it (``counter_change``): the digit's own form before some counters
(``pipeline/data/number_counter_readings.tsv``: 4年 ヨネン, 第4次 ダイヨジ), else a geminate
before a voiceless counter (1回 イッカイ, 6か国 ロッカコク, 10分 ジュップン, 1兆 イッチョウ), as
the rules of numerals before counters go (NHK日本語発音アクセント新辞典, 付録「数詞＋助数詞」).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_map
from pipeline.nlp.tokens import Token

# A digit's own form before a counter (4年 ヨネン): digit + counter → the digit said.
DIGIT_BEFORE_COUNTER = word_map("number_counter_readings")
_KANJI_COUNTER = re.compile(r"[\u4e00-\u9fff々かヶケカ℃]")
# Number endings that turn geminate before a counter of these kana rows (イチ + カイ →
# イッカイ); ヒャク before カ行 and ハ行 only (百回 ヒャッカイ, 百本 ヒャッポン).
_GEMINATES = (("イチ", "kstph"), ("ハチ", "kstph"), ("ジュウ", "kstph"),
              ("ロク", "kph"), ("ヒャク", "kph"))
_ROW_OF = {**dict.fromkeys("カキクケコヵヶ", "k"), **dict.fromkeys("サシスセソ", "s"),
           **dict.fromkeys("タチツテト", "t"), **dict.fromkeys("ハヒフヘホ", "h"),
           **dict.fromkeys("パピプペポ", "p")}
_HANDAKUTEN = dict(zip("ハヒフヘホ", "パピプペポ", strict=True))
_DIGITS = "ゼロ イチ ニ サン ヨン ゴ ロク ナナ ハチ キュウ".split()
# Sound changes of 百 and 千 after a digit (三百 サンビャク, 八千 ハッセン), and of the
# group names (一万 イチマン); digit 1 before 十/百/千 is not said.
_HUNDREDS = {1: "ヒャク", 3: "サンビャク", 6: "ロッピャク", 8: "ハッピャク"}
_THOUSANDS = {1: "セン", 3: "サンゼン", 8: "ハッセン"}
_GROUPS = ("", "マン", "オク", "チョウ")


def is_counter(token: Token) -> bool:
    """A counter UniDic tags as one (回, 次, か国, ℃) or a numeral (兆 of 1兆: イッチョウ),
    written in kanji or opened by か/ヶ: a loanword counter (ページ) keeps the number's
    plain reading."""
    return (token.pos2 == "数詞" or token.pos2.startswith("助数詞")
            or token.pos3.startswith("助数詞")) and _KANJI_COUNTER.match(token.text) is not None


def counter_change(digits: str, said: str, counter: str, counter_kana: str) -> tuple[str, str]:
    """A number's and its counter's readings as said together: the digit's own form before
    this counter (``number_counter_readings.tsv``: 4年 ヨネン, 4次 ヨジ), else a
    geminate before a voiceless counter (1回 イッカイ, 6か国 ロッカコク, 8歳 ハッサイ, 10分
    ジュップン: ハ行 turns パ行), as the rules of numerals before counters go (NHK日本語発音
    アクセント新辞典, 付録「数詞＋助数詞」); 3 before ハ行 varies (三本 サンボン, 三分
    サンプン) and is left as read."""
    if digits[-1:].isdigit():
        plain = _DIGITS[int(digits[-1])]
        own = DIGIT_BEFORE_COUNTER.get(digits[-1] + counter)
        if own is not None and said.endswith(plain):   # 14年 ジュウヨネン; not 40年
            return said[: len(said) - len(plain)] + own, counter_kana
    if not counter_kana:
        return said, counter_kana
    row = _ROW_OF.get(counter_kana[0], "")
    for ending, rows in _GEMINATES:
        if row and said.endswith(ending) and row in rows:
            first = _HANDAKUTEN.get(counter_kana[0], counter_kana[0])
            return said[: -1] + "ッ", first + counter_kana[1:]
    return said, counter_kana


def number_reading(digits: str) -> str:
    """A number as it is said: ``2030`` ニセンサンジュウ, ``4.0`` ヨンテンゼロ; a run with a
    leading zero (``05``) or of more than 16 digits digit by digit."""
    whole, _, fraction = digits.replace(",", "").partition(".")
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 16:
        said = "".join(_DIGITS[int(d)] for d in whole)
    else:
        said = integer_reading(int(whole))
    if fraction:
        said += "テン" + "".join(_DIGITS[int(d)] for d in fraction)
    return said


def integer_reading(value: int) -> str:
    """0 … 10**16 - 1 in words: groups of four digits with マン, オク, チョウ."""
    if value == 0:
        return _DIGITS[0]
    parts: list[str] = []
    for group, name in enumerate(_GROUPS):
        four = value // 10 ** (4 * group) % 10_000
        if four:
            parts.insert(0, _four_digits(four) + name)
    return "".join(parts)


def _four_digits(value: int) -> str:
    thousands, hundreds, tens, ones = (value // 1000, value // 100 % 10, value // 10 % 10,
                                       value % 10)
    said = ""
    if thousands:
        said += _THOUSANDS.get(thousands, _DIGITS[thousands] + "セン")
    if hundreds:
        said += _HUNDREDS.get(hundreds, _DIGITS[hundreds] + "ヒャク")
    if tens:
        said += ("" if tens == 1 else _DIGITS[tens]) + "ジュウ"
    if ones:
        said += _DIGITS[ones]
    return said
