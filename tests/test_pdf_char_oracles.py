"""``chars.raw_to_chars`` finds duplicates and makes characters in one pass; it must give
what the two passes it replaced gave: ``dedupe_chars`` (glyphs printed twice dropped,
the first print of one printed again at an offset marked) and then the characters of
the kept glyphs (``two_pass_chars``). Both are kept here as the plain readings, and the
one pass is held to them on glyph sets made to hold every case: overprints exact and
at an offset, the same text a cell away, glyphs off the page, invisible and
``(cid:NN)`` text, look-alikes, heavy fonts, an OCR layer, no dedupe at all."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from pipeline.extract.pdf.chars import INVISIBLE as INVISIBLE_TEXT
from pipeline.extract.pdf.chars import (
    Char,
    RawChar,
    centre_on_page,
    normalise_char_text,
    raw_to_chars,
)
from pipeline.extract.pdf.duplicates import is_duplicate
from pipeline.extract.pdf.font_names import HEAVY_FONT, font_face
from pipeline.extract.pdf.rounding import round2


def dedupe_chars(chars: list[RawChar], ratio: float) -> tuple[list[RawChar], set[int]]:
    """The glyphs kept (none printed twice, ``is_duplicate``) and the indices into them
    of those printed twice at an offset: fake bold. A glyph's twin is the first kept
    glyph it duplicates among those of its text in the nine cells one em wide about its
    own, cells left to right, top to bottom."""
    kept: list[RawChar] = []
    offset_twice: set[int] = set()
    cells: dict[tuple[str, int, int], list[int]] = {}
    if ratio <= 0:
        return list(chars), offset_twice
    for char in chars:
        step = max(char.size, 1.0)
        gx, gy = int(char.x0 // step), int(char.doctop // step)
        twin = next((k for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                     for k in cells.get((char.text, gy + dy, gx + dx), ())
                     if is_duplicate(kept[k], char, ratio)), -1)
        if twin >= 0:
            if max(abs(kept[twin].x0 - char.x0), abs(kept[twin].doctop - char.doctop)) > 0.01:
                offset_twice.add(twin)
            continue
        cells.setdefault((char.text, gy, gx), []).append(len(kept))
        kept.append(char)
    return kept, offset_twice


def two_pass_chars(raw: list[RawChar], bbox: tuple[float, float, float, float],
                   ratio: float) -> tuple[list[Char], int, list[Char], int]:
    """``dedupe_chars``, then each kept glyph read by the helpers."""
    kept, fake_bold = dedupe_chars(raw, ratio)
    left, top = bbox[0], bbox[1]
    chars: list[Char] = []
    off_page: list[Char] = []
    cid_count = 0
    for n, c in enumerate(kept):
        text, was_cid = normalise_char_text(c.text)
        on_page = centre_on_page(c, bbox)
        cid_count += was_cid and on_page
        if text in INVISIBLE_TEXT:
            continue
        char = Char(text, round(c.x0 - left, 2), round(c.x1 - left, 2), round(c.top - top, 2),
                    round(c.bottom - top, 2), round(c.size, 2), c.upright,
                    n in fake_bold or bool(HEAVY_FONT.search(c.fontname)), c.turn,
                    font_face(c.fontname))
        (chars if on_page else off_page).append(char)
    return chars, cid_count, off_page, sum(1 for c in kept if c.invisible)


TEXTS = ["の", "の", "重", "点", "a", "l", "1", "\u200b", "(cid:12)", "\u301c", " "]
FONTS = ["HeiseiMin-W3", "HeiseiKakuGo-W5", "ABCDEF+MS-PGothic,Bold", "UDShinGoPr6N-DeBold"]


def made_up_page(seed: int, count: int = 300) -> list[RawChar]:
    """Glyphs on a few lines of a page, runs of them along a line, some printed again
    (exactly or a little off, in another font), some again in the same place but not
    duplicates (turned, or a size 5 % larger: a cell then holds two glyphs of a text or
    more), some set beyond the page's edge, a few far beyond it."""
    rng = random.Random(seed)
    glyphs: list[RawChar] = []
    for _ in range(count):
        if glyphs and rng.random() < 0.2:        # printed again, maybe at an offset
            g = rng.choice(glyphs)
            dx, dy = rng.choice([0.0, 0.2, 0.4, 3.0]), rng.choice([0.0, 0.1, 2.0])
            glyphs.append(g._replace(x0=g.x0 + dx, x1=g.x1 + dx, top=g.top + dy,
                                     bottom=g.bottom + dy, doctop=g.doctop + dy,
                                     fontname=rng.choice(FONTS)))
            continue
        if glyphs and rng.random() < 0.1:        # in the same place, but no duplicate
            g = rng.choice(glyphs)
            glyphs.append(rng.choice([g._replace(upright=not g.upright),
                                      g._replace(size=g.size * 1.05)]))
            continue
        size = rng.choice([7.0, 10.5, 10.5, 0.5])
        x0 = rng.choice([rng.uniform(-20.0, 600.0), 10.5 * rng.randrange(50)])
        top = 17.0 * rng.randrange(8) + rng.choice([0.0, 0.004, 0.5])
        if glyphs and rng.random() < 0.3:        # the next glyph of a line
            g = glyphs[-1]
            x0, top, size = g.x1, g.top, g.size
        elif rng.random() < 0.02:                # far off the page
            x0, top = rng.choice([(1e17, top), (-3e16, top), (x0, 1e17), (x0, -1e17)])
        glyphs.append(RawChar(rng.choice(TEXTS), x0, x0 + size, top, top + size, top + 842.0,
                              size, rng.random() < 0.9, rng.choice(FONTS),
                              invisible=rng.random() < 0.05, turn=rng.choice([0, 0, 1])))
    return glyphs


def shared_cells(raw: list[RawChar]) -> list[int]:
    """How many glyphs of a text each cell holds that ``dedupe_chars`` keeps together."""
    kept, _ = dedupe_chars(raw, 0.25)
    cells = Counter((c.text, int(c.x0 // max(c.size, 1.0)), int(c.doctop // max(c.size, 1.0)))
                    for c in kept)
    return list(cells.values())


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("ratio", [0.25, 0.0])
@pytest.mark.parametrize("bbox", [(0.0, 0.0, 595.0, 842.0), (36.85, -36.85, 631.85, 805.15)])
def test_raw_to_chars_as_its_two_passes(seed: int, ratio: float,
                                        bbox: tuple[float, float, float, float]) -> None:
    raw = made_up_page(seed)
    assert tuple(raw_to_chars(raw, bbox, ratio)) == two_pass_chars(raw, bbox, ratio)


def test_made_up_pages_hold_every_case() -> None:
    """The glyph sets above do hold fake bold, glyphs off the page and dropped text."""
    pages = [made_up_page(seed) for seed in range(40)]
    bbox = (0.0, 0.0, 595.0, 842.0)
    results = [two_pass_chars(raw, bbox, 0.25) for raw in pages]
    assert sum(len(dedupe_chars(raw, 0.25)[1]) for raw in pages) > 20
    assert sum(len(raw) - len(dedupe_chars(raw, 0.25)[0]) for raw in pages) > 100
    assert all(off for _, _, off, _ in results[:5])
    assert sum(cid for _, cid, _, _ in results) > 20
    assert sum(invisible for *_, invisible in results) > 20
    held = [n for raw in pages for n in shared_cells(raw)]
    assert sum(n == 2 for n in held) > 20 and sum(n > 2 for n in held) > 5
    assert sum(c.x0 > 1e16 or c.top > 1e16 for raw in pages for c in raw) > 20


@pytest.mark.parametrize("value", [
    0.0, -0.0, 0.004, 0.005, 0.0051, -0.004, -0.006, 0.015, 0.125, 0.375, 1.005, 2.675,
    10.125, 123.456, 595.275, -36.85, 841.8899999999, 1e-300, 5e-324, 9999999999.994,
    9999999999.995, 1e10, 1e12, 1e15, -1e15, 1e300, float("inf"), float("-inf"), float("nan")])
def test_round2_as_round(value: float) -> None:
    """``round2`` gives ``round(value, 2)``: halves (``0.125``, ``10.125``), floats a
    hair below a half-hundredth (``2.675``, ``1.005``), zeros with their sign, huge values, nan."""
    assert repr(round2(value)) == repr(round(value, 2))


def test_round2_as_round_on_page_coordinates() -> None:
    """…and on 250,000 coordinates of the kinds a page has: points with two to six
    decimals, thousandths that are half a hundredth, sums of glyph advances."""
    rng = random.Random(7)
    values = [rng.uniform(-50.0, 1300.0) for _ in range(100_000)]
    values += [rng.randrange(-5000, 130_000) / 100.0 + rng.choice([0.005, -0.005, 0.0049])
               for _ in range(75_000)]
    values += [round(rng.uniform(0.0, 900.0), rng.randrange(2, 7)) for _ in range(50_000)]
    values += [36.85 + 10.5 * k * 1.0000001 for k in range(25_000)]
    assert [repr(round2(v)) for v in values] == [repr(round(v, 2)) for v in values]
