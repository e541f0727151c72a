"""The unit of a figure: what stands after (or, for a currency, before) a numeral.

Read by ``raw_figures`` for each numeral it finds: a listed unit or rate (``円``, ``%``,
``円/人``, ``km/h``), else the UniDic word after the figure when it counts
(``counters.counter_of_tokens``); a span of years or days (``約9年``), a speed
(``時速100km``), a currency sign before the figure (``US$1.5兆``); and the figures that
are part of another (a rate's denominator, a fraction's or a clock's minutes, the
tenths of a 割).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

from pipeline.common.lexicons import word_list, word_map
from pipeline.nlp.tokens import Token
from pipeline.tagging.counters import (
    NOUN_TAGS,
    counter_of_tokens,
    counter_re,
    is_ordinal_mark,
    unit_of,
)
from pipeline.tagging.numerals import fold_width, parse_folded_decimal

# (start, end) of a figure's numeral → the UniDic tokens of the text from ``end`` on
TokensAfter = Callable[[int, int], Sequence[Token]]

LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LATIN_START = re.compile(r"[A-Za-z]")
_SPACED_UNIT_START = re.compile(r"[A-Za-z%]")   # 5 GB, 38 ％: a unit a space may precede
_LATIN_AFTER = re.compile(r"[ \t]*[A-Za-z]")      # $200 billion: a magnitude, maybe
_CURRENCY_SIGNS = frozenset("$£€¥￥")           # S$70m: millions, no metres
# sign → unit of a figure printed after it (US$1.5兆, €150億), longest sign first
_SIGN_UNITS = sorted(word_map("number_currency_signs").items(), key=lambda p: -len(p[0]))
_SIGN_ENDS = frozenset(sign[-1] for sign, _ in _SIGN_UNITS)   # most figures follow none
SUFFIX_APPROX = re.compile(r"程度|前後|近く|ほど|規模")   # 100億円規模: on the scale of
# 台 after a unit: within the decade the figure opens (4,000人台: 4,000 to 4,999)
SUFFIX_BOUND = re.compile(r"以上|以下|以内|未満|超|強|弱|余|台(?![湾風帳所頭車])")
SUFFIX_CHANGE = re.compile(r"の?(?:増加|減少|上昇|低下|増額|減額|削減|低減|拡大|縮小)|(?:増|減)"
                           r"|(?:上|下)回(?=[っりるられ])"    # 前年を0.07ポイント下回った
                           # 前年度より43円引き上げられた, 2円引下げ
                           r"|引き?(?:上|下)げ(?=[らたてるれ、。])"
                           r"|の引き?(?:上|下)げ(?![一-鿿])"   # 43円の引上げとなった: a noun of change
                           r"|(?:高|低|多|少な)(?=[いくかけ])")   # 平年より1.29℃高く
_PER_RE = re.compile(r"当たり|あたり|ごと|毎")
_PER_TAI = re.compile(r"対(?![一-鿿々0-9])")   # 人口10万人対: per; not 対策, 対応, 3対1
_PER_END = ("当たり", "あたり")   # 1日当たり: UniDic's 日当たり (sunlight) swallows 当たり
# the first of two denominators: 1人1日当たり, 1人1回当たり
_PER_CHAIN = re.compile(r"[0-9]+[^\s0-9、。（）「」]{1,3}?(?:当たり|あたり)")
# a span of time a rate is per (5,000人/日, 120件/年): no counters, so not in counters.tsv
_PER_TIME = re.compile(r"日|週|月|年|時間|秒|h(?![a-z])|s(?![a-z])")   # km/h, m/s
_DIGIT = re.compile(r"[0-9]")
# a word of a total before a figure (計73提案, 合計15提案): ``measure_total_words.tsv``
_TOTAL_WORDS = tuple(word_list("measure_total_words"))
_FRACTION = re.compile(r"の[0-9一二三四五六七八九十]")   # 3分の1: a fraction, not minutes
_WARI_PARTS = re.compile(r"([0-9])分(?:([0-9])厘)?")   # 2割5分, 3割2分5厘
_CLOCK_HOUR = re.compile(r"[0-9]時$")   # 16時10分: the minutes of a clock time
# N日 is a day of a month, N年 a year, unless a bound or approximation follows (14日以内,
# 30日程度, 5年以上, 10年程度), or 間隔 (5日間隔: every five days): a span of days or years
_BOUNDED_SPANS = re.compile(r"[日年](?=以内|以上|以下|未満|超|程度|前後|余り|近く|間隔)")
# 年 and 日 that open another word: no span of years or days (約10年度, 日本)
_NOT_SPANS = ("年度", "年代", "年生", "年齢", "日本", "日米", "日中", "日韓")
# 半 after a span: and a half (1年半); not a word it opens (半期, 半導体, 半数) or 半ば
AND_A_HALF = re.compile(r"半(?![一-鿿々ば])")
MAY_START_WORD = re.compile(r"[一-鿿々〆ヵヶ゠-ヿ]")   # a counter UniDic may know
# a katakana word's letters (not ヵ, ヶ of か所, か月, nor ・ between words)
KATAKANA = re.compile(r"[ァ-ヴー]")
# a length after these words is a speed per that span (時速100km → km/h, 秒速20m → m/s)
_SPEED_WORDS = {"時速": "h", "秒速": "s", "分速": "min"}
_LENGTHS = frozenset(("km", "m"))


def listed_unit(folded: str, end: int, stop: int | None = None) -> tuple[str, str, int]:
    """Unit, kind and end of a listed unit at ``end`` (``円``, ``%``, ``円/人``), or ``''``;
    a unit in Latin letters, or a per cent sign, may stand a space after the figure
    (``約4 m``, ``5 GB``, ``36～38 ％程度``); with ``stop``, one ending there at the latest."""
    match = counter_re().match(folded, end, len(folded) if stop is None else stop)
    if not match and folded.startswith(" ", end) and _SPACED_UNIT_START.match(folded, end + 1):
        match = counter_re().match(folded, end + 1)
    if match and match.group()[-1:].isascii() and match.group()[-1:].isalpha() \
            and _LATIN_START.match(folded, match.end()):
        match = None        # a Latin word, no unit: 5 mode, 10 minutes
    if not match:
        return "", "", end
    (unit, kind), end = unit_of()[match.group()], match.end()
    per = per_unit(folded, end + 1) if folded.startswith("/", end) else None
    if per is not None:
        # kcal/人・日: per person and day
        second = per_unit(folded, per[1] + 1) if folded.startswith("・", per[1]) else None
        if second is not None:
            return f"{unit}/{per[0]}/{second[0]}", kind, second[1]
        return f"{unit}/{per[0]}", kind, per[1]
    return unit, kind, end


def per_unit(folded: str, at: int) -> tuple[str, int] | None:
    """The unit a rate is per, after its ``/`` at ``at`` (``円/人``, ``人/日``, ``km/h``), and
    its end; None when none stands there."""
    listed = counter_re().match(folded, at)
    if listed is not None:
        return unit_of()[listed.group()][0], listed.end()
    time = _PER_TIME.match(folded, at)
    return (time.group(), time.end()) if time is not None else None


def unit_after(folded: str, start: int, end: int,
          tokens_after: TokensAfter) -> tuple[str, str, int]:
    """Unit, kind and end after the numeral ``folded[start:end]``: a listed unit, else
    the UniDic word after it when that word counts (``counters.counter_of_tokens``)."""
    unit, kind, unit_end = listed_unit(folded, end)
    if unit == "m" and folded[start - 1:start] in _CURRENCY_SIGNS:
        return "", "", end      # S$70m: 70 million dollars, no metres
    # the UniDic words after the figure, asked for only where a check needs them (most
    # units end the figure's word: the paragraph's tokens are made on first need)
    words_after = functools.partial(tokens_after, start, end)
    if unit and _inside_katakana_word(folded, unit_end, words_after):
        unit, kind, unit_end = "", "", end   # 3トンネル: no トン (but 5ポイントアップ)
    if unit:
        unit, kind, unit_end = _shortened_to_a_word(folded, end, (unit, kind, unit_end),
                                                    words_after)
    # a kanji numeral and the kanji after it are most often one word (二次, 二元, 二国間):
    # kanji numerals take listed units only
    if not unit and MAY_START_WORD.match(folded, end) and _DIGIT.search(
            folded, start, end) and not (
            SUFFIX_APPROX.match(folded, end) or SUFFIX_BOUND.match(folded, end)
            or SUFFIX_CHANGE.match(folded, end) or _PER_RE.match(folded, end)):
        after = words_after()
        found = counter_of_tokens(after, end, folded.endswith(_TOTAL_WORDS, 0, start)) \
            or _counted_by_its_count(folded, start, end, after)
        if found is not None and not names_a_year(folded[start:end], after) \
                and not (KATAKANA.match(folded, found[2] - 1) and KATAKANA.match(folded, found[2])):
            unit, kind, unit_end = found   # not 70億インスト|ラクトモデル, 3メガ|バンク
    if not unit and _BOUNDED_SPANS.match(folded, end) and folded[start - 1:start] != "月":
        # 14日以内, 10年程度: days or years, not a date
        unit, kind, unit_end = folded[end], "duration", end + 1
    if unit == "個" and MAY_START_WORD.match(folded, unit_end) and not (
            SUFFIX_APPROX.match(folded, unit_end) or SUFFIX_BOUND.match(folded, unit_end)):
        unit, unit_end = unit_noun(unit, unit_end, tokens_after(start, unit_end))
    if unit and is_ordinal_mark(folded, unit_end):
        return unit, "ordinal", unit_end + 1
    return unit, kind, unit_end


def _inside_katakana_word(folded: str, unit_end: int,
                          after: Callable[[], Sequence[Token]]) -> bool:
    """A listed unit ending in katakana that ends inside the UniDic word after the figure
    (``after``: its tokens from the numeral's end on), a longer katakana word going on
    (``3トンネル``: トン is the head of トンネル); not one a word follows
    (``5ポイントアップ``, ``1億ドルファンド``: the unit is a word of its own)."""
    if not (KATAKANA.match(folded, unit_end - 1) and KATAKANA.match(folded, unit_end)):
        return False
    return any(t.start < unit_end < t.end for t in after())


def _shortened_to_a_word(folded: str, end: int, found: tuple[str, str, int],
                         after: Callable[[], Sequence[Token]]) -> tuple[str, str, int]:
    """A listed unit of two kanji or more whose last kanji opens the UniDic word after it
    (``10分間隔``: 分間 reaches into 間隔) is the shorter listed unit ending where that word
    starts, or none, so that the UniDic word before it is tried as a counter (分: the
    interval's measure 間隔 after it)."""
    unit, kind, unit_end = found
    if unit_end - end < 2 or not MAY_START_WORD.match(folded, unit_end - 1):
        return found
    word = next((t for t in after() if t.start < unit_end < t.end), None)
    if word is None or word.start <= end:
        return found
    shorter = listed_unit(folded, end, word.start)
    return shorter if shorter[0] and shorter[2] == word.start else ("", "", end)


def _counted_by_its_count(folded: str, start: int, end: int,
                          after: Sequence[Token]) -> tuple[str, str, int] | None:
    """A noun after the figure that a count noun before it counts (``協定数は2万4,000協定``,
    ``集落数は3,000集落``): the unit, though UniDic makes it a verbal or common noun, not a
    counter; None otherwise."""
    if not after or after[0].start != end or not after[0].tag.startswith("名詞-普通名詞"):
        return None
    noun = after[0].text
    if fold_width(noun) in unit_of():
        return None     # 耐用年数は10年前後: a listed word keeps its own reading
    before = folded[max(0, start - 30):start]
    if re.search(rf"{re.escape(noun)}数(?:は|が|を|も)[、\s]*(?:約|およそ|計|合計)?$", before):
        return unicodedata.normalize("NFKC", noun), "count", after[0].end
    return None


def unit_noun(unit: str, unit_end: int, after: Sequence[Token]) -> tuple[str, int]:
    """``9個師団``, ``2個中隊``: 個 before a common noun glued to it counts that noun, the
    unit is the two (``個師団``); else ``unit`` as it is (``5個入り``, ``10個程度``)."""
    if after and after[0].start == unit_end and after[0].tag in NOUN_TAGS:
        return unit + after[0].text, after[0].end
    return unit, unit_end


YEAR_LABEL = re.compile(r"(?:19|20)[0-9]{2}")


def names_a_year(numeral: str, after: Sequence[Token]) -> bool:
    """A year printed bare before a common noun that is no counter (``2024春季生活闘争``,
    ``2020東京大会``): part of a name, not 2024 of something. A count of 1900 to 2099 of a
    plain noun (``2000企業``) is lost so, which is better than a wrong count."""
    return (YEAR_LABEL.fullmatch(numeral) is not None and bool(after)
            and after[0].tag in NOUN_TAGS)


# 出生千対1.8, 人口10万対25.3: a rate per a base of a thousand or more (not 7対1), the
# noun of the base glued before it (出生, 人口: a run of up to four characters) and part of
# the figure's surface as a comparison base is; or the base in brackets after the
# measure noun, 自殺死亡率（人口10万対）は16.4, or before の and it
_BASE_NUMERAL = r"(?P<n>(?<![0-9,.])[0-9][0-9,]*[千万]?|千)対"
_PER_BASE = re.compile(rf"(?<![一-鿿々゠-ヿ])(?P<noun>[一-鿿々゠-ヿ]{{1,4}})?{_BASE_NUMERAL}[ 　]?$")
_PER_BASE_BRACKET = re.compile(rf"（[^（）]{{0,4}}?{_BASE_NUMERAL}）(?:は|が|では|で)?[、 　]?$")
# or before の and the measure noun, 人口千対の婚姻率は4.1
_PER_BASE_OF = re.compile(rf"(?<![0-9,.]){_BASE_NUMERAL}の[一-鿿々゠-ヿA-Za-z]{{1,8}}"
                          r"(?:は|が|では)[、 　]?$")
_POWER_OF_TEN = re.compile(r"10{3,}")


def per_base_unit(folded: str, start: int, unit: str) -> tuple[str, int]:
    """The unit of a figure given per the base of its rate (``出生千対1.8``, ``人口10万対
    25.3``: per 1,000 births, per 100,000 people; ``自殺死亡率（人口10万対）は16.4``,
    ``人口千対の婚姻率は4.1``):
    ``unit`` per that base (``/1000``, ``人/100000``), and where the base printed before the
    figure at ``start`` begins (``start`` for a base in brackets or none). ``unit`` as it is
    when no base of a thousand or more, a power of ten, stands there (``7対1`` is a ratio
    of two figures)."""
    if "/" in unit or "対" not in folded[max(0, start - 20):start]:
        return unit, start
    match = _PER_BASE.search(folded, max(0, start - 12), start)
    bracket = None if match else _PER_BASE_BRACKET.search(folded, max(0, start - 14), start) \
        or _PER_BASE_OF.search(folded, max(0, start - 20), start)
    found = match or bracket
    base = parse_folded_decimal(found.group("n")) if found is not None else None
    if base is None or base != base.to_integral_value() \
            or not _POWER_OF_TEN.fullmatch(str(int(base))):
        return unit, start
    return f"{unit}/{int(base)}", match.start() if match is not None else start


# 1人当たり37万円, 国民1人当たりGDPは4万ドル, 1人1日当たり880グラム, 10a当たり収量は536kg,
# 1人1か月当たり (the か of か月, か所), 人口千人当たり (千 with no digit before it):
# the rate's denominators, then at most a noun and its particle before the figure
_PER_DENOMINATORS = re.compile(
    r"(?<![0-9,.])(?P<chain>(?:(?:[0-9][0-9,.]*[万千]?|一|千)"
    r"(?:(?![一千])[丁-鿿々゠-ヿA-Za-z]|か(?=[月年所]))"
    r"{1,3}?)"
    r"{1,2})(?:当たり|あたり)の?[一-鿿々゠-ヿA-Za-z]{0,8}(?:では|で|は|が)?、?"
    r"(?:年間|月額|年額|平均)?$")   # 1人当たりの介護費は年間約190万円
_DENOMINATOR = re.compile(r"(?P<n>[0-9][0-9,.]*[万千]?|一|千)(?P<c>[^0-9一千]+)")


def per_denominator_unit(folded: str, start: int, unit: str) -> str:
    """The unit of a figure set after the denominators of its rate, with at most the
    measure noun between (``1人当たり37万円`` → ``円/人``, ``国民1人当たりGDPは4万ドル`` →
    ``ドル/人``, ``1人1日当たり880グラム`` → ``g/人/日``, ``人口10万人当たり`` →
    ``/100000人``): ``unit`` per them; ``unit`` as it is when none stand there. A figure
    with no unit is per its base only when that is one listed counter after a power of
    ten of a thousand or more, as a vital rate's (``出生率は人口千人当たり6.3`` →
    ``/1000人``, as ``出生千対1.8`` is ``/1000``); a bare 千 takes a listed counter only
    (not 千葉県当たり)."""
    if "/" in unit or "当" not in folded[max(0, start - 24):start] \
            and "あたり" not in folded[max(0, start - 24):start]:
        return unit
    match = _PER_DENOMINATORS.search(folded, max(0, start - 24), start)
    if match is None:
        return unit
    per = []
    for part in _DENOMINATOR.finditer(match.group("chain")):
        base = parse_folded_decimal(part.group("n"))
        if base is None or part.group("n") == "千" and part.group("c") not in unit_of():
            return unit
        if not unit and (base < 1000 or not _POWER_OF_TEN.fullmatch(str(int(base)))
                         or part.group("c") not in unit_of()):
            return unit
        per.append(part.group("c") if base == 1 else f"{int(base)}{part.group('c')}")
    if not unit and len(per) != 1:
        return unit
    return "/".join([unit, *per])


# 月45時間, 年2回: a span word alone before the figure, not the end of a word (昨年, 毎月)
_SPAN_PREFIXES = word_map("number_span_prefixes")
_SPAN_PREFIX = re.compile(rf"(?<![一-鿿々〆ヵヶ゠-ヿA-Za-z0-9０-９])(?P<w>{'|'.join(_SPAN_PREFIXES)})$")
_SPAN_PREFIX_NI = re.compile(rf"(?<![一-鿿々〆ヵヶ゠-ヿA-Za-z0-9０-９の])"
                             rf"(?P<w>{'|'.join(_SPAN_PREFIXES)})に$")


# 1日8時間, 1日に3回: a span of one before the figure, not a date's day (4月1日に)
_SPAN_BASES = word_map("number_span_bases")
_SPAN_BASE = re.compile(rf"(?<![0-9,.〇一二三四五六七八九十百千万年月日翌同第の])"
                        rf"(?P<w>{'|'.join(_SPAN_BASES)})に?$")
_BASE_OF_FIGURE = re.compile(r"に?(?:約|およそ)?[0-9〇一二三四五六七八九]")


def span_rate_unit(folded: str, unit: str, start: int) -> str:
    """A figure after a span word set alone before it (ending at ``start``: ``月45時間``,
    ``年360時間``, ``週3日``: ``number_span_prefixes.tsv``; with に before a count of times,
    ``年に2回``, ``月に1度``), or a span of one
    (``1日8時間``, ``1日に3回``: ``number_span_bases.tsv``) is a rate per that span
    (``時間/月``, ``時間/日``); any other unit, or a rate already, is returned as it is."""
    if not unit or "/" in unit:
        return unit
    match = _SPAN_PREFIX.search(folded, max(0, start - 2), start)
    if match:
        return f"{unit}/{_SPAN_PREFIXES[match.group('w')]}"
    if unit == "回":    # 年に2回, 月に1度: so many times a span (not その年に2回)
        match = _SPAN_PREFIX_NI.search(folded, max(0, start - 3), start)
        if match:
            return f"{unit}/{_SPAN_PREFIXES[match.group('w')]}"
    base = _SPAN_BASE.search(folded, max(0, start - 3), start)
    return f"{unit}/{_SPAN_BASES[base.group('w')]}" if base else unit


# 10年に1度, 30年に1回: years with their figure and に (number_degree_words.tsv's 年に) before
# a count of times; not a year's date (2010年に, 平成10年に), and only 年, whose figure is no
# row of its own (3か月に1回 has its 3か月; 10日に is a day of a month as often)
_FREQUENCY_BASE = re.compile(
    r"(?<![0-9,.〇一二三四五六七八九十百千万一-鿿々゠-ヿA-Za-z])"
    r"(?P<n>[0-9][0-9,]*|[一二三四五六七八九十百千]+)年に$")


def frequency_unit(folded: str, unit: str, start: int) -> tuple[str, int]:
    """A count of times after years and に (ending at ``start``: ``10年に1度``, ``30年に
    1回``) is a frequency, 回 per those years (``回/10年``), and where they start;
    ``unit`` as it is, and ``start``, otherwise (``2010年に1回``: a year's date)."""
    if unit != "回":
        return unit, start
    match = _FREQUENCY_BASE.search(folded, max(0, start - 8), start)
    if match is None or YEAR_LABEL.fullmatch(match.group("n")):
        return unit, start
    base = parse_folded_decimal(match.group("n"))
    if base is None or base < 1 or base != base.to_integral_value():
        return unit, start
    return (f"{unit}/年" if base == 1 else f"{unit}/{int(base)}年"), match.start()


def speed_unit(folded: str, unit: str, start: int) -> str:
    """A length after 時速, 分速 or 秒速 (ending at ``start``) is a speed per that span
    (``時速100km`` → ``km/h``); any other unit is returned as it is."""
    if unit in _LENGTHS:
        for word, span in _SPEED_WORDS.items():
            if folded.endswith(word, 0, start):
                return f"{unit}/{span}"
    return unit


def currency_before(folded: str, start: int, end: int) -> tuple[str, int]:
    """The unit a currency sign right before the figure gives it (``US$1.5兆`` ドル,
    ``€150億`` ユーロ) and where the sign starts, or ``('', start)``: none for another
    dollar (``S$``, ``HK$``: a Latin letter before the sign) or an English word after
    the figure, glued or after a space, which may be its magnitude (``S$70m``, ``$5bn``,
    ``$200 billion``, ``£118 million``: a title quoted in a footnote)."""
    if folded[start - 1:start] not in _SIGN_ENDS or _LATIN_AFTER.match(folded, end):
        return "", start
    for sign, unit in _SIGN_UNITS:
        at = start - len(sign)
        if at >= 0 and folded.startswith(sign, at) and not (
                sign[0] not in LATIN and at > 0 and _LATIN_START.match(folded, at - 1)):
            return unit, at
    return "", start


def is_span(folded: str, start: int, end: int, value: Decimal,
             prefixes: dict[str, str]) -> bool:
    """``約9年``, ``81.05年``, ``8.8日``, ``1年半``: a figure before 年 or 日 that no date
    rule took is a span of years or days when it is approximate or has a fraction, or a
    half after it (no year or day of a month is any of these)."""
    return (folded.startswith(("年", "日"), end) and not folded.startswith(_NOT_SPANS, end)
            and folded[start - 1:start] != "月"
            and ("approx" in prefixes or value != value.to_integral_value()
                 or AND_A_HALF.match(folded, end + 1) is not None))


def no_quantity_of_its_own(folded: str, start: int, unit: str, unit_end: int) -> bool:
    """The figure at ``start`` with ``unit`` is part of another: a rate's denominator
    (``1人当たり``, both of ``1人1日当たり``, ``人口10万対``; a span of one before a figure,
    ``1週40時間``), a fraction's minutes
    (``3分の1``), a clock's minutes (``16時10分``), the tenths and hundredths of a 割
    (``2割5分``, ``3割2分5厘``: ``tenths_of_wari``), or a lot number in an address
    (``is_address_lot``)."""
    before = folded[start - 1:start]
    if folded[start:unit_end] in _SPAN_BASES and _BASE_OF_FIGURE.match(folded, unit_end):
        return True     # 1週40時間: the span the next figure is per (span_rate_unit)
    if is_address_lot(folded, start, unit, unit_end):
        return True
    if _PER_RE.match(folded, unit_end) or unit.endswith(_PER_END) \
            or _PER_CHAIN.match(folded, unit_end):
        return True
    if unit == "対" or _PER_TAI.match(folded, unit_end):
        return True     # 人口10万対, 10万人対: a rate's base, per 100,000
    if unit == "分":
        return (_FRACTION.match(folded, unit_end) is not None or before == "割"
                or _CLOCK_HOUR.search(folded, max(0, start - 2), start) is not None)
    return unit == "厘" and before == "分"


# 字 (aza) after a lot number names the district of an address (疋田28字井棟36番の3)
_ADDRESS_MARKS = ("字",)


def is_address_lot(folded: str, start: int, unit: str, unit_end: int) -> bool:
    """``疋田28字井棟``: a figure glued to a place name before it, then 字 and the next
    place name, is a lot of an address, no count of 28 characters (``400字程度``,
    ``要旨400字以内``, ``40字の`` count them: a bound, approximation or particle
    follows)."""
    return (unit in _ADDRESS_MARKS and start > 0 and MAY_START_WORD.match(folded, start - 1)
            is not None and MAY_START_WORD.match(folded, unit_end) is not None
            and not (SUFFIX_APPROX.match(folded, unit_end) or SUFFIX_BOUND.match(folded, unit_end)))


def tenths_of_wari(folded: str, value: Decimal, end: int) -> tuple[Decimal, int]:
    """``2割5分`` is 2.5 割, ``3割2分5厘`` 3.25: the 分 and 厘 after a 割 are its tenths and
    hundredths, not minutes."""
    parts = _WARI_PARTS.match(folded, end)
    if parts is None:
        return value, end
    part = Decimal(parts[1]) / 10 + Decimal(parts[2] or 0) / 100
    return (value + part if value >= 0 else value - part), parts.end()
