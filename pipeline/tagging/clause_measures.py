"""What a figure counts where its clause names it in a shape of its own (``figure_measures``
tries these before the noun-run rules): a share of a whole, after the figure whose
measure it shares or taken up by the noun after を占める (``share_of_previous``,
``share_taken_by``); the items a total counts, the role after it, those who answered,
persons sent, a stage word glued to a count, a part of a whole in an うち bracket, a
count after a programme's name, members, the time an action takes or until an outcome,
those who did something, spacing (``time_taken``, ``doers_measure``, …). Each gives an
empty ``measures.Measure`` when its shape is not there; the shared vocabulary (what a
counter names, persons, share kinds) is here too."""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list, word_map
from pipeline.tagging import measures
from pipeline.tagging.dates import DateMention
from pipeline.tagging.raw_figures import RawFigure

SHARE_KINDS = ("percent", "ratio")
# counter → the group of things it names (``number_naming_units.tsv``)
NAMING_UNITS = word_map("number_naming_units")
# persons: the last words of their nouns and their counters
PERSON_HEADS = word_list("measure_person_heads")
PERSON_COUNTERS = frozenset(word_list("measure_person_counters"))
_SPACING_NOUNS = word_list("measure_spacing_nouns")
_SPACING_KINDS = ("measure", "duration")


def names_the_same(unit: str, noun: str) -> bool:
    """``noun`` ends with a counter of ``unit``'s group: it names what ``unit`` counts
    (80社以上の通信事業者), not something of theirs (３機関の取組)."""
    group = NAMING_UNITS[unit]
    return any(noun.endswith(word) for word, g in NAMING_UNITS.items() if g == group)


# what joins a figure to the share it makes up of a whole: 399.0万人で全産業の5.8％を占め,
# 17万1,235人となっており、企業の研究者の34.3％を占めている, 3兆7,117億円で、企業の研究費
# のうち26.9％を占める, 12兆円（全輸出額の13.2%）
_SHARE_OF_WHOLE = re.compile(rf"(?:で|であり|であって|と|となり|となっており|となっている"
                             rf"|となって|(?P<bracket>（))?、?"
                             rf"(?:(?:{measures.NOUN})の)*(?P<w>{measures.NOUN})の(?:うち、?)?")
_TAKES_UP = "を占め"
# 全体の約6％, 総数の3割: a whole a share is of with no verb of taking up after it
_WHOLE_WORDS = frozenset(word_list("measure_whole_words"))


def share_of_previous(folded: str, raw: RawFigure, window_start: int,
                       previous: measures.Measure) -> bool:
    """A share of a whole right after the figure before it: the share of the same
    measure, the part the previous figure counts (``雇用者数は、399.0万人で全産業の5.8％を
    占め`` → ``雇用者数``; ``輸出額は12兆円（全輸出額の13.2%）`` → ``輸出額``; ``重大事故は33件
    で全体の約6％`` → ``重大事故``). The share takes up the whole (``を占め``), stands alone in a
    bracket after the figure, or is of a word naming a whole (``measure_whole_words.tsv``)."""
    if not previous.text or raw.kind not in SHARE_KINDS:
        return False
    match = _SHARE_OF_WHOLE.fullmatch(folded, window_start, raw.start)
    if match is None:
        return False
    if match.group("bracket"):
        return folded.startswith("）", raw.end)
    # 全体の約1割が65歳以上: the share is the subject of a clause naming another part
    return folded.startswith(_TAKES_UP, raw.end) or match.group("w") in _WHOLE_WORDS \
        and folded[raw.end:raw.end + 1] not in ("が", "は")


# 研究費の総額の約7割を占める企業の研究費: the part a share is of, named after its verb
_TAKEN_UP_BY = re.compile(rf"を占め(?:る|ている|ていた|た)(?P<m>(?>(?:{measures.NOUN})"
                          rf"(?:の(?:{measures.NOUN}))?))(?=[はがをもの（0-9])")
_SHARE_CLAUSE_STOPS = frozenset(word_list("measure_share_clause_stops"))


def share_taken_by(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A share in a relative clause, ``…のN割を占めるX``: X is the part the share is of,
    its measure (``研究費の総額の約7割を占める企業の研究費`` → ``企業の研究費``, ``medium``);
    not a state or formal noun (``約6割を占める一方``, ``7割を占める状況が``:
    ``measure_share_clause_stops.tsv``)."""
    if raw.kind not in SHARE_KINDS:
        return measures.NONE
    match = _TAKEN_UP_BY.match(folded, raw.end)
    if match is None:
        return measures.NONE
    name = match.group("m")
    last = name.rsplit("の", 1)[-1]
    if name in _SHARE_CLAUSE_STOPS or last in _SHARE_CLAUSE_STOPS \
            or measures.in_date(match.start("m"), match.end("m"), dates):
        return measures.NONE
    return measures.Measure(name, "medium")


# A, B and C の計3種類: the items a total counts, joined by a list's marks
_TOTAL_OF = re.compile(r"の(?:計|合計)$")
_ITEM_MARKS = re.compile(r"、|及び|および|並びに|ならびに|又は|または|そして|と(?=[^ぁ-ゖ])|や")
_ITEM_END = re.compile(rf"(?:{measures.NOUN})$")


def total_of_items(folded: str, raw: RawFigure, window_start: int,
                    dates: list[DateMention]) -> measures.Measure:
    """A count after the list of items it totals (``30億パラメータモデルと70億パラメータモデル、
    そして…70億インストラクトモデルの計３種類``): what the items are, the longest tail of two
    characters or more the last item's noun shares with another item's (``モデル``,
    ``medium``); none when it shares none (the counter is then the only name the sentence
    gives them)."""
    if raw.kind != "count" or _TOTAL_OF.search(folded, window_start, raw.start) is None:
        return measures.NONE
    text = folded[folded.rfind("。", 0, raw.start) + 1:raw.start - 2]
    nouns = []
    for piece in _ITEM_MARKS.split(text):
        match = _ITEM_END.search(piece.rstrip("、 　"))
        if match is not None:
            nouns.append(match.group())
    if len(nouns) < 2:
        return measures.NONE
    tail = nouns[-1]
    while tail and not any(noun.endswith(tail) for noun in nouns[:-1]):
        tail = tail[1:]
    # the tail must be a word of the last item's, not a piece of one (ル of モデル)
    if len(tail) < 2 or measures.in_date(raw.start - 2 - len(tail), raw.start - 2, dates):
        return measures.NONE
    return measures.Measure(tail, "medium")


# 130万ポンド（160万ドル）が賞金として: the role the amount is given in
_ROLE_AFTER = re.compile(rf"(?:（[^（）]{{0,30}}）)?(?:が|を|は)(?P<m>{measures.NOUN})として")
_ROLE_STOPS = frozenset(word_list("measure_role_stops"))


def role_after(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """An amount the clause gives a role right after it (``130万ポンド（160万ドル）が賞金として
    与えられ`` → ``賞金``, ``medium``), not a bound, unit or example the figure is used as
    (``3,000円を上限として``: ``measure_role_stops.tsv``)."""
    if raw.kind not in ("money", "count"):
        return measures.NONE
    match = _ROLE_AFTER.match(folded, raw.end)
    if match is None or match.group("m") in _ROLE_STOPS \
            or measures.in_date(match.start("m"), match.end("m"), dates):
        return measures.NONE
    return measures.Measure(match.group("m"), "medium")


# …と考えている企業は電気通信事業で43.5％: those who answered so, the topic of a survey's shares
_ANSWERED = re.compile(rf"と(?:考え|回答し|答え|思っ|感じ)(?:ている|ていた|た|る)"
                       rf"(?P<m>{measures.NOUN}|者)(?:では|は|のうち|の)、?")


def respondents(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A share after a topic of those who answer or think something (``今後…事業展開したいと
    考えている企業は電気通信事業で43.5％``, ``…と回答した者は``): the share of them (``企業``,
    ``medium``), the part the share is of, when no other topic or subject stands between."""
    if raw.kind not in SHARE_KINDS:
        return measures.NONE
    start = folded.rfind("。", 0, raw.start) + 1
    found = list(_ANSWERED.finditer(folded, start, raw.start))
    if not found:
        return measures.NONE
    last = found[-1]
    if any(char in folded[last.end():raw.start] for char in "はが「") \
            or measures.in_date(last.start("m"), last.end("m"), dates):
        return measures.NONE
    return measures.Measure(last.group("m"), "medium")


# 「事業プロデューサー」を、…計３名派遣した: the object of a verbal noun glued after a count
# of persons, quoted or a noun of persons, before を in the same clause
_OBJECT = re.compile(rf"(?:「(?P<q>[^「」]{{1,40}})」|(?P<m>{measures.NOUN}))を、?")
_DONE = re.compile(rf"(?:{measures.NOUN})(?:した|する|している|された|される)")


def persons_sent(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A count of persons (``measure_person_counters.tsv``) glued to a verbal noun done to
    them (``計３名派遣した``) counts the object of that verb, the last ``Xを`` before the
    figure in its clause when X is quoted or names persons (``「事業プロデューサー」を、…``
    → ``事業プロデューサー``; ``measure_person_heads.tsv``), ``medium``."""
    if raw.kind != "count" or raw.unit not in PERSON_COUNTERS \
            or _DONE.match(folded, raw.end) is None:
        return measures.NONE
    start = max(folded.rfind(mark, 0, raw.start) for mark in ("。", "が", "は")) + 1
    objects = list(_OBJECT.finditer(folded, start, raw.start))
    if not objects:
        return measures.NONE
    last = objects[-1]
    group = "q" if last.group("q") else "m"
    name = last.group(group)
    if measures.in_date(last.start(group), last.end(group), dates) \
            or group == "m" and not name.endswith(PERSON_HEADS):
        return measures.NONE
    return measures.Measure(name, "medium")


_STATE_WORDS = frozenset(word_list("measure_state_words"))
_COUNT_NOUN = "数"


def state_count(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A word of a stage or state glued before a count (``完成4車線``, ``分離2車線``:
    ``measure_state_words.tsv``) makes a term with it: what is counted is what the counter
    names, its count (``車線数``, ``medium``), not the state."""
    if raw.kind != "count" or not raw.unit or "/" in raw.unit:
        return measures.NONE
    glued = measures.glued_noun(folded, raw.start, dates)
    if glued not in _STATE_WORDS:
        return measures.NONE
    return measures.Measure(raw.unit + _COUNT_NOUN, "medium")


# the opening of a bracket of parts right after a whole's figure: 47社（うち単営15社、;
# without うち, a breakdown by places or kinds: 全壊が8,459棟（石川県8,108棟、新潟県106棟）
_PARTS_OPEN, _BREAKDOWN_OPEN = "（うち", "（"
# what may stand between the opening and a part's figure: the parts before it, each a
# noun glued to its figure, and the part's own noun (no particle: a topic is kept,
# （うちコミュニティ放送事業者は325社）)
_PARTS = re.compile(rf"、?(?:(?:{measures.NOUN})[0-9][^（）、。はが]*、)*(?:{measures.NOUN})$")
# what ends a part of a breakdown: the next part, the bracket or a note on the part
# (長野県18棟（一部破損のみ）); not 1,000億円を含む
_PART_ENDS = ("、", "）", "（")


def part_of_whole(folded: str, raw: RawFigure, listed: tuple[str, measures.Measure, int],
                  dates: list[DateMention]) -> measures.Measure | None:
    """A part in a bracket right after the figure of its whole, in the whole's unit: opened
    by うち (``47社（うち単営15社、兼営32社）``), or a list of nouns each glued to its figure
    (``全壊が8,459棟（石川県8,108棟、新潟県106棟）``, ``売上高は1兆円（国内6,000億円、海外
    4,000億円）``). The noun glued to it names a category or place of the whole, whose
    measure it has (``medium``; after うち none when the whole has none). Not a part whose
    noun names what it counts (``輪島市112名（行方不明者3名）``, ``（補正予算額1,000億円）``)
    nor one that is not an item of a list (``（補正予算1,000億円を含む）``). None when the
    figure is no such part."""
    unit, whole, end = listed
    if not unit or unit != raw.unit or end < 0:
        return None
    if raw.kind == "count" and folded.startswith(_PARTS_OPEN, end):
        inside = end + len(_PARTS_OPEN)
    elif whole.text and folded.startswith(_BREAKDOWN_OPEN, end) \
            and folded.startswith(_PART_ENDS, raw.end) and not _names_itself(folded, raw, dates):
        inside = end + len(_BREAKDOWN_OPEN)
    else:
        return None
    if "）" in folded[inside:raw.start] or _PARTS.match(folded, inside, raw.start) is None \
            or measures.in_date(inside, raw.start, dates):
        return None
    return measures.Measure(whole.text, "medium") if whole.text else measures.NONE


def _names_itself(folded: str, raw: RawFigure, dates: list[DateMention]) -> bool:
    """Does the noun glued to the figure name what it counts (a measure noun, a noun its
    counter ends, ``登録事業者334者``, or persons for a count of persons: ``行方不明者3名``)?"""
    noun = measures.glued_noun(folded, raw.start, dates)
    return measures.is_measure_noun(noun) or noun.endswith(raw.unit) \
        or raw.unit in PERSON_COUNTERS and noun.endswith(PERSON_HEADS) \
        or raw.unit in NAMING_UNITS and names_the_same(raw.unit, noun)


_PROGRAMME_WORDS = tuple(word_list("program_words"))


def programme_bracket(folded: str, raw: RawFigure, window_start: int,
                       dates: list[DateMention]) -> bool:
    """A count by a counter that names what it counts (``地域``, ``機関``:
    ``number_naming_units.tsv``) alone in brackets after a programme's name (``…支援
    プログラム（33地域）``: ``program_words.tsv``): the things counted are taken up by the
    programme, which is not what is counted."""
    if raw.kind != "count" or raw.unit not in NAMING_UNITS:
        return False
    found = measures.bracket_measure(folded, raw.start, window_start, dates)
    return bool(found.text) and found.text.endswith(_PROGRAMME_WORDS) \
        and not names_the_same(raw.unit, found.text)


_MEMBER_WORDS = word_list("measure_member_words")
_COUNTRY_KANA = "かカヵヶケ"   # か国, カ国: the counter's noun is 国


def member_measure(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A word of membership glued before a count of bodies or countries
    (``measure_member_words.tsv``) names the group with the counter's noun: ``関係７省`` →
    ``関係省``, ``加盟27か国`` → ``加盟国`` (``medium``)."""
    if raw.kind != "count" or raw.unit not in NAMING_UNITS:
        return measures.NONE
    glued = measures.glued_noun(folded, raw.start, dates)
    if not glued.endswith(_MEMBER_WORDS):
        return measures.NONE
    noun = raw.unit[1:] if raw.unit[0] in _COUNTRY_KANA else raw.unit
    return measures.Measure(glued + noun, "medium")


_TIME_TAKEN_UNITS = frozenset(word_list("measure_time_taken_units"))
_TIME_TAKEN = "の所要時間"   # 到着時間 would be the clock time of arrival
# N秒で + an action + its verb: 文章生成ができる, 到着する, 検索が可能
_ACTION_AFTER = re.compile(rf"で、?(?P<m>{measures.NOUN})(?:が|を|も)?(?:でき|する|し|さ|可能)")


def time_taken(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A short time before で and an action done in it (``約6秒で文章生成ができる``:
    ``measure_time_taken_units.tsv``) measures the time the action takes:
    ``文章生成時間`` (``medium``)."""
    if raw.kind != "duration" or raw.unit not in _TIME_TAKEN_UNITS:
        return measures.NONE
    match = _ACTION_AFTER.match(folded, raw.end)
    if match is None or measures.in_date(match.start("m"), match.end("m"), dates) \
            or measures.is_measure_noun(match.group("m")):
        return measures.NONE
    return measures.Measure(match.group("m") + _TIME_TAKEN, "medium")


_TIME_UNTIL = "までの時間"
# 開始後約16時間で利用停止となり: an outcome reached after the time counted from a point
_OUTCOME_AFTER = re.compile(rf"で、?(?P<m>{measures.NOUN})(?:と(?:なっ|なり|なる|し)|に(?:至|なっ|なり))")
_POINT_BEFORE = re.compile(r"後(?:約|およそ|わずか)?$")


def time_until(folded: str, raw: RawFigure, dates: list[DateMention]) -> measures.Measure:
    """A short time counted from a point glued before it (``サービス提供開始後約16時間``) and
    an outcome reached in it (``で利用停止となり``): the time until the outcome
    (``利用停止までの時間``, ``medium``; ``measure_time_taken_units.tsv``)."""
    if raw.kind != "duration" or raw.unit not in _TIME_TAKEN_UNITS \
            or _POINT_BEFORE.search(folded, max(0, raw.start - 4), raw.start) is None \
            and not folded.endswith("後", 0, raw.start):
        return measures.NONE
    match = _OUTCOME_AFTER.match(folded, raw.end)
    if match is None or measures.in_date(match.start("m"), match.end("m"), dates) \
            or measures.is_measure_noun(match.group("m")):
        return measures.NONE
    return measures.Measure(match.group("m") + _TIME_UNTIL, "medium")


_COUNTER_NOUNS = word_map("measure_counter_nouns")
# a relative clause ending in a verbal noun and した right before the count: 回答した728社
_DID = re.compile(rf"(?P<m>{measures.NOUN})(?:した|している|していた|する)$")


def doers_measure(folded: str, raw: RawFigure, window_start: int,
                   dates: list[DateMention]) -> measures.Measure:
    """A count of bodies or countries after a relative clause ending in a verbal noun and
    した (``調査票に回答した728社``): those who did it, the verbal noun with the counter's
    noun (``measure_counter_nouns.tsv``: ``回答企業``, ``medium``)."""
    if raw.kind != "count" or raw.unit not in _COUNTER_NOUNS:
        return measures.NONE
    match = _DID.search(folded, max(window_start, raw.start - 30), raw.start)
    if match is None or measures.in_date(match.start("m"), match.end("m"), dates) \
            or measures.is_measure_noun(match.group("m")):
        return measures.NONE
    return measures.Measure(match.group("m") + _COUNTER_NOUNS[raw.unit], "medium")


def spacing_measure(folded: str, raw: RawFigure, window_start: int,
                     dates: list[DateMention]) -> measures.Measure:
    """A length or time glued to a noun of spacing (``縦断図は200m間隔以下`` → ``間隔``;
    ``measure_spacing_nouns.tsv``): the spacing is what it measures, not the topic; in a
    bracket right after a noun, that noun's spacing (``測点（原則として100m間隔）`` →
    ``測点間隔``)."""
    if raw.kind not in _SPACING_KINDS:
        return measures.NONE
    noun = next((n for n in _SPACING_NOUNS if folded.startswith(n, raw.end)), "")
    if not noun:
        return measures.NONE
    spaced = measures.bracket_measure(folded, raw.start, window_start, dates)
    return measures.Measure(spaced.text + noun, "high")


# what links the two ends of a change from one time to another, dates taken out
# (4,497億円から2023年には1兆4,541億円, 73％から2022年度には38％)
