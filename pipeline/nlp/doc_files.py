"""The nlp stage's Docs as files: ``docs.spacy`` (a DocBin of ``DOC_ATTRS``) and
``docs.json`` (each Doc's ``para_id`` and readings); ``pipeline.artefacts.load_docs``
reads both back with spaCy's ``DocBin.from_bytes``.

``docbin_bytes`` writes the DocBin's own payload by hand rather than through
``DocBin(docs=…).to_bytes()``: a kept hand-written path, by its measured benefit.
``python -m pipeline.bench.nlp`` (line ``docbin``) on the five shipped chapters'
1,776 paragraphs: spaCy's 0.179 s, this 0.062 s. The nlp stage of those chapters takes
0.42 s in all (best of three, one process), so spaCy's path would add 0.117 s, 28% of
the stage (tests/test_nlp_stage.py checks the payload equals spaCy's)."""

from __future__ import annotations

import json
import zlib
from typing import Any

import numpy
import pandas as pd
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin, MorphAnalysis
from spacy.vocab import Vocab

from pipeline.nlp import extensions

DOC_ATTRS = ["ORTH", "TAG", "LEMMA", "SENT_START"]   # what docs.spacy keeps: all we set
STRING_ATTRS = (ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID)   # str: strings[hash]


def docbin_columns() -> list[Any]:
    """The ``doc.to_array`` columns ``docbin_bytes`` reads: the DocBin's stored attributes
    (ints, though spaCy types them as str), the other string and MORPH hashes, SPACY."""
    stored: list[Any] = list(DocBin(attrs=DOC_ATTRS).attrs)
    return stored + [attr for attr in (*STRING_ATTRS, MORPH) if attr not in stored] + [SPACY]


def docbin_bytes(docs: list[Doc], rows: numpy.ndarray | None = None) -> bytes:
    """``DocBin(attrs=DOC_ATTRS, docs=docs).to_bytes()``: the same payload, made faster.

    ``DocBin.add`` collects the strings to store by reading nine string attributes of
    every Token (``text``, ``tag_``, ``norm_``…), building a Token object each time, and
    calls ``doc.to_array`` twice. Here one ``doc.to_array`` per Doc reads the stored
    attributes, the spaces and the hashes of those strings, whose distinct values are
    then looked up once (``rows``: those arrays of ``docs``, stacked, if the caller has
    read them: the nlp stage reads its tokens from the same arrays). Docs with span
    groups go through ``DocBin.add`` (their labels are strings too).
    """
    docbin = DocBin(attrs=DOC_ATTRS, store_user_data=False)
    if not docs or any(doc.vocab is not docs[0].vocab or len(doc.spans) for doc in docs):
        for doc in docs:
            docbin.add(doc)
        return docbin_to_bytes(docbin)
    stored: list[Any] = list(docbin.attrs)
    columns = docbin_columns()
    table = numpy.concatenate([doc.to_array(columns) for doc in docs]) if rows is None else rows
    docbin.flags = [{"has_unknown_spaces": doc.has_unknown_spaces} for doc in docs]
    docbin.cats = [doc.cats for doc in docs]
    docbin.span_groups = [doc.spans.to_bytes() for doc in docs]
    docbin.strings |= token_strings(table, columns, docs[0].vocab)
    return docbin_to_bytes(docbin, table[:, :len(stored)], table[:, -1:].astype(bool),
                           [len(doc) for doc in docs])


ZLIB_LEVEL = 2   # zlib's default, which DocBin.to_bytes uses, is 6


def docbin_to_bytes(docbin: DocBin, tokens: numpy.ndarray | None = None,
                    spaces: numpy.ndarray | None = None,
                    lengths: list[int] | None = None) -> bytes:
    """``docbin.to_bytes()`` compressed at ``ZLIB_LEVEL``: the same msgpack payload as
    spaCy's (tests/test_nlp_stage.py compares them), in half the time of zlib's default
    level for a file ~10% larger; ``DocBin.from_bytes`` reads any level.

    ``tokens``, ``spaces`` and ``lengths``, if given, stand for the DocBin's own lists of
    per-Doc arrays, stacked (what ``to_bytes`` stacks them into).
    """
    if tokens is None or spaces is None or lengths is None:
        tokens = numpy.vstack(docbin.tokens) if docbin.tokens else numpy.asarray([])
        spaces = numpy.vstack(docbin.spaces) if docbin.spaces else numpy.asarray([])
        lengths = [len(doc_tokens) for doc_tokens in docbin.tokens]
    message = {
        "version": docbin.version,
        "attrs": docbin.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
        "strings": sorted(docbin.strings),
        "cats": docbin.cats,
        "flags": docbin.flags,
        "span_groups": docbin.span_groups,
    }
    if docbin.store_user_data:
        message["user_data"] = docbin.user_data
    return zlib.compress(srsly.msgpack_dumps(message), ZLIB_LEVEL)


def token_strings(tokens: numpy.ndarray, attrs: list[Any], vocab: Vocab) -> set[str]:
    """The strings of the hashes in a (tokens × ``attrs``) array, as ``DocBin.add`` reads
    them from Tokens. Columns never set (DEP, ENT_TYPE… of an unparsed Doc) add only the
    hash 0, without passing their every row through the hash table."""
    hashes = tokens[:, [attrs.index(attr) for attr in STRING_ATTRS]]
    used = hashes.any(axis=0)
    distinct = pd.unique(hashes[:, used].ravel()).tolist()
    if len(hashes) and not used.all():
        distinct.append(0)
    morphs = pd.unique(tokens[:, attrs.index(MORPH)])
    return ({vocab.strings[h] for h in distinct}
            | {str(MorphAnalysis.from_id(vocab, h)) for h in morphs.tolist()})


# ``json.dumps(value, ensure_ascii=False)``: one encoder for every line (``dumps`` with an
# option makes a new one per call, half the cost of a line)
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False)


def docs_user_data(docs: list[Doc]) -> str:
    """``para_id`` and readings of each Doc, one JSON object per line.

    Kept beside the DocBin rather than in it: spaCy serialises user data per Doc
    through msgpack hooks that cost more than the rest of the file together.
    """
    return "".join(_JSON_TEXT.encode({"para_id": extensions.doc_value(doc, "para_id"),
                                      "readings": extensions.doc_value(doc, "readings")})
                   + "\n" for doc in docs) or "\n"
