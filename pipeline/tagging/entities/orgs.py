"""Find organisation names in Japanese text by structure and by gazetteer lookup.

Ten kinds of evidence, each a small function that returns candidate spans:

- ``gazetteer``: any name, alias or acronym in ``pipeline/data/gazetteer.tsv``, matched
  on NFKC text (``ＮＩＣＴ`` = ``NICT``); Latin forms need non-letter neighbours, short
  Japanese forms must start and end on token boundaries (``学振`` is not in ``科学振興``),
  and no form is taken when a group word and a legal form follow it
  (``パナソニック ホールディングス株式会社`` is not ``パナソニック``: ``org_group_words.tsv``);
- ``legal_prefix``: a legal form followed by a name (``株式会社テスト技研``,
  ``公益財団法人…``, ``(株)日立製作所``); the name runs until a particle, a punctuation
  mark or a conjunction (``及び``, ``並びに``, ``又は``, ``等``);
- ``legal_suffix``: a name followed by a company form (``花王株式会社``, ``マツダ(株)``),
  over a space before a group word (``パナソニック ホールディングス株式会社``);
- ``suffix``: a name ending in an organisation word (``大学``, ``研究所``, ``機構``, ``省``,
  ``庁``, ``本部``, ``会議``, ``協会``, ``センター``, ``試験場`` …) that is a whole token
  and follows a proper noun, an unknown word, Latin letters or a gazetteer body, so
  ``大学等`` and ``我が国の大学`` are not names while ``北海道科学大学`` is; a meeting
  (``…首脳会議``, ``…締約国会議``: ``event_words_unquoted.tsv``) is an EVENT, no ORG;
  a government council named by its field alone takes common nouns
  (``労働政策審議会``: ``org_field_council_words.tsv``, not ``各審議会``:
  ``org_council_generic_heads.tsv``), and a council's part glued after it is one body
  (``社会保障審議会医療保険部会``: ``org_council_part_words.tsv``);
- ``country_body``: a body the gazetteer lists as Japan's or the world's printed right
  after a foreign country's name (``ドイツ連邦外務省``, ``米国財務省``, ``韓国特許庁``) is
  that country's body, not the listed one: the name from the country on, no entry;
  after ``<country>の`` a listed ministry or agency, or any listed body with nouns
  glued before it, likewise (``英国の外務省``, ``英国の国家統計局``: the name after の,
  canonical ``英国外務省``); after several countries (``英国と米国の外務省``, ``各国の``) a
  ``countries_body`` with no entry; and a country whose ministries are named ``…部``
  (``org_ministry_bu_countries.tsv``) before a field and 部 (``韓国外交部``);
- ``place_company``: a company named after a place and printed without its legal form,
  the place and the noun of an industry that ends the compound (``九州電力``,
  ``北海道旅客鉄道``, ``日本郵便``: ``place_company_heads.tsv``; the place rules take no
  place there);
- ``company_word``: a company's own name in Latin letters or katakana before a word for
  company (``Google社``, ``ボーダフォン社``: ``company_word_orgs``), no English, no
  romanised name;
- ``mission``: a diplomatic mission, ``在<place>…大使館/総領事館/代表部``
  (``在米国日本国大使館``, ``在日米国大使館``) or ``<international body>日本政府代表部``
  (``国際連合日本政府代表部``): one body, no English (``mission_orgs``);
- ``bureau``: a ministry's bureau printed after the ministry and の or after 同省の
  (``厚生労働省の健康・生活衛生局``: canonical ``厚生労働省健康・生活衛生局``), or
  ``bureau_unplaced``, flagged, where the text does not say whose it is (``（港湾局）``:
  ``ministry_bureaus``);
- ``local_government`` (only with ``places_as_orgs=True``, e.g. for a table column of
  bodies): ``宮崎県``, ``川崎市``.

Overlapping candidates are resolved longest first; at equal length the gazetteer wins.
Offsets are into the text as given (NFKC is applied per character and mapped back).
Each rule but the gazetteer's has a module of its own: ``legal_form_orgs``
(``legal_prefix``, ``legal_suffix``), ``suffix_word_orgs`` (``suffix``, council parts),
``foreign_country_orgs`` (``country_body``), ``place_named_orgs`` (``place_company``,
``local_government``); each returns ``org_candidate.OrgCandidate`` records. The word
lists and the walks that find where a name runs are in ``org_words``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import Token, has_latin, tokenize
from pipeline.tagging.entities import resolve
from pipeline.tagging.entities.company_word_orgs import (
    company_word_candidates,
    may_hold_a_company_word,
)
from pipeline.tagging.entities.folded_text import fold_tokens, folded_positions
from pipeline.tagging.entities.foreign_country_orgs import (
    country_ministry_candidates,
    of_a_foreign_country,
)
from pipeline.tagging.entities.form_index import FormIndex
from pipeline.tagging.entities.gazetteer import lookup, surface_forms
from pipeline.tagging.entities.legal_form_orgs import (
    legal_prefix_candidates,
    legal_suffix_candidates,
)
from pipeline.tagging.entities.ministry_bureaus import bureau_candidates, may_hold_a_bureau
from pipeline.tagging.entities.mission_orgs import may_hold_a_mission, mission_candidates
from pipeline.tagging.entities.org_candidate import (
    CutsOf,
    OrgCandidate,
    TokensOf,
    token_boundaries,
)
from pipeline.tagging.entities.org_words import (
    LOCAL_GOVERNMENT_SUFFIXES,
    SUFFIX_FORMS,
    SUFFIX_WORDS,
    goes_on_as_group_company,
    legal_prefix_re,
    name_end,
    name_start,
    quoted_name_end,
)
from pipeline.tagging.entities.place_named_orgs import (
    local_government_candidates,
    place_company_candidates,
)
from pipeline.tagging.entities.suffix_word_orgs import (
    COUNCIL_PART_WORDS,
    UNIVERSITY_PARTS,
    UNIVERSITY_WORDS,
    council_part_candidates,
    suffix_candidates,
)
from pipeline.tagging.entities.word_bounds import COMPANY_HEADS, form_inside_longer_word

_LOCAL_GOVERNMENT_CHAR = re.compile(f"[{''.join(sorted(LOCAL_GOVERNMENT_SUFFIXES))}]")


def any_word_re(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a text when any of ``words`` is: one scan, where
    ``any(word in text for word in words)`` scans once per word (the 15 company heads
    cost 7.5 ms a pass over the eight chapters' paragraphs, the pattern 0.7 ms)."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


_COMPANY_HEAD = any_word_re(COMPANY_HEADS)
_COUNCIL_PART_WORD = any_word_re(COUNCIL_PART_WORDS)


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    text: str
    canonical: str
    canonical_en: str
    type: str
    how: str


def find_orgs(text: str, places_as_orgs: bool = False,
              tokens: TokensOf | None = None,
              boundaries: Callable[[], Collection[int]] | None = None,
              folding: tuple[str, Sequence[int]] | None = None,
              whole_places_only: bool = False) -> list[OrgMatch]:
    """Organisation names in ``text``, in order, without overlaps.

    ``places_as_orgs``: also take ``宮崎県``-style local government names as bodies (for
    text known to list bodies, such as a table column of participants).
    ``tokens``: gives the tokens of ``text`` when a tokenizer already ran (the nlp
    stage's Doc), so the text is not tokenised again; by default its folded form is
    tokenised here. ``boundaries``, with ``tokens``: gives their start and end offsets
    alone, all some rules read. Either way tokens are only made when a rule first
    reads them. ``folding``: ``fold_with_offsets(text)``, when the caller has it.
    ``whole_places_only``, with ``places_as_orgs``: the caller keeps a local government
    only when it is all of ``text``; the others may then be left out (the rest is as
    without it).
    """
    folded, origin = fold_with_offsets(text) if folding is None else folding
    made: list[Sequence[Token]] = []

    def tokens_of() -> Sequence[Token]:
        """The folded text's tokens, made on the first call."""
        if not made:
            made.append(tokenize(folded) if tokens is None
                        else fold_tokens(tokens(), text, folded, origin))
        return made[0]

    def cuts_of() -> Collection[int]:
        """Token boundaries in the folded text."""
        if made or tokens is None or boundaries is None:
            return token_boundaries(tokens_of())
        if len(folded) == len(text):
            return boundaries()
        position = folded_positions(text, folded, origin).__getitem__
        return frozenset(map(position, boundaries()))

    found = gazetteer_candidates(folded, cuts_of)
    found = [of_a_foreign_country(c, folded, tokens_of) for c in found]
    found += legal_prefix_candidates(folded, tokens_of, found)
    found += legal_suffix_candidates(folded, found, tokens_of)
    found += suffix_candidates(folded, tokens_of, found, cuts_of)
    if may_hold_a_bureau(folded):
        found += bureau_candidates(folded, tokens_of, found)
    if _COUNCIL_PART_WORD.search(folded):
        found += council_part_candidates(folded, tokens_of, found)
    if "部" in folded:
        found += country_ministry_candidates(folded, tokens_of)
    if may_hold_a_mission(folded):
        found += mission_candidates(folded, tokens_of)
    if _COMPANY_HEAD.search(folded):
        found += place_company_candidates(folded, tokens_of())
    if may_hold_a_company_word(folded):
        found += company_word_candidates(folded, tokens_of())
    if places_as_orgs and _has_local_government_suffix(folded) and (
            not whole_places_only or found or _may_end_in_local_government(text, folded, origin)):
        # with no other candidate a local government can hide none: only one that is
        # all of the text counts, and it ends where the text does
        found += local_government_candidates(tokens_of())
    chosen = [c for c in select_longest(found)
              if c.how != "gazetteer" or not form_inside_longer_word(folded, c.start, c.end,
                                                                     tokens_of)]
    return [_to_match(c, text, origin) for c in chosen]


def may_be_one_org(text: str) -> bool:
    """False when no rule of ``find_orgs`` can give a name that is all of ``text``: a
    test several times cheaper than ``find_orgs`` (it never tokenises), for callers that
    only ask whether a table cell is one name.

    It asks what each rule's candidates need before tokens are read: a local-government
    character at the end; an organisation word or a company form at the end with a run
    of name characters before it from the first character; a legal form first with a
    name running to the end; a part of a university at the end after a university word
    (東京大学大学院工学系研究科); or the whole text a gazetteer form.
    """
    folded, origin = fold_with_offsets(text)
    if not folded:
        return False
    first = bisect_left(origin, 1)   # folded offsets below this come from text[0]
    return (folded[-1] in LOCAL_GOVERNMENT_SUFFIXES
            or _name_run_ends_in(folded, SUFFIX_WORDS, first, after_org_word=False)
            or _name_run_ends_in(folded, SUFFIX_FORMS, first, after_org_word=True)
            or any(_legal_prefix_name_to_end(folded, i) for i in range(first))
            or (folded.endswith(_UNIVERSITY_PART_ENDS)
                and any(word in folded for word in UNIVERSITY_WORDS))
            or any(folded[i:] in surface_forms() for i in range(first)))


_UNIVERSITY_PART_ENDS = tuple(UNIVERSITY_PARTS)


def _name_run_ends_in(folded: str, words: tuple[str, ...], first: int,
                      after_org_word: bool) -> bool:
    """Does ``folded`` end in one of ``words`` after a run of name characters that
    starts before ``first`` (as ``suffix_candidates`` and ``legal_suffix_candidates``
    walk back; they only ever start a name later than the walk)?"""
    return folded.endswith(words) and any(
        folded.endswith(word) and name_start(folded, len(folded) - len(word), after_org_word)
        < first for word in words)


def _legal_prefix_name_to_end(folded: str, start: int) -> bool:
    """Does a legal form at ``start`` take a name that runs to the end of ``folded``
    (as ``legal_prefix_candidates`` reads it)?"""
    match = legal_prefix_re().match(folded, start)
    if match is None:
        return False
    end = quoted_name_end(folded, start, match.end()) or name_end(folded, match.end())
    return end == len(folded)


def _may_end_in_local_government(text: str, folded: str, origin: Sequence[int]) -> bool:
    """Could a local government be all of ``text`` but its spaces? Every candidate ends
    in a 都道府県市区町村 character, the folded character before where the text's
    trailing spaces begin (``origin``: each folded character's offset in ``text``)."""
    end = bisect_left(origin, len(text.rstrip()))
    return end > 0 and folded[end - 1] in LOCAL_GOVERNMENT_SUFFIXES


def _has_local_government_suffix(folded: str) -> bool:
    """Does ``folded`` hold a 都道府県市区町村 character (every local-government
    candidate ends in one)? A regex scan: ``isdisjoint`` made a string per character."""
    return _LOCAL_GOVERNMENT_CHAR.search(folded) is not None


# --------------------------------------------------------------------------- gazetteer


@lru_cache(maxsize=1)
def _gazetteer_index() -> FormIndex:
    return FormIndex(surface_forms())


def _latin_bounded(folded: str, start: int, end: int) -> bool:
    """A form that starts (ends) with a Latin letter has no Latin letter before (after) it,
    nor a hyphen joining it to one (``ELYZA-japanese-Llama-2``: a longer Latin name)."""
    before = folded[max(start - 2, 0):start]
    after = folded[end:end + 2]
    return not (has_latin(folded[start]) and _joined(before[::-1])) and \
        not (has_latin(folded[end - 1]) and _joined(after))


def _joined(beside: str) -> bool:
    """Do the characters beside a Latin form, nearest first, continue it as one name?"""
    return bool(beside) and (has_latin(beside[0]) or (
        beside[0] == "-" and len(beside) > 1 and beside[1].isascii() and beside[1].isalnum()))


def gazetteer_candidates(folded: str, cuts_of: CutsOf) -> list[OrgCandidate]:
    """Every gazetteer name, alias or acronym in the folded text (leftmost longest)."""
    cuts: Collection[int] | None = None   # token boundaries, made for the first short form
    found = []
    for start, end in _gazetteer_index().find(folded, accept=_latin_bounded):
        form = folded[start:end]
        if len(form) <= 3 and not has_latin(form):   # short Japanese: whole tokens only
            cuts = cuts_of() if cuts is None else cuts
            if not (start in cuts and end in cuts):
                continue
        if goes_on_as_group_company(folded, end):
            continue   # パナソニック|ホールディングス株式会社: another company
        entry = lookup(form)
        if entry is not None:
            found.append(OrgCandidate(start, end, entry.canonical_ja, entry, entry.type,
                                       "gazetteer"))
    return found


# --------------------------------------------------------------------------- resolution

_HOW_RANK = {"gazetteer": 0, "legal_prefix": 1, "legal_suffix": 2, "country_body": 3,
             "countries_body": 3, "mission": 3,
             "suffix": 3, "place_company": 3, "company_word": 3, "bureau": 3,
             "bureau_unplaced": 3, "local_government": 4}


def select_longest(candidates: Iterable[OrgCandidate]) -> list[OrgCandidate]:
    """Non-overlapping candidates, longest first (gazetteer first at equal length)."""
    return resolve.select_longest(candidates, _offsets, _how_rank)


def _offsets(cand: OrgCandidate) -> tuple[int, int]:
    return cand.start, cand.end


def _how_rank(cand: OrgCandidate) -> int:
    return _HOW_RANK[cand.how]


def _to_match(cand: OrgCandidate, text: str, origin: Sequence[int]) -> OrgMatch:
    start, end = origin[cand.start], origin[cand.end]
    english = cand.entry.canonical_en if cand.entry else ""
    return OrgMatch(start, end, text[start:end], cand.canonical, english, cand.type, cand.how)
