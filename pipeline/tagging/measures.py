"""What a figure counts (``measure``), read from the shape of its sentence.

Patterns over the width-folded sentence, tried in this order (``measure_confidence``):

- ``high``: the noun phrase tied to the figure by the grammar:
  ``Xの件数はN件`` (→ ``Xの件数``), ``XはN件`` / ``XがN件`` / ``XをN件`` / ``XではN件`` /
  ``XもN件`` with nothing but the figure's own prefixes between (``約``, ``前年度比``), a
  qualifier (``輸送人員は年間約220億人``), a
  date (``Xを平成30年度末時点でN``) or the whole a share is of (``Xが全体のN割``), and
  ``N件のX`` / ``NのX`` (the noun after the figure and の, past a na-adjective:
  ``約69万人の追加的な介護人材`` → ``介護人材``; for a bare count the last noun of a chain,
  ``29の国等の試験研究・教育機関``; past a word naming its kind and の, ``number_kind_words.tsv``:
  ``三つの国立のＡＩ研究所`` → ``ＡＩ研究所``), ``X（N件）`` where the bracket follows the noun.
  After の, another figure (``1.19倍の約3倍``), a prefix (``約``, ``最大``) or an
  adjective's stem (``の高い``) is no noun. A topic X that is no measure noun
  (``XはN`` / ``XではN``) is the actor or the place as often as what N counts: the noun
  after the figure wins (``政府は約1,234億円の補正予算``), and X is ``low`` when the figure
  is the object of a verb (``政府は約1,234億円を計上``; a share is the topic's own:
  ``…の9.7％を占める``) or X a place; ``XではYのN%`` gives Y (``medium``:
  ``デンマークでは国民の約97%`` → ``国民``);
- ``medium``: a figure given for an entity in a list opened by a measure noun
  (``ARPUをみると、NTTドコモは4,800円、KDDIは6,560円``) or after a figure of that measure in
  the same unit: the list's measure, not the entity (``pipeline.tagging.measure_lists``);
- ``medium``: a comparison (``前年度比``, ``対前年比``, ``前年差``) or a figure in brackets right
  after another figure (``２万5,451件（前年度比10.6％増）``): the measure of the figure it
  compares;
- ``high`` too: a measure noun (one ending in a word of ``number_measure_heads.tsv``:
  数, 額, 率, 度 …) glued right before the figure (``震度6強``), but not a word of how it
  is reckoned (``月額``, ``総額``, ``平均``: ``measure_generic_words.tsv``), which a topic
  skips (``介護保険料は全国平均で月額6,014円`` → ``介護保険料``) and which is taken only
  when nothing else names the figure;
- ``medium`` too: a figure in a list after another, with only brackets and 、 between
  (``70億パラメータ（7Ｂ）、130億パラメータ``), takes the previous figure's measure;
- ``medium`` too: the noun glued to the figure or joined to it by の (``石川県8,108棟``,
  ``日米欧中韓の５庁``): what the figure belongs to, but not the whole a share is of
  (``全産業の10.2%``); qualifiers (``全国``, ``最大``, ``合計``, ``今後``:
  ``number_qualifier_words.tsv``) are never taken; under a sentence's topic ``Xは`` with no
  other は or が between, a measure noun or (for a count of persons) a noun of persons,
  the glued noun is an item and X the measure (``死者は…穴水町20名`` → ``死者``);
- ``low``: the nearest 「…」 or noun run before は/が/では or a frame ``Xについて(も|は)、``
  between the previous figure and this one (the sentence's topic), when it is a measure noun, or a noun of persons for a
  count of persons (``受給者は全国で約202万人``): a topic that is not
  (``文部科学省は…１機関を支援``) is more often the actor, and is not taken;
- empty: nothing found.

The noun-run grammar and the ``Measure`` record are in ``pipeline.tagging.measure_nouns``
(a run inside a date, ``平成28年度``, is no measure).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list
from pipeline.tagging.dates import DateMention
from pipeline.tagging.measure_lists import fits_kind, listed_measure
from pipeline.tagging.measure_nouns import (
    NONE,
    NOUN,
    QUALIFIERS,
    RUN,
    Measure,
    in_date,
    is_measure_noun,
)

__all__ = ["ABOUT", "NONE", "Measure", "adjacent_measure", "bracket_measure", "demote_actor_or_place",
           "fits_kind", "following_measure", "generic_measure", "glued_measure", "glued_noun",
           "is_measure_noun", "listed_measure", "owned_measure", "owner_measure", "owners_topic",
           "topic_measure"]

_RUN_CHARS = re.compile(RUN)   # the last character of a noun run
_QUALIFIERS_LONGEST = tuple(sorted(QUALIFIERS, key=len, reverse=True))
_QUALIFIER_ENDS = frozenset(word[-1] for word in QUALIFIERS)   # most figures follow none
# a figure's own prefixes (約, 概ね) say how exact it is, never what it counts
_APPROX_WORDS = frozenset(word_list("number_approx_words"))
# a measure noun glued right before the figure (震度6強, パラメータ数1,000億クラス)
_GLUED = re.compile(rf"(?P<m>(?:{NOUN}))$")
_DATE_WORDS = ("年", "年度", "月", "期", "時点", "現在")
# a noun of an adjective's stem and さ (高さ, 深さ, 大きさ), which the noun runs stop in:
# a dimension (津波の高さは約10m, 高さ約15mの防潮堤)
_SA = r"(?<![一-鿿々])[一-鿿]{1,2}き?さ"
# X + particle right before the figure (the figure's prefixes are already outside it)
# a noun's okurigana may end it before the particle (元請けが87.2％, 下請けが58.5％)
_ADJACENT = re.compile(rf"(?:「(?P<q>[^「」]{{1,40}})」|(?P<m>(?:{NOUN})"
                       rf"(?:[えきぎけげじちみりれ](?=では|は|が|を|も))?|{_SA}))[0-9]{{0,2}}"
                       rf"(?:（[^（）]{{0,30}}）)?(?P<p>では|は|が|を|も)[、\s]*"
                       rf"(?:(?P<whole>{NOUN})の)?$")   # Xが全体のN割: X, not the whole
_COUNT_NOUNS = ("件数", "人数", "数", "金額", "額", "量", "割合", "比率", "総数", "総額",
                "合計", "総計", "累計", "目標値", "目標")   # 食料自給率の目標は、…45％
_COUNT_WORD = re.compile(rf"(?P<m>(?:{NOUN}))の(?P<w>{'|'.join(_COUNT_NOUNS)})"
                         r"(?:は|が)[、\s]*$")
# a na-adjective (形状詞: 追加的な, 新たな, 様々な) qualifies the noun after it, which is
# what the figure counts; not など
_ADJECTIVE = rf"(?:(?:{NOUN})|{RUN}[たきお]?)な(?!ど)"
# a one-character noun (三つの柱) ends before a particle; before other kana it is the stem
# of an adjective or verb (130億パラメータの高い, 二つ以上の異なる), no noun
_ONE_CHAR_NOUN = rf"{RUN}(?:(?![ぁ-ゖ])|(?=など|[がをのにはでともへやかまよ]))"
# a noun's okurigana may end it before a particle (43円の引上げとなった: not 引上)
_OKURIGANA_END = r"(?:[えきぎけげじちみりれ](?=[がをのにはでともへや]|[^ぁ-ゖ]|$))?"
_AFTER = re.compile(rf"の(?:「(?P<q>[^「」]{{1,40}})」|(?:{_ADJECTIVE})?"
                    rf"(?P<m>(?:{NOUN}){_OKURIGANA_END}|{_ONE_CHAR_NOUN}))")
# one-character words after の that place the figure rather than name what it counts
_RELATIONAL = frozenset("中内間上下前後他外側方際頃分")
# a word naming a kind of the noun after it and の (三つの国立のＡＩ研究所): that noun is counted
_KIND_WORDS = frozenset(word_list("number_kind_words"))
# the tail of a noun of direction after a figure and の (南西方向への変動, 西向きの変動)
_DIRECTION_WORDS = tuple(word_list("measure_direction_words"))
# NのAなB: a bare count counts the noun after the adjective (3,057の多様な業種)
_AFTER_CHAIN = re.compile(rf"の(?:{_ADJECTIVE})?(?P<m>(?:{NOUN}))")
_BRACKET_AFTER_NOUN = re.compile(rf"(?:「(?P<q>[^「」]{{1,40}})」|(?P<m>(?:{NOUN})))"
                                 r"（[^（）]{0,12}$")
# X N (石川県8,108棟) and X の N (死因の約4割): the noun the figure belongs to
_GLUED_OR_OF = re.compile(rf"(?:「(?P<q>[^「」]{{1,40}})」|(?P<m>(?:{NOUN})))の?$")
_QUOTED_TOPIC = re.compile(r"「(?P<m>[^「」]{1,40})」[0-9]{0,2}(?:は|が|では)")
_NOUN_TOPIC = re.compile(r"(?P<m>[一-鿿々〆ヵヶ゠-ヿA-Za-z0-9・]{2,40}?)[0-9]{0,2}"
                         r"(?:（[^（）]{0,30}）)?(?:では|は|が|について(?:も|は)?、)")
ABOUT = "について"   # Xについても、: a frame naming the topic, as Xは does
_ABOUT = ABOUT
_BRACKETED = re.compile(r"（[^（）]*）")
_PREDICATE_AFTER = ("が", "を")   # the particles before a clause's predicate noun
_CONJUNCTIONS = ("又", "或い", "若しく")   # 又は, 或いは, 若しくは: は is not a topic here
_LOOK_BACK = 60
# a word of how a figure is reckoned (月額, 総額, 平均), with the basis of a rate before it
# (1人当たり年額): no measure of its own (``measure_generic_words.tsv``)
_GENERIC = frozenset(word_list("measure_generic_words"))
_GENERIC_RUN = re.compile(
    r"(?:(?:[0-9]+[一-鿿]{1,2}(?:当たり|当り|あたり)|"
    rf"{'|'.join(sorted(_GENERIC, key=len, reverse=True))})(?:では|で|、)?)+$")


# The patterns below end at the figure (``$``): a search tries them from every position
# of the window, so each is first asked whether the window's last character can end a
# match at all (``\n`` too: ``$`` also matches before a final newline). Most figures
# follow a character none of them ends with; measured on ``python -m
# pipeline.bench.tagging`` in CPU time, best of 25, three alternated runs: numbers+dates
# 1.08M → 1.19M chars/s (1.02–1.16M → 1.18–1.22M).
_PARTICLE_ENDS = frozenset("はがをも、の")   # _COUNT_WORD, _ADJACENT (and white space)


def _ends_in_count_noun(text: str) -> bool:
    """Does ``text`` end as a ``_COUNT_WORD`` match must: a count noun and は or が, then
    only 、 and white space? Asked before the search, which a few figures pass (most
    windows end in another particle or another noun)."""
    end = len(text)
    while end and (text[end - 1] == "、" or text[end - 1].isspace()):
        end -= 1
    return text.endswith(("は", "が"), 0, end) and text.endswith(_COUNT_NOUNS, 0, end - 1)


def _may_end_noun(folded: str, end: int) -> bool:
    """Can a noun run (or one and a newline) end at ``end``?"""
    last = folded[end - 1:end]
    return last == "\n" or bool(last) and _RUN_CHARS.match(last) is not None


_SA_NOUN = re.compile(rf"(?P<m>{_SA})$")


def glued_noun(folded: str, start: int, dates: list[DateMention]) -> str:
    """The noun run glued right before the figure at ``start`` (``射程約3,000km``:
    ``射程``; ``start`` is where the figure's prefixes begin) or a noun of an adjective's
    stem and さ (``高さ約15m``), or '' (none, or one in a date)."""
    match = _GLUED.search(folded, max(0, start - 30), start) \
        if _may_end_noun(folded, start) else _SA_NOUN.search(folded, max(0, start - 4), start)
    if match is None or in_date(match.start("m"), match.end("m"), dates):
        return ""
    return match.group("m").strip("・")


def glued_measure(folded: str, start: int, dates: list[DateMention]) -> Measure:
    """A measure noun glued right before the figure: ``震度6強``, ``継続時間2時間以上``."""
    match = _GLUED.search(folded, max(0, start - 30), start) \
        if _may_end_noun(folded, start) else None
    if match is None or not is_measure_noun(match.group("m")) \
            or match.group("m") in _GENERIC \
            or in_date(match.start("m"), match.end("m"), dates):
        return NONE    # 月額6,014円: how it is reckoned, not of what (generic_measure)
    return Measure(match.group("m"), "high")


_AFTER_DATE = re.compile(r"(?:時点|現在|末)?(?:までに|においては|において|では|には|で|に|は)?"
                         r"[、\s]*$")


def _before_date(folded: str, left: int, start: int, dates: list[DateMention]) -> int:
    """Where the text before the figure ends once a date set between the measure and the
    figure is skipped (``パートナー機関数を平成30年度末時点で159機関``): the date's start, or
    ``start``."""
    for date in reversed(dates):
        if date.end <= start:
            if date.start >= left and _AFTER_DATE.fullmatch(folded, date.end, start):
                return date.start
            break
    return start


def _skip_qualifier(folded: str, left: int, end: int) -> int:
    """Where the text before the figure ends once a qualifier set right after a particle is
    skipped (``輸送人員は年間約220億人``, ``補助額は最大100万円``), or ``end``."""
    if folded[end - 1:end] not in _QUALIFIER_ENDS:
        return end
    for word in _QUALIFIERS_LONGEST:
        at = end - len(word)
        if at > left and folded.startswith(word, at) and folded[at - 1] in _PARTICLE_ENDS:
            return at
    return end


# the tail of a rate's base glued before a measure noun (人口10万対医師数: 万対)
_PER_BASE_TAIL = re.compile(r"[十百千万億兆]*対(?=[^\s]{2})")


def _skip_generic(folded: str, left: int, end: int) -> int:
    """Where the text before the figure ends once words of how it is reckoned set right
    after a particle are skipped (``介護保険料は全国平均で月額6,014円``,
    ``国民健康保険料は1人当たり年額9万2,000円``), or ``end``."""
    match = _GENERIC_RUN.search(folded, left, end)
    if match is None or match.start() <= left \
            or folded[match.start() - 1] not in _PARTICLE_ENDS:
        return end
    return match.start()


def generic_measure(folded: str, start: int, dates: list[DateMention]) -> Measure:
    """A word of how the figure is reckoned glued right before it (``総額６億6,500万
    ユーロ``: ``measure_generic_words.tsv``), which ``glued_measure`` leaves to the topic or
    the noun after the figure: taken only when nothing else names the figure."""
    match = _GLUED.search(folded, max(0, start - 30), start) \
        if _may_end_noun(folded, start) else None
    if match is None or match.group("m") not in _GENERIC or match.group("m") in QUALIFIERS \
            or in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(match.group("m"), "high")


def _after_date(name: str, span: tuple[int, int],
                dates: list[DateMention]) -> tuple[str, tuple[int, int]]:
    """A measure noun glued after a date (``2017年度売上高``: the run is ``年度売上高``) is
    the part after the date (``売上高``); any other name as it is."""
    for date in dates:
        if span[0] < date.end < span[1] and date.start <= span[0]:
            rest = name[date.end - span[0]:]
            if len(rest) >= 2 and is_measure_noun(rest):
                return rest, (date.end, span[1])
    return name, span


def adjacent_measure(folded: str, start: int, dates: list[DateMention],
                     window_start: int, over_qualifier: bool = True) -> Measure:
    """``Xの件数はN`` or ``XはN`` (は, が, を, では, も), X ending right before the figure or
    before a date set before it (``Xを平成30年度末時点でN``) or, with ``over_qualifier``,
    a qualifier (``輸送人員は年間約220億人``; not for a span of time, ``投資を今後10年間で``:
    the span is when, not what)."""
    left = max(window_start, start - _LOOK_BACK)
    end = _before_date(folded, left, start, dates)
    if over_qualifier:
        end = _skip_qualifier(folded, left, end)
        end = _skip_generic(folded, left, end)
    if end == left:
        return NONE
    text = folded[left:end]
    if text[-1] not in _PARTICLE_ENDS and not text[-1].isspace():
        return NONE
    match = _COUNT_WORD.search(text) if _ends_in_count_noun(text) else None
    if match and not in_date(left + match.start("m"), left + match.end("m"), dates):
        return Measure(match.group("m") + "の" + match.group("w"), "high")
    match = _ADJACENT.search(text)
    if match is None:
        return NONE
    name = match.group("q") or match.group("m")
    span = match.span("q") if match.group("q") else match.span("m")
    name, span = _after_date(name, (left + span[0], left + span[1]), dates)
    per_base = _PER_BASE_TAIL.match(name)
    if per_base and folded[span[0] - 1:span[0]].isdigit():
        # 人口10万対医師数: the rate's base ends at 対; the measure is after it
        name, span = name[per_base.end():], (span[0] + per_base.end(), span[1])
    if _opens_inside_a_figure(folded, span[0]):
        return NONE     # 3歳以上小学校修了前は: a run that opens inside a figure is no noun
    span = (span[0] - left, span[1] - left)
    if in_date(left + span[0], left + span[1], dates) or name.endswith(_CONJUNCTIONS) \
            or name in QUALIFIERS:     # 近年は4,000人: when, not what
        return NONE
    particle, whole = match.group("p"), match.group("whole")
    if particle == "では" and whole and not is_measure_noun(name) \
            and whole not in QUALIFIERS and whole != "全体":
        # デンマークでは国民の約97%: the place is where the share is counted; the whole it
        # is a share of is what it counts
        return Measure(whole, "medium")
    if match.group("q") and particle in ("が", "は") and not is_measure_noun(name):
        # 「ウェブコンテンツ配信」が15.4％: a quoted item of a list (an answer, a programme),
        # which the figure is given for, not what it measures: kept, but unsure
        return Measure(name, "low", particle, left + span[0])
    return Measure(name, "high", particle, left + span[0])


def _opens_inside_a_figure(folded: str, at: int) -> bool:
    """Does a noun run starting at ``at`` follow the digits of a figure (``3歳以上小学校
    修了前``, ``70代以上``)? Not those of a label joined by a hyphen or a point
    (``3.9-4世代携帯電話``) or glued to Latin letters."""
    digits = at
    while digits > 0 and (folded[digits - 1].isdigit() or folded[digits - 1] in ",."):
        digits -= 1
    if digits == at:
        return False
    before = folded[digits - 1:digits]
    return not (before in ("-", "‐", "－") or before.isascii() and before.isalpha())


def demote_actor_or_place(adjacent: Measure, following: Measure,
                          figure_is_object: bool) -> Measure:
    """``XはN`` / ``XではN`` with X no measure noun: X is the figure's subject
    (``KDDIは6,560円``) but as often the actor (``政府は約1,234億円を計上``) or the place
    (``デンマークでは約97%の国民``). The noun after the figure (``N億円の補正予算``), when
    there is one, is what it counts; else X is kept, ``low`` when the figure is the object
    of a verb (``Nを``) or X a place."""
    if adjacent.particle not in ("は", "では") or is_measure_noun(adjacent.text):
        return adjacent
    if following.text:
        return following
    if figure_is_object or adjacent.particle == "では":
        return Measure(adjacent.text, "low")
    return adjacent


def following_measure(folded: str, end: int, dates: list[DateMention],
                      chain: bool = False,
                      figure_starts: frozenset[int] = frozenset()) -> Measure:
    """``N件のX``: the noun (or 「…」) right after the figure and の, past an adjective
    (``約69万人の追加的な介護人材`` → ``介護人材``; ``chain``, a bare count: ``3,057の多様な
    業種`` → ``業種``). Not when another figure follows の (``1.19倍の約3倍``: its prefix or
    numeral starts at one of ``figure_starts``)."""
    match = (_AFTER_CHAIN if chain else _AFTER).match(folded, end)
    if match is None:
        return NONE
    group = "q" if match.groupdict().get("q") else "m"
    name = match.group(group)
    # a numeral opens a noun run only as a label (2型糖尿病患者, 5Gサービス): no figure
    if end + 1 in figure_starts and not (group == "m" and name[:1].isdigit()):
        return NONE
    if name in _KIND_WORDS and folded.startswith("の", match.end(group)):
        # 三つの国立のＡＩ研究所: the kind word names what sort of noun follows
        return following_measure(folded, match.end(group), dates, chain, figure_starts)
    if group == "m" and name.endswith(_DIRECTION_WORDS) \
            and folded.startswith(("への", "の"), match.end(group)):
        # 2.0m程度の南西方向への変動: the direction says which way, the noun after it what
        # moved (measure_direction_words.tsv)
        after = match.end(group) + (1 if folded.startswith("へ", match.end(group)) else 0)
        return following_measure(folded, after, dates, chain, figure_starts)
    if in_date(match.start(group), match.end(group), dates) or name in _RELATIONAL \
            or name in QUALIFIERS or name in _APPROX_WORDS:
        return NONE
    return Measure(name, "high")


_PHYSICAL_HEADS = word_list("number_physical_heads")
_OWNED_MEASURE = re.compile(rf"の(?:「[^「」]{{1,40}}」|{NOUN})の(?P<m>{NOUN})")


def owned_measure(folded: str, end: int, dates: list[DateMention]) -> Measure:
    """``N<unit>のXのY`` with Y a measure noun a physical unit measures
    (``number_physical_heads.tsv``): Y is what the figure measures, X what has it
    (``4m以上の津波の浸水高`` → ``浸水高``), when X itself is not (a thing the figure
    describes, ``describes_the_noun``); a count or rate of X is not (``50mm以上の降雨の
    発生回数``)."""
    match = _OWNED_MEASURE.match(folded, end)
    if match is None or not match.group("m").endswith(_PHYSICAL_HEADS) \
            or in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(match.group("m"), "high")


def bracket_measure(folded: str, start: int, window_start: int,
                    dates: list[DateMention]) -> Measure:
    """``X（N件）`` or ``「X」（前年比N％増）``: a figure in brackets right after a noun
    (not after another figure)."""
    left = max(window_start, start - 56)
    # the bracket opens at most 12 characters (and a newline) before the figure
    match = _BRACKET_AFTER_NOUN.search(folded, left, start) \
        if "（" in folded[max(left, start - 14):start] else None
    if match is None:
        return NONE
    group = "q" if match.group("q") else "m"
    name = match.group(group)
    if in_date(match.start(group), match.end(group), dates) \
            or name.endswith(_DATE_WORDS):   # 前年（52.2兆円）: a period
        return NONE
    if group == "m" and folded[match.start(group) - 1:match.start(group)] in _PREDICATE_AFTER \
            and not is_measure_noun(name):
        # 企業・研究機関等が集積（…124施設、9000人）: a noun right after が or を is the
        # clause's predicate (a verbal noun, する left out), not what the bracket counts
        return NONE
    return Measure(name, "high", "（", match.start(group))


def owner_measure(folded: str, start: int, window_start: int,
                  dates: list[DateMention], share: bool = False) -> Measure:
    """``石川県8,108棟``, ``日米欧中韓の５庁``: the noun glued to the figure, or joined to it
    by の, is what the figure belongs to (``medium``: an owner more often than the
    measure itself). For a ``share`` (a percentage or ratio) the noun before の is the
    whole it is a share of (``全産業の10.2%``), not taken."""
    left = max(window_start, start - 30)
    match = _GLUED_OR_OF.search(folded, left, start) if (
        folded[start - 1:start] in ("」", "の") or _may_end_noun(folded, start)) else None
    if match is None or share and match.group().endswith("の"):
        return NONE
    group = "q" if match.group("q") else "m"
    name = match.group(group)
    if in_date(match.start(group), match.end(group), dates) \
            or name.endswith(_DATE_WORDS) or name in QUALIFIERS or name in _GENERIC:
        return NONE
    return Measure(name, "medium")


_TOPIC_WA = re.compile(rf"(?P<m>{NOUN})は、?")


def owners_topic(folded: str, owner_start: int, dates: list[DateMention],
                 persons: tuple[str, ...] = ()) -> Measure:
    """The topic of a sentence whose figures are given for the nouns glued to them
    (``被害額は石川県100億円、富山県20億円``; ``死者は…輪島市101名、穴水町20名``): the
    first ``Xは`` before ``owner_start``, with no other は or が after it, when X is a
    measure noun or, for a count of persons, ends in one of ``persons`` (``死者``):
    ``medium``, as the owner was; else ``NONE``."""
    match = _TOPIC_WA.search(folded, 0, owner_start)
    if match is None or in_date(match.start("m"), match.end("m"), dates):
        return NONE
    between = folded[match.end():owner_start]
    name = match.group("m")
    if any(char in between for char in "はが。「") or name.endswith(_CONJUNCTIONS) \
            or name in QUALIFIERS or not (is_measure_noun(name) or persons
                                          and name.endswith(persons)):
        return NONE
    return Measure(name, "medium")


def topic_measure(folded: str, window_start: int, start: int,
                  dates: list[DateMention],
                  persons: tuple[str, ...] = ()) -> Measure | None:
    """The nearest topic in ``folded[window_start:start]`` (``low``) when it is a measure
    noun or, for a count of persons, ends in one of ``persons`` (``受給者は全国で約202万人``);
    None when the window holds only brackets and spaces, or の (the figure follows
    another: the caller inherits; ``前年比5.2%減の56万8,104件`` is what changed,
    ``実質GDP成長率0.7%の約3割`` a share of it, which measures what it is part of)."""
    best: tuple[int, str] | None = None
    about = False   # the best topic is framed by Xについて, not Xは
    window = folded[window_start:start]
    # every topic ends with は or が: without them, the two scans (slow ones, the noun run
    # tries each length from each start) surely find nothing
    patterns = (_QUOTED_TOPIC, _NOUN_TOPIC) \
        if "は" in window or "が" in window or _ABOUT in window else ()
    for pattern in patterns:
        for match in pattern.finditer(folded, window_start, start):
            inside_date = in_date(match.start("m"), match.end("m"), dates)
            conjunction = match.group("m").endswith(_CONJUNCTIONS)
            if not inside_date and not conjunction and (best is None or match.end() > best[0]):
                best = (match.end(), match.group("m"))
                about = match.group().endswith(_ABOUT + "、") or _ABOUT + "は、" in match.group() \
                    or _ABOUT + "も、" in match.group()
    if best is not None:   # the actor (文部科学省は…) is no measure: a measure noun only
        return Measure(best[1], "low", _ABOUT if about else "") if is_measure_noun(best[1]) \
            or persons and best[1].endswith(persons) else NONE
    rest = _BRACKETED.sub("", window).strip("（）() 　、")
    # 前年比5.2%減の56万8,104件: the figure a change is of has the change's measure
    if not rest or rest == "の" or _deadline_alone(folded, window_start, start, dates):
        return None
    return NONE


def _deadline_alone(folded: str, window_start: int, start: int,
                    dates: list[DateMention]) -> bool:
    """Does only 、 and a deadline (a date and までに) stand between the figure before and
    the one at ``start`` (``…を2030年までに43％、2035年までに60％削減``: a list of targets,
    each its own deadline, of one measure)?"""
    for date in dates:
        if window_start <= date.start and date.end <= start:
            return folded[window_start:date.start].strip("、 　") == "" \
                and folded[date.end:start] == _DEADLINE
    return False


_DEADLINE = "までに"
