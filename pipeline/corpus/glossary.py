"""The bilingual glossary: one row per term across all chapters (``schemas.GLOSSARY``).

Pure core ``glossary_of(inputs)`` over the combined datasets, given as frames chapter by
chapter (``build_glossary(paragraphs, footnotes, entities, sections=None)`` for whole
frames); thin ``main(paths)`` reads ``output/*.parquet`` a row group (a chapter) at a time
(``pipeline.corpus.glossary_inputs``), so memory does not grow with the corpus's text,
and writes ``output/glossary.{parquet,csv,md}``.

Where the rows come from:

1. acronym definitions in paragraphs and section titles (``技術移転機関（ＴＬＯ）``,
   ``NHK（日本放送協会）``, ``（以下「公設試」という。）``; ``acronyms.find_acronym_pairs``,
   read by ``pipeline.corpus.acronym_definitions``),
   the first one in reading order per NFKC acronym, body text before figures and tables;
   ``欧州宇宙機関（ESA：European Space Agency）`` and ``RAN（Radio Access Network：
   無線アクセスネットワーク）`` give the English too (and keep the Japanese term),
   ``生成ＡＩ（Generative AI）`` is a Japanese term with its English, and a remark in
   brackets (``ＮＨＳＸ（当時）``: one content word) is no long form
   (``pipeline.corpus.latin``); a long form's last word makes the row an ORG
   (``org_suffixes.tsv``: ``国際刑事警察機構（ＩＣＰＯ）``) or an EVENT (``event_words.tsv``,
   ``glossary_body_heads.tsv``: ``太平洋・島サミット（ＰＡＬＭ）``);
2. footnotes whose anchor is an acronym and whose text is an English expansion
   (anchor ``ＴＬＯ``, ``Technology Licensing Organization``): ``english`` exactly as
   printed, ``english_source`` ``footnote``; an anchor that is the last word of a longer
   defined acronym (``ＣＳ&Ｅ`` of ``ＰＣＴ ＣＳ&Ｅ``) expands that one;
3. entity mentions (``entities``: ORG, PROGRAM, LAW, EVENT, PLACE, ACRONYM), grouped by
   canonical name; ACRONYM mentions join their acronym's row, but a mention in another
   chapter whose long form (the entities' canonical) is another thing joins that one
   (ＥＰＡ: 経済連携協定 in one chapter, 米国環境保護庁 in another), and a footnote
   marker glued to it (``ＡＳＥＡＮＡＰＯＬ1``) is dropped; English from the gazetteer
   (``gazetteer``) or places.tsv (``places``), or the source the entities name, when no
   footnote or text gives one (a ``romanized`` one is no English);
4. key terms by C-value (``pipeline.corpus.terms``, on the nlp stage's ``tokens``: no
   paragraph is tokenised again), category ``term``, where no row has the term.

Then, over all rows (``pipeline.corpus.entries``): key terms that are pieces of names
or of longer rows dropped; ACRONYM rows that are Roman numerals (dropped), committee codes
(CODE), names in Latin letters (NAME) or English words in capitals (WORD) typed; English
of common acronyms (``acronyms.tsv``, ``acronym_list``), of numbered sessions
(``pipeline.corpus.numbered_acronyms``: ``第9回アフリカ開発会議（ＴＩＣＡＤ９）``,
``numbered``) and of names printed in Latin letters (``printed``); Latin pieces of
longer names (``DISH`` of ``DISH Wireless``) dropped.

``reading`` and ``reading_flag``, ``romaji`` (modified Hepburn with macrons) and
``romaji_ascii`` come from ``pipeline.corpus.readings`` (with the Markdown), but a Latin
name the text says in katakana after it (``ＰＬＡＴＥＡＵ（プラトー）``) reads so;
``frequency`` counts entity mentions (key terms: their occurrences; a term with no
mention: its occurrences in the text); ``chapters`` is a JSON list in the order the
chapters come in ``paragraphs``; ``first_para_id`` is the first paragraph that prints the
term and ``first_form`` what it prints there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from pipeline.common.hepburn import to_ascii
from pipeline.common.lexicons import word_map
from pipeline.common.text import fold_nfkc
from pipeline.config import Paths
from pipeline.corpus.acronym_definitions import (
    Definition,
    add_footnote_definitions,
    printed_readings,
    text_definitions,
)
from pipeline.corpus.entries import (
    Entry,
    Place,
    classify_latin,
    drop_latin_pieces,
    drop_name_fragments,
)
from pipeline.corpus.glossary_inputs import (
    ENTITY_COLUMNS,
    ENTITY_SOURCE_COLUMNS,
    GlossaryInputs,
    ParagraphIndex,
    combined_inputs,
    frame_rows,
    paragraph_index,
)
from pipeline.corpus.glossary_markdown import to_markdown
from pipeline.corpus.glossary_romaji import romaji
from pipeline.corpus.latin import is_latin
from pipeline.corpus.numbered_acronyms import FootnoteMarkers, add_numbered_english
from pipeline.corpus.readings import UNREAD, Reading, read, sort_key
from pipeline.corpus.terms import running_words, terms_of_words
from pipeline.schemas import GLOSSARY
from pipeline.tagging.entities.acronym_forms import abbreviates, initials_match, is_acronym
from pipeline.tagging.entities.form_index import FormIndex
from pipeline.tagging.entities.gazetteer import lookup
from pipeline.tagging.entities.name_patterns import EVENT_WORDS, PROGRAM_WORDS
from pipeline.tagging.entities.org_words import ORG_SUFFIXES, without_legal_prefix

# An acronym in full-width letters with half-width digits after it: the digits are a
# footnote marker left in the text (the entity rules strip it after known acronyms only).
FOOTNOTE_MARKED = re.compile(r"([Ａ-Ｚ][Ａ-Ｚａ-ｚ＆－]+)([0-9]{1,2})")
# The glossary's name of an entity's English source where the two differ: the entities
# call acronyms.tsv ``acronyms``, the glossary ``acronym_list`` (its own pass, and the
# rows drop_latin_pieces keeps), one source under one name.
ENTITY_SOURCE_NAMES = {"acronyms": "acronym_list"}


def build_glossary(paragraphs: pd.DataFrame, footnotes: pd.DataFrame, entities: pd.DataFrame,
                   sections: pd.DataFrame | None = None,
                   terms: pd.DataFrame | None = None,
                   tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """``glossary_of`` whole frames; ``tokens``: the paragraphs' token rows for the key
    terms (None: their texts are tokenised again)."""
    inputs = GlossaryInputs(
        paragraphs=lambda: [paragraphs], footnotes=lambda: [footnotes],
        entities=lambda: [entities], sections=lambda: [] if sections is None else [sections],
        words=lambda: running_words(paragraphs, tokens))
    return glossary_of(inputs, terms)


def glossary_of(inputs: GlossaryInputs, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """The glossary of all chapters (columns exactly ``GLOSSARY``), sorted by reading.

    ``terms``: key terms as ``pipeline.corpus.terms.terms_of_words`` returns them (computed from
    ``inputs.words`` when None; pass an empty frame to leave them out).
    """
    index = paragraph_index(inputs.paragraphs())
    definitions = text_definitions(inputs.paragraphs(), inputs.sections(), index)
    definitions = add_footnote_definitions(definitions, inputs.footnotes(), index)
    entries: dict[str, Entry] = {}
    by_ascii: dict[str, str] = {}
    defined_in: dict[str, str] = {}   # NFKC acronym → the chapter of its first definition
    for definition in definitions.values():
        _add_definition(entries, by_ascii, definition)
        if definition.place is not None:
            defined_in.setdefault(definition.ascii, definition.place[2])
    markers = FootnoteMarkers.of(inputs.footnotes(), definitions)
    _add_entities(entries, (by_ascii, defined_in), inputs.entities(), index, markers)
    if terms is None:
        terms = terms_of_words(inputs.words())
    _add_terms(entries, terms, index)
    _count_unmentioned(entries, inputs.paragraphs(), index)
    entries = classify_latin(drop_name_fragments(entries, index.running))
    add_numbered_english(entries)
    entries = drop_latin_pieces(entries, inputs.paragraphs())
    printed = printed_readings(inputs.paragraphs())
    rows = sorted((_to_row(entry, printed) for entry in entries.values()),
                  key=lambda row: sort_key(row["reading"], row["term_ja"]))
    frame = pd.DataFrame(rows, columns=GLOSSARY.columns)
    return frame.astype({"frequency": "int64"})


def _add_definition(entries: dict[str, Entry], by_ascii: dict[str, str],
                    definition: Definition) -> None:
    entry_ = lookup(definition.ascii)
    term = definition.long_form or (entry_.canonical_ja if entry_ else definition.ascii)
    named = lookup(without_legal_prefix(definition.long_form)) if definition.long_form \
        else None   # 独立行政法人日本貿易振興機構（ＪＥＴＲＯ）: the body, as its ORG rows
    if named is not None and entry_ is None and not abbreviates(
            definition.ascii, named.acronym, named.canonical_en):
        named = None   # 米国の国家安全保障局（ＮＳＡ）: not Japan's, whose acronym is NSS
    if named is not None and (entry_ is None or named is entry_):
        entry_, term = named, named.canonical_ja
    elif entry_ is not None and definition.long_form and \
            not _alike(definition.long_form, entry_.canonical_ja):
        entry_ = None   # ＪＰＯ（ジュニア・プロフェッショナル・オフィサー）: not 特許庁
    category = long_form_category(term)
    if not definition.acronym and category == "ACRONYM":
        category = "term"   # a Japanese term with its English, no acronym
    entry = entries.setdefault(fold_nfkc(term), Entry(term, category))
    entry.acronym = entry.acronym or definition.acronym
    entry.set_english(definition.english, definition.source)
    if entry_ is not None:
        entry.set_category("ORG")
        entry.set_english(entry_.canonical_en, "gazetteer")
    if definition.place is not None:
        entry.seen(definition.place, definition.printed, defined=True)
    by_ascii[definition.ascii] = fold_nfkc(term)


def _alike(long_form: str, name: str) -> bool:
    """Could ``long_form`` be another way to write ``name`` (米航空宇宙局 of
    アメリカ航空宇宙局)? Half the characters of the shorter at least are in the other;
    ジュニア・プロフェッショナル・オフィサー shares none with 特許庁."""
    a, b = set(fold_nfkc(long_form)) - {"・"}, set(fold_nfkc(name)) - {"・"}
    return bool(a and b) and len(a & b) * 2 >= min(len(a), len(b))


def long_form_category(term: str) -> str:
    """What an acronym's long form names, by its last word: PROGRAM (``…プログラム``),
    EVENT (``太平洋・島サミット``, ``…首脳会合``), ORG (``国際刑事警察機構``,
    ``…研究センター``: ``org_suffixes.tsv`` but 会議; ``glossary_body_heads.tsv``), else
    ACRONYM (``大陸間弾道ミサイル``, ``技術移転機関``, and a thing in a programme word,
    ``エネルギー管理システム``: ``glossary_body_heads.tsv``)."""
    heads = sorted(BODY_HEADS, key=len, reverse=True)
    head = next((w for w in heads if term.endswith(w) and len(term) > len(w)), None)
    if head and BODY_HEADS[head] == "ACRONYM":
        return "ACRONYM"
    if any(term.endswith(w) for w in PROGRAM_WORDS):
        return "PROGRAM"
    return BODY_HEADS[head] if head else "ACRONYM"


def _body_heads() -> dict[str, str]:
    heads = {word: "ORG" for word in ORG_SUFFIXES if word != "会議"}
    heads.update(dict.fromkeys(EVENT_WORDS, "EVENT"))
    heads.update(word_map("glossary_body_heads"))
    return heads


BODY_HEADS = _body_heads()


def _add_entities(entries: dict[str, Entry], acronyms: tuple[dict[str, str], dict[str, str]],
                  entities: Iterable[pd.DataFrame], index: ParagraphIndex,
                  markers: FootnoteMarkers) -> None:
    for frame in entities:
        source_column = next((c for c in ENTITY_SOURCE_COLUMNS if c in frame.columns),
                             ENTITY_SOURCE_COLUMNS[0])
        columns = (*ENTITY_COLUMNS, source_column)
        for chapter, para_id, text, label, canonical, canonical_en, source in frame_rows(
                frame, "entities", columns, {source_column: ""}):
            english = canonical_en if isinstance(canonical_en, str) else ""
            if not isinstance(source, str) or not source:
                source = "places" if label == "PLACE" else "gazetteer"
            source = ENTITY_SOURCE_NAMES.get(source, source)
            place = index.places.get((chapter, para_id))
            text = str(text)
            if label == "ACRONYM" and (marked := FOOTNOTE_MARKED.fullmatch(text)) and \
                    markers.is_marker(fold_nfkc(marked[1]), marked[2], place):
                canonical = marked[1] if fold_nfkc(canonical) == fold_nfkc(text) else canonical
                text = marked[1]   # ＡＳＥＡＮＡＰＯＬ1: a marker, narrower than the letters
            _add_mention(entries, acronyms, text, str(label), str(canonical),
                         (english, source), place)


def _add_mention(entries: dict[str, Entry], acronyms: tuple[dict[str, str], dict[str, str]],
                 text: str, label: str, canonical: str, english: tuple[str, str],
                 place: Place | None) -> None:
    """An entity mention joins its row; an ACRONYM's, the row of the acronym's first
    definition, unless another chapter's mention stands for something else
    (``other_sense``). ``acronyms``: NFKC acronym → its first definition's row key, and
    → the chapter of that definition."""
    by_ascii, defined_in = acronyms
    text_ascii = fold_nfkc(text)
    key = fold_nfkc(canonical)
    elsewhere = place is not None and defined_in.get(text_ascii, place[2]) != place[2]
    if label == "ACRONYM" and not (elsewhere and other_sense(key, text_ascii,
                                                             by_ascii.get(text_ascii))):
        key = by_ascii.get(text_ascii, by_ascii.get(key, key))
    elif place is not None and defined_in.get(text_ascii) == place[2] and \
            by_ascii.get(text_ascii, key) != key and not _alike(by_ascii[text_ascii], key):
        # ＪＰＯ, which its chapter defines as ジュニア・プロフェッショナル・オフィサー, given
        # the gazetteer's 特許庁 by the entities: the chapter's sense, not the body's
        key, label, english = by_ascii[text_ascii], "ACRONYM", ("", "")
    entry = entries.get(key)
    # an acronym's Japanese long form names a body, event or programme by its last word
    long_form = canonical if entry is None else entry.term_ja
    category = long_form_category(long_form) if label == "ACRONYM" and \
        not is_latin(long_form) else label
    if entry is None:
        entry = entries[key] = Entry(canonical, category)
        if label == "ACRONYM":
            entry.acronym = text
            by_ascii.setdefault(text_ascii, key)
    elif label == "ACRONYM" and not entry.acronym and key != text_ascii:
        entry.acronym = text   # 米国環境保護庁 of the chapter's ＥＰＡ
    if not entry.acronym and key != text_ascii and is_acronym(text_ascii) and \
            initials_match(text_ascii, english[0]):
        entry.acronym = text   # ＡＰＥＣ, a mention of the ORG アジア太平洋経済協力
    entry.set_category(category)
    entry.set_english(*english)
    if place is not None:
        entry.seen(place, text)


def other_sense(canonical: str, acronym: str, first: str | None) -> bool:
    """Does a mention of an acronym in another chapter than its first definition's stand
    for something else? The entities give each mention its own chapter's long form
    (``canonical``): another ministry's chapter may define ＥＰＡ as 米国環境保護庁 where
    the first defined 経済連携協定, and ＩＲ as 赤外線, not 統合型リゾート. A long form
    that holds the first one or is held by it (a legal form before it) is the same; so is
    any, where the first definition gave no Japanese (ＧＰＵ, defined by a footnote's
    English: 画像処理装置 is acronyms.tsv's form of it)."""
    return (first is not None and not is_latin(first) and canonical not in (acronym, first)
            and not is_latin(canonical) and first not in canonical
            and canonical not in first)


def _add_terms(entries: dict[str, Entry], terms: pd.DataFrame, index: ParagraphIndex) -> None:
    for record in terms.to_dict("records"):
        term = record["term"]
        if fold_nfkc(term) in entries:
            continue
        entry = entries[fold_nfkc(term)] = Entry(term, "term")
        place = index.places.get((record["first_chapter"], record["first_para_id"]))
        if place is not None:
            entry.seen(place, term, int(record["frequency"]))
        for first in record["first_paras"]:
            where = index.places.get(tuple(first))
            if where is not None:
                entry.seen(where, term, defined=True)


def _count_unmentioned(entries: dict[str, Entry], paragraphs: Iterable[pd.DataFrame],
                       index: ParagraphIndex) -> None:
    """A defined term no entity mentions (``S-イノベ``): count its occurrences (term and
    acronym) in the text of every paragraph."""
    entries_of_form: dict[str, list[Entry]] = {}
    for entry in entries.values():
        if not entry.mentions:
            for form in {entry.term_ja, entry.acronym} - {""}:
                entries_of_form.setdefault(form, []).append(entry)
    if not entries_of_form:
        return
    counter = FormCounter(entries_of_form)
    for frame in paragraphs:
        for chapter, para_id, text in frame_rows(frame, "paragraphs", ("chapter", "para_id", "text")):
            place = index.places[(chapter, para_id)]
            for form, hits in counter.counts(text).items():
                for entry in entries_of_form[form]:
                    entry.seen(place, form, hits)


class FormCounter:
    """``text.count(form)`` (non-overlapping, left to right) of many forms at once: a
    ``FormIndex`` finds in one pass which forms the text holds, and only those are
    counted, instead of every form in every text."""

    def __init__(self, forms: Iterable[str]) -> None:
        self._index = FormIndex(forms)

    def counts(self, text: str) -> dict[str, int]:
        """Form → its count in ``text``, for the forms that occur."""
        return {form: text.count(form) for form in sorted(self._index.forms_in(text))}


def _to_row(entry: Entry, printed: Mapping[str, str]) -> dict[str, Any]:
    """The row of ``entry``; ``printed``: the readings the text prints in katakana after
    Latin names (``ＰＬＡＴＥＡＵ（プラトー）``), which a row of such a name takes."""
    places = sorted(entry.mentions + entry.defined_at)
    chapters = list(dict.fromkeys(p[2] for p in places))
    first = places[0] if places else None
    said = printed.get(fold_nfkc(entry.term_ja))
    reading = Reading(said, "") if said else read(entry.term_ja)
    # a word UniDic cannot read has no reading, and so no romaji (cutlet keeps the kanji)
    romanised = "" if reading.flag == UNREAD else romaji(entry.term_ja)
    return {"term_ja": entry.term_ja, "acronym": entry.acronym,
            "acronym_ascii": fold_nfkc(entry.acronym) if entry.acronym else "",
            "english": entry.english, "english_source": entry.english_source,
            "reading": reading.reading, "reading_flag": reading.flag or None,
            "romaji": romanised, "romaji_ascii": to_ascii(romanised),
            "category": entry.category, "frequency": max(len(entry.mentions), 1),
            "chapters": json.dumps(chapters, ensure_ascii=False),
            "first_chapter": first[2] if first else "",
            "first_para_id": first[3] if first else "",
            "first_form": entry.printed.get(first, "") if first else ""}



def main(paths: Paths) -> None:
    """``output/{paragraphs,footnotes,entities,sections,tokens}.parquet`` →
    ``output/glossary.*``."""
    from pipeline.common.files import write_text
    from pipeline.common.frames import to_frame, write_csv, write_parquet

    out = paths.output
    glossary = glossary_of(combined_inputs(out))
    frame = to_frame(GLOSSARY, glossary.to_dict("records"))
    write_parquet(frame, out / "glossary.parquet")
    write_csv(frame, out / "glossary.csv")
    write_text(out / "glossary.md", to_markdown(glossary))



if __name__ == "__main__":
    from pipeline.config import project_paths

    main(project_paths())
