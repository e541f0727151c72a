"""Stage 4, tagging: ``interim/nlp/<ch>/docs.spacy`` → ``interim/tagging/<ch>/``.

Numbers and dates are found per sentence (a figure's period and measure come from its
own sentence), with offsets mapped back to the paragraph; entities come from the spaCy
entity components over the same Docs. Nothing is re-tokenised.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.artefacts import Written, chapter_folder, load_docs, read_titles
from pipeline.config import Paths
from pipeline.nlp.extensions import doc_text, doc_value
from pipeline.tagging.dates import DateMention, find_dates, may_hold_dates
from pipeline.tagging.numerals import fold_width
from pipeline.tagging.quantities import NumberMention, find_numbers, may_hold_numbers
from pipeline.tagging.relative_dates import find_relative_dates

Row = dict[str, Any]


def tag_sentence(text: str, offset: int, base: Row,
                 folded: str | None = None) -> tuple[list[Row], list[Row]]:
    """Numbers and dates of one sentence; ``offset`` is where it starts in its paragraph
    (``folded``: ``fold_width(text)``, when the caller has it). Most sentences of a
    chapter hold neither, and a quick scan says so."""
    mentions = find_dates(text, folded) if may_hold_dates(text) else []
    found = find_numbers(text, mentions, folded) if may_hold_numbers(text) else []
    numbers = [_row(base, number, offset) for number in found]
    dates = [_row(base, date, offset)
             for date in (mentions + find_relative_dates(text, mentions) if mentions else [])]
    return numbers, dates


def _row(base: Row, mention: NumberMention | DateMention, offset: int) -> Row:
    """``base`` plus the mention's fields (all scalars), offsets moved by ``offset``."""
    row = {**base, **vars(mention)}
    row["start"], row["end"] = mention.start + offset, mention.end + offset
    return row


def tag_docs(docs: Sequence[Doc], chapter: str,
             texts: Sequence[str] | None = None) -> tuple[list[Row], list[Row]]:
    """Numbers and dates of every paragraph Doc (sentence ids as the nlp stage gives them);
    ``texts``: the Docs' texts, when the caller has them."""
    numbers: list[Row] = []
    dates: list[Row] = []
    for k, doc in enumerate(docs):
        text = doc_text(doc) if texts is None else texts[k]
        if not (may_hold_dates(text) or may_hold_numbers(text)):
            continue   # then no sentence of it can (most paragraphs of a chapter)
        para_id = doc_value(doc, "para_id")   # doc._ makes an Underscore object
        folded = fold_width(text)   # per character: a sentence's slice is its folded form
        for n, sentence in enumerate(doc.sents, start=1):
            base = {"chapter": chapter, "para_id": para_id, "sent_id": f"{para_id}-{n}"}
            start, end = sentence.start_char, sentence.end_char
            found_numbers, found_dates = tag_sentence(text[start:end], start, base,
                                                      folded[start:end])
            numbers += found_numbers
            dates += found_dates
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
    from pipeline.common.frames import write_dataset
    from pipeline.schemas import DATASETS
    from pipeline.tagging.entities.components import entity_rows

    nlp = tagging_nlp()
    docs = load_docs(chapter_folder(paths, "nlp", chapter_id), nlp, written)
    texts = [doc_text(doc) for doc in docs]
    numbers, dates = tag_docs(docs, chapter_id, texts)
    headings = _heading_texts(paths, chapter_id, written)
    entities = entity_rows(docs, nlp, chapter_id, headings=headings, texts=texts)
    tables = {"numbers": numbers, "dates": dates, "entities": entities}
    target = chapter_folder(paths, "tagging", chapter_id)
    values: dict[Path, object] = {}

    def fill(folder: Path) -> None:
        counts = {}
        for name, rows in tables.items():
            table = write_dataset(DATASETS[name], rows, folder / f"{name}.parquet")
            values[target / f"{name}.parquet"] = table
            counts[name] = table.num_rows
        write_json(folder / "manifest.json", {"chapter": chapter_id, "rows": counts})

    replace_dir(target, fill)
    return values


def _heading_texts(paths: Paths, chapter_id: str, written: Written | None) -> list[str]:
    """Heading lines of the chapter (published by the structure stage): acronyms are
    sometimes defined in a heading (``技術移転機関（ＴＬＯ）における活動状況``)."""
    path = chapter_folder(paths, "structure", chapter_id) / "sections.parquet"
    return read_titles(path, written) if path.exists() else []
