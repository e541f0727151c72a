"""The layout's fast paths give what a plain reading of their rule gives: rows found
with a memo of fitting rows and a bisected index against a scan of every row and glyph,
a group's size and band in one pass against ``Counter`` and medians, the glyph index of
drawn frames and the region filter of ``claim_lines`` against a scan of the page, the
coverage of the gutter search against counting each point, the document's body size and
heading face against a scan of every glyph. Made-up glyphs, seeded, so
every case can be rerun."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Sequence

import pytest

from pipeline.extract.pdf.chars import Char, ParsedPage, Rect
from pipeline.extract.pdf.columns import document_type
from pipeline.extract.pdf.font_names import GOTHIC, MINCHO, NO_FACE
from pipeline.extract.pdf.glyph_rows import (
    RowGlyphs,
    chars_to_rows,
    off_baseline,
    placing_order,
    row_to_runs,
)
from pipeline.extract.pdf.gutters import run_coverage
from pipeline.extract.pdf.layers import is_interleaved
from pipeline.extract.pdf.layout import Run, make_run, size_and_band
from pipeline.extract.pdf.raised_runs import attach_markers, ends_in_digit, is_ruby_candidate
from pipeline.extract.pdf.regions import (
    GlyphStrip,
    UprightRules,
    _area,
    _centre_in,
    _encloses,
    owners,
    regions_meeting,
    split_at_rules,
)
from pipeline.extract.pdf.table_cell_text import chars_to_lines
from pipeline.extract.pdf.table_cells import crosses_border

TEXTS = "本文の行をアイ12３、。（）ab "
SIZES = (10.5, 10.52, 10.48, 7.0, 14.0)    # 10.52 and 10.48 round as 10.5


def glyph(text: str, x0: float, top: float, size: float, width: float | None = None) -> Char:
    return Char(text, x0, x0 + (size if width is None else width), top, top + size, size)


def made_up_page(seed: int) -> list[Char]:
    """Lines of glyphs at a pitch that sometimes lets two lines overlap, with raised
    small digits, ruby-size kana, overprints, spaces and sizes that round alike."""
    rng = random.Random(seed)
    chars: list[Char] = []
    top = 50.0
    for _ in range(rng.randint(3, 12)):
        size = rng.choice(SIZES)
        x = 40.0 + rng.choice((0.0, 0.5, 3.0))
        for _ in range(rng.randint(1, 25)):
            text = rng.choice(TEXTS)
            raise_by = rng.choice((0.0, 0.0, 0.0, 0.3, 0.6)) * size
            own = rng.choice((size, size, size, 7.0))
            width = own * rng.choice((1.0, 1.0, 0.5, 1.6))     # narrow and wide glyphs
            chars.append(glyph(text, round(x, 2), round(top - raise_by, 2), own, width))
            if rng.random() < 0.05:              # printed twice at an offset
                chars.append(glyph(text, round(x + 0.3, 2), round(top, 2), own))
            x += own * rng.choice((1.0, 1.0, 0.5, 0.3, 2.5))
        top += size * rng.choice((0.6, 0.9, 1.4, 1.8))
    rng.shuffle(chars)
    return chars


# --------------------------------------------------------------------------- rows


def rows_by_scanning(chars: list[Char], min_overlap: float) -> list[list[Char]]:
    """``chars_to_rows``'s rule read plainly: each glyph, in placing order, goes to the
    row it overlaps most (ties: the row with the higher top, then the older) among the
    rows it overlaps enough, stands on the baseline of, and puts no letter or digit
    within 0.4 of the narrower width of a letter or digit already there; else it opens
    a row. Every row and every glyph of it is looked at."""
    rounded = {c.size: round(c.size, 1) for c in chars}
    order = sorted(chars, key=lambda c: (c.text.isspace(), not c.text.isalpha(),
                                         -rounded[c.size], c.top, c.x0))
    rows: list[list[Char]] = []
    bands: list[tuple[float, float]] = []
    openers: list[float] = []
    for c in order:
        best, best_overlap = -1, 0.0
        for i in sorted(range(len(rows)), key=lambda i: (bands[i][0], i)):
            top, bottom = bands[i]
            overlap = min(bottom, c.bottom) - max(top, c.top)
            need = min_overlap * max(min(bottom - top, c.bottom - c.top), 0.1)
            sits_on = c.text.isalnum() and any(
                g.text.isalnum() and abs(g.xmid - c.xmid)
                < 0.4 * min(g.x1 - g.x0, c.x1 - c.x0) for g in rows[i])
            if (overlap > 0 and overlap >= need and overlap > best_overlap
                    and not off_baseline(c, bands[i], openers[i]) and not sits_on):
                best, best_overlap = i, overlap
        if best < 0:
            rows.append([])
            bands.append((c.top, c.bottom))
            openers.append(c.size)
        rows[best].append(c)
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_rows_agree_with_a_scan_of_every_row(seed: int) -> None:
    chars = made_up_page(seed)
    assert chars_to_rows(chars, 0.5) == rows_by_scanning(chars, 0.5)


def test_two_lines_set_close_together_stay_two_rows() -> None:
    """The second line overlaps the first by 6 of its 10 points, but its glyphs would
    print over the first line's: a row of its own. A raised 7 pt marker joins the
    first."""
    first = [glyph(t, 50.0 + 10 * i, 100.0, 10.0) for i, t in enumerate("本文の")]
    second = [glyph(t, 50.0 + 10 * i, 104.0, 10.0) for i, t in enumerate("行です")]
    marker = glyph("1", 80.0, 98.0, 7.0, 3.5)
    rows = chars_to_rows(second + [marker] + first, 0.5)
    assert [[c.text for c in row] for row in rows] == [["本", "文", "の", "1"],
                                                      ["行", "で", "す"]]


def test_row_glyphs_place_beside_a_narrow_glyph() -> None:
    """A wide glyph whose reach holds a narrow glyph's centre, but not so near that it
    prints over it, goes after it in centre order; a glyph on the narrow one's centre
    then collides."""
    row = RowGlyphs()
    assert row.place(10.0, 2.0) and row.place(13.0, 10.0) and row.place(30.0, 10.0)
    assert row.centres == [10.0, 13.0, 30.0] and row.widths == [2.0, 10.0, 10.0]
    assert not row.place(10.2, 2.0)
    assert row.centres == [10.0, 13.0, 30.0]


def test_placing_order_with_sizes_that_round_alike() -> None:
    """10.52 and 10.48 pt are one type size: their glyphs are placed top to bottom
    together, before the 7 pt ones; letters before digits, spaces last."""
    chars = [glyph("a", 10.0, 20.0, 10.52), glyph("b", 10.0, 10.0, 10.48),
             glyph(" ", 0.0, 0.0, 10.5), glyph("1", 0.0, 0.0, 14.0),
             glyph("c", 5.0, 5.0, 7.0), glyph("d", 0.0, 15.0, 10.5)]
    assert [c.text for c in placing_order(chars)] == ["b", "d", "a", "c", "1", " "]
    distinct = [c._replace(size=s) for c, s in zip(chars, (10.0, 12.0, 9.0, 8.0, 7.0, 12.0),
                                                   strict=True)]
    assert [c.text for c in placing_order(distinct)] == ["b", "d", "a", "c", "1", " "]


# --------------------------------------------------------------------------- runs


@pytest.mark.parametrize("seed", range(20))
def test_size_and_band_agree_with_counting(seed: int) -> None:
    """The dominant size (counted per size rounded to 0.1 pt, spaces left out unless
    there is nothing else, ties to the larger) and the median top and bottom of the
    glyphs in it."""
    chars = made_up_page(seed)[:30]
    glyphs = [c for c in chars if not c.text.isspace()] or chars
    counts = Counter(round(c.size, 1) for c in glyphs)
    size = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    main = [c for c in glyphs if round(c.size, 1) == size] if glyphs is not chars else chars
    tops, bottoms = sorted(c.top for c in main), sorted(c.bottom for c in main)
    assert size_and_band(chars) == (size, tops[len(tops) // 2], bottoms[len(bottoms) // 2])


def test_size_and_band_of_a_line_with_a_raised_marker() -> None:
    line = [glyph(t, 10.0 * i, 100.0, 10.5) for i, t in enumerate("本文です")]
    line.append(glyph("2", 45.0, 97.0, 6.0, 3.0))
    assert size_and_band(line) == (10.5, 100.0, 110.5)
    assert size_and_band([glyph(" ", 0.0, 5.0, 9.0)]) == (9.0, 5.0, 14.0)


def test_row_split_into_runs_at_wide_gaps() -> None:
    """A gap wider than the segment gap (1 em here) splits the row; a space glyph
    joins the run before it and opens none."""
    row = [glyph("本", 0.0, 0.0, 10.0), glyph("文", 10.0, 0.0, 10.0),
           glyph(" ", 21.0, 0.0, 10.0), glyph("表", 45.0, 0.0, 10.0),
           glyph(" ", 80.0, 0.0, 10.0), glyph("1", 58.0, 0.0, 5.0, 5.0)]
    runs = row_to_runs(row, 3, 1.0)
    assert [[c.text for c in r.chars] for r in runs] == [["本", "文", " "], ["表", "1"]]
    assert runs[1] == make_run([row[3], row[5]], 3)
    assert (runs[1].x0, runs[1].x1, runs[1].size) == (45.0, 63.0, 10.0)


def runs_by_splitting(row: list[Char], row_id: int, gap: float) -> list[Run]:
    """``row_to_runs``'s rule read plainly: the row left to right, cut where a glyph
    starts more than ``gap`` em (of it and the glyph before) right of the run's right
    edge; a space glyph joins the run within ``gap`` em of the last glyph's size; each
    run then made by ``make_run`` (its size and band by ``size_and_band``)."""
    parts: list[list[Char]] = []
    right = size = 0.0
    for c in sorted(row, key=lambda c: c.x0):
        if c.text.isspace():
            if parts and c.x0 - right <= gap * max(0, size):
                parts[-1].append(c)
            continue
        if parts and c.x0 - right <= gap * max(c.size, size):
            parts[-1].append(c)
            right = max(right, c.x1)
        else:
            parts.append([c])
            right = c.x1
        size = c.size
    return [make_run(p, row_id) for p in parts]


@pytest.mark.parametrize("seed", range(40))
def test_runs_agree_with_runs_made_apart(seed: int) -> None:
    """Runs made as the row is read (one size, spaces, sizes that round alike, wide
    glyphs, glyphs of no width) are the runs ``make_run`` makes of the row's parts."""
    chars = made_up_page(seed)
    if seed % 4 == 0:      # glyphs of no width and one drawn right to left
        chars += [glyph("本", 60.0, 50.0, 10.5, 0.0), glyph("文", 70.0, 50.0, 10.5, -3.0)]
    for i, row in enumerate(chars_to_rows(chars, 0.5)):
        for gap in (0.3, 1.0):
            assert row_to_runs(row, i, gap) == runs_by_splitting(row, i, gap)


# --------------------------------------------------------------------------- regions


@pytest.mark.parametrize("seed", range(20))
def test_glyph_strip_finds_what_a_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    chars = made_up_page(seed)
    chars.append(Char("逆", 300.0, 290.0, 60.0, 70.0, 10.0))   # a box drawn right to left
    strip = GlyphStrip(chars)
    for _ in range(20):
        left = rng.uniform(0.0, 300.0)
        frame = Rect(left, rng.uniform(0.0, 100.0), left + rng.uniform(5.0, 200.0), 400.0)
        found = [c for c in strip.between(frame.x0 - 1.0, frame.x1 + 1.0)
                 if _encloses(frame, c, 1.0)]
        scanned = [c for c in chars if _encloses(frame, c, 1.0)]
        assert sorted(found) == sorted(scanned)


def region_of(char: Char, regions: Sequence[tuple[str, Rect]], slack: float,
              among: Sequence[int]) -> int:
    """``owners`` read plainly, one glyph at a time: every region ``among`` tested,
    the smallest that holds the glyph kept (a table by its centre, a frame by the whole
    glyph within ``slack``); -1 for none."""
    best, best_area = -1, float("inf")
    for i in among:
        kind, rect = regions[i]
        inside = _centre_in(char, rect) if kind == "table" else _encloses(rect, char, slack)
        if inside and _area(rect) < best_area:
            best, best_area = i, _area(rect)
    return best


def made_up_regions(rng: random.Random) -> list[tuple[str, Rect]]:
    """Eight tables and frames at random places and sizes, overlapping at times."""
    regions = []
    for _ in range(8):
        x, y = rng.uniform(0.0, 300.0), rng.uniform(0.0, 150.0)
        rect = Rect(x, y, x + rng.uniform(5.0, 150.0), y + rng.uniform(5.0, 60.0))
        regions.append((rng.choice(("table", "frame")), rect))
    return regions


@pytest.mark.parametrize("seed", range(20))
def test_regions_meeting_keeps_every_region_a_glyph_lies_in(seed: int) -> None:
    """Looking only at the regions around a line's glyphs gives each glyph the region
    that looking at all of them gives (tables by centre, frames by the whole glyph)."""
    rng = random.Random(seed)
    chars = made_up_page(seed)
    regions = made_up_regions(rng)
    every = list(range(len(regions)))
    for start in range(0, len(chars), 7):
        line = chars[start:start + 7]
        near = regions_meeting(line, regions, 1.0)
        assert ([region_of(c, regions, 1.0, near) for c in line]
                == [region_of(c, regions, 1.0, every) for c in line])


@pytest.mark.parametrize("seed", range(20))
def test_owners_are_each_glyphs_region(seed: int) -> None:
    """The regions tried smallest first give each glyph the innermost region that
    holds it, as ``region_of`` does; nested and equal regions included."""
    rng = random.Random(seed)
    chars = made_up_page(seed)
    regions = made_up_regions(rng)
    regions.append((rng.choice(("table", "frame")), regions[0][1]))     # a tie in area
    every = list(range(len(regions)))
    assert owners(chars, regions, 1.0, every) == [region_of(c, regions, 1.0, every)
                                                  for c in chars]


def plain_split(chars: list[Char], rules: list[Rect]) -> list[list[Char]]:
    """``split_at_rules`` read plainly: every rule tried between every two neighbours."""
    ordered = sorted(chars, key=lambda c: c.x0)
    parts = [[ordered[0]]]
    for prev, char in itertools.pairwise(ordered):
        middle = (char.top + char.bottom) / 2
        if any(prev.xmid < (r.x0 + r.x1) / 2 < char.xmid and r.top <= middle <= r.bottom
               for r in rules):
            parts.append([char])
        else:
            parts[-1].append(char)
    return [p for p in parts if any(not c.text.isspace() for c in p)]


@pytest.mark.parametrize("seed", range(20))
def test_split_at_rules_cuts_where_a_rule_passes(seed: int) -> None:
    """A line of a made-up table (glyphs of a few heights) is cut between the same
    neighbours by bisection of the rules as by trying each rule; rules that stop
    short of some glyphs' middles included."""
    rng = random.Random(seed)
    line = [glyph(rng.choice(TEXTS), 10.0 + 9.0 * k, 100.0 + rng.choice((0.0, 0.0, 2.5)),
                  rng.choice((7.0, 9.0))) for k in range(30)]
    rules = [Rect(x, rng.uniform(80.0, 105.0), x + 0.5, rng.uniform(103.0, 130.0))
             for x in (rng.uniform(0.0, 300.0) for _ in range(6))]
    assert split_at_rules(line, UprightRules(rules)) == plain_split(line, rules)


@pytest.mark.parametrize("seed", range(10))
def test_cell_lines_and_cut_cells_read_plainly(seed: int) -> None:
    """A cell's glyphs grouped into lines as by a plain reading of the overlap rule,
    and a cell is cut when one glyph leaves its box."""
    chars = made_up_page(seed)[:60]
    lines: list[list[Char]] = []
    top = bottom = 0.0
    for c in sorted(chars, key=lambda c: (c.top, c.x0)):
        if lines and min(bottom, c.bottom) - max(top, c.top) >= 0.5 * min(c.height,
                                                                            bottom - top):
            lines[-1].append(c)
            top, bottom = min(top, c.top), max(bottom, c.bottom)
        else:
            lines.append([c])
            top, bottom = c.top, c.bottom
    assert chars_to_lines(chars, 0.5) == [sorted(ln, key=lambda c: c.x0) for ln in lines]
    box = (min(c.x0 for c in chars) + 1.0, min(c.top for c in chars) - 3.0,
           max(c.x1 for c in chars) + 3.0, max(c.bottom for c in chars) + 3.0)
    for slack in (0.5, 1.0, 3.0):
        assert crosses_border(chars, box, slack) == any(
            c.x0 < box[0] - slack or c.x1 > box[2] + slack or c.top < box[1] - slack
            or c.bottom > box[3] + slack for c in chars)


def test_regions_meeting_reaches_the_slack_around_a_frame() -> None:
    """A flat glyph (no height: a rule drawn as a character) 0.5 pt under a frame lies
    in it within the 1 pt slack; so does a glyph 0.5 pt right of it, not one 2 pt
    away."""
    frame = [("frame", Rect(10.0, 10.0, 50.0, 30.0))]
    flat = Char("ー", 20.0, 30.0, 30.5, 30.5, 10.0)
    beside = Char("a", 50.5, 50.5, 15.0, 20.0, 5.0)
    far = Char("b", 52.0, 52.0, 15.0, 20.0, 5.0)
    assert regions_meeting([flat], frame, 1.0) == [0]
    assert region_of(flat, frame, 1.0, regions_meeting([flat], frame, 1.0)) == 0
    assert regions_meeting([beside], frame, 1.0) == [0]
    assert regions_meeting([far], frame, 1.0) == []


def test_run_coverage_counts_each_point() -> None:
    rng = random.Random(7)
    runs = [make_run([glyph("本", x, 0.0, 10.0, rng.uniform(0.5, 80.0))], 0)
            for x in (rng.uniform(0.0, 200.0) for _ in range(40))]
    left = min(r.x0 for r in runs)
    width = int(max(r.x1 for r in runs) - left) + 1
    counted = [sum(1 for r in runs if int(r.x0 - left) <= x <= int(r.x1 - left))
               for x in range(width + 1)]
    assert run_coverage(runs, left, width) == counted


# --------------------------------------------------------------------------- document


def document_type_by_scanning(pages: list[ParsedPage]) -> tuple[float, int]:
    """``document_type``'s rule read plainly, glyph by glyph: the size (to 0.1 pt) whose
    glyphs cover the most area, ties to the larger; gothic where two thirds of the
    glyphs in it whose font names a face are mincho."""
    area: Counter[float] = Counter()
    faces: Counter[tuple[float, int]] = Counter()
    for c in (c for p in pages for c in p.chars if not c.text.isspace()):
        area[round(c.size, 1)] += c.size * c.size
        faces[round(c.size, 1), c.face] += 1
    if not area:
        return 0.0, NO_FACE
    body = max(area.items(), key=lambda kv: (kv[1], kv[0]))[0]
    gothic, mincho = faces[body, GOTHIC], faces[body, MINCHO]
    told = gothic + mincho
    return body, GOTHIC if told and mincho >= 2 / 3 * told else NO_FACE


@pytest.mark.parametrize("seed", range(20))
def test_document_type_agrees_with_a_scan_of_every_glyph(seed: int) -> None:
    rng = random.Random(seed)
    pages = [ParsedPage(n, 600.0, 800.0, tuple(
        c._replace(face=rng.choice((NO_FACE, GOTHIC, MINCHO, MINCHO)))
        for c in made_up_page(seed * 10 + n)), (), 0, 0) for n in range(3)]
    assert document_type(pages) == document_type_by_scanning(pages)
    assert document_type([ParsedPage(1, 600.0, 800.0, (), (), 0, 0)]) == (0.0, NO_FACE)


def test_document_type_of_a_mincho_body_with_gothic_heads() -> None:
    """An MHLW-like chapter: body in 10.5 pt mincho (10.52 and 10.48 pt round alike),
    sub-heads in 10.5 pt gothic, notes in 8 pt: the body size is 10.5, and gothic reads
    heavier; in an all-gothic document no face stands out."""
    body = [glyph("本", 10.0 * i, 100.0, (10.52, 10.48)[i % 2])._replace(face=MINCHO)
            for i in range(30)]
    heads = [glyph("見", 10.0 * i, 80.0, 10.5)._replace(face=GOTHIC) for i in range(8)]
    notes = [glyph("注", 8.0 * i, 700.0, 8.0)._replace(face=MINCHO) for i in range(40)]
    page = ParsedPage(1, 600.0, 800.0, tuple(body + heads + notes), (), 0, 0)
    assert document_type([page]) == (10.5, GOTHIC)
    gothic = tuple(c._replace(face=GOTHIC) for c in page.chars)
    assert document_type([ParsedPage(1, 600.0, 800.0, gothic, (), 0, 0)]) == (10.5, NO_FACE)


# --------------------------------------------------------------------------- run checks


def test_ruby_candidate_is_kana_alone() -> None:
    """A run of kana (spaces aside) may be ruby; one that opens with a kanji, holds a
    kanji after its kana, or has no glyph but spaces may not."""
    def run_of(text: str) -> Run:
        return make_run([glyph(t, 5.0 * i, 0.0, 5.0) for i, t in enumerate(text)], 0)
    assert [is_ruby_candidate(run_of(t)) for t in ("かんきょう", "カ ン", " しょう")] == [
        True, True, True]
    assert [is_ruby_candidate(run_of(t)) for t in ("環境", "かん境", "  ")] == [
        False, False, False]


def test_one_size_row_is_not_interleaved() -> None:
    """A row in one size has no smaller layer; one whose small glyphs print over its
    large ones again and again (a figure's words under a caption banner) has."""
    line = [glyph(t, 10.0 * i, 0.0, 10.0) for i, t in enumerate("環境省の調査 結果")]
    assert not is_interleaved(line)
    mixed = [glyph(t, 10.0 * i, 0.0, 10.0) for i, t in enumerate("図表見出し")]
    mixed += [glyph(t, 10.0 * i + 2.0, 2.0, 6.0) for i, t in enumerate("凡例の語句")]
    assert is_interleaved(mixed)


def test_raised_marker_run_goes_onto_its_host() -> None:
    """``※1`` set so high it made a row of its own joins the run it is raised over; a
    run with no digit, or too many, stays."""
    host = make_run([glyph(t, 10.0 * i, 100.0, 10.0) for i, t in enumerate("農林水産省")], 0)
    marker = make_run([glyph("※", 50.0, 96.0, 5.0), glyph("1", 55.0, 96.0, 5.0)], 1)
    label = make_run([glyph(t, 50.0 + 5 * i, 96.0, 5.0) for i, t in enumerate("注記")], 2)
    year = make_run([glyph(t, 50.0 + 5 * i, 96.0, 5.0) for i, t in enumerate("2024")], 3)
    out = attach_markers([host, marker, label, year])
    assert [[c.text for c in r.chars] for r in out] == [
        list("農林水産省※1"), list("注記"), list("2024")]
    spaced = make_run([glyph("１", 0.0, 0.0, 5.0), glyph(" ", 5.0, 0.0, 5.0)], 0)
    assert ends_in_digit(spaced) and ends_in_digit(marker) and not ends_in_digit(label)
