"""PLACE mentions: prefectures, cities, countries and regions of ``pipeline/data/places.tsv``.

Full names match on token boundaries, as a word of their own (``word_bounds``: not
``日本`` in ``日本語`` or ``東京`` in ``東京ビッグサイト``), and not the first words of a
longer name (``東京証券取引所``, ``2025年日本国際博覧会``: ``place_name_heads.tsv``); a
bare prefecture name such as ``青森`` (an alias of three characters or fewer) only where
UniDic tags the token 地名; a bare name that shares the head of the place printed after it
is the place that head makes of it (中国・四国地方: 中国地方, not China), and so is a
country's bare name before a count of prefectures or beside a region of Japan in a list
when a ``…地方`` region shares it (中国５県, 中国・九州北部豪雨: 中国地方); a country or region
after a compass point is only a part of it (西|日本, 北|アフリカ: ``place_part_prefixes.tsv``)
and no mention. A place before a one-kanji ward or town and its suffix is an address's
first part and a mention (大阪市|北|区, 東京都|港|区). A bare name that a prefecture and its capital share (広島, 京都: the city
``広島市`` is in ``places.tsv`` too) is the city where a meeting is held there
(広島で開催, 京都会合: ``place_venue_words.tsv``), the prefecture after a word ending in
県 or 府 (最短命県青森), else the one of the two the paragraph prints in full (only
広島県, or only 広島市); with no such evidence it is read as neither: canonical the
name as printed, English the words the two share (Hiroshima), ``how``
``place_prefecture_or_city``. A city, ward, town, village or district ``places.tsv`` does not
list is found by its shape, a 地名 token run and a local-government suffix (横須賀|市:
``find_municipalities``), canonical as printed, no English. Like
``pipeline.tagging.entities.name_patterns``, pure functions returning ``PatternMatch`` records
with offsets into the text; nothing here knows about spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.common.lexicons import data_text, data_where, word_list, word_map
from pipeline.errors import PipelineError
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.form_index import FormIndex
from pipeline.tagging.entities.org_words import LOCAL_GOVERNMENT_SUFFIXES
from pipeline.tagging.entities.pattern_match import PatternMatch
from pipeline.tagging.entities.word_bounds import (
    PHRASE_SUFFIXES,
    heads_a_name,
    inside_longer_word,
    names_a_programme,
    opens_a_region,
)

PLACES_WHERE = "pipeline/data/places.tsv"
PLACE_FILES = ("places", "place_features")   # pipeline/data/, read in this order
PLACE_COLUMNS = ("name_ja", "type", "name_en", "aliases", "code", "source")
PLACE_TYPES = frozenset({"prefecture", "city", "country", "region", "feature"})
PART_PREFIXES = frozenset(word_list("place_part_prefixes"))
_VENUE_WORDS = word_map("place_venue_words")   # word → holding | meeting
HOLDING_WORDS = tuple(word for word, kind in _VENUE_WORDS.items() if kind == "holding")
MEETING_WORDS = frozenset(word for word, kind in _VENUE_WORDS.items() if kind == "meeting")
if set(_VENUE_WORDS.values()) - {"holding", "meeting"}:
    raise PipelineError("pipeline/data/place_venue_words.tsv: a value is neither holding nor "
                        f"meeting ({sorted(set(_VENUE_WORDS.values()))}); fix the row")
AMBIGUOUS_HOW = "place_prefecture_or_city"
_VENUE_PARTICLES = frozenset({"で", "にて"})


@dataclass(frozen=True)
class Place:
    name_ja: str
    type: str
    name_en: str
    aliases: tuple[str, ...]
    code: str
    source: str


def parse_places(text: str, where: str = PLACES_WHERE) -> tuple[Place, ...]:
    """Parse and validate places TSV text (``#`` lines are comments); raise
    PipelineError naming the line and fix."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1)
             if not line.startswith("#")]
    if not lines or tuple(lines[0][1].split("\t")) != PLACE_COLUMNS:
        raise PipelineError(f"{where} line {lines[0][0] if lines else 1}: header must be "
                            f"{' TAB '.join(PLACE_COLUMNS)}")
    places = []
    for number, line in lines[1:]:
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(PLACE_COLUMNS):
            raise PipelineError(f"{where} line {number}: expected {len(PLACE_COLUMNS)} "
                                f"tab-separated cells, got {len(cells)} in {line!r}")
        name_ja, type_, name_en, aliases, code, source = cells
        if type_ not in PLACE_TYPES or not name_ja or not source:
            raise PipelineError(f"{where} line {number}: {name_ja!r} needs a name, a type in "
                                f"{sorted(PLACE_TYPES)} and a source; fix the row")
        places.append(Place(name_ja, type_, name_en,
                            tuple(a for a in aliases.split("|") if a), code, source))
    return tuple(places)


@lru_cache(maxsize=1)
def load_places() -> dict[str, tuple[Place, bool]]:
    """Every name and alias in ``places.tsv`` and ``place_features.tsv`` (seas, islands,
    peninsulas: type ``feature``) → (place, is_alias)."""
    forms: dict[str, tuple[Place, bool]] = {}
    for place in (place for name in PLACE_FILES
                  for place in parse_places(data_text(name), data_where(name))):
        forms[place.name_ja] = (place, False)
        for alias in place.aliases:
            forms.setdefault(alias, (place, True))
    return forms


def is_foreign_city(name: str) -> bool:
    """Is ``name`` a name of a city of ``places.tsv`` outside Japan (Japan's are named
    …市: 札幌市; a foreign one is not: ロンドン, ジュネーブ)?"""
    found = load_places().get(name)
    return found is not None and found[0].type == "city" and \
        not found[0].name_ja.endswith("市")


def place_named(name: str) -> Place | None:
    """The place whose full name is ``name`` (``宮崎県``), or None."""
    found = load_places().get(name)
    return found[0] if found is not None and not found[1] else None


@lru_cache(maxsize=1)
def _places_index() -> FormIndex:
    return FormIndex(load_places())


def find_places(text: str, tokens: Sequence[Token]) -> list[PatternMatch]:
    """Prefectures, cities, countries and regions of ``places.tsv`` on token boundaries,
    each a word of its own (``word_bounds``: not ``日本`` in ``日本語``)."""
    spans = place_spans(text)
    if not spans:
        return []
    return places_on_tokens(text, spans, {t.start: t for t in tokens},
                            {t.end: t for t in tokens})


def place_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every name or alias of ``places.tsv`` in ``text``, token
    boundaries not yet checked (most texts hold none: no tokens need be read)."""
    return _places_index().find(text)


def places_on_tokens(text: str, spans: Sequence[tuple[int, int]],
                     starting: Mapping[int, Token], ending: Mapping[int, Token]
                     ) -> list[PatternMatch]:
    """The ``place_spans`` of ``text`` that start and end on token boundaries and are a
    word of their own (``starting``/``ending``: token start/end → token), as
    ``find_places`` gives them."""
    found = []
    for start, end in spans:
        first = starting.get(start)
        if first is None:
            continue
        word_end = end if end in ending else _end_before_phrase_suffix(text, start, end,
                                                                      starting)
        if word_end is None:
            continue
        after = starting.get(word_end)
        place, is_alias = load_places()[text[start:end]]
        if inside_longer_word(ending.get(start), None if _opens_an_address(
                after, lambda token: starting.get(token.end)) else after) or \
                heads_a_name(after, lambda token: starting.get(token.end)) or \
                names_a_programme(ending.get(start), after) or \
                (place.type in ("country", "region")
                 and (opens_a_region(after, lambda token: starting.get(token.end))
                      or _part_named(ending.get(start)))):
            continue
        place = _with_shared_head(text[start:end], place, starting.get(word_end),
                                  lambda token: starting.get(token.end))
        place = _as_home_region(text, (start, word_end), place,
                                (ending.get(start), starting.get(word_end)),
                                (lambda token: ending.get(token.start),
                                 lambda token: starting.get(token.end)))
        bare = is_alias and end - start <= 3
        if bare and not ("地名" in first.tag or "固有名詞" in first.tag):
            continue
        city = place_named(text[start:end] + "市") if bare and place.type == "prefecture" \
            else None
        if city is not None:
            found.append(_prefecture_or_city(text, (start, end), (place, city),
                                             ending.get(start), starting.get(word_end),
                                             lambda token: starting.get(token.end)))
            continue
        found.append(PatternMatch(start, end, "PLACE", place.name_ja, f"place_{place.type}",
                                  place.name_en))
    return found


def _prefecture_or_city(text: str, span: tuple[int, int], pair: tuple[Place, Place],
                        before: Token | None, after: Token | None,
                        next_of: Callable[[Token], Token | None]) -> PatternMatch:
    """The mention of a bare name at ``span`` that a prefecture and its capital share
    (``pair``: 広島県, 広島市), read by the evidence of the module docstring; with none,
    the name as printed, the English words the two share and ``AMBIGUOUS_HOW``."""
    start, end = span
    prefecture, city = pair
    chosen: Place | None = None
    counted = _list_counted_as(after, next_of)
    if _held_there(after, next_of) or counted == "市":
        chosen = city
    elif counted in ("県", "府", "府県", "都道府県") or (
            before is not None and before.pos1 == "名詞" and before.text.endswith(("県", "府"))):
        chosen = prefecture
    elif (prefecture.name_ja in text) != (city.name_ja in text):
        chosen = prefecture if prefecture.name_ja in text else city
    if chosen is not None:
        return PatternMatch(start, end, "PLACE", chosen.name_ja, f"place_{chosen.type}",
                            chosen.name_en)
    shared = []
    for word, other in zip(prefecture.name_en.split(), city.name_en.split(), strict=False):
        if word != other:
            break
        shared.append(word)
    return PatternMatch(start, end, "PLACE", text[start:end], AMBIGUOUS_HOW, " ".join(shared))


_COUNTED_UNITS = re.compile(r"(?:各|両|[0-9０-９一二三四五六七八九十]+)(都道府県|府県|県|府|市)")
_LIST_MARKS = frozenset({"、", "・", "，", "及び", "並びに", "と"})


def _list_counted_as(after: Token | None, next_of: Callable[[Token], Token | None]
                     ) -> str:
    """The unit a list of places that the name opens or is part of is counted in
    (長野、山梨、福島の各県, 岩手・宮城・福島の3県, 青森、秋田両県 → 県; 各市 → 市), or ""."""
    while after is not None and after.text in _LIST_MARKS:
        place = next_of(after)
        if place is None or place.pos3 != "地名":
            return ""
        after = next_of(place)
    if after is not None and after.text == "の":
        after = next_of(after)
    words = ""
    for _ in range(2):
        if after is None:
            break
        words += after.text
        counted = _COUNTED_UNITS.fullmatch(words)
        if counted:
            return counted.group(1)
        after = next_of(after)
    return ""


def _held_there(after: Token | None, next_of: Callable[[Token], Token | None]) -> bool:
    """Is a meeting held at the place the tokens from ``after`` on follow: a meeting noun
    glued to it (京都|会合), or で/にて/において and a verb of holding one, right after or
    after the meeting's noun phrase and を/が (広島|で|開催, 京都|で|開か|れ|た,
    静岡|で|説明|会|を|開催): ``place_venue_words.tsv``?"""
    if after is None:
        return False
    if after.pos1 == "名詞" and after.text in MEETING_WORDS:
        return True
    particle = _venue_particle_end(after, next_of)
    word = next_of(particle) if particle is not None else None
    nouns = 0
    while word is not None and word.pos1 in ("名詞", "接尾辞") and nouns < _VENUE_NOUNS:
        if _holds_a_meeting(word):
            return True
        word, nouns = next_of(word), nouns + 1
    if nouns and word is not None and word.text in _OBJECT_PARTICLES:
        word = next_of(word)
    return word is not None and _holds_a_meeting(word)


_VENUE_NOUNS = 6   # the words of a meeting's name between で and its verb, at most
_OBJECT_PARTICLES = frozenset({"を", "が"})


def _venue_particle_end(after: Token, next_of: Callable[[Token], Token | None]
                        ) -> Token | None:
    """The last token of で, にて or において when they start at ``after``, else None."""
    if after.text in _VENUE_PARTICLES:
        return after
    if after.text != "に":
        return None
    for part in ("おい", "て"):
        following = next_of(after)
        if following is None or following.text != part:
            return None
        after = following
    return after


def _holds_a_meeting(word: Token) -> bool:
    """Is ``word`` a word of holding a meeting (開催, a verb 開か…: ``place_venue_words.tsv``)?"""
    if word.pos1 == "動詞":
        return word.text.startswith(HOLDING_WORDS)
    return word.text in HOLDING_WORDS


def _end_before_phrase_suffix(text: str, start: int, end: int,
                              starting: Mapping[int, Token]) -> int | None:
    """The end of the token the name ends inside, when the rest of that token is a phrase
    suffix (``name_phrase_suffixes.tsv``): UniDic reads 東京|都内 and 愛知|県外, whose
    東京都 and 愛知県 are places all the same; else None."""
    token = starting.get(start)
    while token is not None and token.end < end:
        token = starting.get(token.end)
    if token is None or token.end <= end or text[end:token.end] not in PHRASE_SUFFIXES:
        return None
    return token.end


def _with_shared_head(name: str, place: Place, after: Token | None,
                      next_of: Callable[[Token], Token | None]) -> Place:
    """The place ``name`` stands for when it shares the head of the place name printed
    after it (``・`` between them, or nothing): in 中国・四国地方 and 中国四国地方,
    中国 is 中国地方 (the region), not China. ``place`` when no such name follows."""
    if after is not None and after.text == "・":
        after = next_of(after)
    if after is None or after.pos3 != "地名":
        return place
    last = after
    while after is not None and after.pos1 in ("名詞", "接尾辞"):
        last, after = after, next_of(after)
    found = load_places().get(name + last.text) if last.pos3 != "地名" else None
    return found[0] if found is not None else place


_PREFECTURE_COUNT = re.compile(r"[0-9０-９一二三四五六七八九十]+県")


def _as_home_region(text: str, span: tuple[int, int], place: Place,
                    beside: tuple[Token | None, Token | None],
                    steps: tuple[Callable[[Token], Token | None],
                                 Callable[[Token], Token | None]]) -> Place:
    """The region of Japan named ``<name>地方`` in ``places.tsv`` that a country's bare
    name stands for before a count of prefectures (中国５県) or in a list with a region of
    Japan (中国・九州北部豪雨, 近畿・中国・四国: a region whose names hold a ``…地方``
    form); ``place`` otherwise, and always when no such region is listed."""
    start, end = span
    found = load_places().get(text[start:end] + "地方")
    if place.type != "country" or found is None or found[0].type != "region":
        return place
    if _PREFECTURE_COUNT.match(text, end):
        return found[0]
    for mark, step in zip(beside, steps, strict=True):
        if mark is not None and mark.text == "・":
            other = step(mark)
            if other is not None and _is_home_region(other.text):
                return found[0]
    return place


def _is_home_region(word: str) -> bool:
    """Is ``word`` a region of Japan: a region of ``places.tsv`` one of whose names ends in
    地方 (近畿, 九州地方; not 東アジア or 中東)?"""
    found = load_places().get(word)
    if found is None or found[0].type != "region":
        return False
    region = found[0]
    return any(form.endswith("地方") for form in (region.name_ja, *region.aliases))


def _opens_an_address(after: Token | None, next_of: Callable[[Token], Token | None]
                      ) -> bool:
    """Is ``after``, glued to a place, a one-kanji place name and a local-government
    suffix after it, the ward or town of an address (大阪市|北|区, 東京都|港|区)? The place
    is then a word of its own, as before a longer place name (石川県|能登地方)."""
    if after is None or after.pos3 != "地名":
        return False
    suffix = next_of(after)
    return suffix is not None and suffix.text in LOCAL_GOVERNMENT_SUFFIXES


def _part_named(before: Token | None) -> bool:
    """Is ``before``, glued to a country's or region's name, a word that names a part of
    it (``place_part_prefixes.tsv``: 西|日本, 東|アジア, 北|アフリカ; not 対|ロシア)?"""
    return before is not None and before.text in PART_PREFIXES and before.pos1 == "名詞"


MUNICIPALITY_HOW = "place_municipality"
_MUNICIPALITY_SUFFIXES = "市区町村郡"
MUNICIPALITY_SUFFIX = re.compile(f"[{_MUNICIPALITY_SUFFIXES}]")


def find_municipalities(text: str, starting: Mapping[int, Token],
                        ending: Mapping[int, Token]) -> list[PatternMatch]:
    """Cities, wards, towns, villages and districts ``places.tsv`` does not list, found by
    their shape: a run of tokens UniDic tags 名詞-固有名詞-地名 and a local-government
    suffix as a word of its own right after it (横須賀|市, 洞爺湖|町, 虻田|郡; after a
    place of ``places.tsv``, which stays a mention of its own: 北海道|虻田|郡, 神奈川県|横須賀|市),
    or glued to a phrase suffix (横須賀|市長, 八王子|市内: ``name_phrase_suffixes.tsv``, the
    city as for 大阪市長). Canonical the name as printed, no English (none is listed). Not
    a name one kanji long (北|区 of 大阪市北区: an address's part), nor one inside a
    longer word or name (横須賀市|立, 横須賀市|民, ``word_bounds``); a common noun before
    the suffix (都市, 当該|市町村, 同市, 各|市, 指定|都市) is no place name and gives none.
    A name of ``places.tsv`` is left to ``places_on_tokens``."""
    found = []
    for suffix_at in MUNICIPALITY_SUFFIX.finditer(text):
        start, end = suffix_at.start(), suffix_at.end()
        suffix, name = starting.get(start), _place_name_run(start, ending)
        if suffix is None or suffix.pos1 != "名詞" or name is None:
            continue
        if suffix.end != end and suffix.text[1:] not in PHRASE_SUFFIXES:
            continue   # 市民, 市場: another word
        canonical = text[name:end]
        if canonical in load_places() or end - 1 - name < 2:
            continue
        after = starting.get(suffix.end)
        before = ending.get(name)
        next_of: Callable[[Token], Token | None] = lambda token: starting.get(token.end)  # noqa: E731
        if inside_longer_word(before, None if _opens_an_address(after, next_of) else after) \
                or heads_a_name(after, next_of) or names_a_programme(before, after):
            continue
        found.append(PatternMatch(name, suffix.end, "PLACE", canonical, MUNICIPALITY_HOW, ""))
    return found


def _place_name_run(end: int, ending: Mapping[int, Token]) -> int | None:
    """The start of the run of 地名 tokens that ends at ``end`` (横須賀, 南|相馬), stopping
    after a place of ``places.tsv`` before it (北海道|虻田: 虻田); None when the token
    before ``end`` is no 地名 or the run is a country or region (中国|市場 is one word
    anyway, but 米国|市 is no municipality)."""
    token = ending.get(end)
    start = None
    while token is not None and token.pos2 == "固有名詞" and token.pos3 == "地名":
        if start is not None and token.text in load_places():
            break
        start = token.start
        token = ending.get(token.start)
    if start is None:
        return None
    listed = load_places().get(_run_text(start, end, ending))
    return None if listed is not None and listed[0].type in ("country", "region") else start


def _run_text(start: int, end: int, ending: Mapping[int, Token]) -> str:
    pieces = []
    token = ending.get(end)
    while token is not None and token.end > start:
        pieces.append(token.text)
        token = ending.get(token.start)
    return "".join(reversed(pieces))
