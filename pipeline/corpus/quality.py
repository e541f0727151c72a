"""The quality card: per chapter, checks computed from the published datasets alone (no
reference data), each with a value, its threshold, a status and where to look.

The thresholds and what each check means live in ``pipeline/data/quality.tsv``. A check
that has nothing to measure in a chapter (no footnotes, no numbers) is ``ok`` with an
empty value and says so in ``detail``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.common.lexicons import data_text
from pipeline.common.text import ascii_digits
from pipeline.config import Paths, load_registry
from pipeline.errors import PipelineError

THRESHOLDS_FILE = "pipeline/data/quality.tsv"
SENTENCE_END = set("。．.！!？?」』）)】")
BULLETS = set("●○◎■□◆◇・※")
FAKE_BOLD = re.compile(r"(?:([\u3040-\u30ff\u4e00-\u9fff])\1){3,}")
SINGLE_KANJI = re.compile(r"[\u4e00-\u9fff]")
DIGITS = re.compile(r"[0-9]+")
INTERLEAVED_SHARE = 0.4      # clean text of the shipped chapters stays under 0.26
INTERLEAVED_MIN_TOKENS = 10
ONE_CHARACTER_RUN = 3
UNREADABLE_SHARE = 0.1       # U+FFFD (a glyph without a character) in a body paragraph
UNREADABLE_MIN_CHARS = 10
DETAIL_ITEMS = 8
# Outline sequences after the first item: digits count up; kana go in 五十音 or いろは
# order; Latin letters in the alphabet's.
GOJUON = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Threshold:
    check: str
    direction: str      # "min" or "max"
    warn: float
    bad: float
    comment: str

    def status(self, value: float | None) -> str:
        if value is None:
            return "ok"
        if self.direction == "min":
            return "bad" if value < self.bad else "warn" if value < self.warn else "ok"
        return "bad" if value >= self.bad else "warn" if value >= self.warn else "ok"


def parse_thresholds(text: str, where: str = THRESHOLDS_FILE) -> dict[str, Threshold]:
    rows = [(n, line) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]
    found: dict[str, Threshold] = {}
    for number, line in rows[1:]:          # the first row is the header
        cells = line.split("\t")
        if len(cells) != 5 or cells[1] not in ("min", "max"):
            raise PipelineError(f"{where} line {number}: expected 5 tab-separated cells "
                                "(check, min|max, warn, bad, comment); fix the row")
        try:
            warn, bad = float(cells[2]), float(cells[3])
        except ValueError as err:
            raise PipelineError(f"{where} line {number}: warn and bad must be numbers") from err
        found[cells[0]] = Threshold(cells[0], cells[1], warn, bad, cells[4])
    return found


def load_thresholds() -> dict[str, Threshold]:
    return parse_thresholds(data_text("quality"))


@dataclass(frozen=True)
class Measure:
    value: float | None
    detail: str


def _listed(items: Iterable[object]) -> str:
    texts = [str(i) for i in items]
    more = f" (+{len(texts) - DETAIL_ITEMS} more)" if len(texts) > DETAIL_ITEMS else ""
    return ", ".join(texts[:DETAIL_ITEMS]) + more


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _flags(series: pd.Series, test: Callable[[str], bool]) -> pd.Series:
    """``test`` of each cell's text, as a plain boolean Series on the same index (``map``
    keeps an empty Arrow string column a string column)."""
    return pd.Series([test(_text(v)) for v in series], index=series.index, dtype=bool)


def _share(good: pd.Series, ids: pd.Series, what: str) -> Measure:
    if len(good) == 0:
        return Measure(None, f"no {what}")
    bad_ids = list(ids[~good.to_numpy()])
    return Measure(round(float(good.mean()), 4),
                   f"{len(bad_ids)} of {len(good)} {what} fail" +
                   (f": {_listed(bad_ids)}" if bad_ids else ""))


def body_sentence_ends(data: dict[str, pd.DataFrame]) -> Measure:
    body = data["paragraphs"]
    body = body[body["kind"] == "body"]
    texts = body["text"].map(lambda t: _text(t).strip())
    prose = _flags(texts, lambda t: bool(t) and t[0] not in BULLETS)
    ends = _flags(texts[prose], lambda t: t[-1] in SENTENCE_END)
    return _share(ends, body["para_id"][prose], "body paragraphs")


def footnotes_linked(data: dict[str, pd.DataFrame]) -> Measure:
    notes = data["footnotes"]
    numbered = _flags(notes["number"], lambda n: n != "")
    linked = (notes["para_id"].notna() | notes["section_id"].notna()).astype(bool)
    in_sequence = pd.Series(numbers_in_sequence([_text(n) for n in notes["number"]]),
                            index=notes.index, dtype=bool)
    return _share(numbered & linked & in_sequence, notes["note_id"], "footnotes")


def numbers_in_sequence(numbers: list[str]) -> list[bool]:
    """Per footnote, in the chapter's order: its number follows the one before (one more,
    or 1 where the numbering starts again on a page or in a section). A note after a
    gap (``1``, ``3``) fails: the one between was lost or merged into another."""
    found: list[bool] = []
    previous: int | None = None
    for number in numbers:
        digits = ascii_digits(number).strip()
        if not digits.isdecimal():
            found.append(True)          # a note without a number fails as unnumbered
            continue
        value = int(digits)
        found.append(value == 1 or previous is None or value == previous + 1)
        previous = value
    return found


def _next_in(sequence: str, previous: str, current: str) -> bool:
    return previous in sequence and sequence.find(previous) + 1 == sequence.find(current) != 0


def follows(previous: str | None, current: str) -> bool:
    """``current`` is the outline number after ``previous`` (None: the first sibling).
    Compound numbers (``1-2`` after ``1-1``) share their prefix and step in the last
    part."""
    head, _, current = current.rpartition("-")
    if previous is not None:
        previous_head, _, previous = previous.rpartition("-")
        if previous_head != head:
            return False
    if previous is None:
        return current in ("1", "ア", "イ", "A", "a")
    if previous.isdecimal() and current.isdecimal():
        return int(current) == int(previous) + 1
    return any(_next_in(seq, previous.upper(), current.upper())
               for seq in (GOJUON, IROHA, LATIN))


def label_scheme(label: str, number: str) -> str:
    """The numbering scheme a heading's label is printed in: the label with its number
    taken out, digits or a kana or letter (``第#章``, ``補章#``, ``(#)``, ``#-#.``). Siblings of one level in two schemes are
    two runs of numbers (``補章2`` before ``第2章``, an appendix chapter numbered apart
    from the chapters), not one run with a gap."""
    text = DIGITS.sub("#", unicodedata.normalize("NFKC", label))
    last = number.rpartition("-")[2]
    return text.replace(last, "#") if last and not last.isdecimal() else text


def heading_sequence(data: dict[str, pd.DataFrame]) -> Measure:
    sections = data["sections"]
    gaps: list[str] = []
    last: dict[tuple[str, int, str], str] = {}
    for row in sections.itertuples(index=False):
        number = _text(row.number)
        if not number:
            continue
        key = (_text(row.parent_id), int(row.level), label_scheme(_text(row.label), number))
        previous = last.get(key)
        if not (previous is None and int(row.level) <= 2) and not follows(previous, number):
            gaps.append(f"{row.section_id} ({_text(row.label)} after "
                        f"{previous if previous is not None else 'nothing'})")
        last[key] = number
    if sections.empty:
        return Measure(None, "no headings")
    return Measure(float(len(gaps)), _listed(gaps) if gaps else "numbering continues")


def captions_with_source(data: dict[str, pd.DataFrame]) -> Measure:
    figures = data["figures"]
    has_source = _flags(figures["source"], lambda s: s.strip() != "")
    return _share(has_source, figures["figure_id"], "captions")


def interleaved_paragraphs(tokens: pd.DataFrame) -> list[str]:
    """Paragraphs whose words are mostly single kanji: two lines read as one."""
    if tokens.empty:
        return []
    # pandas' regex over the whole column (pyarrow's for Arrow strings), not a Python
    # call per token: 33 ms against 128 ms for the registered chapters' 70,000 tokens
    single = tokens["surface"].str.fullmatch(SINGLE_KANJI.pattern, na=False).astype(bool)
    stats = single.groupby(tokens["para_id"].to_numpy()).agg(["size", "mean"])
    hit = stats[(stats["size"] >= INTERLEAVED_MIN_TOKENS) & (stats["mean"] > INTERLEAVED_SHARE)]
    return sorted(str(i) for i in hit.index)


def one_character_runs(body: pd.DataFrame) -> list[str]:
    """Body paragraphs of one character each, three or more in a row (vertical text or
    scattered figure words read as paragraphs)."""
    found: list[str] = []
    run: list[str] = []
    for para_id, text in zip(body["para_id"], body["text"], strict=True):
        if len(_text(text).strip()) == 1:
            run.append(str(para_id))
            continue
        found += run if len(run) >= ONE_CHARACTER_RUN else []
        run = []
    return found + (run if len(run) >= ONE_CHARACTER_RUN else [])


def unreadable(text: str) -> bool:
    """A paragraph whose glyphs are often without a character (U+FFFD, a font without a
    Unicode map: a PDF re-made from PostScript loses its ToUnicode maps, and the rest of
    its glyphs read as letters and signs of no meaning)."""
    return (len(text) >= UNREADABLE_MIN_CHARS
            and text.count("\ufffd") > UNREADABLE_SHARE * len(text))


def garbled_lines(data: dict[str, pd.DataFrame]) -> Measure:
    paragraphs = data["paragraphs"]
    body = paragraphs[paragraphs["kind"].isin(["body", "column"])]
    body_ids = set(body["para_id"])
    tokens = data["tokens"]
    tokens = tokens[tokens["para_id"].isin(body_ids)]
    doubled = [str(p) for p, t in zip(body["para_id"], body["text"], strict=True)
               if FAKE_BOLD.search(_text(t)) or unreadable(_text(t))]
    found = sorted(set(interleaved_paragraphs(tokens)) | set(doubled)
                   | set(one_character_runs(body)))
    return Measure(float(len(found)), _listed(found) if found else "none found")


def pages_with_flags(data: dict[str, pd.DataFrame]) -> Measure:
    pages: set[int] = set()
    for name in ("paragraphs", "footnotes", "sections"):
        frame = data[name]
        if "flag" in frame.columns:
            flagged = frame[_flags(frame["flag"], lambda f: f != "")]
            pages |= {int(p) for p in flagged["page_index"].dropna()}
    return Measure(float(len(pages)), "page_index " + _listed(sorted(pages)) if pages
                   else "no flagged rows")


def numbers_with_unit(data: dict[str, pd.DataFrame]) -> Measure:
    """Share of body quantities with a unit, among those that should have one: a bare
    count (``35のＴＬＯ``: kind ``count`` with no unit) has none by nature and is not
    counted; a unit-less figure of no kind is counted as missing its unit."""
    numbers = data["numbers"]
    paragraphs = data["paragraphs"]
    body_ids = set(paragraphs.loc[paragraphs["kind"] == "body", "para_id"])
    numbers = numbers[numbers["para_id"].isin(body_ids)]
    no_unit = numbers["unit"].fillna("").astype(str) == ""
    kinds = numbers["kind"] if "kind" in numbers.columns else pd.Series("", index=numbers.index)
    bare = no_unit & (kinds.fillna("").astype(str) == "count")
    numbers = numbers[~bare.to_numpy(dtype=bool)]
    with_unit = _flags(numbers["unit"], lambda u: u != "")
    labels = numbers["para_id"].astype(str) + ":" + numbers["surface"].astype(str)
    return _share(with_unit, labels, "numbers in body paragraphs")


UNSURE_CELL_FLAGS = ("cut", "unsure_row")


def table_rows_unsure(data: dict[str, pd.DataFrame]) -> Measure:
    """Table rows holding a cell the table rules could not settle (``table_cells``'
    flag ``cut``: glyphs cut by a rule; ``unsure_row``: one printed line that may be a
    wrapped cell's second line): each is a row to check against the page (``merged``
    and ``text_strategy`` cells say how a value was read, not that it may be wrong)."""
    cells = data["table_cells"]
    if cells.empty:
        return Measure(None, "no tables")
    unsure = cells[_flags(cells["flag"], lambda f: f in UNSURE_CELL_FLAGS)]
    rows = dict.fromkeys(zip(unsure["table_id"], unsure["row"], strict=True))   # in order
    labels = [f"{t} row {r}" for t, r in rows]
    return Measure(float(len(labels)), _listed(labels) if labels else "no unsure table rows")


def entities_unsure(data: dict[str, pd.DataFrame]) -> Measure:
    """Entity mentions in running text a rule could not settle (``flag``
    ``ambiguous_place``: a bare name a prefecture shares with its capital, 福岡に本社):
    each is a mention to read in its paragraph before counting it for the prefecture or
    the city. A map's labels (figure text) keep their flag but are not counted here."""
    paragraphs = data["paragraphs"]
    running = set(paragraphs.loc[paragraphs["kind"].isin(("body", "column")), "para_id"])
    entities = data["entities"]
    entities = entities[entities["para_id"].isin(running)]
    unsure = entities[_flags(entities["flag"], lambda f: f != "")]
    labels = [f"{p} {t}" for p, t in zip(unsure["para_id"], unsure["text"], strict=True)]
    return Measure(float(len(labels)), _listed(labels) if labels else "no unsure entities")


# numbers' period_basis of a period read as an inference: a yearless day of the edition's
# year, or the one period of the paragraph before one referring back (その内訳をみると)
INFERRED_PERIODS = frozenset(("edition_year", "previous_paragraph"))


def periods_inferred(data: dict[str, pd.DataFrame]) -> Measure:
    """Figures whose period is an inference (``numbers``' ``period_basis``): read against the
    white paper's edition year (``edition_year``: a day printed without its year, ``…の犠牲者が
    発生した（5月28日現在）``, taken to be of the edition's year) or taken from the paragraph
    before (``previous_paragraph``: ``その内訳をみると、…``): each is a period to check."""
    numbers = data["numbers"]
    if "period_basis" not in numbers.columns:
        return Measure(0.0, "no inferred periods")
    inferred = numbers[_flags(numbers["period_basis"], lambda b: b in INFERRED_PERIODS)]
    owners = inferred["para_id"] if "note_id" not in inferred.columns else \
        inferred["para_id"].fillna(inferred["note_id"])
    labels = [f"{_text(o)}:{s}" for o, s in zip(owners, inferred["surface"], strict=True)]
    return Measure(float(len(labels)), _listed(labels) if labels else "no inferred periods")


CHECKS: dict[str, Callable[[dict[str, pd.DataFrame]], Measure]] = {
    "body_sentence_ends": body_sentence_ends,
    "footnotes_linked": footnotes_linked,
    "heading_sequence": heading_sequence,
    "captions_with_source": captions_with_source,
    "garbled_lines": garbled_lines,
    "pages_with_flags": pages_with_flags,
    "numbers_with_unit": numbers_with_unit,
    "table_rows_unsure": table_rows_unsure,
    "entities_unsure": entities_unsure,
    "periods_inferred": periods_inferred,
}
# The columns each check reads, by dataset.
NEEDS = {
    "sections": ("section_id", "level", "label", "number", "parent_id", "flag", "page_index"),
    "paragraphs": ("para_id", "kind", "text", "page_index", "flag"),
    "footnotes": ("note_id", "number", "para_id", "section_id", "page_index"),
    "figures": ("figure_id", "source"),
    "tokens": ("para_id", "surface"),
    "numbers": ("para_id", "note_id", "surface", "unit", "kind", "period_basis"),
    "table_cells": ("table_id", "row", "flag"),
    "entities": ("para_id", "text", "flag"),
}


def quality_rows(chapter: str, data: dict[str, pd.DataFrame],
                 thresholds: dict[str, Threshold]) -> list[dict[str, object]]:
    """The card of one chapter: a row per check, in ``CHECKS`` order."""
    rows: list[dict[str, object]] = []
    for check, measure_of in CHECKS.items():
        threshold = thresholds[check]
        measure = measure_of(data)
        rows.append({"chapter": chapter, "check": check, "value": measure.value,
                     "threshold": threshold.warn, "bad_threshold": threshold.bad,
                     "direction": threshold.direction,
                     "status": threshold.status(measure.value), "detail": measure.detail})
    return rows


def read_chapter(folder: Path) -> dict[str, pd.DataFrame]:
    """The columns the checks read, from a chapter's published datasets (a dataset
    the chapter lacks, or a column it lacks, reads as empty)."""
    data = {}
    for name, columns in NEEDS.items():
        path = folder / f"{name}.parquet"
        if not path.exists():
            data[name] = pd.DataFrame({c: pd.Series(dtype="string") for c in columns})
            continue
        present = [c for c in columns if c in pq.read_schema(path).names]
        frame = pd.read_parquet(path, columns=present)
        for column in columns:
            if column not in frame.columns:
                frame[column] = pd.Series([None] * len(frame), dtype="string")
        data[name] = frame
    return data


def write_quality(paths: Paths) -> list[dict[str, object]]:
    """``output/<chapter>/quality.{parquet,csv}`` for every registered chapter that has
    been published; all the rows, in registry order."""
    from pipeline.common.frames import to_frame, write_csv, write_parquet
    from pipeline.schemas import DATASETS

    thresholds = load_thresholds()
    rows: list[dict[str, object]] = []
    for chapter in load_registry(paths):
        folder = paths.output / chapter.id
        if not (folder / "paragraphs.parquet").exists():
            continue
        card = quality_rows(chapter.id, read_chapter(folder), thresholds)
        frame = to_frame(DATASETS["quality"], card)
        write_parquet(frame, folder / "quality.parquet")
        write_csv(frame, folder / "quality.csv")
        rows += card
    return rows


def bad_checks(rows: Iterable[dict[str, object]]) -> list[str]:
    """One line per ``bad`` check: the chapter, the check and what to look at."""
    return [f"{row['chapter']}: {row['check']} is bad ({row['detail']})"
            for row in rows if row["status"] == "bad"]


def card_lines(path: Path) -> list[str]:
    """A published card as text, one line per check, the bad and warn ones with what to
    look at (``python -m pipeline add`` prints it for the chapter it added)."""
    frame = pd.read_parquet(path)
    lines = []
    for row in frame.itertuples(index=False):
        value = "" if pd.isna(row.value) else f"{row.value:g}"
        line = f"{row.chapter}: {row.check} {row.status} ({value}; threshold {row.threshold:g})"
        if row.status != "ok" and _text(row.detail):
            line += f": {row.detail}"
        lines.append(line)
    return lines
