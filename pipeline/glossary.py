"""The bilingual glossary: one row per term across all chapters (``schemas.GLOSSARY``).

Pure core ``build_glossary(paragraphs, footnotes, entities, sections=None)`` over the
combined output frames; thin ``main(paths)`` writes ``output/glossary.{parquet,csv,md}``.

Where the rows come from:

1. acronym definitions in paragraphs and section titles (``技術移転機関（ＴＬＯ）``,
   ``NHK（日本放送協会）``, ``（以下「公設試」という。）``; ``acronyms.find_acronym_pairs``),
   the first one in reading order per NFKC acronym, body text before figures and tables;
2. footnotes whose anchor is an acronym and whose text is an English expansion
   (anchor ``ＴＬＯ``, ``Technology Licensing Organization``): ``english`` exactly as
   printed, ``english_source`` ``footnote``; an anchor that is the last word of a longer
   defined acronym (``ＣＳ&Ｅ`` of ``ＰＣＴ ＣＳ&Ｅ``) expands that one;
3. entity mentions (``entities``: ORG, PROGRAM, LAW, EVENT, PLACE, ACRONYM), grouped by
   canonical name; ACRONYM mentions join their acronym's row; English from the gazetteer
   (``gazetteer``) or places.tsv (``places``) when no footnote or text gives one;
4. key terms by C-value (``pipeline.terms``), category ``term``, where no row has the term.

``reading`` is UniDic's (katakana, Latin letters read by name), ``romaji`` Hepburn by one
lazily created ``cutlet.Cutlet``; ``frequency`` counts entity mentions (key terms: their
occurrences; a term with no mention: its occurrences in the text); ``chapters`` is a JSON
list in the order the chapters come in ``paragraphs``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jaconv
import pandas as pd

from pipeline.config import Paths
from pipeline.errors import PipelineError
from pipeline.schemas import GLOSSARY
from pipeline.tagging.acronyms import find_acronym_pairs, find_footnote_expansion, is_acronym
from pipeline.tagging.entity_patterns import PROGRAM_WORDS
from pipeline.tagging.gazetteer import fold, lookup

CATEGORY_RANK = {"ORG": 0, "LAW": 1, "PROGRAM": 2, "EVENT": 3, "PLACE": 4, "ACRONYM": 5,
                 "term": 6}
KIND_RANK = {"body": 0, "heading": 0, "column": 1, "note": 2, "caption": 3, "source": 3}
_MD_COLUMNS = (("term_ja", "用語"), ("acronym", "略語"), ("english", "English"),
               ("reading", "読み"), ("romaji", "Romaji"), ("category", "種別"),
               ("frequency", "出現数"), ("chapters", "章"))
# How Latin letters and digits UniDic has no reading for are read out.
LETTER_NAMES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", (
    "エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ", "ジェー", "ケー",
    "エル", "エム", "エヌ", "オー", "ピー", "キュー", "アール", "エス", "ティー", "ユー", "ブイ",
    "ダブリュー", "エックス", "ワイ", "ゼット", "ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク",
    "ナナ", "ハチ", "キュウ"), strict=True))
Place = tuple[int, int, str, str]   # chapter rank, paragraph rank, chapter, para_id


@dataclass
class Entry:
    """A glossary row being built."""

    term_ja: str
    category: str
    acronym: str = ""
    english: str = ""
    english_source: str = ""
    mentions: list[Place] = field(default_factory=list)
    defined_at: list[Place] = field(default_factory=list)

    def set_english(self, english: str, source: str) -> None:
        order = ("footnote", "text", "gazetteer", "places", "")
        if english and order.index(source) < order.index(self.english_source):
            self.english, self.english_source = english, source

    def set_category(self, category: str) -> None:
        if CATEGORY_RANK.get(category, 9) < CATEGORY_RANK.get(self.category, 9):
            self.category = category


@dataclass(frozen=True)
class Definition:
    acronym: str        # as printed
    ascii: str          # NFKC
    long_form: str      # as printed; "" when none
    english: str
    source: str         # footnote or text
    place: Place | None


# --------------------------------------------------------------------------- core


def build_glossary(paragraphs: pd.DataFrame, footnotes: pd.DataFrame, entities: pd.DataFrame,
                   sections: pd.DataFrame | None = None,
                   terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """The glossary of all chapters (columns exactly ``GLOSSARY``), sorted by reading.

    ``terms``: key terms as ``pipeline.terms.key_terms`` returns them (computed from
    ``paragraphs`` when None; pass an empty frame to leave them out).
    """
    _require(paragraphs, ("chapter", "para_id", "text"), "paragraphs")
    _require(footnotes, ("chapter", "anchor", "text"), "footnotes")
    _require(entities, ("chapter", "para_id", "text", "label", "canonical", "canonical_en"),
             "entities")
    ranks = _paragraph_ranks(paragraphs)
    definitions = text_definitions(paragraphs, sections, ranks)
    definitions = add_footnote_definitions(definitions, footnotes, ranks)
    entries: dict[str, Entry] = {}
    by_ascii: dict[str, str] = {}
    for definition in definitions.values():
        _add_definition(entries, by_ascii, definition)
    _add_entities(entries, by_ascii, entities, ranks)
    if terms is None:
        from pipeline.terms import key_terms
        terms = key_terms(paragraphs)
    _add_terms(entries, terms, ranks)
    _count_unmentioned(entries, paragraphs, ranks)
    rows = [_to_row(entry) for entry in entries.values()]
    frame = pd.DataFrame(rows, columns=GLOSSARY.columns)
    frame = frame.astype({"frequency": "int64"})
    order = sorted(range(len(frame)), key=lambda i: sort_key(frame.at[i, "reading"],
                                                             frame.at[i, "term_ja"]))
    return frame.iloc[order].reset_index(drop=True)


def _require(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise PipelineError(f"{name}: missing column(s) {', '.join(missing)}; build it with "
                            "the stage that writes DATASETS[{name!r}]")


def _paragraph_ranks(paragraphs: pd.DataFrame) -> dict[tuple[str, str], Place]:
    chapters = list(dict.fromkeys(paragraphs["chapter"]))
    ranks = {}
    for n, (chapter, para_id) in enumerate(paragraphs[["chapter", "para_id"]]
                                           .itertuples(index=False)):
        ranks[(chapter, para_id)] = (chapters.index(chapter), n, chapter, para_id)
    return ranks


def text_definitions(paragraphs: pd.DataFrame, sections: pd.DataFrame | None,
                     ranks: dict[tuple[str, str], Place]) -> dict[str, Definition]:
    """NFKC acronym → its first definition in the text (body and headings first)."""
    texts: list[tuple[int, int, str, Place | None]] = []
    for record in paragraphs.to_dict("records"):
        if record.get("kind") == "table_text":
            continue   # table cells are cut at arbitrary points (グ|ローバル観測)
        place = ranks[(record["chapter"], record["para_id"])]
        rank = KIND_RANK.get(str(record.get("kind", "body")), 4)
        texts.append((rank, place[1], record["text"], place))
    if sections is not None:
        for record in sections.to_dict("records"):
            orders = [p[1] for p in ranks.values() if p[2] == record["chapter"]]
            texts.append((0, min(orders, default=0), str(record["title"]), None))
    found: dict[str, Definition] = {}
    for _, _, text, where in sorted(texts, key=lambda t: (t[0], t[1])):
        for pair in find_acronym_pairs(text):
            english = pair.long_form if pair.how == "english" else ""
            long_form = "" if english else pair.long_form
            if not _is_abbreviation(pair.how, pair.acronym_ascii, fold(pair.long_form)):
                continue
            found.setdefault(pair.acronym_ascii, Definition(
                pair.acronym, pair.acronym_ascii, long_form, english,
                "text" if english else "", where))
    return found


def _is_abbreviation(how: str, short: str, long_form: str) -> bool:
    """A Latin acronym (``ＴＬＯ``), one with a Japanese tail (``ＳＢＩＲ制度``,
    ``S-イノベ``) or a Japanese short form that is not just the long form's tail
    (``公設試`` of 公設試験研究機関, but not ``研究費`` of 科学技術研究費)."""
    if how == "abbr_with_suffix":
        return True
    if how == "ika_toiu":
        return not long_form.endswith(short)
    return is_acronym("".join(c for c in short if c.isascii()))


def add_footnote_definitions(definitions: dict[str, Definition], footnotes: pd.DataFrame,
                             ranks: dict[tuple[str, str], Place]) -> dict[str, Definition]:
    """Definitions with the English expansions footnotes give for marked acronyms."""
    result = dict(definitions)
    for record in footnotes.to_dict("records"):
        anchor = record.get("anchor")
        if not isinstance(anchor, str) or not is_acronym(fold(anchor)):
            continue
        english = footnote_english(str(record["text"]))
        if english is None:
            continue
        key = _defined_key(result, fold(anchor))
        old = result.get(key)
        para_id = record.get("para_id")
        place = ranks.get((record["chapter"], para_id)) if isinstance(para_id, str) else None
        result[key] = Definition(old.acronym if old else anchor, key,
                                 old.long_form if old else "", english, "footnote",
                                 old.place if old and old.place else place)
    return result


def footnote_english(text: str) -> str | None:
    """The English a footnote gives, as printed (URLs dropped), or None."""
    expansion = find_footnote_expansion(text)
    if expansion is None:
        return None
    printed = " ".join(text.split())
    return printed if fold(printed) == expansion else expansion


def _defined_key(definitions: dict[str, Definition], anchor: str) -> str:
    if anchor in definitions:
        return anchor
    for key in definitions:
        if key.split(" ")[-1] == anchor:
            return key
    return anchor


def _add_definition(entries: dict[str, Entry], by_ascii: dict[str, str],
                    definition: Definition) -> None:
    entry_ = lookup(definition.ascii)
    term = definition.long_form or (entry_.canonical_ja if entry_ else definition.ascii)
    if entry_ is not None and definition.long_form and lookup(definition.long_form) is entry_:
        term = entry_.canonical_ja
    category = "PROGRAM" if any(term.endswith(w) for w in PROGRAM_WORDS) else "ACRONYM"
    entry = entries.setdefault(fold(term), Entry(term, category))
    entry.acronym = entry.acronym or definition.acronym
    entry.set_english(definition.english, definition.source)
    if entry_ is not None:
        entry.set_category("ORG")
        entry.set_english(entry_.canonical_en, "gazetteer")
    if definition.place is not None:
        entry.defined_at.append(definition.place)
    by_ascii[definition.ascii] = fold(term)


def _add_entities(entries: dict[str, Entry], by_ascii: dict[str, str],
                  entities: pd.DataFrame, ranks: dict[tuple[str, str], Place]) -> None:
    for record in entities.to_dict("records"):
        place = ranks.get((record["chapter"], record["para_id"]))
        label = str(record["label"])
        text_ascii = fold(str(record["text"]))
        canonical = str(record["canonical"])
        key = fold(canonical)
        if label == "ACRONYM":
            key = by_ascii.get(text_ascii, by_ascii.get(key, key))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(canonical, label)
            if label == "ACRONYM":
                entry.acronym = str(record["text"])
                by_ascii.setdefault(text_ascii, key)
        entry.set_category(label)
        english = record["canonical_en"] if isinstance(record["canonical_en"], str) else ""
        entry.set_english(english, "places" if label == "PLACE" else "gazetteer")
        if place is not None:
            entry.mentions.append(place)


def _add_terms(entries: dict[str, Entry], terms: pd.DataFrame,
               ranks: dict[tuple[str, str], Place]) -> None:
    for record in terms.to_dict("records"):
        term = record["term"]
        if fold(term) in entries:
            continue
        entry = entries[fold(term)] = Entry(term, "term")
        place = ranks.get((record["first_chapter"], record["first_para_id"]))
        entry.mentions = [place] * int(record["frequency"]) if place else []
        chapter_places = [min((p for p in ranks.values() if p[2] == c), default=None)
                          for c in record["chapters"]]
        entry.defined_at = [p for p in chapter_places if p is not None]


def _count_unmentioned(entries: dict[str, Entry], paragraphs: pd.DataFrame,
                       ranks: dict[tuple[str, str], Place]) -> None:
    """A defined term no entity mentions (``S-イノベ``): count its occurrences in the text."""
    records = paragraphs[["chapter", "para_id", "text"]].to_dict("records")
    for entry in entries.values():
        if entry.mentions:
            continue
        forms = [f for f in {entry.term_ja, entry.acronym} if f]
        for record in records:
            hits = sum(record["text"].count(f) for f in forms)
            place = ranks[(record["chapter"], record["para_id"])]
            entry.mentions.extend([place] * hits)


def _to_row(entry: Entry) -> dict[str, Any]:
    places = sorted(entry.mentions + entry.defined_at)
    chapters = list(dict.fromkeys(p[2] for p in places))
    first = places[0] if places else None
    return {"term_ja": entry.term_ja, "acronym": entry.acronym,
            "acronym_ascii": fold(entry.acronym) if entry.acronym else "",
            "english": entry.english, "english_source": entry.english_source,
            "reading": reading_of(entry.term_ja), "romaji": romaji_of(entry.term_ja),
            "category": entry.category, "frequency": max(len(entry.mentions), 1),
            "chapters": json.dumps(chapters, ensure_ascii=False),
            "first_chapter": first[2] if first else "",
            "first_para_id": first[3] if first else ""}


# --------------------------------------------------------------------------- readings


def reading_of(term: str) -> str:
    """Katakana reading from UniDic; Latin letters are read by name (``NICT`` →
    ``エヌアイシーティー``), symbols are skipped."""
    from pipeline.nlp.tokenizer import get_tagger, parse_feature

    wide = jaconv.h2z(fold(term), kana=False, ascii=True, digit=True)
    parts = []
    for node in get_tagger()(wide):
        morph = parse_feature(node.feature_raw)[2]
        surface = fold(node.surface)
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
    return str(get_cutlet().romaji(fold(term).replace("・", " "), capitalize=False)).strip()


def sort_key(reading: str, term: str) -> tuple[int, str, str]:
    """あいうえお order: kana folded to plain large hiragana (ガ → か, ッ → つ, ー dropped);
    terms without a reading last."""
    if not reading:
        return (1, fold(term).lower(), term)
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


# --------------------------------------------------------------------------- I/O


def main(paths: Paths) -> None:
    """``output/{paragraphs,footnotes,entities,sections}.parquet`` → ``output/glossary.*``."""
    from pipeline.frames import read_parquet, to_frame, write_csv, write_parquet
    from pipeline.io import write_text

    out = paths.output
    frames = {}
    for name in ("paragraphs", "footnotes", "entities"):
        path = out / f"{name}.parquet"
        if not path.exists():
            raise PipelineError(f"{path}: not found; run `make all` (the combine step writes "
                                f"output/{name}.parquet) before the glossary")
        frames[name] = read_parquet(path)
    sections_path = out / "sections.parquet"
    sections = read_parquet(sections_path) if sections_path.exists() else None
    glossary = build_glossary(frames["paragraphs"], frames["footnotes"], frames["entities"],
                              sections)
    frame = to_frame(GLOSSARY, glossary.to_dict("records"))
    write_parquet(frame, out / "glossary.parquet")
    write_csv(frame, out / "glossary.csv")
    write_text(out / "glossary.md", to_markdown(glossary))


if __name__ == "__main__":
    from pipeline.config import project_paths

    main(project_paths())
