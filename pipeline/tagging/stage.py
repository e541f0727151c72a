"""Stage 4, tagging: ``interim/nlp/<ch>/docs.spacy`` → ``interim/tagging/<ch>/``.

Numbers and dates are found per sentence (a figure's period and measure come from its
own sentence; a figure of running text with no period there may take the date framing
an earlier sentence of its paragraph, ``paragraph_periods.carry_periods``), with offsets
mapped back to the paragraph, in every paragraph kind (``where``: the paragraph's kind)
and in the footnotes the structure stage wrote (``where = footnote``, ``note_id``, no
``para_id``; offsets into the footnote's text); entities come from the spaCy entity
components over the same Docs. Paragraphs are not re-tokenised: a counter after a
figure is read from the Doc's tokens; a footnote, in no Doc, is tokenised only where a
figure may be followed by a counter.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    import pyarrow as pa

from pipeline.artefacts import (
    Written,
    chapter_folder,
    dataset_path,
    load_docs,
    read_table,
    registry_entry,
)
from pipeline.config import Paths
from pipeline.nlp.extensions import doc_text, doc_value
from pipeline.nlp.tokens import Token
from pipeline.tagging.dates import (
    BARE_WHERE_OFF,
    DateMention,
    find_dates,
    last_explicit,
    may_hold_dates,
)
from pipeline.tagging.entities.paragraph_view import ParagraphView, paragraph_views
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.paragraph_measures import RUNNING_TEXT, carry_list_measures
from pipeline.tagging.paragraph_periods import carry_periods, is_edition_as_of
from pipeline.tagging.previous_paragraph import (
    FrameOf,
    carry_previous_frame,
    paragraph_frame,
)
from pipeline.tagging.quantities import (
    NumberMention,
    TokensAfter,
    find_numbers,
    may_hold_numbers,
)
from pipeline.tagging.relative_dates import (
    PUBLICATION_YEAR,
    edition_as_of_dates,
    edition_dates,
    find_relative_dates,
    may_hold_relative,
)

Row = dict[str, Any]


FOOTNOTE = "footnote"   # ``where`` of a row found in a footnote
_EMPTY_AS_NULL = ("kind", "measure_confidence", "where")
_SENTENCE_END = re.compile(r"(?<=[。．！？])")


def tag_sentence(text: str, offset: int, base: Row, folded: str | None = None,
                 tokens_after: TokensAfter | None = None, where: str | None = None,
                 previous: DateMention | None = None, edition: int | None = None,
                 undated: bool = False) -> tuple[list[Row], list[Row], DateMention | None]:
    """Numbers and dates of one sentence; ``offset`` is where it starts in its paragraph
    (``folded``: ``fold_width(text)``, when the caller has it; ``tokens_after``: the
    tokens after a numeral, offsets in ``text``; ``where``: the paragraph kind or
    ``footnote``, which says whether a bare ``（2023）`` is a citation; ``previous``: the
    last date of the sentences before it in the same paragraph or footnote, which
    ``同年`` and ``前年`` are read against; ``edition``: the white paper's edition year,
    which ``今年度`` is read against; ``undated``: no date came before it in its paragraph
    or footnote, so a yearless ``5月28日現在`` may be read against ``edition``). Returns the rows and the date the next
    sentence's are read against. Most sentences of a chapter hold neither, and a quick
    scan says so."""
    mentions = (find_dates(text, folded, where=where, previous=previous)
                if may_hold_dates(text) else [])
    found = (find_numbers(text, mentions, folded, tokens_after,
                          breakdown_items=where in RUNNING_TEXT) if may_hold_numbers(text)
             else [])
    numbers = [_row(base, number, offset) for number in found]
    relative = (find_relative_dates(text, mentions, previous)
                if (mentions or previous) and may_hold_relative(text) else [])
    edition_found = edition_dates(text, edition, mentions) if edition is not None else []
    if undated and edition is not None and where not in BARE_WHERE_OFF:   # 5月28日現在
        edition_found += edition_as_of_dates(text, edition, mentions)
    dates = [_row(base, date, offset) for date in mentions + relative + edition_found]
    return numbers, dates, last_explicit(text, mentions, previous, folded)


def _undated(dates: list[Row]) -> bool:
    """No date of ``dates`` (a paragraph's or footnote's so far) dates a yearless day
    after them: none, or only the edition year's (``5月28日現在`` again)."""
    return all(row.get("flag") == PUBLICATION_YEAR for row in dates)


def _row(base: Row, mention: NumberMention | DateMention, offset: int) -> Row:
    """``base`` plus the mention's fields (all scalars), offsets moved by ``offset``."""
    row = {**base, **vars(mention)}
    row["start"], row["end"] = mention.start + offset, mention.end + offset
    for name in _EMPTY_AS_NULL:   # values from a fixed list: empty is none of them
        if row.get(name) == "":
            row[name] = None
    return row


class DocTokensAfter:
    """The tokens after a numeral, read from a paragraph's Doc (made on first need: most
    figures are followed by a listed unit), for the sentence starting at ``offset``."""

    def __init__(self, view: ParagraphView) -> None:
        self._view = view
        self._tokens: tuple[Token, ...] | None = None
        self._starts: list[int] = []
        self.offset = 0

    def __call__(self, start: int, end: int) -> Sequence[Token]:
        if self._tokens is None:
            self._tokens = self._view.tokens
            self._starts = [token.start for token in self._tokens]
        at = end + self.offset
        k = bisect.bisect_left(self._starts, at)
        return [t._replace(start=t.start - self.offset, end=t.end - self.offset)
                for t in self._tokens[k:k + 4]]


def tag_docs(docs: Sequence[Doc], chapter: str, texts: Sequence[str] | None = None,
             kinds: Mapping[str, str] | None = None,
             edition: int | None = None,
             titles: Mapping[str, str] | None = None,
             sections: Mapping[str, str] | None = None,
             views: Sequence[ParagraphView] | None = None) -> tuple[list[Row], list[Row]]:
    """Numbers and dates of every paragraph Doc (sentence ids as the nlp stage gives them);
    ``texts``: the Docs' texts, when the caller has them; ``kinds``: paragraph kind by
    ``para_id`` (the rows' ``where``); ``edition``: the registry's ``year``; ``titles``:
    the title of the section a paragraph is in, by ``para_id``; ``sections``: its
    ``section_id`` (a paragraph referring back takes the previous one's frame only
    within one section); ``views``: the Docs' views (``paragraph_views``), when the
    caller has them: a paragraph's tokens, made for a figure's unit here, then serve
    the entity rules too."""
    numbers: list[Row] = []
    dates: list[Row] = []
    if views is None:
        views = paragraph_views(docs, texts)
    # the previous paragraph's section and the reading of its frame, made only for a
    # paragraph that refers back to it (most do not)
    prior: tuple[str | None, FrameOf | None] = (None, None)
    for k, doc in enumerate(docs):
        text = views[k].text
        para_id = doc_value(doc, "para_id")   # doc._ makes an Underscore object
        where = kinds.get(para_id, "") if kinds is not None else ""
        section = sections.get(para_id) if sections is not None else None
        before = prior[1] if section is not None and prior[0] == section else None
        prior = (section, None)
        if not (may_hold_dates(text) or may_hold_numbers(text)):
            continue   # then no sentence of it can (most paragraphs of a chapter)
        folded = fold_width(text)   # per character: a sentence's slice is its folded form
        tokens_after = DocTokensAfter(views[k])
        previous: DateMention | None = None
        para_numbers: list[Row] = []
        para_dates: list[Row] = []
        bounds: list[tuple[int, int]] = []
        for n, sentence in enumerate(doc.sents, start=1):
            base = {"chapter": chapter, "para_id": para_id, "note_id": None, "where": where,
                    "sent_id": f"{para_id}-{n}"}
            start, end = sentence.start_char, sentence.end_char
            tokens_after.offset = start
            found_numbers, found_dates, previous = tag_sentence(
                text[start:end], start, base, folded[start:end], tokens_after, where or None,
                previous, edition, _undated(para_dates))
            para_numbers += found_numbers
            para_dates += found_dates
            bounds.append((start, end))
        # a list's measure may be announced, and a figure's period framed, by an earlier
        # sentence of the paragraph
        para_numbers = carry_list_measures(folded, bounds, para_numbers, para_dates, where,
                                           titles.get(para_id, "") if titles else "")
        para_numbers = carry_periods(folded, bounds, para_numbers, para_dates, where)
        numbers += carry_previous_frame(folded, bounds, para_numbers, para_dates, where, before)
        prior = (section, functools.partial(paragraph_frame, folded, bounds, para_numbers,
                                            para_dates, where))
        dates += para_dates
    return numbers, dates


def tag_footnotes(notes: Sequence[tuple[str, str]], chapter: str,
                  edition: int | None = None) -> tuple[list[Row], list[Row]]:
    """Numbers and dates of footnotes, given as (note_id, text): sentence by sentence (a
    sentence ends after 。．！？), offsets into the footnote's text, no ``para_id`` and no
    ``sent_id`` (footnotes are in no Doc)."""
    numbers: list[Row] = []
    dates: list[Row] = []
    for note_id, text in notes:
        if not text or not (may_hold_dates(text) or may_hold_numbers(text)):
            continue
        base = {"chapter": chapter, "para_id": None, "note_id": note_id, "where": FOOTNOTE,
                "sent_id": None}
        bounds = [m.start() for m in _SENTENCE_END.finditer(text)]
        starts = sorted({0, *(b for b in bounds if 0 < b < len(text))})
        previous: DateMention | None = None
        spans = list(zip(starts, [*starts[1:], len(text)], strict=True))
        note_numbers: list[Row] = []
        note_dates: list[Row] = []
        for start, end in spans:
            found_numbers, found_dates, previous = tag_sentence(
                text[start:end], start, base, where=FOOTNOTE, previous=previous,
                edition=edition, undated=_undated(note_dates))
            note_numbers += found_numbers
            note_dates += found_dates
        dates += note_dates
        # a footnote's figures take no date of another sentence: only a yearless as-of
        # day of their own, read in the edition's year (period_basis edition_year)
        numbers += carry_periods(fold_width(text), spans, note_numbers,
                                 [d for d in note_dates if is_edition_as_of(d)], FOOTNOTE)
    return numbers, dates


def load() -> None:
    """Make the stage's spaCy pipeline before the runner forks its workers, so they
    share it (why, and the measured figure: ``pipeline.nlp.stage.load``)."""
    tagging_nlp()


@functools.cache
def tagging_nlp() -> Language:
    """The stage's pipeline, made once per process and reused for every chapter: spaCy's
    ``blank`` reads package metadata on each call, and a new vocabulary makes a lexeme
    anew for every word of every chapter. Only strings carry over (the vocabulary
    grows with the distinct words seen); annotations come from each chapter's Docs."""
    from pipeline.nlp.tokenizer import make_nlp
    from pipeline.tagging.entities.components import add_entity_components

    return add_entity_components(make_nlp())


def run(chapter_id: str, paths: Paths, written: Written | None = None) -> Written:
    """``interim/nlp/<ch>/`` and the structure stage's headings → ``interim/tagging/<ch>/``;
    the Arrow tables written, by file."""
    from pipeline.common.files import replace_dir, write_json
    from pipeline.common.frames import write_rows
    from pipeline.schemas import DATASETS
    from pipeline.tagging.entities.components import entity_rows

    nlp = tagging_nlp()
    docs = load_docs(chapter_folder(paths, "nlp", chapter_id), nlp, written)
    texts = [doc_text(doc) for doc in docs]
    edition = registry_entry(paths, chapter_id, written).year   # 今年度 is of its year
    # the structure stage's paragraphs and sections, read once: each paragraph's kind,
    # section and section title; the headings' lines (acronyms are defined in some)
    paragraphs = read_table(dataset_path(paths, chapter_id, "paragraphs"), written)
    sections = read_table(dataset_path(paths, chapter_id, "sections"), written)
    views = paragraph_views(docs, texts)   # one per paragraph, for numbers and entities
    numbers, dates = tag_docs(docs, chapter_id, texts, _paragraph_kinds(paragraphs), edition,
                              _section_titles(paragraphs, sections),
                              _paragraph_sections(paragraphs), views)
    note_numbers, note_dates = tag_footnotes(_footnotes(paths, chapter_id, written), chapter_id,
                                             edition)
    numbers += note_numbers
    dates += note_dates
    headings = [str(title) for title in sections.column("title").to_pylist()]
    entities = entity_rows(docs, nlp, chapter_id, headings=headings, views=views)
    tables = {"numbers": numbers, "dates": dates, "entities": entities}
    target = chapter_folder(paths, "tagging", chapter_id)
    values: dict[Path, object] = {}

    def fill(folder: Path) -> None:
        counts = {}
        for name, rows in tables.items():
            table = write_rows(DATASETS[name], rows, folder / f"{name}.parquet")
            values[target / f"{name}.parquet"] = table
            counts[name] = table.num_rows
        write_json(folder / "manifest.json", {"chapter": chapter_id, "rows": counts})

    replace_dir(target, fill)
    return values


def _paragraph_kinds(paragraphs: pa.Table) -> dict[str, str]:
    """Paragraph kind by ``para_id``, from the structure stage's ``paragraphs``."""
    return dict(zip(paragraphs.column("para_id").to_pylist(),
                    paragraphs.column("kind").to_pylist(), strict=True))


def _paragraph_sections(paragraphs: pa.Table) -> dict[str, str]:
    """The ``section_id`` of each paragraph in a section, by ``para_id``."""
    return {para: str(section) for para, section in zip(
        paragraphs.column("para_id").to_pylist(), paragraphs.column("section_id").to_pylist(),
        strict=True) if section}


def _section_titles(paragraphs: pa.Table, sections: pa.Table) -> dict[str, str]:
    """The title of the section each paragraph is in, by ``para_id`` (a breakdown's measure
    may be named only there: ``有効求人倍率の動向``)."""
    title_of = dict(zip(sections.column("section_id").to_pylist(),
                        sections.column("title").to_pylist(), strict=True))
    return {para: str(title_of.get(section) or "") for para, section in zip(
        paragraphs.column("para_id").to_pylist(), paragraphs.column("section_id").to_pylist(),
        strict=True)}


def _footnotes(paths: Paths, chapter_id: str, written: Written | None) -> list[tuple[str, str]]:
    """(note_id, text) of the structure stage's ``footnotes`` (none when it wrote none)."""
    path = dataset_path(paths, chapter_id, "footnotes")
    if not path.exists() and (written is None or path not in written):
        return []
    table = read_table(path, written)
    return list(zip(table.column("note_id").to_pylist(), table.column("text").to_pylist(),
                    strict=True))


