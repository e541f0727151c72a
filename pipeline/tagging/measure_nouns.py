"""The grammar every measure rule shares: a noun run, a measure noun, the ``Measure``
record (see ``pipeline.tagging.measures`` for the rules).

A noun run is kanji, katakana and Latin letters (``・`` inside), opened by up to two
kanji words with their okurigana (``空き家率``, ``受け入れ数``); it stops at other
hiragana, so ``平成29年度の大学等における共同研究実施件数`` gives ``共同研究実施件数``, but
for a noun written in hiragana glued to it (``海洋プラスチックごみ``, ``がん検診``).
A measure noun ends in a word of ``number_measure_heads.tsv`` (数, 額, 率, 度 …), but not
in one of ``measure_head_exceptions.tsv`` (制度, 程度, 年度 …) unless a longer head holds
it (機関数: not 関数).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.common.lexicons import word_list
from pipeline.tagging.dates import DateMention

RUN = r"[一-鿿々〆ヵヶ゠-ヿA-Za-z・]"
# a noun run; digits only before Latin letters (5G人口カバー率), after a Latin letter
# (CO2排出量, PM2.5濃度; a model's hyphen too: F-35A戦闘機, COVID-19ワクチン) or before a
# word that makes them a label (110番通報件数, 2型糖尿病: ``measure_label_marks.tsv``),
# never a figure (計45地域, 1日平均) nor a figure's part (8,108: not after a digit, comma
# or point); an ordinal label may open it (第2次補正予算): not 次補正予算
_LABEL_MARKS = "|".join(word_list("measure_label_marks"))
_LATIN_DIGITS = r"(?:(?<=[A-Za-z])-?|(?<=[A-Za-z]-))[0-9]+(?:\.[0-9]+)?"
_PLAIN_NOUN = (rf"(?:第[0-9]+(?={RUN})|[0-9]+(?=[A-Za-z])"
               rf"|(?<![0-9,.])[0-9]+(?=(?:{_LABEL_MARKS}){RUN}))?{RUN}"
               rf"(?:{RUN}|[0-9]+(?=[A-Za-z])|{_LATIN_DIGITS}(?={RUN})"
               rf"|(?<=[A-Za-z])-(?=[A-Za-z]))*"
               rf"(?:{RUN}|{_LATIN_DIGITS}(?![0-9,.]))")
# one or two kanji words with their okurigana may open it (空き家率, 見込み額, 受け入れ数),
# or follow a noun of its own (ASEAN向け直接投資, アジア向け輸出額: not 向け直接投資):
# the kana a noun's stem ends with (連用形: 伸び率 too), never a particle (国の予算), an
# adjective's い (高い日本語性能), the し of 関し, 対し or the び of 及び
_STEM_NOUN = rf"{RUN}*(?:[一-鿿々]+(?:[えきぎけげじちみりれ]|(?<!及)び)){{1,2}}{RUN}+"
# a noun written in hiragana (``measure_kana_nouns.tsv``: ごみ, がん) glued to a run before
# or after it: 海洋プラスチックごみの量, がん検診受診率
_KANA = "|".join(word_list("measure_kana_nouns"))
_KANA_NOUN = rf"(?:{RUN}+(?:{_KANA}){RUN}*|(?:{_KANA}){RUN}+)"
NOUN = rf"(?:{_STEM_NOUN}|{_PLAIN_NOUN}|{_KANA_NOUN})"
_HEADS = word_list("number_measure_heads")
_NO_MEASURES = word_list("measure_head_exceptions")   # 制度: 度, but no degree
QUALIFIERS = frozenset(word_list("number_qualifier_words"))
# 源泉自体, 各主体自身: a word that stresses the noun before it (``measure_emphatic_tails.tsv``)
_EMPHATIC_TAILS = word_list("measure_emphatic_tails")


@dataclass(frozen=True)
class Measure:
    text: str
    confidence: str    # high, medium, low, or '' when nothing was found
    particle: str = ""   # what ties a noun before the figure to it (は, では …), if any
    start: int = -1      # where that noun starts in the sentence, if known

    def __post_init__(self) -> None:   # a run may start after a list's ・ (・事業採択後)
        text = self.text.strip("・")
        for tail in _EMPHATIC_TAILS:   # ３つの源泉自体も: the source, stressed
            if len(text) > len(tail) and text.endswith(tail):
                text = text[:-len(tail)]
                break
        object.__setattr__(self, "text", text)


NONE = Measure("", "")


def in_date(start: int, end: int, dates: list[DateMention]) -> bool:
    """Does ``[start, end)`` overlap a date mention?"""
    return any(d.start < end and start < d.end for d in dates)


def is_measure_noun(noun: str) -> bool:
    """Does ``noun`` end in a measure head (``number_measure_heads.tsv``), and in no word
    that only looks like one (``制度``, ``程度``: ``measure_head_exceptions.tsv``) unless a
    longer head holds that word (``医療機関数``: ``機関数``, not ``関数``)?"""
    if not noun.endswith(_HEADS):
        return False
    if not noun.endswith(_NO_MEASURES):
        return True
    return max(len(h) for h in _HEADS if noun.endswith(h)) \
        > max(len(w) for w in _NO_MEASURES if noun.endswith(w))
