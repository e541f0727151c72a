"""A figure given for an entity in a list: what the list measures (``listed_measure``).

``ARPUをみると、NTTドコモは4,800円、KDDIは6,560円``: the figure is given for an entity
(``XはN``, ``XがN``, ``X（N）``, ``XN``, X no measure noun) in a list opened by a measure noun M
(``構成割合をみると、``, ``契約数のうち、``, ``割合は、``, ``排出量を部門別にみると、``;
``Xの内訳は、``: the parts of X), every item before it with a figure, or after a figure of M
in the same unit (``技術輸出額が3兆円で、そのうち情報通信産業は5,123億円``): it measures M,
not the entity (``medium``). A money or share noun measures no count
(``measure_head_kinds.tsv``: ``予算額をみると、対象事業者は120社`` keeps the entity), and a
share of a whole is the entity's own (``全産業の8.6％を占め``).
"""

from __future__ import annotations

import re

from pipeline.common.lexicons import word_map
from pipeline.tagging.dates import DateMention
from pipeline.tagging.measure_nouns import (
    NONE,
    NOUN,
    QUALIFIERS,
    Measure,
    in_date,
    is_measure_noun,
)

_BREAKDOWN_END = "別"   # 男女別, 業種別: how the figures are grouped
# the particle of an entity glued to its figure with none (映像系ソフト5兆1,009億円, 「CM」66.5％)
GLUED = "glued"
# Xの額は、: the amount of X (障害基礎年金の額は、1級が…) opens a list as 年金額は、 does
_OF_WORDS = "額|金額|件数|人数|割合|比率|総額|総数|規模"
# A measure noun that opens a list of figures each given for one entity (a company, a
# country, a segment): ``ARPUをみると、NTTドコモは4,800円、KDDIは6,560円``, ``市場構成比では、``,
# ``契約数のうち、``, ``割合は、``, ``排出量を部門別にみると、``; ``Xの内訳は、`` (the figures are
# parts of X; ``Xの国・地域別の内訳は、``: X); a ranking by M (``Mが大きかったものは``)
_FRAME = re.compile(rf"(?P<m>{NOUN}(?:の(?:{_OF_WORDS}))?)(?:（[^（）]{{0,30}}）)?"
                    r"(?:の[^、。のを]{1,10}別)?"
                    r"(?P<parts>の内訳)?"
                    r"(?:(?:(?:を|について)(?:[^、。]{0,8}別に)?(?:みる|見る)と|について"
                    r"|では|は|のうち)、"
                    # 回答企業の割合が大きかったものは「…」が15.4％: a ranking by M
                    r"|が(?:最も)?(?:大き|高|多|低|小さ|少な)(?:い|かった)(?:もの|の)は、?)")
# a measure noun of money or of a share names no count of companies or persons (予算額を
# みると、対象事業者は120社): the heads that say which kinds of figure they measure
# (``none``: a figure with no kind)
_HEAD_KINDS = {head: tuple("" if kind == "none" else kind for kind in kinds.split(" "))
               for head, kinds in word_map("measure_head_kinds").items()}


def fits_kind(noun: str, kind: str) -> bool:
    """Can a measure noun measure a figure of ``kind`` (``研究費`` no count of 社)?"""
    return all(kind in kinds for head, kinds in _HEAD_KINDS.items() if noun.endswith(head))


# between an entity and its share of a whole: 情報通信産業は全産業の8.6％
_SHARE_GAP = re.compile(rf"(?:は|が)、?(?:{NOUN})の")
# what may stand between the last item of a list and the next entity (``と最も高く、次いで``)
# (最も低い岩手県は: an item a superlative opens)
_SUPERLATIVE = r"(?:最も(?:高|低|多|少な|大き|小さ)い)?"
_LIST_LINK = re.compile(r"[、\s]*(?:次いで|続いて|また|さらに|そのうち|このうち|うち)?[、\s]*"
                        rf"{_SUPERLATIVE}(?:[0-9.\-]+[一-鿿゠-ヿ]{{0,3}})?")   # a figure in the name: 5世代携帯電話
# what ties a measure's figure to the list after it: ``売上高は17兆円（…）であり、事業別に
# みると、電気通信事業は14兆円``, ``技術輸出額が3兆円で、そのうち情報通信産業は5,123億円``,
# ``農業総産出額9兆円のうち、畜産が3.4兆円``
_CONTINUED = re.compile(r"(?:で|であり|となり|となっており|となっている中|のうち"
                        # 福井県が1.91倍で最も高く、沖縄県は0.87倍: the next item
                        r"|で最も[^、。]{1,4}?く)?、"
                        r"(?:[^、。]{0,10}別に(?:みる|見る)と、|(?:その|この)?うち、?"
                        # 平均寿命は男性81.05年、女性87.09年であり、前年と比べて男性は0.42年
                        r"|[^、。]{1,8}?(?:[とに]比べ(?:て|ると)?|と比較(?:して|すると)?|より)、?)?"
                        r"[、\s]*")


_COORDINATION_MARKS = ("・", "･")   # 元請け・下請け別: a run read from after the mark is cut


def _past_breakdown(noun: str) -> str:
    """A frame's measure noun whose run was cut inside a breakdown's coordination
    (``元請け・下請け別企業数の割合`` read from ``下請け``), after the breakdown: ``企業数の
    割合``, not ``下請け別企業数の割合`` (a whole run keeps it: ``サービス別売上高``)."""
    head = noun.rsplit(_BREAKDOWN_END, 1)[-1]
    return head if head != noun and len(head) >= 2 and is_measure_noun(head) else noun


def _past_brackets(folded: str, at: int, end: int) -> int:
    """Where the text goes on after the brackets (nested too) opening at ``at``."""
    depth = 0
    while at < end and (depth or folded[at] == "（"):
        depth += {"（": 1, "）": -1}.get(folded[at], 0)
        at += 1
    return at


def _items_between(folded: str, start: int, end: int, figure_starts: frozenset[int]) -> bool:
    """``folded[start:end]`` is items of a list, each with a figure, each closed by 、 (at
    bracket depth 0; or や after a bracket, ``米国（15％）や日本（21％）``), and at most a link
    word (``次いで``) before ``end``."""
    depth, item_start = 0, start
    for at in range(start, end):
        char = folded[at]
        if char == "（":
            depth += 1
        elif char == "）":
            depth = max(0, depth - 1)
        elif depth == 0 and (char == "、" or char == "や" and folded[at - 1] == "）"):
            if at > item_start and not any(item_start <= s < at for s in figure_starts):
                return False   # a clause with no figure (前年より増加し、): no list
            item_start = at + 1
        elif char == "。":
            return False
    return _LIST_LINK.fullmatch(folded, item_start, end) is not None


def listed_measure(folded: str, figure_start: int, entity: Measure,
                   dates: list[DateMention], figure_starts: frozenset[int],
                   previous: Measure = NONE, previous_end: int = -1,
                   kind: str = "") -> Measure:
    """``MをみるとAがN、BがN``: a figure given for an entity (``entity``: ``XはN``, ``XがN``,
    X no measure noun) in a list opened by a measure noun M (``_FRAME``), or after a figure
    of M in the same unit (``previous`` ending at ``previous_end``: ``売上高は17兆円であり、
    事業別にみると、電気通信事業は14兆円``) measures M, not the entity (``medium``: read across
    a clause). ``NONE`` when there is no such list, or when the figure is the entity's
    share of a whole (``情報通信産業は全産業の9.7％を占める``: the entity's own) but right
    after a frame that surely opens a list (``主な産業の名目GDPの規模をみると、情報通信産業は
    全産業の8.6％を占め``, ``ソフト別の市場構成比では、映像系ソフトが全体の6割近く``: the share
    of M)."""
    if entity.start < 0 or entity.particle not in ("は", "が", "では", "も", "（", GLUED) \
            or is_measure_noun(entity.text):
        return NONE
    between = folded[entity.start + len(entity.text):figure_start]
    share = "の" in between
    if share and not _SHARE_GAP.fullmatch(between):
        return NONE
    end = entity.start - (folded[entity.start - 1:entity.start] == "「")
    frame: Measure = NONE
    frame_end, frame_parts, frame_sure = -1, False, False
    for match in _FRAME.finditer(folded, 0, end):
        noun = match.group("m")
        if (match.group("parts") or is_measure_noun(noun)) and noun not in QUALIFIERS \
                and not noun.endswith("別") \
                and not in_date(match.start("m"), match.end("m"), dates):
            cut = folded[match.start("m") - 1:match.start("m")] in _COORDINATION_MARKS \
                or noun.startswith(_COORDINATION_MARKS)
            frame = Measure(_past_breakdown(noun) if cut else noun, "medium")
            frame_end = match.end()
            frame_parts = bool(match.group("parts"))
            # Mをみると, Mについて; X別のMでは (a breakdown opens a list for sure)
            frame_sure = _SURE_FRAME.search(match.group()) is not None \
                or folded.endswith(_BY_KIND_OF, 0, match.start("m"))
    if share:   # the entity's share of a whole: a list's only right after a sure frame
        # (of any measure: a share of an amount, 出荷額では、関東が全体の3割)
        return frame if frame.text and frame_sure and frame_end == end else NONE
    # the previous figure's measure is the list's, unless it is its entity's own
    # (固定通信の割合が32.4％、移動通信が52.2％: not 固定通信の割合)
    if previous_end > frame_end and is_measure_noun(previous.text) and "の" not in previous.text:
        at = _past_brackets(folded, previous_end, end)
        link = _CONTINUED.match(folded, at, end)
        # 研究者数は69.0万人であり、中国（2020年：228.1万人）、米国（2019年：158.6万人）
        if link and _items_between(folded, link.end(), end, figure_starts):
            return Measure(previous.text, "medium")
    if frame.text and (frame_parts or fits_kind(frame.text, kind)) \
            and _items_between(folded, frame_end, end, figure_starts):
        return frame
    return _double_subject(folded, entity, end, dates, kind)


# MはAがN: a measure noun as the topic, the entity the figure is given for as the subject
# right after it (有効求人倍率は福井県が1.91倍)
_TOPIC_BEFORE = re.compile(rf"(?P<m>{NOUN})(?:（[^（）]{{0,30}}）)?は、?$")


def _double_subject(folded: str, entity: Measure, end: int, dates: list[DateMention],
                    kind: str) -> Measure:
    """``有効求人倍率は福井県が1.91倍``: a figure given for an entity with が right after a
    topic ``Mは`` that is a measure noun measures M (``medium``), not the entity."""
    if entity.particle != "が":
        return NONE
    match = _TOPIC_BEFORE.search(folded, max(0, end - 40), end)
    if match is None:
        return NONE
    noun = match.group("m")
    if not is_measure_noun(noun) or noun in QUALIFIERS or not fits_kind(noun, kind) \
            or in_date(match.start("m"), match.end("m"), dates):
        return NONE
    return Measure(noun, "medium")


# a breakdown that opens a list of items (輸出先別では、, 産業別にみると、, 都道府県別の
# 最低賃金は、): each entity after it is an item the figures are given for, not what they
# measure
# (都道府県別（就業地別）にみると: a note on the breakdown in brackets)
_BREAKDOWN = re.compile(r"別(?:（[^（）、。]{1,20}）)?(?:の[^、。別]{1,20}?(?:では|は|を(?:みる|見る)と)"
                        r"|では|には|で|は|に(?:みる|見る)と)、")


def has_breakdown(folded: str) -> bool:
    """Does the sentence open a breakdown (``輸出先別では、``)?"""
    return "別" in folded and _BREAKDOWN.search(folded) is not None


def after_breakdown(folded: str, entity: Measure) -> bool:
    """Is ``entity`` (``XがN``, ``XはN``, ``X（N）``, X no measure noun) an item of a list a
    breakdown opens earlier in the sentence (``輸出先別では、アジアが6割近く``)? The
    whole broken down, not the item, is the measure."""
    if entity.start < 0 or entity.particle not in ("は", "が", "では", "も", "（") \
            or is_measure_noun(entity.text):
        return False
    opened = [m.end() for m in _BREAKDOWN.finditer(folded, 0, entity.start)]
    # the entity opens a clause (輸出先別では、アジアが, …、大阪府が): not one a clause
    # qualifies (資本金規模別にみると、…に属する企業が)
    return bool(opened) and "。" not in folded[opened[-1]:entity.start] \
        and folded[entity.start - 1:entity.start] in ("、", "")


_SURE_FRAME = re.compile(r"みると|見ると|について")   # a frame that opens a list for sure
_BY_KIND_OF = "別の"   # ソフト別の市場構成比では、: a breakdown's measure, a list for sure
_FRAME_LINKS = ("みると、", "見ると、", "について", "は、", "では、", "のうち、")   # _FRAME's ends
# a clause that may open a list whose measure an earlier sentence announced: a link word
# (このうち、), then a clause naming no measure of its own (その他の国の最新年の値を多い順に
# みると、, 部門別にみると、, 地域別では、)
_LIST_OPENER = re.compile(r"(?:(?:また|なお|さらに|一方|次いで|続いて|このうち|そのうち|うち)、)?"
                          r"(?:[^、。（）]{1,30}?(?:(?:を[^、。]{0,8}?|別(?:（[^（）、。]{1,20}）)?に)"
                          r"(?:みる|見る)と|について(?:は)?"
                          r"|では|は|のうち)、)?" + _SUPERLATIVE)


def announcement(folded: str, dates: list[DateMention]) -> tuple[str, bool]:
    """The measure noun a sentence announces for a list that may follow in the next one,
    its last frame with a measure noun (``Mをみると、``, ``Mについて``, ``主要国における研究者数は、``),
    or ''; and whether it surely opens a list (``をみると``, ``について``; a topic ``Mは、``
    may only open its own clause)."""
    found = ("", False)
    if not any(word in folded for word in _FRAME_LINKS):
        return found   # the scan tries a noun run at every position: skip it when it must fail
    for match in _FRAME.finditer(folded):
        noun = match.group("m")
        if is_measure_noun(noun) and noun not in QUALIFIERS and not noun.endswith("別") \
                and not in_date(match.start("m"), match.end("m"), dates):
            found = (noun, _SURE_FRAME.search(match.group(), match.end("m") - match.start())
                     is not None)
    return found


def announced_measure(folded: str, figure_start: int, entity: Measure,
                      figure_starts: frozenset[int], announced: str, kind: str,
                      unit: str = "") -> Measure:
    """A figure given for an entity (as ``listed_measure`` reads it) in a list that opens
    its sentence (after a link word or a clause naming no measure: ``その他の国の値を多い
    順にみると、ドイツ（2020年：45.2万人）、韓国（…）``), whose measure the sentence before
    ``announced`` (``研究者数``: a frame or the measure its figures of the same unit
    share): that measure, ``low`` (read across a sentence). ``NONE`` when the sentence
    opens otherwise, its opening clause names a measure of its own, or the entity is
    what the figure's ``unit`` counts (``このうち、小規模事業者は285.3万者``: 事業者 by 者)."""
    if not announced or not fits_kind(announced, kind) or entity.start < 0 \
            or entity.particle not in ("は", "が", "では", "も", "（") \
            or is_measure_noun(entity.text) or unit and entity.text.endswith(unit) \
            or "の" in folded[entity.start + len(entity.text):figure_start]:
        return NONE
    end = entity.start - (folded[entity.start - 1:entity.start] == "「")
    opener = _LIST_OPENER.match(folded, 0, end)
    if opener is None or any(s < opener.end() for s in figure_starts) or any(
            is_measure_noun(m.group("m")) for m in _FRAME.finditer(folded, 0, opener.end())):
        return NONE
    if not _items_between(folded, opener.end(), end, figure_starts):
        return NONE
    return Measure(announced, "low")
