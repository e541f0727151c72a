"""What a figure counts or amounts to: which of the sentence's patterns
(``pipeline.tagging.measures``) names its measure, given the figure's unit, kind and the
figures before it in the sentence.

A range's high end takes its low end's measure; a comparison (``前年度比``) or ``同`` the
measure of the figure before; a bare count the noun after it (``35のＴＬＯ``); after a unit
of an attribute (``20GBのプラン``, ``65歳以上の高齢者``: ``number_attribute_units.tsv``) or a
bounded amount (``資本金10億円以上の大企業``) the noun after の has the figure, it is not
what the figure measures; after a counter that names what it counts (``機関``, ``社``:
``number_naming_units.tsv``) only a noun of that kind is; a set-up or a mark the figure
gives is never its measure (``22隻の体制``, ``1万人の大台``: ``number_setup_nouns.tsv``).
A noun glued before a physical amount or a bounded count is what it measures, the noun
after の what has it (``射程約3,000kmの弾道ミサイル`` → ``射程``, ``従業員300人以上の企業``
→ ``従業員``, ``medium``; not a bearing, ``北西約300km``: ``measure_bearing_words.tsv``);
so is a noun of persons glued before any count of persons when the noun after の names
none (``死者・行方不明者263名の被害`` → ``死者・行方不明者``, ``medium``).
A span the next figure is given over has none (``5年間で約1兆円``); that figure reads
past it (``駐留経費負担は5年間で約1兆円`` → ``駐留経費負担``). So does a bounded count glued
to a noun that is no measure noun, the class it marks off (``現金給与総額（5人以上事業所）は
33万円``: none, then ``現金給与総額``).
Some measures are named by the sentence's grammar around the figure: a noun of spacing
after it (``測点（原則として100m間隔）`` → ``測点間隔``, ``200m間隔以下`` → ``間隔``), the action
a short time is taken by (``約6秒で文章生成ができる`` → ``文章生成の所要時間``), the time since
a point a span is glued to (``学位取得後８年未満`` → ``学位取得後の年数``), the group a word of
membership and the counter name (``関係７省`` → ``関係省``), those who did what a relative
clause says (``調査票に回答した728社`` → ``回答企業``), the figure before a share of a whole
(``雇用者数は、399.0万人で全産業の5.8％を占め`` → ``雇用者数``) or a conjunction (``月5GB及び
20GB``). A quoted item before が (``「定額制」が35.7％``) is an answer or category the figure is
given for, no measure.
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_list, word_map
from pipeline.tagging import measures
from pipeline.tagging.clause_measures import (
    NAMING_UNITS,
    PERSON_COUNTERS,
    PERSON_HEADS,
    SHARE_KINDS,
    doers_measure,
    member_measure,
    names_the_same,
    part_of_whole,
    persons_sent,
    programme_bracket,
    respondents,
    role_after,
    share_of_previous,
    share_taken_by,
    spacing_measure,
    state_count,
    time_taken,
    time_until,
    total_of_items,
)
from pipeline.tagging.dates import DateMention
from pipeline.tagging.item_measures import (
    inside_a_term,
    listed_owner,
    parallel_measure,
    share_owner,
)
from pipeline.tagging.measure_classes import (
    ATTRIBUTE_UNITS,
    CLASS_BOUNDS,
    breakdown_attribute,
    marks_off_a_class,
)
from pipeline.tagging.measure_lists import after_breakdown, announcement, fits_kind
from pipeline.tagging.raw_figures import RawFigure

# units of an attribute (20GBのプラン) and the bounds that mark off a class
# (資本金10億円以上の大企業): ``measure_classes``
_ATTRIBUTE_UNITS, _CLASS_BOUNDS = ATTRIBUTE_UNITS, CLASS_BOUNDS
_AMOUNT_KINDS = ("money", "measure", "duration")
_CHANGE_KINDS = ("percent", "ratio", "point")   # the kinds a change of any amount is in
# 22隻の体制, 1万人の大台: a set-up or mark the figure gives, never what it counts
_SETUP_NOUNS = frozenset(word_list("number_setup_nouns"))
# the base a figure is compared with, right before it: 前年より68人増加, 平年より1.29℃高く,
# 工業化以前と比べて約1.1℃上昇, 前年度に比べ1兆7,841億円の増加, 2019年比で約8割,
# 前年度当初予算比で1兆1,292億円の増額, 前年度から3.4ポイント低下, 10年前から約3割減少,
# 2010年差15.7ポイント増, 2000年からは15.9％減少
_COMPARED_WITH = re.compile(r"[一-鿿々゠-ヿA-Za-z0-9・]+(?:より|[にと]比べ(?:て|ると|れば)?"
                            r"|と比較(?:して|すると)?|(?:年|年度|月|期|予算|決算)[比差](?:で|では)?"
                            r"|(?:年|年度|月|期|前|末)から(?:は|も)?)[、 　]?$")
# the basis a figure is reckoned on, glued before it: CO2換算11.7億トン, カロリーベースで38％
_RECKONED_ON = re.compile(r"[一-鿿々゠-ヿA-Za-z0-9・]*"
                          rf"(?:{'|'.join(word_list('number_reckoning_words'))})"
                          r"(?:では|で)?[、 　]?$")
_COUNT_HEAD = "数"   # 高齢者数, 企業数: a count, never what an attribute or a bound measures
# what may stand between a span and the figure given over it: a particle and a word of a
# total glued to the figure (5年間で総額約43兆円, 3年間に合計500件: measure_total_words.tsv)
_SPAN_GAP = re.compile(rf"(?:で|に)(?:{'|'.join(word_list('measure_total_words'))})?")
# the words of a bearing glued before a distance (北西約300km, 沖合約200km): where, not what
_BEARINGS = tuple(word_list("measure_bearing_words"))
_QUALIFIER_WORDS = tuple(word_list("number_qualifier_words"))
_HOURS = "時間"   # a unit ending in 間 that is no span (1日8時間で週40時間)
_SPAN = "span"   # the particle of a span's empty measure: the next figure reads past it
# the particle of a class mark's empty measure (5人以上事業所): the next figure is read as
# if the mark were not there
_CLASS = "class"
_NOUN_RUN = re.compile(measures.NOUN)
_BREAKDOWN_END = "別"   # 年齢別, 業種別, 国別: how figures are grouped
# a noun that names a point in time (取得後, 設立以来): a span glued to it counts from it
_TIME_POINT_ENDS = ("後", "前", "以降", "以来")
# a span's unit → the noun that counts it (年 → 年数): ``measure_span_count_nouns.tsv``
_SPAN_COUNT_NOUNS = word_map("measure_span_count_nouns")
# the base before を of a figure that goes over or under it: 前年産を3kg上回った
_GONE_PAST = re.compile(r"[一-鿿々゠-ヿA-Za-z0-9・]+を$")
_PAST_VERBS = ("上回", "下回")
# 100m間隔, 10分間隔: a noun after a length or time naming the spacing it measures


def figure_measure(folded: str, raw: RawFigure, role: str, window_start: int,
                   previous: measures.Measure, dates: list[DateMention],
                   figure_starts: frozenset[int],
                   listed: tuple[str, measures.Measure, int] = ("", measures.NONE, -1),
                   ) -> measures.Measure:
    """What the figure counts, from the sentence's shape (``pipeline.tagging.measures``);
    ``listed``: the unit, measure and end of the last figure outside brackets. A
    breakdown (``年齢別では、40～44歳が``: a noun ending in 別) is how figures are grouped,
    never what they measure; an entity after it is an item of it, ``low`` (``輸出先別では、
    アジアが6割近く``: the whole broken down is the measure, read across sentences by
    ``paragraph_measures`` when the sentence before gives it in the same unit)."""
    found = _shaped_measure(folded, raw, role, window_start, previous, dates,
                            figure_starts, listed)
    if found.text and found.text == previous.text and found.confidence == "medium" \
            and raw.kind not in _CHANGE_KINDS and not fits_kind(found.text, raw.kind):
        # (a change in percent of the amount before is of that amount: 1,631億円（1.8％）)
        found = share_owner(folded, previous, raw.kind, dates)
    if found.text.endswith(_BREAKDOWN_END):
        return measures.NONE
    if not found.text and not found.particle:
        # nothing around the figure names its measure: the clause may (…の計３種類,
        # 130万ポンドが賞金として)
        for clause in (total_of_items(folded, raw, window_start, dates),
                       role_after(folded, raw, dates), persons_sent(folded, raw, dates),
                       respondents(folded, raw, dates), parallel_measure(folded, raw, listed),
                       breakdown_attribute(folded, raw, dates)):
            if clause.text:
                return clause
    return _with_attribute(folded, found, window_start, figure_starts, listed)


# the low end of a range glued before a figure: 15～ of 15～64歳
_RANGE_LOW = re.compile(r"[0-9][0-9,.]*[^0-9～、。（）\s]{0,3}[～-]$")


def _with_attribute(folded: str, found: measures.Measure, window_start: int,
                    figure_starts: frozenset[int],
                    listed: tuple[str, measures.Measure, int]) -> measures.Measure:
    """A measure noun glued right after the figure before it, a figure of an attribute
    unit (``15～64歳人口は7,395万人``: ``number_attribute_units.tsv``), with that figure
    (and its range's low end): ``15～64歳人口``, not ``人口``."""
    unit, _, end = listed
    if found.start != window_start or end != window_start or unit not in _ATTRIBUTE_UNITS \
            or not measures.is_measure_noun(found.text):
        return found
    start = max((s for s in figure_starts if s < window_start), default=-1)
    if start < 0 or not folded[start].isdigit():
        return found
    low = _RANGE_LOW.search(folded, max(0, start - 12), start)
    if low is not None and low.start() in figure_starts:
        start = low.start()
    return measures.Measure(folded[start:window_start] + found.text, found.confidence,
                            found.particle, start)


def _shaped_measure(folded: str, raw: RawFigure, role: str, window_start: int,
                    previous: measures.Measure, dates: list[DateMention],
                    figure_starts: frozenset[int],
                    listed: tuple[str, measures.Measure, int]) -> measures.Measure:
    """``figure_measure`` before a breakdown is set aside."""
    if role == "high":
        return previous
    spacing = spacing_measure(folded, raw, window_start, dates)
    if spacing.text:
        return spacing
    taken = time_taken(folded, raw, dates)
    if not taken.text:
        taken = time_until(folded, raw, dates)
    if taken.text:
        return taken
    if raw.kind == "count" and raw.modifier in _CLASS_BOUNDS:
        glued = _NOUN_RUN.match(folded, raw.end)
        if glued is not None and not measures.is_measure_noun(glued.group()):
            # 現金給与総額（5人以上事業所）, 100人以上企業で: the bound marks off a class
            # of the noun glued after it, and measures nothing
            return measures.Measure("", "", _CLASS, window_start)
    if marks_off_a_class(folded, raw, role):
        # 第1号被保険者（65歳以上）は3,589万人: the age marks off the class the noun
        # before names, and measures nothing; the next figure reads past it; so does an
        # age as the topic of an item (児童手当は、3歳未満は月額1万5,000円)
        return measures.Measure("", "", _CLASS, window_start)
    state = state_count(folded, raw, dates)
    if state.text:
        return state
    part = part_of_whole(folded, raw, listed, dates)
    if part is not None:
        return part
    if programme_bracket(folded, raw, window_start, dates):
        # 地域イノベーション戦略支援プログラム（33地域）: the regions are counted, not the
        # programme; nothing else in the bracket names them
        return measures.NONE
    if previous.particle == _CLASS and previous.start >= 0:
        # 平均賃金は、100人以上企業で35万円: read from before the class mark
        window_start, previous = previous.start, measures.NONE
    if raw.kind == "duration" and _is_span_of_next(folded, raw, figure_starts):
        # 5年間で約1兆円: the span the next figure is given over, no measure; it keeps
        # where its own window starts, for the figure after it to read past it
        return measures.Measure("", "", _SPAN, window_start)
    span_start = _span_before(folded, raw, window_start, previous, figure_starts)
    if span_start >= 0:
        # 駐留経費負担は5年間で約1兆円: the noun a particle ties to the span names the
        # figure's measure (not one glued to the span: 公開５日間で13万人); else the
        # figure is read from after the span, as any other
        found = measures.adjacent_measure(folded, span_start, dates, previous.start)
        if found.text:
            following, _ = noun_after(folded, raw, dates, figure_starts)
            return measures.demote_actor_or_place(
                found, following, folded.startswith("を", raw.end) and raw.kind not in SHARE_KINDS)
    same = folded[raw.start - 1:raw.start] == "同"   # 同６億: the same measure as before
    if previous.text and ("basis" in raw.prefixes or same):
        # 「通信業」（前年比2.4％増）: a noun right before the bracket is the one compared;
        # 営業利益は同10%減: a topic of its own after the previous figure is
        found = measures.bracket_measure(folded, raw.start, window_start, dates)
        if not found.text:
            found = measures.adjacent_measure(folded, raw.start - 1 if same else raw.start,
                                              dates, window_start)
        return found if found.text else measures.Measure(previous.text, "medium")
    if raw.bare and not folded.startswith("を", raw.numeral_end):
        found = measures.following_measure(folded, raw.numeral_end, dates, chain=True,
                                           figure_starts=figure_starts)
        if found.text:
            return found
    if share_of_previous(folded, raw, window_start, previous):
        # 雇用者数は、399.0万人で全産業の5.8％を占め: the share the topic's figure makes up
        return measures.Measure(previous.text, "medium")
    taken_by = share_taken_by(folded, raw, dates)
    if taken_by.text:
        return taken_by
    member = member_measure(folded, raw, dates)
    if member.text:
        return member
    following, relation = noun_after(folded, raw, dates, figure_starts)
    if not following.text and relation != "setup":
        doers = doers_measure(folded, raw, window_start, dates)
        if doers.text:
            return doers
    if not following.text:
        compared = compared_measure(folded, raw, window_start, previous, dates)
        if compared.text:
            return compared
    anchor = measure_anchor(folded, raw.start, window_start)
    if anchor < raw.start and previous.text and not folded[window_start:anchor].strip("、 　"):
        # 食料自給率は、カロリーベースで38％、生産額ベースで58％: the same measure on another basis
        return measures.Measure(previous.text, "medium")
    if previous.text and listed[2] == window_start and _COORDINATED.fullmatch(
            folded, window_start, raw.start) and _base_unit(listed[0]) == _base_unit(raw.unit):
        # データ容量が月5GB及び20GBのプラン: figures joined by a conjunction share the measure
        # (an attribute's too, which the noun after の has)
        return measures.Measure(previous.text, "medium")
    if previous.text and listed[0] == raw.unit and listed[2] == window_start \
            and _FROM_TO.fullmatch(_without_dates(folded, window_start, raw.start, dates)):
        # 輸出額は、2012年の4,497億円から2023年には1兆4,541億円へ: the same measure, later
        return measures.Measure(previous.text, "medium")
    return _measure_before(folded, raw, anchor, window_start, following, relation,
                           previous, dates, figure_starts, listed)


_FROM_TO = re.compile(r"(?:から|より)、?(?:には|では|に|は)?、?")


# what joins two figures of one list: 5GB及び20GB, 3件又は4件, 10%や20%
_COORDINATED = re.compile(r"\s*(?:及び|および|又は|または|並びに|ならびに|若しくは|もしくは|や|と|、)\s*")


def _base_unit(unit: str) -> str:
    """The unit before a rate's span (``GB/月`` → ``GB``)."""
    return unit.split("/")[0]


def _without_dates(folded: str, start: int, end: int, dates: list[DateMention]) -> str:
    """``folded[start:end]`` with the dates inside it taken out."""
    kept, at = [], start
    for date in dates:
        if start <= date.start and date.end <= end:
            kept.append(folded[at:date.start])
            at = date.end
    return "".join(kept) + folded[at:end]


def _is_span_of_next(folded: str, raw: RawFigure, figure_starts: frozenset[int]) -> bool:
    """A duration another figure is given over (``5年間で約1兆円``, ``5年間で総額約43兆円``),
    or a span of time ``N…間で`` with no comma after (``20年間で約5分の1に減少``: when, not
    what; ``平均在院日数は16.1日で、`` is the measure's value, and so are hours,
    ``法定労働時間は1日8時間で週40時間``)."""
    gap = _SPAN_GAP.match(folded, raw.end)
    if gap is not None and gap.end() in figure_starts:
        return True
    return raw.unit.endswith("間") and raw.unit != _HOURS and folded.startswith("で", raw.end) \
        and folded[raw.end + 1:raw.end + 2] not in ("、", "あ", "")


def _span_before(folded: str, raw: RawFigure, window_start: int,
                 previous: measures.Measure, figure_starts: frozenset[int]) -> int:
    """Where the span the figure is given over starts (``5年間で約1兆円``: the previous
    figure, a duration with only で or に between), or -1."""
    if previous.particle != _SPAN or not _SPAN_GAP.fullmatch(folded, window_start, raw.start):
        return -1
    return max((s for s in figure_starts if previous.start <= s < window_start), default=-1)


def noun_after(folded: str, raw: RawFigure, dates: list[DateMention],
               figure_starts: frozenset[int]) -> tuple[measures.Measure, str]:
    """The noun after ``N<unit>の`` when it is what the figure counts (``約3,000人の職員``),
    and how the figure stands to the noun there: ``setup`` (``22隻の体制``: a set-up, no
    measure), ``qualifies`` (``3歳未満の子``: an attribute of it) or ``''``."""
    following = measures.following_measure(folded, raw.end, dates,
                                           figure_starts=figure_starts)
    if following.text in _SETUP_NOUNS:
        return measures.NONE, "setup"   # 22隻の体制: ships are counted, not set-ups
    if raw.unit in NAMING_UNITS and not names_the_same(raw.unit, following.text):
        return measures.NONE, ""   # ３機関の取組: institutions are counted, not initiatives
    if following.text and not measures.is_measure_noun(following.text) \
            and _glued_dimension(folded, raw, dates):
        # 射程約3,000kmの弾道ミサイル: the missile has the range; 従業員300人以上の企業:
        # the firms are the class the bound on employees marks off
        return measures.NONE, "qualifies" if raw.kind == "count" else ""
    if following.text and _persons_glued(folded, raw, following.text, dates):
        # 死者・行方不明者263名の被害: the persons glued before the count are counted, the
        # noun after の (no persons) is what they make up or suffer
        return measures.NONE, ""
    if describes_the_noun(folded, raw) and (not measures.is_measure_noun(following.text)
                                            or following.text.endswith(_COUNT_HEAD)):
        # 20GBのプラン: the plan has the size; 4m以上の津波の浸水高: the height is measured
        # (a physical unit only: 30歳代の女性の就業率 is no rate of 30); 65歳以上の高齢者数:
        # a count of those the figure marks off is no age
        owned = measures.owned_measure(folded, raw.end, dates) \
            if raw.kind == "measure" else measures.NONE
        return owned, "qualifies" if folded.startswith("の", raw.end) else ""
    return following, ""


def _persons_glued(folded: str, raw: RawFigure, following: str,
                   dates: list[DateMention]) -> bool:
    """A count of persons (``measure_person_counters.tsv``) glued to a noun of persons
    (``measure_person_heads.tsv``: ``死者・行方不明者263名``) with a noun after の that names
    no persons and no measure (``の被害``, ``の会合``)."""
    if raw.kind != "count" or raw.unit not in PERSON_COUNTERS \
            or following.endswith(PERSON_HEADS) or measures.is_measure_noun(following):
        return False
    noun = measures.glued_noun(folded, raw.start, dates)
    return len(noun) >= 2 and noun.endswith(PERSON_HEADS)


def _measure_before(folded: str, raw: RawFigure, anchor: int, window_start: int,
                    following: measures.Measure, relation: str,
                    previous: measures.Measure, dates: list[DateMention],
                    figure_starts: frozenset[int],
                    listed: tuple[str, measures.Measure, int]) -> measures.Measure:
    """The measure the words before the figure name (its topic, a noun glued to it or to
    ``anchor``, a bracket it stands in), or ``following``, the noun after it, as the
    sentence's shape says (``figure_measure``)."""
    adjacent = measures.adjacent_measure(folded, anchor, dates, window_start,
                                         over_qualifier=raw.kind != "duration")
    if relation == "qualifies" and not (measures.is_measure_noun(adjacent.text)
                                        and fits_kind(adjacent.text, raw.kind)):
        # 児童手当は3歳未満の子: the age is the child's, not the allowance's (a noun of
        # money measures no age)
        adjacent = measures.NONE
    entity = adjacent if adjacent.text else measures.bracket_measure(
        folded, raw.start, window_start, dates)
    if entity.text and not following.text:
        # ARPUをみると、NTTドコモは4,800円, 業種別にみると、電気通信業（4347.6万円/人）: the
        # entity a listed figure is given for is not what it measures
        unit, before, before_end = listed
        found = measures.listed_measure(
            folded, raw.start, entity, dates, figure_starts,
            before if unit == raw.unit else measures.NONE, before_end, raw.kind)
        if found.text:
            return found
        if after_breakdown(folded, entity):
            # 輸出先別では、アジアが6割近く: an item of a breakdown, not its measure (the
            # whole broken down, which the sentence may not name): kept, but unsure
            return measures.Measure(entity.text, "low")
    if adjacent.confidence == "low" and adjacent.particle == "が" \
            and folded[adjacent.start - 1:adjacent.start] == "「":
        # 「定額制と従量制の組み合わせ」が29.2％: a quoted item a figure is given for (an
        # answer, a category), which no list's measure took: not what it measures (a
        # quoted subject before は is kept, as an unquoted one is: 「放送業」は1.8％の減少)
        adjacent = measures.NONE
    if adjacent.particle == "を" and raw.unit in NAMING_UNITS \
            and folded.startswith("に", raw.end) and not names_the_same(raw.unit, adjacent.text) \
            and not measures.is_measure_noun(adjacent.text):
        # 「事業プロデューサー」を、…３機関に１名ずつ派遣: the bodies are whom the object
        # is sent to, not the object (a measure noun is raised to it: 機関数を159機関に拡大)
        adjacent = measures.NONE
    adjacent = measures.demote_actor_or_place(
        adjacent, following,
        # a share is the topic's own (情報通信産業は全産業の9.7％を占める); any other
        # figure as an object (政府は約1,234億円を計上) is the topic's doing, and so is a
        # set-up (海上保安庁は22隻の体制で)
        folded.startswith("を", raw.end) and raw.kind not in SHARE_KINDS
        or relation == "setup")
    # ＡＩを五つの重要科学技術の一つと: the figure qualifies the noun after it
    if following.text and adjacent.text and folded[raw.start - 1:raw.start] in "をも":
        return following
    # 世界第3位, 全国1位: the noun a rank is glued to is the field it ranks in, no measure
    owner = measures.NONE if raw.kind == "rank" or inside_a_term(folded, raw, anchor) \
        else measures.owner_measure(folded, anchor, window_start, dates, raw.kind in SHARE_KINDS)
    if raw.kind == "duration" and owner.text.endswith(_TIME_POINT_ENDS):
        # 学位取得後８年未満: the point a span is counted from; what is measured is the time
        # since it, in the unit's count noun (学位取得後の年数), when glued to the figure
        glued = folded[anchor - 1:anchor] != "の" and raw.unit in _SPAN_COUNT_NOUNS
        owner = measures.Measure(f"{owner.text}の{_SPAN_COUNT_NOUNS[raw.unit]}", "medium") \
            if glued else measures.NONE
    if owner.text and folded[anchor - 1:anchor] != "の" and not owner.text.endswith(raw.unit) \
            and not (raw.unit in PERSON_COUNTERS and owner.text.endswith(PERSON_HEADS)):
        # 死者は…穴水町20名, 被害額は石川県100億円: the place the figure is given for is an
        # item; the topic names what the figures count (not a noun the counter or persons
        # name: 登録事業者327者, 輪島市112名（行方不明者3名）)
        persons = PERSON_HEADS if raw.kind == "count" and raw.unit in PERSON_COUNTERS else ()
        topic_of = measures.owners_topic(folded, anchor - len(owner.text), dates, persons)
        if not topic_of.text:
            topic_of = listed_owner(folded, raw, anchor, owner, dates, figure_starts, listed)
        owner = topic_of if topic_of.text else owner
    if raw.kind == "measure" and not owner.text and _glued_dimension(folded, raw, dates):
        # 高さ約15mの防潮堤: a noun of an adjective's stem and さ, which no noun run reads
        owner = measures.Measure(measures.glued_noun(folded, raw.start, dates), "medium")
    for found in (measures.glued_measure(folded, anchor, dates), adjacent,
                  measures.bracket_measure(folded, raw.start, window_start, dates),
                  following, owner):
        if found.text:
            return found
    persons = PERSON_HEADS if raw.kind == "count" and raw.unit in PERSON_COUNTERS else ()
    topic = measures.topic_measure(folded, window_start, raw.start, dates, persons)
    if relation == "qualifies" and topic is not None and not fits_kind(topic.text, raw.kind):
        topic = measures.NONE   # 児童手当は3歳未満の子: no age of the allowance
    if topic is not None and topic.particle == measures.ABOUT \
            and not fits_kind(topic.text, raw.kind):
        # 構成割合について、…12業種中8業種で: a frame names the shares, not this count
        topic = measures.NONE
    generic = measures.generic_measure(folded, anchor, dates)
    if generic.text and not (topic and topic.text):
        # 障害基礎年金の額は、1級が月額8万2,812円: the list's measure, which the frame
        # before names, not how the figure is reckoned
        framed, _ = announcement(folded[:anchor], dates)
        if framed and fits_kind(framed, raw.kind):
            return measures.Measure(framed, "low")
        return generic   # 総額６億6,500万ユーロ: nothing else names the figure
    if topic is None:   # only brackets since the previous figure: the figure it compares
        # (not an attribute of what follows it: 約700万人、65歳以上の約5人に1人)
        return measures.Measure(previous.text, "medium") \
            if previous.text and relation != "qualifies" else measures.NONE
    return topic


# a letter symbol set equal to the figure: S=2.0％, V=60km/h, i＝3％
_SYMBOL_EQUALS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,3}[=＝]$")


def measure_anchor(folded: str, start: int, window_start: int) -> int:
    """Where the words before the figure at ``start`` that name its measure end: before
    the basis it is reckoned on (``温室効果ガス排出量はCO2換算11.7億トン``:
    ``number_reckoning_words.tsv``) and a bracket set between the measure noun and the
    figure (``食料自給率（カロリーベース）38％``); else ``start``."""
    if start - window_start < 2:
        return start
    symbol = _SYMBOL_EQUALS.search(folded, max(window_start, start - 6), start)
    if symbol is not None:   # 横断勾配がS=2.0％, 設計速度V=60km/h: the noun before the symbol
        start = symbol.start()
    reckoned = _RECKONED_ON.search(folded, max(window_start, start - 20), start)
    if reckoned is not None:
        start = reckoned.start()
    if folded[start - 1:start] == "）":
        opening = folded.rfind("（", max(window_start, start - 32), start)
        if opening >= 0 and "）" not in folded[opening:start - 1]:
            start = opening
    return start


def compared_measure(folded: str, raw: RawFigure, window_start: int,
                     previous: measures.Measure, dates: list[DateMention]) -> measures.Measure:
    """The measure of a figure set right after the base it is compared with (``前年より``,
    ``平年と比べて``, or ``前年産を`` before ``3kg上回った``): the measure before that base
    (``平均気温は平年より1.29℃高く`` → ``平均気温``), else the measure of the figure before it
    in the sentence at ``medium``, as after ``前年度比`` (``出生数は77万759人で、前年より
    4万875人減少`` → ``出生数``); none when no base stands before the figure."""
    start = raw.start
    past = folded[raw.numeral_end:raw.end].endswith(_PAST_VERBS)
    match = (_GONE_PAST if past else _COMPARED_WITH).search(
        folded, max(window_start, start - 30), start)
    if match is None:
        return measures.NONE
    found = measures.adjacent_measure(folded, match.start(), dates, window_start)
    if found.text:
        return found
    return measures.Measure(previous.text, "medium") if previous.text else measures.NONE


def _glued_dimension(folded: str, raw: RawFigure, dates: list[DateMention]) -> bool:
    """A noun glued right before a physical amount (``射程約3,000km``, ``全長約250m``) or
    a noun of persons before a bounded count of persons (``従業員300人以上``:
    ``measure_person_heads.tsv``; not ``県内300人以上の職員``) names what the figure
    measures or counts; the noun after ``の`` is what has it or falls in the class
    (``の弾道ミサイル``, ``の企業``).
    Not a bearing or a place (``北西約300km``, ``輪島港4.4m``: ``measure_bearing_words.tsv``)
    nor a qualifier (``下り最大``, ``number_qualifier_words.tsv``)."""
    count = raw.kind == "count" and raw.modifier in _CLASS_BOUNDS \
        and raw.unit in PERSON_COUNTERS
    if not (raw.kind == "measure" or count):
        return False
    if _RECKONED_ON.search(folded, max(0, raw.start - 20), raw.start):
        return False   # CO2換算11.7億トン: the basis, not the dimension
    noun = measures.glued_noun(folded, raw.start, dates)
    return len(noun) >= 2 and not noun.endswith(_BEARINGS) \
        and not noun.endswith(_QUALIFIER_WORDS) \
        and (not count or noun.endswith(PERSON_HEADS))


def describes_the_noun(folded: str, raw: RawFigure) -> bool:
    """The noun after ``N<unit>の`` has the figure as an attribute (``20GBのプラン``,
    ``65歳の高齢者``: ``number_attribute_units.tsv``) or falls in the class a bounded amount
    or a count's scale marks off (``資本金10億円以上の大企業``, ``従業員300人規模の企業``): it
    is not what the figure counts or amounts to, as it is after a count (``3,000人の
    職員``), a share (``50%の企業``) or a plain amount (``約500億円の予算``). A measure noun
    after it is still what it measures (``256kbps以上の通信速度``)."""
    return _base_unit(raw.unit) in _ATTRIBUTE_UNITS or (
        raw.kind in _AMOUNT_KINDS and raw.modifier in _CLASS_BOUNDS) or (
        raw.kind == "count" and folded.endswith("規模", 0, raw.end))


def names_its_measure(measure: measures.Measure) -> bool:
    """A figure with no unit is reported when the sentence names what it measures,
    confidently, with a measure noun (``合計特殊出生率は1.26``, ``有効求人倍率は1.31``)."""
    return measure.confidence == "high" and measures.is_measure_noun(measure.text)
