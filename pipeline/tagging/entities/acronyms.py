"""Acronym–definition pairs: Schwartz–Hearst adapted to NFKC text and Japanese long forms.

Forms found by ``find_acronym_pairs`` (brackets of either width):

- ``long form（ABBR）`` (how ``long_short``): ``技術移転機関（ＴＬＯ）``; a footnote marker
  glued to the acronym inside the bracket (``（ＴＬＯ1）``) is split off and reported in
  ``marker``;
- ``long form（ABBR＋word）`` (how ``abbr_with_suffix``): ``中小企業技術革新制度（ＳＢＩＲ制度）``,
  ``中波放送（AM放送）``, ``（S-イノベ）``: the acronym keeps its Japanese tail;
- ``ABBR（long form）`` (how ``short_long``): ``NHK（日本放送協会）``;
- ``long form（以下「X」という。）`` (how ``ika_toiu``), also with Japanese short forms
  (``公設試``), which must then be a subsequence of the long form;
- ``English long form (ABBR)`` (how ``english``), with the classic Schwartz–Hearst match.

A Japanese long form is the noun phrase right before the bracket: the trailing run of
nouns, prefixes, suffixes, Latin words and joining marks (``・``, ``＆``, ``－``), cut at
particles, verbs, punctuation, quotes and spaces, so in ``…支援する「研究成果最適展開支援
プログラム（Ａ－ＳＴＥＰ）」`` it is ``研究成果最適展開支援プログラム``. A lone common
noun (``事業``) is too vague to be a long form and is rejected.

``find_footnote_expansion`` reads an English expansion from a footnote's text, and
``expansion_matches`` checks an expansion against an acronym (Schwartz–Hearst).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pipeline.common.text import fold_with_offsets
from pipeline.nlp.tokens import Token, has_latin, tokenize

_BRACKET = re.compile(r"\(([^()]{1,40})\)")
_IKA = re.compile(r"^以下「([^「」]{1,20})」(?:という|と言う|とする|と呼ぶ)?。?$")
_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&\-/.!+ ]*?[A-Za-z0-9!+]?$")
_ACRONYM_TAIL = re.compile(r"^(?P<latin>[A-Za-z][A-Za-z0-9&\-/.!+]*?)"
                          r"(?P<tail>[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,6})$")
_MARKER = re.compile(r"(?<=[A-Za-z!])(?P<marker>[0-9]{1,2})$")
_ABBR_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&\-]*$")
_JAPANESE = re.compile(r"[\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
_KANJI_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々]")
_ENGLISH_WORDS = re.compile(r"(?:[A-Za-z][A-Za-z0-9'&\-]*[ ,]+)*[A-Za-z][A-Za-z0-9'&\-]*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'&\-]*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_JOINERS = frozenset("・&-ー/")
_NOUN_POS = frozenset({"名詞", "接頭辞", "接尾辞"})
_WINDOW = 80


@dataclass(frozen=True)
class AcronymPair:
    acronym: str        # as printed, without a footnote marker
    acronym_ascii: str  # NFKC
    long_form: str      # as printed
    start: int          # offsets of the whole definition in the text given
    end: int
    how: str            # long_short, abbr_with_suffix, short_long, ika_toiu, english
    marker: str = ""    # footnote marker digits split off the acronym, as printed


def find_acronym_pairs(text: str, markers: Collection[str] | None = None,
                       folding: tuple[str, Sequence[int]] | None = None) -> list[AcronymPair]:
    """Acronym–definition pairs in ``text``, in order of appearance.

    ``markers``: footnote numbers known to occur in the text; when given, only those are
    split off an acronym (``ＴＬＯ1`` with ``{"1"}``), otherwise any 1–2 digits after a
    letter are taken for a marker. ``folding``: ``fold_with_offsets(text)``, when the
    caller has it.
    """
    folded, origin = fold_with_offsets(text) if folding is None else folding
    pairs = []
    for bracket in _BRACKET.finditer(folded):
        pair = _pair_at(folded, bracket, markers)
        if pair is None:
            continue
        acr_span, long_span, how, marker = pair
        start = min(acr_span[0], long_span[0])
        pairs.append(AcronymPair(
            acronym=text[origin[acr_span[0]]:origin[acr_span[1]]],
            acronym_ascii=folded[acr_span[0]:acr_span[1]],
            long_form=text[origin[long_span[0]]:origin[long_span[1]]],
            start=origin[start], end=origin[bracket.end()], how=how,
            marker=text[origin[acr_span[1]]:origin[acr_span[1] + len(marker)]] if marker else ""))
    return pairs


_Span = tuple[int, int]


def _pair_at(folded: str, bracket: re.Match[str], markers: Collection[str] | None
             ) -> tuple[_Span, _Span, str, str] | None:
    """The acronym span, long-form span, how and marker for one bracket, or None."""
    inner_start, inner_end = bracket.span(1)
    content = bracket.group(1)
    ika = _IKA.match(content)
    if ika:
        short = (inner_start + ika.start(1), inner_start + ika.end(1))
        long_span = japanese_long_form(folded, bracket.start())
        if long_span and _is_subsequence_or_latin(ika.group(1), folded[slice(*long_span)]):
            return short, long_span, "ika_toiu", ""
        return None
    content, marker = split_marker(content, markers)
    acronym_span = (inner_start, inner_start + len(content))
    if is_acronym(content):
        english = english_long_form(folded, bracket.start(), content)
        if english:
            return acronym_span, english, "english", marker
        long_span = japanese_long_form(folded, bracket.start())
        return (acronym_span, long_span, "long_short", marker) if long_span else None
    if _ACRONYM_TAIL.match(content):
        long_span = japanese_long_form(folded, bracket.start())
        if long_span and folded[slice(*long_span)] != content:
            return acronym_span, long_span, "abbr_with_suffix", marker
        return None
    before = _ABBR_BEFORE.search(folded, 0, bracket.start())
    if before and is_acronym(before.group()) and is_japanese_expansion(content):
        return before.span(), (inner_start, inner_end), "short_long", ""
    return None


def split_marker(content: str, markers: Collection[str] | None = None) -> tuple[str, str]:
    """``TLO1`` → (``TLO``, ``1``): digits glued after a letter are a footnote marker when
    ``markers`` holds them (or, without ``markers``, when 1–2 of them follow a letter and
    at least two letters stay)."""
    found = _MARKER.search(content)
    if not found:
        return content, ""
    digits = found.group("marker")
    rest = content[:found.start()]
    if markers is not None and digits not in markers:
        return content, ""
    if sum(c.isalpha() for c in rest) < 2:
        return content, ""
    return rest, digits


def is_acronym(text: str) -> bool:
    """Latin letters (with digits, ``&-/.!+`` and spaces) holding at least two capitals."""
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def is_japanese_expansion(text: str) -> bool:
    """Could ``text`` in ``ABBR（text）`` be the expansion: a Japanese noun phrase, not a
    qualifier (``名目及び実質``), a date or count (``2017年``) or a reading (``きざし``)?"""
    if not _KANJI_KATAKANA.search(text) or any(c.isdigit() for c in text):
        return False
    if re.search(r"及び|並びに|又は|、|,|参照|除く|含む", text):
        return False
    tokens = tokenize(text)
    return bool(tokens) and tokens[-1].pos1 in _NOUN_POS and tokens[0].pos1 in _NOUN_POS


def _is_subsequence_or_latin(short: str, long_form: str) -> bool:
    if is_acronym(short):
        return True
    chars = iter(long_form)
    return short != long_form and all(c in chars for c in short)


# --------------------------------------------------------------------------- long forms


def japanese_long_form(folded: str, bracket_start: int) -> _Span | None:
    """The noun phrase that ends right before ``bracket_start``, or None."""
    window_start = max(0, bracket_start - _WINDOW)
    window = folded[window_start:bracket_start]
    tokens = tokenize(window)
    run = _trailing_noun_run(tokens, len(window))
    while run and (run[0].pos1 == "接尾辞" or run[0].text in _JOINERS):
        run = run[1:]
    if not run:
        return None
    if len(run) == 1 and run[0].pos2 == "普通名詞":
        return None
    start, end = run[0].start, run[-1].end
    if end - start < 2 or not _KANJI_KATAKANA.search(window[start:end]):
        return None
    return window_start + start, window_start + end


def _trailing_noun_run(tokens: Sequence[Token], end: int) -> list[Token]:
    """The tokens of the noun phrase ending at ``end``; an adjectival noun (最適) may
    stand inside it, before a noun, and spaces only between Latin words."""
    run: list[Token] = []
    for token in reversed(tokens):
        if token.end != (run[0].start if run else end):
            if not (run and has_latin(token.text) and has_latin(run[0].text)):
                break
        inner_adjectival = bool(run) and token.pos1 == "形状詞" and run[0].pos1 == "名詞"
        if not (_noun_like(token) or inner_adjectival):
            break
        run.insert(0, token)
    return run


def _noun_like(token: Token) -> bool:
    surface = token.text
    if has_latin(surface) or surface in _JOINERS:
        return True
    if token.pos1 not in _NOUN_POS:
        return False
    kana_only = all("\u3041" <= c <= "\u309f" for c in surface)
    return not kana_only or token.pos2 == "固有名詞"


def english_long_form(folded: str, bracket_start: int, acronym: str) -> _Span | None:
    """Schwartz–Hearst: the shortest run of English words before the bracket whose
    letters spell ``acronym`` (``Technology Licensing Organization (TLO)``)."""
    head = folded[:bracket_start].rstrip()
    words = _ENGLISH_WORDS.search(head)
    if not words:
        return None
    spans = [w.span() for w in _WORD.finditer(head, words.start())]
    limit = min(len(acronym) + 5, 2 * len(acronym))
    first = spans[-limit:][0][0]
    best = best_long_form(acronym, head[first:])
    if best is None or len(best) <= len(acronym):
        return None
    return len(head) - len(best), len(head)


def best_long_form(short: str, long: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of ``long`` that contains every letter
    and digit of ``short`` in order, the first one starting a word; None when none does."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != char or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return long[long.rfind(" ", 0, i + 1) + 1:]


def expansion_matches(acronym: str, expansion: str) -> bool:
    """Does the English ``expansion`` spell ``acronym`` (any width) in order?"""
    short, _ = fold_with_offsets(acronym)
    long, _ = fold_with_offsets(expansion)
    return best_long_form(short, long) is not None


# --------------------------------------------------------------------------- footnotes


def find_footnote_expansion(footnote_text: str) -> str | None:
    """The English expansion a footnote gives (``Technology Licensing Organization``).

    URLs are dropped (a footnote that is only a URL gives None); what is left must be at
    least two words, mostly Latin letters, with no Japanese. A leading footnote number
    followed by spaces is ignored. Returned NFKC, with spaces collapsed.
    """
    folded, _ = fold_with_offsets(footnote_text)
    text = _URL.sub(" ", folded)
    text = re.sub(r"^\s*\d{1,3}\s+(?=[A-Za-z])", "", text)
    text = " ".join(text.split()).strip(" .,;:")
    if not text or _JAPANESE.search(text):
        return None
    words = [w for w in text.split() if has_latin(w)]
    letters = sum(c.isalpha() for c in text)
    visible = sum(not c.isspace() for c in text)
    if len(words) < 2 or letters < 0.8 * visible:
        return None
    return text
