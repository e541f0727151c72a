"""The process's one fugashi Tagger (MeCab on unidic-lite) and how its features are read.

Kept apart from ``pipeline.nlp.tokenizer`` so that code which only needs UniDic (the ORG
rules on table cells, readings in the glossary, both through
``pipeline.nlp.tokens.tokenize``) does not import spaCy.
"""

from __future__ import annotations

import csv
import functools
import os

import fugashi
import unidic_lite

SPACE_TAG = "空白"   # UniDic's tag for a full-width space
_LEMMA, _KANA, _N_FIELDS = 7, 17, 18   # UniDic (unidic-lite) feature columns we read
Features = tuple[str, str, str]         # tag_, lemma ("" = use the surface), reading


@functools.cache
def get_tagger() -> fugashi.Tagger:
    """The process's one fugashi Tagger on unidic-lite: created on first use, then reused.

    The dictionary is named explicitly so installing full UniDic never changes the output.
    """
    dicdir = unidic_lite.DICDIR
    return fugashi.Tagger(f'-r "{os.path.join(dicdir, "mecabrc")}" -d "{dicdir}"')


def parse_feature(raw: str) -> Features:
    """UniDic feature CSV → (tag_, lemma, reading); "" where UniDic has none.

    >>> parse_feature("動詞,一般,*,*,五段-ラ行,連用形-促音便,トガル,尖る,尖っ,トガッ,尖る,"
    ...               "トガル,和,*,*,*,*,トガッ,トガル,トガッ,トガル,*,*,2,C1,*")
    ('動詞-一般', '尖る', 'トガッ')
    """
    fields = raw.split(",", _N_FIELDS)
    quote = raw.find('"')
    if quote != -1 and (len(fields) <= _N_FIELDS or quote < len(raw) - len(fields[-1])):
        fields = next(csv.reader([raw]))   # a quoted field among those we read: rare
    tag = "-".join([f for f in fields[:4] if f != "*"])
    lemma = fields[_LEMMA] if len(fields) > _LEMMA else ""
    kana = fields[_KANA] if len(fields) > _KANA else ""
    return tag, lemma, kana
