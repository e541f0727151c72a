"""``output/report.html``: one static, self-contained page to judge a build by eye.

Per chapter: the outline (the sections tree), rows per dataset, and what to check by
eye (flagged paragraphs, flagged pages of the extract, tables of low quality, numbers
without unit or period); validation problems; and plots with Japanese labels, drawn
with matplotlib (Agg) and matplotlib-fontja and embedded as PNG data URIs.
Works with whatever datasets exist: sections that need a missing dataset are left out.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.artefacts import extracted_path
from pipeline.common.files import read_json, write_text
from pipeline.common.frames import parquet_rows
from pipeline.config import Chapter, Paths, load_registry
from pipeline.corpus.problems import Problem
from pipeline.corpus.validate import validate_outputs
from pipeline.schemas import DATASETS

KIND_LABELS = {"body": "本文", "column": "コラム", "caption": "図表見出し", "note": "注",
               "source": "資料・出典", "figure_text": "図中の文字", "table_text": "表中の文字"}
TABLE_QUALITY_MIN = 0.8
MAX_LISTED = 50   # flagged rows listed per kind and chapter; the rest are counted
CSS = """body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;
text-align:left;vertical-align:top}th{background:#f3f3f3}.n{text-align:right}
ul.outline{font-size:.9em}.page{color:#888}.flag{color:#a40}img{max-width:100%}
details{margin:.5em 0}summary{cursor:pointer;font-weight:bold}
.ok{color:#060}.warn{color:#a60;font-weight:bold}.bad{color:#b00;font-weight:bold}"""


# Datasets the page shows rows or plots of; the others (tokens …) are only counted.
SHOWN = ("sections", "paragraphs", "tables", "numbers", "entities", "quality")


@dataclass
class ChapterData:
    chapter: Chapter
    rows: dict[str, int]                # rows per built dataset, in schema order
    frames: dict[str, pd.DataFrame]     # the built datasets of ``SHOWN``
    page_flags: list[dict[str, Any]] = field(default_factory=list)


def load_chapter(chapter: Chapter, paths: Paths) -> ChapterData:
    """A chapter's row counts (from the Parquet footers) and the datasets shown."""
    files = {name: path for name in DATASETS
             if (path := paths.output / chapter.id / f"{name}.parquet").exists()}
    rows = {name: parquet_rows(path) for name, path in files.items()}
    frames = {name: pd.read_parquet(path) for name, path in files.items() if name in SHOWN}
    extract = extracted_path(paths, chapter.id)
    flags = list(read_json(extract).get("page_flags", [])) if extract.exists() else []
    return ChapterData(chapter, rows, frames, flags)


# --------------------------------------------------------------------------- HTML parts


def esc(value: object) -> str:
    return "" if value is None or value is pd.NA else html.escape(str(value))


def html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(f'<td class="n">{esc(v)}</td>' if isinstance(v, int | float)
                        else f"<td>{esc(v)}</td>" for v in record)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def outline_html(sections: pd.DataFrame) -> str:
    """The sections tree as nested lists, in the order of the chapter."""
    children: dict[object, list[Any]] = {}
    ids = set(sections["section_id"])
    for row in sections.itertuples(index=False):
        parent = row.parent_id if row.parent_id in ids else None
        children.setdefault(parent, []).append(row)

    def render(parent: object) -> str:
        items = []
        for row in children.get(parent, []):
            page = f' <span class="page">p.{esc(row.page)}</span>' if pd.notna(row.page) else ""
            label = esc(row.label) if pd.notna(row.label) else ""
            items.append(f"<li>{label} {esc(row.title)}{page}{render(row.section_id)}</li>")
        return f'<ul class="outline">{"".join(items)}</ul>' if items else ""

    return render(None)


def counts_table(data: list[ChapterData]) -> pd.DataFrame:
    rows = []
    for name in DATASETS:
        counts = {d.chapter.id: d.rows[name] for d in data if name in d.rows}
        if counts:
            rows.append({"dataset": name, **{d.chapter.id: counts.get(d.chapter.id, "")
                                             for d in data}})
    return pd.DataFrame(rows)


def excerpt(text: object, width: int = 60) -> str:
    value = "" if text is None or text is pd.NA else str(text)
    return value if len(value) <= width else value[:width] + "…"


def flagged_rows(frame: pd.DataFrame, shown: tuple[str, ...], text: str) -> pd.DataFrame:
    """The rows of ``frame`` with a flag: the ``shown`` columns, the flag, the page and
    an excerpt of the ``text`` column."""
    if "flag" not in frame.columns:
        return pd.DataFrame()
    hit = frame[frame["flag"].fillna("").astype(str).str.strip() != ""]
    return pd.DataFrame({shown[0]: hit[shown[0]], "flag": hit["flag"], "page": hit["page"],
                         **{c: hit[c] for c in shown[1:]}, text: hit[text].map(excerpt)})


def flagged_paragraphs(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return flagged_rows(frames["paragraphs"], ("para_id",), "text")


def flagged_sections(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Headings read from their numbering alone (``numbering_only``, ``breaks_outline``)."""
    return flagged_rows(frames["sections"], ("section_id", "label"), "title")


def low_quality_tables(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    tables = frames.get("tables")
    if tables is None or "quality" not in tables.columns:
        return pd.DataFrame()
    hit = tables[tables["quality"].fillna(0) < TABLE_QUALITY_MIN]
    return hit[[c for c in ("table_id", "figure_id", "title", "quality") if c in hit.columns]]


def vague_numbers(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    numbers = frames.get("numbers")
    if numbers is None:
        return pd.DataFrame()
    no_unit = numbers["unit"].fillna("").astype(str).str.strip() == ""
    no_period = numbers["period_start"].isna() & numbers["period_end"].isna()
    hit = numbers[no_unit | no_period]
    why = pd.Series("no period", index=hit.index).mask(no_unit[hit.index], "no unit")
    why = why.mask(no_unit[hit.index] & no_period[hit.index], "no unit, no period")
    return pd.DataFrame({"para_id": hit["para_id"], "surface": hit["surface"], "why": why})


FLAG_KINDS: tuple[tuple[str, str, Callable[[dict[str, pd.DataFrame]], pd.DataFrame]], ...] = (
    ("paragraphs", "Paragraphs flagged to check by eye", flagged_paragraphs),
    ("sections", "Headings flagged to check by eye", flagged_sections),
    ("tables", f"Tables with quality < {TABLE_QUALITY_MIN}", low_quality_tables),
    ("numbers", "Numbers without unit or period", vague_numbers),
)


def flags_html(data: ChapterData) -> str:
    parts = []
    if data.page_flags:
        parts.append(f'<h4 class="flag">Pages flagged by the extract '
                     f"({len(data.page_flags)})</h4>" + html_table(pd.DataFrame(data.page_flags)))
    for name, title, find in FLAG_KINDS:
        if name not in data.frames:
            continue
        hit = find(data.frames)
        parts.append(f'<h4 class="flag">{esc(title)}: {len(hit)}</h4>')
        if len(hit):
            more = f"<p>… and {len(hit) - MAX_LISTED} more</p>" if len(hit) > MAX_LISTED else ""
            parts.append(html_table(hit.head(MAX_LISTED)) + more)
    return "".join(parts) or "<p>Nothing flagged.</p>"


def quality_html(data: ChapterData) -> str:
    """The chapter's quality card: each check, its value against its thresholds, its
    status in colour and what to look at."""
    card = data.frames.get("quality")
    if card is None or card.empty:
        return "<p>No quality card (run <code>make all</code>).</p>"
    rows = []
    for row in card.itertuples(index=False):
        value = "" if pd.isna(row.value) else f"{row.value:g}"
        rows.append(f"<tr><td>{esc(row.check)}</td><td class=n>{value}</td>"
                    f"<td class=n>{row.direction} {row.threshold:g} / {row.bad_threshold:g}</td>"
                    f'<td class="{esc(row.status)}">{esc(row.status)}</td>'
                    f"<td>{esc(row.detail)}</td></tr>")
    return ("<table><tr><th>check</th><th>value</th><th>warn / bad at</th><th>status</th>"
            "<th>what to look at</th></tr>" + "".join(rows) + "</table>")


def chapter_html(data: ChapterData) -> str:
    c = data.chapter
    counts = pd.DataFrame({"dataset": list(data.rows), "rows": list(data.rows.values())})
    sections = data.frames.get("sections")
    outline = outline_html(sections) if sections is not None else "<p>No sections.</p>"
    return (f'<section id="{esc(c.id)}"><h2>{esc(c.id)}: {esc(c.title)}</h2>'
            f"<p>{esc(c.white_paper)} ({esc(c.white_paper_en)}), {esc(c.publisher)}, "
            f"{c.year}. Source <code>raw/{esc(c.source)}</code> ({esc(c.format)}). "
            f"{esc(c.extra.get('licence', ''))} {esc(c.extra.get('attribution', ''))}</p>"
            f"<h3>Quality card</h3>{quality_html(data)}"
            f"<h3>Rows per dataset</h3>{html_table(counts)}"
            f"<h3>To check by eye</h3>{flags_html(data)}"
            f"<details><summary>Outline ({0 if sections is None else len(sections)} headings)"
            f"</summary>{outline}</details></section>")


def problems_html(problems: list[Problem]) -> str:
    if not problems:
        return "<p>Validation: every check passed.</p>"
    errors = sum(p.severity == "error" for p in problems)
    frame = pd.DataFrame([{"severity": p.severity, "file": p.path, "dataset": p.dataset,
                           "row": "" if p.row is None else str(p.row), "column": p.column, "rule": p.rule,
                           "message": p.message} for p in problems[:200]])
    return (f'<p class="flag">Validation: {errors} error(s), {len(problems) - errors} '
            f"warning(s) (<code>python -m pipeline validate</code> fails on errors).</p>"
            + html_table(frame))


# --------------------------------------------------------------------------- plots


def combined(data: list[ChapterData], name: str) -> pd.DataFrame | None:
    parts = [d.frames[name] for d in data if name in d.frames]
    return pd.concat(parts, ignore_index=True) if parts else None


def plot_paragraph_kinds(data: list[ChapterData], ax: Any) -> None:
    paragraphs = combined(data, "paragraphs")
    if paragraphs is None:
        return
    table = pd.crosstab(paragraphs["chapter"], paragraphs["kind"])
    order = [d.chapter.id for d in data if d.chapter.id in table.index]
    table = table.reindex(order).rename(columns=lambda k: KIND_LABELS.get(k, k))
    table.plot.barh(stacked=True, ax=ax)
    ax.invert_yaxis()   # registry order, top down
    ax.set_title("章ごとの段落の種類")
    ax.set_xlabel("段落数")
    ax.set_ylabel("章")
    ax.legend(title="種類", fontsize="small")


def plot_section_levels(data: list[ChapterData], ax: Any) -> None:
    sections = combined(data, "sections")
    if sections is None:
        return
    pd.crosstab(sections["level"], sections["chapter"]).plot.bar(ax=ax)
    ax.set_title("見出しの階層（1 章・2 節・3 １・4 （１）・5 ア）")
    ax.set_xlabel("階層")
    ax.set_ylabel("見出しの数")
    ax.legend(title="章", fontsize="small")


def plot_yen_by_fiscal_year(data: list[ChapterData], ax: Any) -> None:
    numbers = combined(data, "numbers")
    if numbers is None:
        return
    yen = numbers[(numbers["unit"] == "円") & numbers["value"].notna()
                  & numbers["period_start"].notna()].copy()
    start = pd.to_datetime(yen["period_start"].astype(str), errors="coerce")
    yen["fiscal_year"] = start.dt.year - (start.dt.month < 4).astype(int)
    yen = yen[yen["fiscal_year"].notna() & (yen["value"] > 0)]
    if yen.empty:
        ax.text(0.5, 0.5, "データなし", ha="center", transform=ax.transAxes)
    for chapter, part in yen.groupby("chapter"):
        ax.scatter(part["fiscal_year"], part["value"].astype(float), label=chapter, alpha=.7)
    ax.set_yscale("log")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("円建ての金額（年度別）")
    ax.set_xlabel("年度")
    ax.set_ylabel("金額（円）")
    if len(yen):
        ax.legend(title="章", fontsize="small")


def plot_entity_labels(data: list[ChapterData], ax: Any) -> None:
    entities = combined(data, "entities")
    if entities is None:
        return
    pd.crosstab(entities["label"], entities["chapter"]).plot.barh(ax=ax)
    ax.set_title("固有表現の種類（章ごと）")
    ax.set_xlabel("出現数")
    ax.set_ylabel("種類")
    ax.legend(title="章", fontsize="small")


PLOTS: tuple[tuple[str, tuple[str, ...], Callable[[list[ChapterData], Any], None]], ...] = (
    ("Paragraphs by kind per chapter", ("paragraphs",), plot_paragraph_kinds),
    ("Amounts in 円 by fiscal year", ("numbers",), plot_yen_by_fiscal_year),
    ("Entities by type", ("entities",), plot_entity_labels),
    ("Headings by level", ("sections",), plot_section_levels),
)


def figure_png(draw: Callable[[list[ChapterData], Any], None], data: list[ChapterData]) -> bytes:
    """Render one plot with the Agg canvas (no pyplot state) and Japanese fonts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib_fontja  # noqa: F401  (registers IPAexGothic as the font family)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    draw(data, figure.add_subplot())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def plots_html(data: list[ChapterData], limit: int = 3) -> str:
    present = {name for d in data for name, rows in d.rows.items() if rows}
    chosen = [(title, draw) for title, needs, draw in PLOTS if set(needs) <= present][:limit]
    parts = []
    for title, draw in chosen:
        png = base64.b64encode(figure_png(draw, data)).decode("ascii")
        parts.append(f'<figure><img alt="{esc(title)}" src="data:image/png;base64,{png}">'
                     f"<figcaption>{esc(title)}</figcaption></figure>")
    return "".join(parts)


# --------------------------------------------------------------------------- page


@dataclass(frozen=True)
class ReportBody:
    """The page but its validation problems, which go between the two parts: all of it
    is read from the chapters' published datasets, so it can be drawn while the steps
    that validation checks (glossary, data package, SQLite) run (``read_report_body``)."""

    before: str   # the head and the list of chapters
    after: str    # rows per dataset, plots, the chapters

    def page(self, problems: list[Problem]) -> str:
        """The whole page, the validation problems in their place."""
        return self.before + problems_html(problems) + self.after


def report_body(data: list[ChapterData]) -> ReportBody:
    toc = "".join(f'<li><a href="#{esc(d.chapter.id)}">{esc(d.chapter.id)}</a> '
                  f"{esc(d.chapter.white_paper)} {esc(d.chapter.title)}</li>" for d in data)
    return ReportBody(
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
        f"<title>White paper datasets: build report</title><style>{CSS}</style></head>"
        f"<body><h1>White paper datasets: build report</h1><ul>{toc}</ul>",
        f"<h2>Rows per dataset</h2>{html_table(counts_table(data))}<h2>Plots</h2>"
        f"{plots_html(data)}{''.join(chapter_html(d) for d in data)}</body></html>\n")


def read_report_body(paths: Paths) -> ReportBody:
    """The report's body for the registered chapters that are built."""
    chapters = load_registry(paths)
    return report_body([load_chapter(c, paths) for c in chapters
                        if (paths.output / c.id).is_dir()])


def write_report(paths: Paths, problems: list[Problem] | None = None,
                 body: ReportBody | None = None) -> Path:
    """Write ``output/report.html`` for the registered chapters that are built;
    ``body``: ``read_report_body(paths)``, when the caller has it."""
    body = read_report_body(paths) if body is None else body
    target = paths.output / "report.html"
    problems = validate_outputs(paths) if problems is None else problems
    write_text(target, body.page(problems))
    return target
