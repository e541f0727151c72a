"""Contracts between stages and the output datasets: the one source of truth.

``SourceLine`` is what every source adapter (extract stage) hands to the structure
stage. ``DATASETS`` lists every output dataset with its columns, types and English
descriptions; the writers order and type columns from it, and the data package is
generated from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# --------------------------------------------------------------------------- extract


@dataclass(frozen=True)
class SourceLine:
    """One printed line of a source, with where it came from.

    ``hint`` is set by an adapter that knows a line's role from the layout (for text
    extracted from PDFs: ``running_header``, ``page_number``, ``vertical_text``,
    ``footnote_rule``; for PDFs also ``footnote``, ``figure_text`` (in a figure box or
    a drawn frame), ``table_text`` (inside a ruled table found on the page), ``column``,
    ``ruby``, ``off_page`` (beyond the page's box) …); empty when the structure stage
    must decide.
    """

    line: int                 # 1-based line in the source file (PDF: line on its page)
    text: str                 # as printed, without the newline
    page_index: int | None = None   # 1-based page of the source file; None without pages
    page: str | None = None   # printed page number where the source shows it
    gap_before: int = 0       # blank lines before this one in the source
    hint: str = ""
    x0: float | None = None   # PDF geometry (left edge, points) where known
    size: float | None = None  # PDF font size where known
    extras: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, in field order (``vars`` rather than ``asdict``: a
        chapter has thousands of lines and nothing here needs a deep copy)."""
        return {k: v for k, v in vars(self).items() if v not in (None, "", {}) or k == "text"}

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> SourceLine:
        return cls(**record)


@dataclass(frozen=True)
class Layout:
    """How a source format prints its text: set by the adapter, read by structure.

    ``wrapped``: paragraphs are wrapped over several lines (printed layouts) rather
    than one paragraph per line. ``footnotes``: ``rule-block`` (a rule of spaces then
    ``1  text`` lines at the page foot), ``numbered-lines`` (``1　text`` lines among
    the paragraphs), or ``hinted`` (the adapter marks footnote lines).
    """

    wrapped: bool
    footnotes: str
    double_spaced: bool = False


# --------------------------------------------------------------------------- datasets


@dataclass(frozen=True)
class Field:
    """A column: its frictionless type, English description, and the rules on its
    values that ``corpus.validate`` checks and the data package publishes."""

    name: str
    type: str            # frictionless types: string, integer, number, boolean, date
    description: str
    required: bool = False
    allowed: tuple[str, ...] = ()      # the only values it may take (frictionless enum)
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class Dataset:
    name: str
    row: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()   # (column, dataset, column)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _f(name: str, type_: str, description: str, required: bool = False,
       allowed: tuple[str, ...] = (), minimum: int | None = None,
       maximum: int | None = None) -> Field:
    return Field(name, type_, description, required, allowed, minimum, maximum)


CHAPTER = _f("chapter", "string", "Chapter id from raw/chapters.toml", True)
PAGE = _f("page", "string", "Printed page number where the source shows it")
PAGE_INDEX = _f("page_index", "integer", "1-based page of the source file (empty without pages)",
                minimum=1)
LINE = _f("line", "integer", "1-based line in the source file (PDF: on its page) where it starts",
          minimum=1)

PARAGRAPH_KINDS = ("body", "column", "caption", "note", "source", "figure_text", "table_text")
WHERE = (*PARAGRAPH_KINDS, "footnote")   # where a number or date is printed

DATASETS: dict[str, Dataset] = {d.name: d for d in (
    Dataset("sections", "heading", (
        CHAPTER,
        _f("section_id", "string", "Stable id of the heading", True),
        _f("level", "integer", "1 chapter, 2 節, 3 １, 4 （１）, 5 ア, 6 （ア）, 7 A; ① and "
           "(a) one below the heading they are set under", True, minimum=1, maximum=7),
        _f("label", "string", "Label as printed, e.g. 第1節, （１）, ①"),
        _f("number", "string", "Label normalised to Arabic digits or a letter, e.g. 1, ア"),
        _f("title", "string", "Heading title, footnote markers removed", True),
        _f("parent_id", "string", "section_id of the enclosing heading"),
        PAGE, PAGE_INDEX, LINE,
        _f("flag", "string", "Why to check it by eye: numbering_only (a heading by its "
           "numbering sequence alone, its type no heading type), breaks_outline (its number "
           "does not continue the outline: a run that opens at 2 in an excerpt, or at 1 "
           "again where a heading above it was missed), unnumbered (in text with no type, "
           "a heading known by its words alone, はじめに, まとめ: its level is inferred); "
           ";-joined; empty when fine"),
    ), ("chapter", "section_id"), (("parent_id", "sections", "section_id"),)),
    Dataset("paragraphs", "paragraph joined across line wraps and page breaks", (
        CHAPTER,
        _f("para_id", "string", "Stable id of the paragraph", True),
        _f("section_id", "string", "Heading the paragraph sits under"),
        _f("kind", "string", "body, column, caption, note, source, figure_text, table_text", True,
           allowed=("body", "column", "caption", "note", "source", "figure_text",
                    "table_text")),
        _f("text", "string", "Clean text: wraps joined, markers, ruby and furniture removed", True),
        PAGE, PAGE_INDEX,
        _f("char_start", "integer", "Start offset in the chapter's clean text", True, minimum=0),
        _f("char_end", "integer", "End offset (exclusive) in the chapter's clean text", True,
           minimum=0),
        _f("line_start", "integer", "First source line"),
        _f("line_end", "integer", "Last source line"),
        _f("figure_id", "string", "Figure or table the paragraph belongs to, if any"),
        _f("flag", "string", "Why to check it by eye: cut_upstream, …; empty when fine"),
    ), ("chapter", "para_id"), (("section_id", "sections", "section_id"),)),
    Dataset("removed", "line or run of characters dropped from the text", (
        CHAPTER, PAGE_INDEX, LINE,
        _f("text", "string", "What was dropped", True),
        _f("reason", "string", "running_header, page_number, ruby, footnote_marker, "
           "note_marker (a figure's raised note mark, its note printed under it), "
           "vertical_text, footnote_rule, blank_furniture, table_of_contents (a page listing "
           "headings printed later), overprint (a caption label printed over its twin), "
           "off_page (text beyond the trimmed page of a PDF: a printer's slug)",
           True),
        _f("para_id", "string", "Paragraph the characters were taken out of, if any"),
        _f("offset", "integer", "Offset in that paragraph's clean text where they sat", minimum=0),
    )),
    Dataset("footnotes", "footnote", (
        CHAPTER,
        _f("note_id", "string", "Stable id of the footnote", True),
        _f("number", "string", "Number as printed (empty when no number could be read: "
           "flag unnumbered)"),
        _f("text", "string", "Footnote text", True),
        _f("para_id", "string", "Paragraph holding the marker (empty if not found)"),
        _f("anchor", "string", "The word the marker follows"),
        _f("anchor_offset", "integer", "Offset of the marker in the paragraph's clean text",
           minimum=0),
        _f("section_id", "string", "Heading holding the marker when it sits in a heading"),
        PAGE, PAGE_INDEX, LINE,
        _f("flag", "string", "Why to check it by eye: unnumbered (no number could be read), "
           "unlinked (no marker found in the text); empty when fine",
           allowed=("unnumbered", "unlinked")),
    ), ("chapter", "note_id"), (("para_id", "paragraphs", "para_id"),)),
    Dataset("figures", "figure or table caption", (
        CHAPTER,
        _f("figure_id", "string", "Stable id of the figure", True),
        _f("kind", "string", "figure or table", True, allowed=("figure", "table")),
        _f("label", "string", "Label as printed, e.g. 第２-５-３表, 図表3-1-1-1 (empty when "
           "flag = unlabelled)"),
        _f("number", "string", "Label normalised, e.g. 2-5-3 (empty when flag = unlabelled)"),
        _f("title", "string", "Caption title"),
        _f("source", "string", "Text of its 資料：/（出典） line"),
        _f("notes", "string", "Its 注： notes, joined"),
        _f("section_id", "string", "Heading the caption sits under"),
        PAGE, PAGE_INDEX, LINE,
        _f("flag", "string", "unlabelled: a title printed without a numbered label, taken "
           "for a caption because a source line follows it (label and number empty)",
           allowed=("unlabelled",)),
    ), ("chapter", "figure_id")),
    Dataset("sentences", "sentence", (
        CHAPTER,
        _f("sent_id", "string", "Stable id: <para_id>-<n>", True),
        _f("para_id", "string", "Paragraph of the sentence", True),
        _f("text", "string", "Sentence text", True),
        _f("start", "integer", "Start offset in the paragraph text", minimum=0),
        _f("end", "integer", "End offset (exclusive) in the paragraph text", minimum=0),
    ), ("chapter", "sent_id"), (("para_id", "paragraphs", "para_id"),)),
    Dataset("tokens", "token (fugashi + unidic-lite)", (
        CHAPTER,
        _f("sent_id", "string", "Sentence of the token", True),
        _f("i", "integer", "Token index within the sentence", True, minimum=0),
        _f("surface", "string", "Token as printed", True),
        _f("lemma", "string", "UniDic lemma"),
        _f("pos", "string", "UniDic part of speech, level 1"),
        _f("pos_detail", "string", "UniDic part of speech, levels 2-4 joined by '-'"),
        _f("reading", "string", "Reading in katakana"),
        _f("is_number", "boolean", "Token is (part of) a numeral"),
        _f("para_id", "string", "Paragraph of the token"),
        _f("start", "integer", "Start offset in the paragraph text", minimum=0),
    ), ("chapter", "sent_id", "i"), (("sent_id", "sentences", "sent_id"),)),
    Dataset("numbers", "quantity", (
        CHAPTER,
        _f("para_id", "string", "Paragraph (empty for a footnote)"),
        _f("note_id", "string", "Footnote the figure is printed in (empty in a paragraph)"),
        _f("where", "string", "Paragraph kind (body, column, caption, note, source, "
           "figure_text, table_text) or footnote", True, allowed=WHERE),
        _f("sent_id", "string", "Sentence (empty for a footnote)"),
        _f("start", "integer", "Start offset in the paragraph's (footnote's) text", True,
           minimum=0),
        _f("end", "integer", "End offset (exclusive) in the paragraph's (footnote's) text",
           True, minimum=0),
        _f("surface", "string", "As printed, e.g. 約608億円", True),
        _f("value", "number", "Value in base units, e.g. 60800000000"),
        _f("unit", "string", "Unit or counter, NFKC (円, 件, %, 倍, 人 …)"),
        _f("approx", "boolean", "Marked as approximate (約, およそ, 程度, 前後)"),
        _f("modifier", "string", "増, 減, 超, 以上, 以下, 未満, 延べ, 弱以上 … or empty"),
        _f("measure", "string", "What the figure counts, where the sentence says"),
        _f("period_start", "date", "Start of the period the figure refers to"),
        _f("period_end", "date", "End of the period the figure refers to"),
        _f("range_role", "string", "low or high for the two ends of a range (50～100件), else empty"),
        _f("kind", "string", "What sort of quantity: count, money, percent, ratio, point, "
           "duration, measure (a physical unit), rank (１位), ordinal (３校目); empty for a "
           "unit-less figure nothing classifies (a bare count 35のＴＬＯ is a count)",
           allowed=("count", "money", "percent", "ratio", "point", "duration", "measure",
                    "rank", "ordinal")),
        _f("measure_confidence", "string", "How measure was found: high (the sentence ties "
           "it to the figure: XはN件, Xの件数はN件, N件のX, 震度6強), medium (the measure of the "
           "figure a comparison or bracket follows, or the noun the figure belongs to: "
           "石川県8,108棟), low (the sentence's topic, a measure noun; or the measure the "
           "sentence before announces for a list of entities' figures, 研究者数は…。ドイツ"
           "（45.2万人）、…); empty when none",
           allowed=("high", "medium", "low")),
        _f("period_basis", "string", "Where the period was read: sentence (a date of the "
           "figure's own sentence), paragraph (the date that frames an earlier sentence of "
           "the paragraph, 令和5年度の…は次のとおり。研究費は3.2兆円, when nothing since dates "
           "anything), edition_year (a day or month of the figure's own sentence printed "
           "without its year and read in the white paper's edition year, …の犠牲者が発生した"
           "（5月28日現在）: an inference, to check; the dates row is flagged "
           "publication_year), previous_paragraph (a body paragraph with no date of its "
           "own opening by referring back, その内訳をみると、輸出は…, takes the one date "
           "framing the previous body paragraph of its section: filter it to check); "
           "empty when there is no period",
           allowed=("sentence", "paragraph", "edition_year", "previous_paragraph")),
    ), (), (("para_id", "paragraphs", "para_id"), ("note_id", "footnotes", "note_id"))),
    Dataset("dates", "date or period expression", (
        CHAPTER,
        _f("para_id", "string", "Paragraph (empty for a footnote)"),
        _f("note_id", "string", "Footnote the date is printed in (empty in a paragraph)"),
        _f("where", "string", "Paragraph kind (body, column, caption, note, source, "
           "figure_text, table_text) or footnote", True, allowed=WHERE),
        _f("start", "integer", "Start offset in the paragraph's (footnote's) text", True,
           minimum=0),
        _f("end", "integer", "End offset (exclusive) in the paragraph's (footnote's) text",
           True, minimum=0),
        _f("surface", "string", "As printed", True),
        _f("kind", "string", "date, month, year, fiscal_year, decade (2010年代), range", True,
           allowed=("date", "month", "year", "fiscal_year", "decade", "range")),
        _f("start_date", "date", "First day of the period (ISO)"),
        _f("end_date", "date", "Last day of the period (ISO)"),
        _f("era", "string", "令和, 平成, 昭和, 大正, 明治, western, or relative (前年度 … resolved "
           "against the figure's period: resolved_from)",
           allowed=("令和", "平成", "昭和", "大正", "明治", "western", "relative")),
        _f("sent_id", "string", "Sentence of the date (empty for a footnote)"),
        _f("role", "string", "since: an open period, end_date empty (2016年以降, 2017年度から, "
           "より, 以来); as_of: 現在/時点; citation: a cited work's date (（2023） in a "
           "footnote, source or caption or before a title; any （date） in a footnote or "
           "source; the year of a law's number, 平成25年法律第86号)",
           allowed=("since", "as_of", "citation")),
        _f("approx", "boolean", "Marked as approximate (頃, ごろ, 前後, 初め, 初旬, 初頭; 半ば, "
           "中頃, 末 of a decade; a season, 2023年秋)"),
        _f("resolved_from", "string", "For 同年, 同月, 同日, 前年, 翌年度 … and a month or day "
           "printed without its year (12月には): the surface of the date of the same "
           "paragraph it was read against"),
        _f("flag", "string", "abbreviated_era: an era letter year (H27) with no programme or "
           "budget word next to it, read as a calendar year (it may be a fiscal one); "
           "foreign_fiscal_year: another country's fiscal year (米国の2024会計年度: October to "
           "September; no dates where its bounds are not sure); publication_year: 今年度, "
           "本年度, 年度内 read as the fiscal year of the white paper's edition year, 今年, "
           "本年 (本年1月1日) as that year, an as-of day or month printed without its year "
           "that nothing before it in its paragraph dates (5月28日現在; January to May "
           "only) as one of that year (an inference: most are published after April "
           "of that year); event_name: the date "
           "opens an event's name (令和6年能登半島地震, 2020年東京オリンピック, held in 2021); "
           "split_year: a year printed as two (2023/24年度: a crop's marketing year or a "
           "foreign fiscal year, its months not printed), with no dates",
           allowed=("abbreviated_era", "foreign_fiscal_year", "publication_year",
                    "event_name", "split_year")),
    ), (), (("para_id", "paragraphs", "para_id"), ("note_id", "footnotes", "note_id"))),
    Dataset("entities", "entity mention", (
        CHAPTER,
        _f("para_id", "string", "Paragraph", True),
        _f("start", "integer", "Start offset in the paragraph text", True, minimum=0),
        _f("end", "integer", "End offset (exclusive) in the paragraph text", True, minimum=0),
        _f("text", "string", "As printed", True),
        _f("label", "string", "ORG, PROGRAM, LAW, PLACE, ACRONYM, EVENT, NAME (a name "
           "written in Latin letters, CamelCase: ChatGPT, OpenAI; company or product unsaid)",
           True),
        _f("canonical", "string", "Canonical Japanese name"),
        _f("canonical_en", "string", "Official English name where known (an acronym: its "
           "English expansion); never a romanisation"),
        _f("how", "string", "Which rule found it: gazetteer, legal_prefix, suffix, acronym …"),
        _f("english_source", "string", "Where canonical_en comes from: gazetteer (the "
           "gazetteer, university and company tables), places (places.tsv), text (the "
           "chapter's own definition of an acronym), acronyms (acronyms.tsv); laws "
           "(laws.tsv: Japanese Law Translation titles), programs (programs.tsv); "
           "romanized when canonical_en is empty and canonical_en_romanized holds a "
           "romanised fallback; empty when there is neither",
           allowed=("gazetteer", "places", "text", "acronyms", "laws", "programs",
                    "romanized")),
        _f("canonical_en_romanized", "string", "An ORG with no known official English name: "
           "its canonical name romanised in modified Hepburn (弘前大学 → Hirosaki Daigaku); "
           "not an official name"),
        _f("flag", "string", "Why to check it by eye: ambiguous_place (a bare name a "
           "prefecture shares with its capital, 福岡に本社, that nothing in the paragraph "
           "decides: canonical as printed), several_countries (a body of several "
           "countries, or of one not named, under a Japanese body's name: 英国と米国の外務省, "
           "各国の外務省; canonical as printed, no English), ministry_not_named (a "
           "ministry's bureau printed alone whose ministry the text does not name: "
           "金沢観測点（港湾局）; canonical as printed, no English, no romanised name); "
           "empty when fine"),
    ), (), (("para_id", "paragraphs", "para_id"),)),
    Dataset("tables", "reconstructed table", (
        CHAPTER,
        _f("table_id", "string", "Stable id of the table", True),
        _f("figure_id", "string", "Caption it belongs to; empty for an uncaptioned table"),
        _f("title", "string", "Caption title; empty for an uncaptioned table"),
        _f("n_rows", "integer", "Rows", minimum=0),
        _f("n_cols", "integer", "Columns", minimum=0),
        _f("columns", "string", "JSON list of column names"),
        _f("path", "string", "Path of the tidy table under output/"),
        _f("quality", "number", "Share of rows whose every column was typed with confidence",
           minimum=0, maximum=1),
        _f("flag", "string", "Why to check it by eye: uncaptioned (a ruled table found on "
           "the page that no caption names); continued (the part of a table printed on "
           "the page before, whose columns differ there, so it is not joined to it; "
           "see continues); empty when fine", allowed=("uncaptioned", "continued")),
        _f("continues", "string", "The table_id of the part this table goes on from "
           "(flag continued); empty else"),
    ), ("chapter", "table_id")),
    Dataset("table_cells", "cell of a reconstructed table (every table, long form)", (
        CHAPTER,
        _f("table_id", "string", "The table (tables.table_id)", True),
        _f("row", "integer", "Row of the tidy table, from 1", True, minimum=1),
        _f("column", "string", "Column name, as in the tidy table", True),
        _f("text", "string", "The cell as published in the tidy table"),
        _f("value", "number", "The number the cell holds when a figure is the whole cell: "
           "a plain figure as printed (6,143 → 6143; △1.2 → -1.2), or a quantity in base "
           "units as in numbers (150億円 → 15000000000); empty for words, a dash, two "
           "figures, a figure with a mark after it"),
        _f("unit", "string", "The cell's own unit or counter (NFKC); empty for a plain figure"),
        _f("approx", "boolean", "The cell's figure is approximate (約3割)"),
        _f("modifier", "string", "A bound or change the cell prints with its figure (以上, "
           "超, 増, …); empty else"),
        _f("column_unit", "string", "The unit the column's header prints in brackets at "
           "its end (延長(km) → km, 人口（千人） → 千人): the plain figures under it are in "
           "that unit, not scaled to base units"),
        _f("flag", "string", "The cell's flag in the tidy table's flag column (merged, "
           "cut, unsure_row, text_strategy, …), and sum_differs on a row or column "
           "labelled as a total (計, 総数, …) whose figures are not the sums of the rows "
           "or columns the table shows for it; ;-joined; empty else"),
        PAGE, PAGE_INDEX,
        _f("level", "integer", "How deep the row's label is indented in the first column "
           "(PDF tables): 0 the leftmost, 1 a sub-category set under it (総数 0, 　男性 1), "
           "measured per table; empty where the column prints no indentation", minimum=0),
        _f("parent_row", "integer", "The row whose sub-category this row is: the nearest "
           "row above it at a lower level; empty at level 0 or with no level", minimum=1),
        _f("total_of", "string", "The rows whose sums this row's figures are (2-3; 2,4 "
           "where deeper rows stand between): the rows set one level under it, or the "
           "rows of its level that a row labelled as a total (計, 合計, 総数, …) closes or "
           "heads, when every column of amounts where they all print a figure adds up "
           "within rounding; two breakdowns or more it heads, each adding up to it, "
           "joined by ; (2-3;4-6); empty else. Leave these rows out when summing"),
        _f("total_of_columns", "string", "The columns whose sums this column's figures "
           "are, row by row, as a JSON list of breakdowns, each a list of column names "
           "([[\"男性\", \"女性\"]]): for a column headed as a total (計, 総数, …) the "
           "columns of its group it heads or closes, when every row of amounts where they "
           "all print a figure adds up within rounding; empty else. Leave this column out "
           "when summing across"),
    ), ("chapter", "table_id", "row", "column"),
        (("table_id", "tables", "table_id"),)),
    Dataset("quality", "check of one chapter, computed from its datasets alone", (
        CHAPTER,
        _f("check", "string", "What is checked: body_sentence_ends, footnotes_linked, "
           "heading_sequence, captions_with_source, garbled_lines, pages_with_flags, "
           "numbers_with_unit, table_rows_unsure", True),
        _f("value", "number", "The measure: a share (0-1) or a count; empty when the "
           "chapter has nothing to measure"),
        _f("threshold", "number", "Where the check turns warn (pipeline/data/quality.tsv)"),
        _f("bad_threshold", "number", "Where the check turns bad"),
        _f("direction", "string", "min: a share that should stay above the thresholds; "
           "max: a count that should stay below them", True, allowed=("min", "max")),
        _f("status", "string", "ok, warn or bad", True, allowed=("ok", "warn", "bad")),
        _f("detail", "string", "What to look at: ids, pages, counts"),
    ), ("chapter", "check")),
)}

GLOSSARY = Dataset("glossary", "term across all chapters", (
    _f("term_ja", "string", "Japanese term", True),
    _f("acronym", "string", "Acronym as printed"),
    _f("acronym_ascii", "string", "Acronym, NFKC"),
    _f("english", "string", "English name or expansion"),
    _f("english_source", "string", "Where the English comes from: footnote, text, gazetteer, places, laws (pipeline/data/laws.tsv), programs (pipeline/data/programs.tsv), acronym_list (pipeline/data/acronyms.tsv), numbered (a numbered session, 第9回アフリカ開発会議（ＴＩＣＡＤ９）: its letters' English, listed or defined, after the ordinal, 9th Tokyo International Conference on African Development) or printed (a name printed in Latin letters)"),
    _f("reading", "string", "Reading in katakana"),
    _f("reading_flag", "string", "spelled: a Latin acronym neither UniDic nor "
       "latin_word_readings.tsv knows, read letter by letter; transliterated: a Latin word "
       "(small letters in it, or an English word in capitals) read by e2k's "
       "English-to-katakana model; guessed: UniDic's reading of a name that reads "
       "several ways (日本 inside a name, ニッポン or ニホン; a one-kanji word after a place "
       "or person name: 石垣島 トウ, シマ or ジマ; 町 or 村 after a word, チョウ or マチ; a "
       "place name UniDic reads in pieces, 三種町 サンシュチョウ for みたねちょう), to be "
       "checked; unread: a word UniDic "
       "cannot read (reading left empty)",
       allowed=("spelled", "transliterated", "guessed", "unread")),
    _f("romaji", "string", "Modified Hepburn romaji, macrons on long vowels (Tōkyō)"),
    _f("romaji_ascii", "string", "The romaji without macrons (Tokyo)"),
    _f("category", "string", "ORG, PROGRAM, LAW, EVENT, PLACE, ACRONYM, term; CODE (standard or committee code), NAME (a name in Latin letters), WORD (an English word in capitals)"),
    _f("frequency", "integer", "Mentions across all chapters", minimum=0),
    _f("chapters", "string", "JSON list of chapter ids"),
    _f("first_chapter", "string", "Chapter of the first mention"),
    _f("first_para_id", "string", "Paragraph of the first mention: it holds term_ja, its acronym or first_form; empty when only a heading names the term"),
    _f("first_form", "string", "The term as printed in first_para_id (an entity's mention, e.g. 愛知 for 愛知県, or the long form or acronym)"),
))


def dataset(name: str) -> Dataset:
    return DATASETS[name]


@dataclass(frozen=True)
class Extracted:
    """The extract stage's artefact: a chapter as pages of lines, plus page flags."""

    chapter: str
    format: str
    layout: Layout
    lines: tuple[SourceLine, ...]
    # e.g. {"page_index": 3, "flag": "cid_codes", "count": 2}; PDF flags: cid_codes,
    # invisible_text (render mode 3: an OCR layer), image_only, blank, turned (printed
    # sideways and read turned back; with "degrees", "not_turned"), turned_text (as
    # many glyphs turned, beside upright body text: read as printed)
    page_flags: tuple[dict[str, Any], ...] = ()
    # ruled tables found on the page geometry (PDF): {"page_index", "page", "bbox",
    # "rows": [[cell text or None, …], …], "strategy", "merged" (which cell covers each
    # None), "cut" (glyphs crossing a border), "markers", "caption" (label read above),
    # "continued"}, and with strategy "hrules" (ruled across only) "unsure_rows" (rows
    # read one per printed line that may be a wrapped cell's); passed through unchanged
    # to the tables stage
    tables: tuple[dict[str, Any], ...] = ()
    reader: str = ""     # who read the source: the PDF character source ("pdfium", …)

    def to_json(self) -> dict[str, Any]:
        return {"chapter": self.chapter, "format": self.format, "layout": asdict(self.layout),
                "page_flags": list(self.page_flags), "tables": list(self.tables),
                "reader": self.reader, "lines": [line.to_json() for line in self.lines]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extracted:
        return cls(chapter=data["chapter"], format=data["format"],
                   layout=Layout(**data["layout"]),
                   lines=tuple(SourceLine.from_json(r) for r in data["lines"]),
                   page_flags=tuple(data.get("page_flags", ())),
                   tables=tuple(data.get("tables", ())), reader=data.get("reader", ""))
