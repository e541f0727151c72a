"""How glossary terms read and print: UniDic readings, Hepburn romaji, あいうえお
order, and the bilingual Markdown table (``output/glossary.md``)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any

import jaconv
import pandas as pd

from pipeline.common.lexicons import word_map
from pipeline.common.text import fold_nfkc

_MD_COLUMNS = (("term_ja", "用語"), ("acronym", "略語"), ("english", "English"),
               ("reading", "読み"), ("romaji", "Romaji"), ("category", "種別"),
               ("frequency", "出現数"), ("chapters", "章"))
# How Latin letters and digits UniDic has no reading for are read out.
LETTER_NAMES = word_map("letter_readings")


# --------------------------------------------------------------------------- readings


def reading_of(term: str) -> str:
    """Katakana reading from UniDic; Latin letters are read by name (``NICT`` →
    ``エヌアイシーティー``), symbols are skipped."""
    from pipeline.nlp.tokens import tokenize

    wide = jaconv.h2z(fold_nfkc(term), kana=False, ascii=True, digit=True)
    parts = []
    for token in tokenize(wide):
        morph = token.reading
        surface = fold_nfkc(token.text)
        if morph:
            parts.append(morph.removeprefix("Reading="))
        elif re.fullmatch(r"[\u3041-\u309f\u30a1-\u30fcー]+", surface):
            parts.append(jaconv.hira2kata(surface))
        else:
            parts.extend(LETTER_NAMES.get(c.upper(), "") for c in surface)
    return "".join(parts)


@cache
def get_cutlet() -> Any:
    """The process's one Cutlet (Hepburn, katakana romanised rather than spelled as the
    foreign word), created on first use."""
    import cutlet

    return cutlet.Cutlet(system="hepburn", use_foreign_spelling=False)


def romaji_of(term: str) -> str:
    """Hepburn romaji; ``・`` between words becomes a space (cutlet would print ``/``)."""
    return str(get_cutlet().romaji(fold_nfkc(term).replace("・", " "), capitalize=False)).strip()


def sort_key(reading: str, term: str) -> tuple[int, str, str]:
    """あいうえお order: kana folded to plain large hiragana (ガ → か, ッ → つ, ー dropped);
    terms without a reading last."""
    if not reading:
        return (1, fold_nfkc(term).lower(), term)
    plain = unicodedata.normalize("NFD", jaconv.kata2hira(reading))
    plain = "".join(c for c in plain if c not in "\u3099\u309aー")
    small = str.maketrans("ぁぃぅぇぉっゃゅょゎ", "あいうえおつやゆよわ")
    return (0, plain.translate(small), term)


# --------------------------------------------------------------------------- Markdown


def to_markdown(glossary: pd.DataFrame) -> str:
    """A bilingual Markdown table of the glossary, in its (reading) order; ``|`` escaped."""
    lines = ["# Glossary / 用語集", "",
             "| " + " | ".join(title for _, title in _MD_COLUMNS) + " |",
             "| " + " | ".join("---" for _ in _MD_COLUMNS) + " |"]
    for record in glossary.to_dict("records"):
        cells = []
        for column, _ in _MD_COLUMNS:
            value = record[column]
            if column == "chapters":
                value = ", ".join(json.loads(value))
            cells.append(md_cell(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def md_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")
