"""Entity components: ORG, PROGRAM, LAW, EVENT, PLACE and ACRONYM mentions in ``doc.ents``.

One Doc is one paragraph (``doc.text`` is the paragraph text), so no entity crosses a
paragraph. ``add_entity_components(nlp)`` appends five components:

- ``whitepaper_orgs``      ORG via ``orgs.find_orgs`` (gazetteer, legal forms,
                           organisation words); a paragraph that is nothing but a local
                           government's name (a table cell listing bodies) is an ORG too;
- ``whitepaper_names``     PROGRAM, LAW, EVENT and quoted councils (``name_patterns``);
- ``whitepaper_places``    PLACE from ``pipeline/data/places.tsv``;
- ``whitepaper_acronyms``  ACRONYM: Latin-letter acronyms of either width;
- ``whitepaper_entities``  resolves the candidates into ``doc.ents``: longest first, then
                           ORG > LAW > PROGRAM > EVENT > PLACE > ACRONYM.

The first four write candidates to ``doc.spans["entity_candidates"]``; every span carries
``span._.canonical`` (canonical Japanese name: ``(株)日立製作所`` → ``株式会社日立製作所``,
``ＴＬＯ`` → ``TLO``), ``span._.canonical_en`` (official English name from the gazetteer
or places.tsv, else "") and ``span._.entity_how`` (the rule), registered once in
``register_extensions``. Spans follow token boundaries; the rare mention that ends inside
a token is widened to the token (``how`` gets ``+widened``), never re-tokenised.

The components read tokens as ``pipeline.nlp.tokens.Token`` records through one
``ParagraphView`` per Doc (``paragraph_view``), kept in ``doc.user_data[VIEW]`` while
``run_components`` runs them. ``entity_rows(docs, nlp, chapter)`` runs the components over
Docs made by the nlp stage, reads ``doc.ents`` and returns DATASETS["entities"] rows plus
``how``; the names a chapter defines (an acronym's long forms, a name's English printed
beside it) and the romanised fallback come from ``senses``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.errors import PipelineError
from pipeline.nlp.extensions import doc_value
from pipeline.schemas import DATASETS
from pipeline.tagging.entities import latin_names, name_patterns, treaties
from pipeline.tagging.entities.expansions import expansion_of
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.ministry_bureaus import UNPLACED_HOW
from pipeline.tagging.entities.orgs import find_orgs
from pipeline.tagging.entities.paragraph_view import (
    VIEW,
    ParagraphView,
    paragraph_view,
    paragraph_views,
)
from pipeline.tagging.entities.pattern_match import PatternMatch
from pipeline.tagging.entities.places import (
    AMBIGUOUS_HOW,
    MUNICIPALITY_SUFFIX,
    find_municipalities,
    place_spans,
    places_on_tokens,
)
from pipeline.tagging.entities.prefecture_regions import find_prefecture_regions
from pipeline.tagging.entities.resolve import label_rank, select_longest
from pipeline.tagging.entities.senses import chapter_names, of_several_countries, word_goes_on

CANDIDATES = "entity_candidates"
CANDIDATE_PIPES = ("whitepaper_orgs", "whitepaper_names", "whitepaper_places",
                   "whitepaper_acronyms")
PIPES = (*CANDIDATE_PIPES, "whitepaper_entities")
_SPAN_ATTRS = ["span._.canonical", "span._.canonical_en", "span._.entity_how"]
Row = dict[str, Any]


def register_extensions() -> None:
    """Register the Span extensions of this module; calling it again is a no-op."""
    for name in ("canonical", "canonical_en", "entity_how"):
        if not Span.has_extension(name):
            Span.set_extension(name, default="")


def add_entity_components(nlp: Language) -> Language:
    """Append the entity components (once) to ``nlp`` and return it."""
    register_extensions()
    for name in PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


# --------------------------------------------------------------------------- helpers


def add_candidates(doc: Doc, text: str, matches: Iterable[PatternMatch]) -> None:
    """Add a candidate span per match (widened to token boundaries if it must be) to
    ``doc.spans[CANDIDATES]``, in one write: the span group is read and stored once per
    component, not once per match. ``text`` is the Doc's text."""
    pending = [found for found in (_candidate(doc, text, match) for match in matches)
               if found is not None]
    if not pending:
        return
    # Span extension values are stored per (start, end): keep one candidate per offsets,
    # the one whose label ranks first; a new one replaces an old one at the end.
    by_offsets = {(span.start_char, span.end_char): span
                  for span in doc.spans.get(CANDIDATES, [])}
    written: dict[tuple[int, int], tuple[Span, PatternMatch, str]] = {}
    for span, match, how in pending:
        offsets = (span.start_char, span.end_char)
        other = by_offsets.get(offsets)
        if other is not None:
            if label_rank(other.label_) <= label_rank(match.label):
                continue
            del by_offsets[offsets]
        by_offsets[offsets] = span
        written[offsets] = (span, match, how)
    for span, match, how in written.values():
        extensions = span._
        extensions.canonical = match.canonical
        extensions.canonical_en = match.canonical_en
        extensions.entity_how = how
    doc.spans[CANDIDATES] = list(by_offsets.values())


def _candidate(doc: Doc, text: str, match: PatternMatch
               ) -> tuple[Span, PatternMatch, str] | None:
    """The span for ``match`` and its ``how`` (``+widened`` if widened), or None when it
    has no span or only spaces."""
    how = match.how
    span = doc.char_span(match.start, match.end, label=match.label)
    if span is None:
        span = doc.char_span(match.start, match.end, label=match.label,
                             alignment_mode="expand")
        how += "+widened"
    if span is None or not text[span.start_char:span.end_char].strip():
        return None
    return span, match, how


def english_of(canonical: str, english: str) -> str:
    """The English name, or for a hierarchical name (``気象庁気象研究所``) whose tail is a
    gazetteer body under a gazetteer parent, the tail's English name."""
    if english:
        return english
    for cut in range(1, len(canonical) - 1):
        if lookup(canonical[:cut]) is None:
            continue
        child = lookup(canonical[cut:])
        if child is not None:
            return child.canonical_en
    return ""


# --------------------------------------------------------------------------- components


class OrgRules:
    """ORG candidates from ``find_orgs``."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        text = view.text
        found = [PatternMatch(org.start, org.end, "ORG", org.canonical, f"org_{org.how}",
                              english_of(org.canonical, org.canonical_en))
                 for org in find_orgs(text, places_as_orgs=True, tokens=view.get_tokens,
                                      boundaries=view.boundaries, folding=view.folding,
                                      whole_places_only=True)
                 # a local government in running text is a place, not a listed body
                 if org.how != "local_government" or org.text == text.strip()]
        add_candidates(doc, text, found)
        return doc


class NameRules:
    """PROGRAM, LAW, EVENT and quoted-council candidates from ``name_patterns``."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        text = view.text
        found = name_patterns.find_quoted(text, view.get_tokens)
        if name_patterns.may_hold_unquoted_names(text) and \
                name_patterns.may_hold_unquoted_names(text, view.token_starts, view.token_ends):
            tokens, runs = view.tokens, view.name_runs
            found += name_patterns.find_unquoted_laws(text, tokens, runs)
            found += treaties.find_unquoted_treaties(text, tokens, runs)
            found += name_patterns.find_unquoted_programs(text, tokens, runs)
            found += name_patterns.find_unquoted_events(text, tokens, runs)
            found += name_patterns.find_city_meetings(text, tokens, runs)
        add_candidates(doc, text, [_as_gazetteer_org(match) for match in found])
        return doc


def _as_gazetteer_org(match: PatternMatch) -> PatternMatch:
    """A quoted body the gazetteer knows, with its canonical and English names."""
    entry = lookup(match.canonical) if match.label == "ORG" else None
    if entry is None:
        return match
    return PatternMatch(match.start, match.end, "ORG", entry.canonical_ja,
                                 match.how, entry.canonical_en)


class PlaceRules:
    """PLACE candidates from ``places.tsv``, regions after a prefecture (石川県能登) and
    municipalities by their shape (``find_municipalities``: 横須賀市)."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        spans = place_spans(view.text)   # then the tokens, only if one is found
        found = places_on_tokens(view.text, spans, view.token_at, view.token_ending) \
            if spans else []
        if found:   # a region follows a prefecture found: only then the tokens
            found += find_prefecture_regions(view.text, found, view.token_at)
        if MUNICIPALITY_SUFFIX.search(view.text):
            found += find_municipalities(view.text, view.token_at, view.token_ending)
        if found:
            add_candidates(doc, view.text, found)
        return doc


class AcronymRules:
    """ACRONYM and NAME candidates: Latin acronyms and CamelCase names (ChatGPT); a
    gazetteer entry gets the body's English."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        add_candidates(doc, view.text, [
            _with_gazetteer_english(_marked_before_name(match, view))
            for match in latin_names.find_acronyms(view.text, view.folding)])
        return doc


BEFORE_NAME = "acronym_before_name"


def _marked_before_name(match: PatternMatch, view: ParagraphView
                        ) -> PatternMatch:
    """An acronym marked ``BEFORE_NAME`` when ``_opens_a_proper_name``: ``entity_rows``
    leaves it out unless the chapter defines it."""
    if not _opens_a_proper_name(match, view):
        return match
    return PatternMatch(match.start, match.end, match.label, match.canonical,
                                      BEFORE_NAME, match.canonical_en)


def _opens_a_proper_name(match: PatternMatch, view: ParagraphView) -> bool:
    """Is an acronym no table knows glued before a proper noun, the first word of a name
    (``ＪＲ北海道``, ``ＪＡ全農``: a company's, not the acronym ＪＲ)? Unless the chapter
    defines it (``ＵＮＤＰ東京事務所`` after ``国連開発計画（ＵＮＤＰ）``), it stands for no
    acronym of its own there."""
    if match.label != "ACRONYM" or lookup(match.canonical) is not None or \
            expansion_of(match.canonical) is not None:
        return False
    after = view.token_at.get(match.end)
    return after is not None and after.pos2 == "固有名詞"


def _with_gazetteer_english(match: PatternMatch) -> PatternMatch:
    entry = lookup(match.canonical)
    english = entry.canonical_en if entry is not None else ""
    return PatternMatch(match.start, match.end, match.label, match.canonical,
                                 match.how, english)


class EntityResolver:
    """Candidates → ``doc.ents``: non-overlapping, longest first, then by label rank."""

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc.spans.get(CANDIDATES)
        if not candidates:
            doc.ents = []
            return doc
        # what ``filter_spans`` would return: the spans are disjoint and none is empty;
        # ``set_ents`` takes them as they are (``doc.ents = …`` copies every span first)
        doc.set_ents(resolve_candidates(candidates), default="outside")
        return doc


def resolve_candidates(candidates: Iterable[Span]) -> list[Span]:
    """The candidates ``EntityResolver`` makes entities, in order: non-overlapping,
    longest first, then by label rank."""
    return select_longest(candidates, _char_offsets, _span_label_rank)


def _char_offsets(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _span_label_rank(span: Span) -> int:
    return label_rank(span.label_)


# What each component reads and writes, as spaCy's ``requires``/``assigns``: the token
# rules read UniDic tags (``token.tag``, set by the tokenizer); the ORG rules also tell
# unknown words by their missing reading (``doc._.readings``); the acronym rule reads the
# text alone. Each writes candidates with their extension values; the resolver reads them
# and writes the entities.
_CANDIDATES_OUT = ["doc.spans", *_SPAN_ATTRS]


@Language.factory("whitepaper_orgs", requires=["token.tag", "doc._.readings"],
                  assigns=_CANDIDATES_OUT)
def make_org_rules(nlp: Language, name: str) -> OrgRules:
    register_extensions()
    return OrgRules()


@Language.factory("whitepaper_names", requires=["token.tag"], assigns=_CANDIDATES_OUT)
def make_name_rules(nlp: Language, name: str) -> NameRules:
    register_extensions()
    return NameRules()


@Language.factory("whitepaper_places", requires=["token.tag"], assigns=_CANDIDATES_OUT)
def make_place_rules(nlp: Language, name: str) -> PlaceRules:
    register_extensions()
    return PlaceRules()


@Language.factory("whitepaper_acronyms", assigns=_CANDIDATES_OUT)
def make_acronym_rules(nlp: Language, name: str) -> AcronymRules:
    register_extensions()
    return AcronymRules()


@Language.factory("whitepaper_entities", requires=["doc.spans", *_SPAN_ATTRS],
                  assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    register_extensions()
    return EntityResolver()


# --------------------------------------------------------------------------- rows


def entity_components(nlp: Language) -> list[Callable[[Doc], Doc]]:
    """This module's components of ``nlp``, in order (an error if one is missing)."""
    missing = [name for name in PIPES if name not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"pipeline has no {', '.join(missing)}; call "
                            "pipeline.tagging.entities.components.add_entity_components(nlp) first")
    return [nlp.get_pipe(name) for name in PIPES]


def run_components(doc: Doc, nlp: Language, view: ParagraphView | None = None,
                   components: Sequence[Callable[[Doc], Doc]] | None = None) -> Doc:
    """Run this module's components over a Doc the nlp stage made (no re-tokenising).

    ``view`` and ``components``, when the caller has them, are reused rather than made
    again; the view lives in ``doc.user_data`` only while the components run."""
    if components is None:
        components = entity_components(nlp)
    if CANDIDATES in doc.spans:
        del doc.spans[CANDIDATES]
    doc.user_data[VIEW] = view if view is not None else paragraph_view(doc)
    try:
        for component in components:
            doc = component(doc)
    finally:
        doc.user_data.pop(VIEW, None)
    return doc


def entity_rows(docs: Iterable[Doc], nlp: Language, chapter: str,
                headings: Sequence[str] = (), texts: Sequence[str] | None = None,
                views: Sequence[ParagraphView] | None = None) -> list[Row]:
    """DATASETS["entities"] rows (plus ``how``) of one chapter's paragraph Docs.

    ``headings``: other text of the chapter (section titles) whose acronym definitions
    count too, e.g. ``イ 技術移転機関（ＴＬＯ）における活動状況``. ``texts``: the Docs'
    texts, when the caller has them; ``views``: the Docs' views (``paragraph_views``),
    when the caller has them (the number rules read the same tokens).
    """
    register_extensions()
    components = entity_components(nlp)
    docs = list(docs)
    if views is None:
        views = paragraph_views(docs, texts)
    names = chapter_names([*views, *headings])
    columns = DATASETS["entities"].columns
    rows: list[Row] = []
    previous = ""
    for doc, view in zip(docs, views, strict=True):
        ents = run_components(doc, nlp, view, components).ents
        para_id = doc_value(doc, "para_id") if ents else None
        cut_at_start = word_goes_on(previous, view.text)
        previous = view.text
        for ent in ents:
            extensions, start, end = ent._, ent.start_char, ent.end_char
            if start == 0 and cut_at_start:
                continue   # （国|土安全保障省…: the tail of a word the line before began
            how = extensions.entity_how
            if how in (BEFORE_NAME, latin_names.ENGLISH_WORD) and \
                    names.sense(extensions.canonical) is None:
                continue   # ＪＲ北海道: the first word of a company's name; ＳＴＡＲＴ, a word
            if how == latin_names.ENGLISH_WORD:
                how = "acronym"   # 大学発新産業創出プログラム（ＳＴＡＲＴ）: the chapter's acronym
            label = names.label_of(ent.label_, extensions.canonical, extensions.canonical_en)
            row = {"chapter": chapter, "para_id": para_id, "start": start, "end": end,
                   "text": view.text[start:end], "label": label,
                   **names.of(label, extensions.canonical, extensions.canonical_en, how),
                   "how": how, "flag": _flag_of(how)}
            rows.append({key: row[key] for key in columns})
    return rows


def _flag_of(how: str) -> str:
    """A row's ``flag`` by the rule that found it: ``ambiguous_place`` (福岡に本社),
    ``several_countries`` (英国と米国の外務省: whose body it is the row does not say),
    ``ministry_not_named`` (（港湾局）: a bureau of a ministry the text does not name)."""
    return _FLAGS.get(how) or ("several_countries" if of_several_countries(how) else "")


_FLAGS = {AMBIGUOUS_HOW: "ambiguous_place", f"org_{UNPLACED_HOW}": "ministry_not_named"}
