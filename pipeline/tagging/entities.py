"""Entity components: ORG, PROGRAM, LAW, EVENT, PLACE and ACRONYM mentions in ``doc.ents``.

One Doc is one paragraph (``doc.text`` is the paragraph text), so no entity crosses a
paragraph. ``add_entity_components(nlp)`` appends five components:

- ``whitepaper_orgs``      ORG via ``org_patterns.find_orgs`` (gazetteer, legal forms,
                           organisation words); a paragraph that is nothing but a local
                           government's name (a table cell listing bodies) is an ORG too;
- ``whitepaper_names``     PROGRAM, LAW, EVENT and quoted councils (``entity_patterns``);
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

``entity_rows(docs, nlp, chapter)`` runs the components over Docs made by the nlp stage and
returns DATASETS["entities"] rows plus ``how``; an acronym the chapter defines (``技術移転
機関（ＴＬＯ）``) gets its long form as canonical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDX, LENGTH, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.errors import PipelineError
from pipeline.nlp.extensions import doc_text
from pipeline.schemas import DATASETS
from pipeline.tagging import entity_patterns as patterns
from pipeline.tagging.acronyms import find_acronym_pairs, is_acronym
from pipeline.tagging.gazetteer import fold, lookup
from pipeline.tagging.org_patterns import TaggedSpan, find_orgs

CANDIDATES = "entity_candidates"
LABEL_RANK = {"ORG": 0, "LAW": 1, "PROGRAM": 2, "EVENT": 3, "PLACE": 4, "ACRONYM": 5}
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


VIEW = "whitepaper_paragraph_view"   # doc.user_data key, set and removed by run_components
_NOT_WORDS = frozenset({"補助記号", "空白"})   # no reading, yet in the dictionary


@dataclass(frozen=True)
class ParagraphView:
    """A paragraph Doc as the entity rules read it, made once per Doc.

    spaCy joins ``doc.text`` and makes Token objects anew on every access; five
    components each doing so cost more than the rules themselves."""

    text: str
    tokens: tuple[patterns.Tok, ...]
    noun_runs: tuple[list[patterns.Tok], ...]

    @property
    def tagged(self) -> list[TaggedSpan]:
        return [(t.start, t.end, t.tag, t.unknown) for t in self.tokens]


def paragraph_view(doc: Doc, text: str | None = None) -> ParagraphView:
    """The Doc's view: the one ``run_components`` made, or a new one (``text``: the
    Doc's text, when the caller has it)."""
    view = doc.user_data.get(VIEW)
    if isinstance(view, ParagraphView):
        return view
    text = doc_text(doc) if text is None else text
    tokens = doc_tokens(doc, text)
    return ParagraphView(text, tokens, tuple(patterns.noun_runs(tokens)))


def doc_tokens(doc: Doc, text: str) -> tuple[patterns.Tok, ...]:
    """The Doc's tokens from its arrays (``text`` is ``doc.text``). A word is unknown to
    UniDic when it has no reading and is not a symbol or a space (the fugashi tokenizer
    gives every dictionary word a reading)."""
    if not len(doc):
        return ()
    strings = doc.vocab.strings
    readings = doc._.readings or [None] * len(doc)
    rows = doc.to_array([IDX, LENGTH, TAG]).tolist()
    tags = {tag_hash: strings[tag_hash] if tag_hash else "" for _, _, tag_hash in rows}
    pos1 = {tag_hash: tag.partition("-")[0] for tag_hash, tag in tags.items()}
    return tuple([patterns.Tok(start, start + length, text[start:start + length],
                               tags[tag_hash], pos1[tag_hash],
                               reading == "" and pos1[tag_hash] not in _NOT_WORDS)
                  for (start, length, tag_hash), reading in zip(rows, readings, strict=True)])


def add_candidate(doc: Doc, match: patterns.PatternMatch) -> None:
    """Add a candidate span for ``match`` (widened to token boundaries if it must be)."""
    how = match.how
    span = doc.char_span(match.start, match.end, label=match.label)
    if span is None:
        span = doc.char_span(match.start, match.end, label=match.label,
                             alignment_mode="expand")
        how += "+widened"
    if span is None or not span.text.strip():
        return
    # Span extension values are stored per (start, end): keep one candidate per offsets,
    # the one whose label ranks first.
    kept = []
    for other in doc.spans.get(CANDIDATES, []):
        if (other.start_char, other.end_char) != (span.start_char, span.end_char):
            kept.append(other)
        elif LABEL_RANK.get(other.label_, 9) <= LABEL_RANK.get(match.label, 9):
            return
    span._.canonical = match.canonical
    span._.canonical_en = match.canonical_en
    span._.entity_how = how
    doc.spans[CANDIDATES] = [*kept, span]


def english_of(canonical: str, english: str) -> str:
    """The English name, or for a hierarchical name (``気象庁気象研究所``) whose tail is a
    gazetteer body under a gazetteer parent, the tail's English name."""
    if english:
        return english
    for cut in range(1, len(canonical) - 1):
        parent, child = lookup(canonical[:cut]), lookup(canonical[cut:])
        if parent is not None and child is not None:
            return child.canonical_en
    return ""


# --------------------------------------------------------------------------- components


class OrgTagger:
    """ORG candidates from ``find_orgs``."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        text = view.text
        for org in find_orgs(text, places_as_orgs=True, tagged=view.tagged):
            if org.how == "local_government" and org.text != text.strip():
                continue   # a place in running text, not a listed body
            add_candidate(doc, patterns.PatternMatch(
                org.start, org.end, "ORG", org.canonical, f"org_{org.how}",
                english_of(org.canonical, org.canonical_en)))
        return doc


class NameTagger:
    """PROGRAM, LAW, EVENT and quoted-council candidates from ``entity_patterns``."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        text, tokens, runs = view.text, view.tokens, view.noun_runs
        found = patterns.find_quoted(text)
        found += patterns.find_unquoted_laws(text, tokens, runs)
        found += patterns.find_unquoted_programs(text, tokens, runs)
        found += patterns.find_unquoted_events(text, tokens, runs)
        for match in found:
            entry = lookup(match.canonical) if match.label == "ORG" else None
            if entry is not None:
                match = patterns.PatternMatch(match.start, match.end, "ORG", entry.canonical_ja,
                                              match.how, entry.canonical_en)
            add_candidate(doc, match)
        return doc


class PlaceTagger:
    """PLACE candidates from ``places.tsv``."""

    def __call__(self, doc: Doc) -> Doc:
        view = paragraph_view(doc)
        for match in patterns.find_places(view.text, view.tokens):
            add_candidate(doc, match)
        return doc


class AcronymTagger:
    """ACRONYM candidates: Latin acronyms; a gazetteer acronym gets the body's English."""

    def __call__(self, doc: Doc) -> Doc:
        for match in patterns.find_acronyms(paragraph_view(doc).text):
            entry = lookup(match.canonical)
            english = entry.canonical_en if entry is not None else ""
            add_candidate(doc, patterns.PatternMatch(match.start, match.end, "ACRONYM",
                                                     match.canonical, match.how, english))
        return doc


class EntityResolver:
    """Candidates → ``doc.ents``: non-overlapping, longest first, then by label rank."""

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES, []))
        ordered = sorted(candidates, key=lambda s: (s.start_char - s.end_char,
                                                    LABEL_RANK.get(s.label_, 9), s.start_char))
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in ordered:
            if taken.isdisjoint(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
        doc.ents = filter_spans(chosen)
        return doc


@Language.factory("whitepaper_orgs", requires=["token.tag"], assigns=["doc.spans"] + _SPAN_ATTRS)
def make_org_tagger(nlp: Language, name: str) -> OrgTagger:
    register_extensions()
    return OrgTagger()


@Language.factory("whitepaper_names", requires=["token.tag"], assigns=["doc.spans"] + _SPAN_ATTRS)
def make_name_tagger(nlp: Language, name: str) -> NameTagger:
    register_extensions()
    return NameTagger()


@Language.factory("whitepaper_places", requires=["token.tag"],
                  assigns=["doc.spans"] + _SPAN_ATTRS)
def make_place_tagger(nlp: Language, name: str) -> PlaceTagger:
    register_extensions()
    return PlaceTagger()


@Language.factory("whitepaper_acronyms", assigns=["doc.spans"] + _SPAN_ATTRS)
def make_acronym_tagger(nlp: Language, name: str) -> AcronymTagger:
    register_extensions()
    return AcronymTagger()


@Language.factory("whitepaper_entities", requires=["doc.spans"], assigns=["doc.ents"])
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    register_extensions()
    return EntityResolver()


# --------------------------------------------------------------------------- rows


def acronym_definitions(texts: Iterable[str]) -> dict[str, str]:
    """NFKC acronym → Japanese long form as printed, first definition wins.

    Only Latin acronyms defined by a Japanese long form (``技術移転機関（ＴＬＯ）``,
    ``NHK（日本放送協会）``, ``中小企業技術革新制度（ＳＢＩＲ制度）``) count.
    """
    found: dict[str, str] = {}
    for text in texts:
        for pair in find_acronym_pairs(text):
            if pair.how == "english" or not is_acronym(_latin_part(pair.acronym_ascii)):
                continue
            found.setdefault(pair.acronym_ascii, pair.long_form)
    return found


def _latin_part(acronym: str) -> str:
    return "".join(c for c in acronym if c.isascii())


def entity_components(nlp: Language) -> list[Callable[[Doc], Doc]]:
    """This module's components of ``nlp``, in order (an error if one is missing)."""
    missing = [name for name in PIPES if name not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"pipeline has no {', '.join(missing)}; call "
                            "pipeline.tagging.entities.add_entity_components(nlp) first")
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
                headings: Sequence[str] = (), texts: Sequence[str] | None = None) -> list[Row]:
    """DATASETS["entities"] rows (plus ``how``) of one chapter's paragraph Docs.

    ``headings``: other text of the chapter (section titles) whose acronym definitions
    count too, e.g. ``イ 技術移転機関（ＴＬＯ）における活動状況``. ``texts``: the Docs'
    texts, when the caller has them.
    """
    register_extensions()
    components = entity_components(nlp)
    docs = list(docs)
    views = [paragraph_view(doc, text) for doc, text in
             zip(docs, texts if texts is not None else [None] * len(docs), strict=True)]
    defined = acronym_definitions([*(view.text for view in views), *headings])
    columns = DATASETS["entities"].columns
    rows: list[Row] = []
    for doc, view in zip(docs, views, strict=True):
        doc = run_components(doc, nlp, view, components)
        for ent in doc.ents:
            canonical = ent._.canonical
            if ent.label_ == "ACRONYM":
                canonical = defined.get(fold(canonical), canonical)
            row = {"chapter": chapter, "para_id": doc._.para_id, "start": ent.start_char,
                   "end": ent.end_char, "text": ent.text, "label": ent.label_,
                   "canonical": canonical, "canonical_en": ent._.canonical_en,
                   "how": ent._.entity_how}
            rows.append({key: row[key] for key in columns})
    return rows
