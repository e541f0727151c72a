"""PLACE mentions of a region of a prefecture glued after the prefecture's full name:
``石川県|能登`` (the tsunami forecast region), ``石川県|能登|地方``, ``北海道|胆振|地方``.

The region is the run of tokens UniDic tags 名詞-固有名詞-地名 right after the
prefecture, with a tail word of ``prefecture_region_tails.tsv`` (地方) if one is glued
after it; canonical as printed, no English (none is listed), ``how``
``place_prefecture_region``. The prefecture stays a mention of its own. Not a region
that ``places.tsv`` lists (a place of its own there), a run before a local-government
suffix (石川県|珠洲|市: a municipality, ``places.find_municipalities``), a run with
another noun glued after it (石川県|能登|半島, 北海道|十勝|沖: a longer word, or no
region's name), one opening a name (石川県|能登|地方|気象台: ``word_bounds``), nor a
country's name (北海道|中国). A part named by a common noun (長野県|北部, 岩手県|沿岸|北部)
is no proper name and gives none: the prefecture is the mention there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.common.lexicons import word_list
from pipeline.nlp.tokens import Token
from pipeline.tagging.entities.org_words import LOCAL_GOVERNMENT_SUFFIXES
from pipeline.tagging.entities.pattern_match import PatternMatch
from pipeline.tagging.entities.places import load_places
from pipeline.tagging.entities.word_bounds import continues_after, heads_a_name

REGION_HOW = "place_prefecture_region"
PREFECTURE_HOW = "place_prefecture"
REGION_TAILS = frozenset(word_list("prefecture_region_tails"))
_PLACE_NAME_TAG = "名詞-固有名詞-地名-一般"
_COMPOUND_POS = frozenset({"名詞", "接尾辞"})


def find_prefecture_regions(text: str, places: Sequence[PatternMatch],
                            starting: Mapping[int, Token]) -> list[PatternMatch]:
    """The regions glued after the prefectures of ``places`` (``places_on_tokens``'
    matches), as the module docstring says. ``starting``: token start → token."""
    found = []
    for place in places:
        if place.how != PREFECTURE_HOW or text[place.start:place.end] != place.canonical:
            continue   # a bare 石川 or a prefecture read from context: no sure edge
        end = _region_end(starting.get(place.end), starting)
        if end is None:
            continue
        after = starting.get(end)
        if after is not None and after.text in REGION_TAILS:
            end = after.end
            after = starting.get(end)
        elif after is not None and after.pos1 in _COMPOUND_POS:
            continue   # 能登|半島, 十勝|沖: a longer word, or no region's name
        name = text[place.end:end]
        if name in load_places() or continues_after(after) or \
                heads_a_name(after, lambda token: starting.get(token.end)):
            continue
        found.append(PatternMatch(place.end, end, "PLACE", name, REGION_HOW, ""))
    return found


def _region_end(first: Token | None, starting: Mapping[int, Token]) -> int | None:
    """The end of the run of place-name tokens from ``first`` on, or None when there is
    none or a local-government suffix ends it (珠洲|市)."""
    token, end = first, None
    while token is not None and token.tag.startswith(_PLACE_NAME_TAG):
        end = token.end
        token = starting.get(end)
    if token is not None and token.text in LOCAL_GOVERNMENT_SUFFIXES:
        return None
    return end
