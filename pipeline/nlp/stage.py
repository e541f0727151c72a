"""The nlp stage: paragraphs → spaCy Docs, ``sentences`` and ``tokens``.

Pure core: ``tokenize_paragraphs(paragraphs, nlp)``. Thin I/O: ``main(chapter_id, paths)``
reads ``interim/structure/<chapter>/paragraphs.parquet`` and swaps in, atomically,
``interim/nlp/<chapter>/`` holding

- ``docs.spacy``          a DocBin (sentence starts, tags, lemmas are native attributes),
                          one Doc per paragraph, in paragraph order, and ``docs.json``
                          beside it with each Doc's ``para_id`` and readings; read both
                          with ``load_docs``;
- ``sentences.parquet``   DATASETS["sentences"]: ``sent_id`` = ``<para_id>-<n>``, n from 1;
- ``tokens.parquet``      DATASETS["tokens"]: ``i`` from 0 within the sentence, ``start``
                          the offset in the paragraph; every token of the Doc, whitespace
                          tokens (pos ``空白``) included, so rows align with ``docs.spacy``;
- ``manifest.json``       chapter and counts, written last.

Sentences partition their paragraph: joined in order they give back its text.
Run: ``python -m pipeline.nlp.stage <chapter id>``.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy
import pandas as pd
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipeline import io
from pipeline.config import Paths, project_paths
from pipeline.errors import PipelineError
from pipeline.frames import read_parquet, to_frame, write_parquet
from pipeline.nlp import extensions
from pipeline.schemas import DATASETS

STAGE = "nlp"
REQUIRED_COLUMNS = ("chapter", "para_id", "text")


def tokenize_paragraphs(paragraphs: pd.DataFrame,
                        nlp: Language) -> tuple[list[Doc], pd.DataFrame, pd.DataFrame]:
    """Tokenise every paragraph (all kinds) → (docs, sentences, tokens), in input order."""
    check_paragraphs(paragraphs, "paragraphs")
    extensions.register()
    records = paragraphs[list(REQUIRED_COLUMNS)].to_dict("records")
    docs = list(nlp.pipe(record["text"] for record in records))
    sentence_rows: list[dict[str, Any]] = []
    token_rows: list[dict[str, Any]] = []
    for record, doc in zip(records, docs, strict=True):
        doc._.para_id = record["para_id"]
        add_rows(doc, record["chapter"], sentence_rows, token_rows)
    return (docs, to_frame(DATASETS["sentences"], sentence_rows),
            to_frame(DATASETS["tokens"], token_rows))


def add_rows(doc: Doc, chapter: str, sentence_rows: list[dict[str, Any]],
             token_rows: list[dict[str, Any]]) -> None:
    """Append the sentence and token rows of one paragraph's Doc.

    Token values come from the same functions as the ``token._`` getters of
    ``extensions``, applied to native attributes read once per token (the getters'
    per-call lookup cost more than tokenising)."""
    para_id, text = doc._.para_id, doc.text
    readings = doc._.readings or [""] * len(doc)
    if len(readings) != len(doc):
        extensions.token_reading(doc[0])      # raises the explanatory error
    bounds = sentence_token_starts(doc) + [len(doc)]
    for n, (first, stop) in enumerate(itertools.pairwise(bounds), start=1):
        sent_id = f"{para_id}-{n}"
        start = doc[first].idx
        end = doc[stop].idx if stop < len(doc) else len(text)
        sentence_rows.append({"chapter": chapter, "sent_id": sent_id, "para_id": para_id,
                              "text": text[start:end], "start": start, "end": end})
        for i, token in enumerate(doc[first:stop]):
            tag, surface = token.tag_, token.text
            token_rows.append({
                "chapter": chapter, "sent_id": sent_id, "i": i, "surface": surface,
                "lemma": token.lemma_, "pos": extensions.pos_of(tag),
                "pos_detail": extensions.pos_detail_of(tag), "reading": readings[token.i],
                "is_number": extensions.is_number_of(tag, surface),
                "para_id": para_id, "start": token.idx,
            })


def sentence_token_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence (``[]`` for an empty Doc)."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START") and len(doc) > 1:
        raise PipelineError(f"paragraph {doc._.para_id}: Doc has no sentence starts; build "
                            "the pipeline with pipeline.nlp.tokenizer.make_nlp()")
    flags = doc.to_array(SENT_START).astype(numpy.int64)
    flags[0] = 1
    return [int(i) for i in numpy.flatnonzero(flags == 1)]


def check_paragraphs(paragraphs: pd.DataFrame, where: str) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in paragraphs.columns]
    if missing:
        raise PipelineError(f"{where}: missing column(s) {', '.join(missing)}; the structure "
                            "stage must write DATASETS['paragraphs']")
    bad_text = paragraphs.loc[~paragraphs["text"].map(lambda t: isinstance(t, str)), "para_id"]
    if len(bad_text):
        raise PipelineError(f"{where}: paragraph {bad_text.iloc[0]!r} has no text (null); "
                            "write an empty string or drop the row in the structure stage")
    repeated = paragraphs.loc[paragraphs["para_id"].duplicated(), "para_id"]
    if len(repeated):
        raise PipelineError(f"{where}: para_id {repeated.iloc[0]!r} appears more than once; "
                            "para_id must be unique within a chapter")


# --------------------------------------------------------------------------- I/O


def main(chapter_id: str, paths: Paths) -> None:
    """``interim/structure/<chapter>/paragraphs.parquet`` → ``interim/nlp/<chapter>/``."""
    from pipeline.nlp.tokenizer import make_nlp

    source = paths.stage_dir("structure") / chapter_id / "paragraphs.parquet"
    if not source.exists():
        raise PipelineError(f"{source}: not found; run the structure stage for {chapter_id} "
                            "first")
    paragraphs = read_parquet(source)
    check_paragraphs(paragraphs, str(source))
    other = sorted(set(paragraphs["chapter"]) - {chapter_id})
    if other:
        raise PipelineError(f"{source}: rows of chapter {other[0]!r} in the file of "
                            f"{chapter_id!r}; rebuild it with the structure stage")
    docs, sentences, tokens = tokenize_paragraphs(paragraphs, make_nlp())
    manifest = {"chapter": chapter_id,
                "counts": {"paragraphs": len(docs), "sentences": len(sentences),
                           "tokens": len(tokens)}}

    def fill(folder: Path) -> None:
        io.write_bytes(folder / "docs.spacy", DocBin(store_user_data=False, docs=docs).to_bytes())
        io.write_text(folder / "docs.json", docs_user_data(docs))
        write_parquet(sentences, folder / "sentences.parquet")
        write_parquet(tokens, folder / "tokens.parquet")
        io.write_json(folder / "manifest.json", manifest)

    io.replace_dir(paths.stage_dir(STAGE) / chapter_id, fill)


def docs_user_data(docs: list[Doc]) -> str:
    """``para_id`` and readings of each Doc as one JSON document (one line per Doc).

    Kept beside the DocBin rather than in it: spaCy serialises user data per Doc
    through msgpack hooks that cost more than the rest of the file together.
    """
    return "\n".join(json.dumps({"para_id": d._.para_id, "readings": d._.readings},
                                ensure_ascii=False) for d in docs) + "\n"


def load_docs(path: Path, nlp: Language) -> list[Doc]:
    """The Docs of the chapter's nlp folder (``docs.spacy`` + ``docs.json``) on
    ``nlp.vocab``, with ``doc._.para_id`` and readings restored."""
    extensions.register()
    folder = path if path.is_dir() else path.parent
    source, side = folder / "docs.spacy", folder / "docs.json"
    if not source.exists() or not side.exists():
        raise PipelineError(f"{folder}: no docs.spacy/docs.json; run the nlp stage for this "
                            "chapter first")
    docs = list(DocBin(store_user_data=False).from_bytes(source.read_bytes()).get_docs(nlp.vocab))
    records = [json.loads(line) for line in side.read_text(encoding="utf-8").splitlines()]
    if len(records) != len(docs):
        raise PipelineError(f"{side}: {len(records)} records for {len(docs)} Docs; rerun the "
                            "nlp stage for this chapter")
    for doc, record in zip(docs, records, strict=True):
        doc._.para_id, doc._.readings = record["para_id"], record["readings"]
    return docs


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m pipeline.nlp.stage <chapter id>")
    main(sys.argv[1], project_paths())
