"""The rule edges ``tables.page_to_rules`` gives pdfplumber's finder carry only the keys
it reads (``rule_edge``): the same coordinates as pdfplumber's own ``rect_to_edges`` and
``line_to_edge``, and the same tables found on them, on made-up ruled pages (a grid
drawn cell by cell in thin filled rectangles, stroked frames, lines across and down,
slanted lines, rules a little off each other that the finder snaps together)."""

from __future__ import annotations

import itertools
import random
from types import SimpleNamespace
from typing import Any

from pdfplumber.utils import line_to_edge, rect_to_edges

from pipeline.extract.pdf.char_source import find_tables
from pipeline.extract.pdf.table_settings import TableFinderSettings
from pipeline.extract.pdf.tables import line_rule, rect_rules, rules_to_tables

FINDER_KEYS = ("orientation", "x0", "x1", "top", "bottom", "width", "height")
PAGE_HEIGHT = 842.0


def path(kind: str, x0: float, top: float, x1: float, bottom: float,
         fill: bool = True) -> dict[str, Any]:
    """A path as pdfplumber gives it, with keys the finder does not read."""
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "y0": PAGE_HEIGHT - bottom, "y1": PAGE_HEIGHT - top, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "fill": fill, "stroke": not fill,
            "linewidth": 0.5, "non_stroking_color": (0.0,), "stroking_color": None}


def ruled_page(rng: random.Random) -> SimpleNamespace:
    """A page of one or two ruled grids, each rule a thin filled rectangle per cell
    side, jittered by less than the snap tolerance, with a stroked frame, loose lines
    and a slanted line."""
    rects: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for left, top in rng.sample([(50.0, 80.0), (60.0, 420.0), (300.0, 100.0)], 2):
        xs = sorted(left + sum(rng.uniform(30, 90) for _ in range(k)) for k in range(4))
        ys = sorted(top + sum(rng.uniform(12, 30) for _ in range(k)) for k in range(5))
        for x_a, x_b in itertools.pairwise(xs):
            for y in ys:
                y += rng.uniform(-1.0, 1.0)
                rects.append(path("rect", x_a, y, x_b + rng.uniform(-2, 2), y + 0.5))
        for y_a, y_b in itertools.pairwise(ys):
            for x in xs:
                x += rng.uniform(-1.0, 1.0)
                rects.append(path("rect", x, y_a, x + 0.5, y_b + rng.uniform(-2, 2)))
        rects.append(path("rect", xs[0] - 4, ys[0] - 4, xs[-1] + 4, ys[-1] + 4, fill=False))
    for _ in range(6):
        x, y = rng.uniform(40, 500), rng.uniform(60, 780)
        length = rng.uniform(1, 200)
        lines.append(path("line", x, y, x + length, y) if rng.random() < 0.5
                     else path("line", x, y, x, y + length))
    lines.append(path("line", 100.0, 500.0, 180.0, 540.0))       # slanted: "v" to pdfplumber
    page = SimpleNamespace(bbox=(0.0, 0.0, 595.0, PAGE_HEIGHT), rects=rects, lines=lines)
    page.find_tables = lambda table_settings: find_tables(page, table_settings)
    return page


def test_rect_and_line_rules_are_pdfplumbers_edges_in_the_finders_keys() -> None:
    rng = random.Random(7)
    for _ in range(200):
        x0, top = rng.uniform(0, 500), rng.uniform(0, 800)
        rect = path("rect", x0, top, x0 + rng.uniform(0, 80), top + rng.uniform(0, 3))
        theirs = [{k: e[k] for k in FINDER_KEYS} for e in rect_to_edges(rect)]
        assert [{k: e[k] for k in FINDER_KEYS} for e in rect_rules(rect)] == theirs
        line = path("line", x0, top, x0 + rng.choice([0.0, 40.0]), top + rng.choice([0.0, 9.0]))
        assert {k: line_rule(line)[k] for k in FINDER_KEYS} == {
            k: line_to_edge(line)[k] for k in FINDER_KEYS}
        assert "_edge" in rect_rules(rect)[0]["object_type"]   # taken by the finder as is


def cells_of(tables: list[Any]) -> list[tuple[Any, list[Any]]]:
    return [(t.bbox, [tuple(row.cells) for row in t.rows]) for t in tables]


def test_finder_finds_the_same_tables_on_rule_edges_as_on_pdfplumbers() -> None:
    settings = TableFinderSettings()
    rng = random.Random(11)
    for _ in range(30):
        page = ruled_page(rng)
        full = [e for r in page.rects for e in rect_to_edges(r)] + [
            line_to_edge(ln) for ln in page.lines]
        slim = [e for r in page.rects for e in rect_rules(r)] + [line_rule(ln) for ln in page.lines]
        found = cells_of(rules_to_tables(page, slim, settings))
        assert found, "each made-up page holds a ruled grid"
        assert found == cells_of(rules_to_tables(page, full, settings))
