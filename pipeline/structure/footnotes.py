"""Link each footnote to the word that carries its marker, and take the marker out.

Markers are digits glued to a word (``ＴＬＯ1``, ``研究開発税制4を``) or, in text
sources, set between spaces (``市場（支出額） 1 は``). Footnotes come after their
markers in reading order, so each footnote's marker is the first plausible occurrence
of its number after the previous footnote's marker and before the footnote itself.
Adapters that know a marker's exact place (PDF geometry) give it in ``Unit.markers``
and no search is made in that unit.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.common.footnote_marks import leading_mark, mark_ending, with_marks, without_marks
from pipeline.common.text import is_kana, is_kanji
from pipeline.structure.digit_terms import in_digit_ending_term
from pipeline.structure.lines import Removed
from pipeline.structure.units import Unit

NOT_BEFORE_MARKER = set("0123456789０１２３４５６７８９,.，．、。 \u3000第約計全各毎延+-－−～〜(（/／:：#＃")
NOT_AFTER_MARKER = set("0123456789０１２３４５６７８９,.，．年月日度件名人社％%万億兆円倍か箇カヶ回次位割"
                       "時分秒歳期号条項章節部-－−～〜:：ｍmgkK")
BRACKETS = {"」": "「", "）": "（", ")": "(", "』": "『", "】": "【"}
# the marks set before a marker's number (``*1``, ``※1``; ``注1``, ``（注1）``) are the
# rows of pipeline/data/footnote_marks.tsv (``common.footnote_marks``); a footnote's own
# line printed with one (``※1　…``; on NFKC text): the mark
PRINTED_MARK = r"\s*[(（]?(%MARK%|)\s*[0-9]"
ANCHOR_MAX_CHARS = 30
BRACKETED_ANCHOR_MAX_CHARS = 60    # a title in 「」 cited as a source is often longer


@dataclass(frozen=True, slots=True)
class FootnoteLink:
    footnote: int      # unit index of the footnote
    unit: int          # unit index holding the marker
    offset: int        # where the marker (with its spaces) starts in that unit's text
    number: str
    anchor: str
    size: int = 0      # characters taken out with the marker (0: the number alone)

    @property
    def removed(self) -> int:
        """How many characters of the unit's text the marker takes out."""
        return self.size or len(self.number)


Fragment = tuple[tuple[int, int], int, int, int]   # (source position, unit, start, end)


def _searchable(unit: Unit) -> bool:
    return unit.kind not in ("footnote", "merged")


def _fragments(units: list[Unit]) -> list[Fragment]:
    """(source position, unit, start, end) for every line fragment of text units.

    A fragment ends where the unit's next one starts (the last at the end of its text);
    most units have one line, so no list of bounds is made per unit."""
    fragments = []
    for index, unit in enumerate(units):
        if not _searchable(unit):
            continue
        segments = unit.segments
        last = len(segments) - 1
        for k, segment in enumerate(segments):
            end = segments[k + 1].offset if k < last else len(unit.text)
            fragments.append(((segment.page_index or 0, segment.line), index, segment.offset, end))
    return sorted(fragments)


def is_marker_at(text: str, offset: int, number: str) -> bool:
    end = offset + len(number)
    if text[offset:end] != number or offset == 0:
        return False
    if text[offset - 1] == " ":
        return is_spaced_marker_at(text, offset, end)
    if text[offset - 1] in NOT_BEFORE_MARKER or text[offset - 1].isspace():
        return False
    if in_digit_ending_term(text, offset, end):
        return False
    return end >= len(text) or text[end] not in NOT_AFTER_MARKER


def is_spaced_marker_at(text: str, offset: int, end: int) -> bool:
    """A marker set between spaces (``（支出額） 1 は``, ``予測されている 4 （``, at the
    end ``（出典）ITU 4``): a word before the space, and after the number a space and no
    counter or unit (``5 社``, ``3 年``), or the end of the text. Which of these numbers
    are markers the footnotes' numbering decides (``link_footnotes``)."""
    if offset < 2 or text[offset - 2] in NOT_BEFORE_MARKER or text[offset - 2].isspace():
        return False
    if end == len(text):
        return True
    if text[end] != " ":
        return False
    return end + 1 == len(text) or text[end + 1] not in NOT_AFTER_MARKER


def marker_span(text: str, offset: int, number: str) -> tuple[int, int]:
    """The characters a marker takes out of the text: the number, with the footnote mark
    before it (``*1``, ``※1``, ``注1``, and the brackets around ``（注1）``), and, for a marker set between spaces, its spaces too,
    but one space stays between two Latin words or numbers (``Open RAN 17 technology``
    → ``Open RAN technology``)."""
    start, end = offset, offset + len(number)
    sign = mark_ending(text[:start], ("sign",))
    if sign:                                              # トン*1, 続いている※1
        return start - len(sign), end
    word = mark_ending(text[:start], ("word",))
    if word:                                              # 減少した注1。, 増加（注1）。
        start -= len(word)
        if start > 0 and text[start - 1] in "（(" and text[end:end + 1] in ("）", ")"):
            return start - 1, end + 1
        return start, end
    if start == 0 or text[start - 1] != " ":
        return start, end
    start -= 1
    if end < len(text) and text[end] == " ":
        end += 1
    if _latin(text[start - 1:start]) and _latin(text[end:end + 1]):
        end -= 1
    return start, end


def marker_number(placed: str) -> str:
    """The number of a marker the source placed, without the raised mark the PDF adapter
    read with it (``※1``, ``注1`` → ``1``)."""
    return without_marks(unicodedata.normalize("NFKC", placed))


def placed_mark(placed: str) -> str:
    """The raised mark read with a placed marker (``注1`` → ``注``; ``1`` → "")."""
    text = unicodedata.normalize("NFKC", placed)
    return text[:len(text) - len(marker_number(placed))]


def printed_mark(note: Unit) -> str:
    """The mark printed before a footnote's number (``※1　…`` → ``※``, ``注1`` → ``注``,
    ``1　…`` → ""): a marker placed with a raised mark links only to a note printed with
    that mark (a table's ``注¹`` points to the table's notes, not to the page's
    footnote 1)."""
    first = unicodedata.normalize("NFKC", note.lines[0].text if note.lines else note.text)
    found = with_marks(PRINTED_MARK).match(first)
    return found.group(1) if found else ""


def mark_before(text: str, start: int, end: int) -> tuple[int, int]:
    """A marker the source placed (a PDF's raised number, with its mark when that was
    raised too), and a mark ``*`` or ``※`` set just before it in the text's size
    (``介護職員※¹``): it goes out with the number, as do the brackets of ``（注¹）``.
    A ``注`` in the text's size stays: it can end a word (``脚注¹``)."""
    start -= len(mark_ending(text[:start], ("sign",)))
    if (start > 0 and text[start - 1] in "（(" and leading_mark(text[start:end], ("word",))
            and text[end:end + 1] in ("）", ")")):
        return start - 1, end + 1
    return start, end


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def link_footnotes(units: list[Unit]) -> list[FootnoteLink]:
    """Link every footnote to the first free plausible marker of its number that lies
    after the previous block of footnotes and before the footnote itself.

    Captions float, so markers are not always in the order of their footnotes; within
    one stretch of text each marker is used once. Footnotes printed at a page foot
    are linked to markers on their own page.
    """
    fragments = _fragments(units)
    positions = [f[0] for f in fragments]   # sorted, as the fragments are
    used: set[tuple[int, int]] = set()
    links: list[FootnoteLink] = []
    # where the source marks markers (a PDF's raised digits), a digit in the text of
    # a paragraph without marks is a number, never a marker
    marked = any(unit.markers for unit in units)
    last: tuple[tuple[int, int], str, Place | None] | None = None   # lower, number, marker
    for index, lower in _numbered_footnotes(units):
        note = units[index]
        after = last[2] if last is not None and last[0] == lower else None
        mark = printed_mark(note)
        hit = _search(units, _search_window(fragments, positions, lower, note),
                      note.number, used, after, marked, mark)
        if hit is None and last is not None and last[0] != lower \
                and _continues(last[1], note.number):
            # text came between two footnotes of one run: search the run's window
            lower, after = last[0], last[2]
            hit = _search(units, _search_window(fragments, positions, lower, note),
                          note.number, used, after, marked, mark)
        last = (lower, note.number, hit[0] if hit is not None else after)
        if hit is None:
            continue
        _place, unit_index, offset = hit
        used.add((unit_index, offset))
        links.append(_link(units, index, unit_index, offset, note.number))
    return links


def _continues(previous: str, number: str) -> bool:
    """``number`` is the one after ``previous`` (footnote numbers as printed)."""
    return previous.isdigit() and number.isdigit() and int(number) == int(previous) + 1


def _link(units: list[Unit], footnote: int, unit_index: int, offset: int, number: str,
          ) -> FootnoteLink:
    unit = units[unit_index]
    text = unit.text
    glued = (offset, offset + len(number))
    if unit.markers:
        placed = next((n for o, n in unit.markers if o == offset), number)
        start, end = mark_before(text, offset, offset + len(placed))
    else:
        start, end = marker_span(text, offset, number)
    size = end - start if (start, end) != glued else 0
    return FootnoteLink(footnote, unit_index, start, number, anchor_before(text, start), size)


def _numbered_footnotes(units: list[Unit]) -> Iterator[tuple[int, tuple[int, int]]]:
    """(unit index, lower bound) of every footnote with a number: its marker lies after
    the lower bound, the end of the block of footnotes before the footnote's own."""
    lower = (0, 0)
    block_end = (0, 0)
    previous_kind = ""
    for index, note in enumerate(units):
        if note.kind == "merged":
            continue
        if note.kind != "footnote":
            previous_kind = note.kind
            continue
        if previous_kind != "footnote":
            lower = block_end
        previous_kind = "footnote"
        block_end = (note.last.page_index or 0, note.last.line)
        if note.number:
            yield index, lower


def _search_window(fragments: list[Fragment], positions: list[tuple[int, int]],
                   lower: tuple[int, int], note: Unit) -> list[Fragment]:
    """The fragments between ``lower`` and the footnote, on its page where it has one."""
    position = (note.first.page_index or 0, note.first.line)
    page = note.first.page_index
    between = fragments[bisect_left(positions, lower):bisect_left(positions, position)]
    return [f for f in between if page is None or f[0][0] == page]


Place = tuple[tuple[int, int], int]     # (source position of the fragment, offset)


def _search(units: list[Unit], fragments: list[Fragment], number: str,
            used: set[tuple[int, int]], after: Place | None, marked: bool = False,
            mark: str = "") -> tuple[Place, int, int] | None:
    """The first free candidate of ``number`` in the window that comes after ``after``
    (the marker of the footnote before, in the same block: the numbering runs on in
    reading order), else the first free candidate at all (captions float). ``marked``:
    the source marks its markers, so only marked ones count."""
    first = None
    for position, unit_index, start, end in fragments:
        unit = units[unit_index]
        if unit.markers or marked:
            offsets = [o for o, n in unit.markers   # the offset first: it decides cheaply
                       if start <= o < end and marker_number(n) == number
                       and placed_mark(n) in ("", mark)]
        else:
            offsets = _candidates(unit.text, number, start, end)
        for offset in offsets:
            if (unit_index, offset) in used:
                continue
            hit = ((position, offset), unit_index, offset)
            if after is None or (position, offset) > after:
                return hit
            first = first or hit
    return first


def _candidates(text: str, number: str, start: int, end: int) -> list[int]:
    """Offsets in ``start``…``end`` where ``number`` (digits) stands as a marker, wholly
    before ``end``. A marker is a whole run of digits, so the occurrences overlapping
    inside a run (``11`` in ``111``), which ``is_marker_at`` rejects, need no care."""
    found: list[int] = []
    offset = text.find(number, start, end)
    while offset >= 0:
        if is_marker_at(text, offset, number):
            found.append(offset)
        offset = text.find(number, offset + 1, end)
    return found


def anchor_before(text: str, offset: int) -> str:
    """The word a marker follows: a bracketed term, a run of hiragana with the kanji
    before it (``成長している``), or a run of kanji, katakana and Latin letters."""
    if offset == 0:
        return ""
    last = text[offset - 1]
    if last in BRACKETS:
        opening = text.rfind(BRACKETS[last], 0, offset - 1)
        if opening >= 0 and offset - opening <= BRACKETED_ANCHOR_MAX_CHARS:
            return text[opening + 1:offset - 1]
    start = offset
    if is_kana(last) and not _is_content(last):
        while start > 0 and is_kana(text[start - 1]) and not _is_content(text[start - 1]):
            start -= 1
        kana_start = start
        while start > 0 and is_kanji(text[start - 1]) and offset - start < ANCHOR_MAX_CHARS:
            start -= 1
        if start > 0 and text[start - 1] in QUANTITY_CHARS:
            # the kanji run opens with a number's counter (1万515人増加した): the verb's
            # stem is the two kanji before its kana
            start = max(start, kana_start - 2)
        return text[start:offset]
    while start > 0 and _is_content(text[start - 1]) and offset - start < ANCHOR_MAX_CHARS:
        start -= 1
    start = _quantity_before(text, _latin_words_before(text, start, offset), offset)
    return text[start:offset].lstrip("・－-&＆")


QUANTITY_CHARS = set("0123456789０１２３４５６７８９.,，．％%")
NUMERAL_UNITS = set("万億兆")   # kanji powers of ten between the digits of one figure


def _quantity_before(text: str, start: int, offset: int) -> int:
    """A counter or unit after a number takes the number with it, and the noun before
    it (``578.9兆円``, ``前年比19.8％増``), the whole figure where 万, 億 or 兆 stand
    between its digits (``47万4,717組``): the marker follows the quantity."""
    if start == offset or start == 0 or text[start - 1] not in QUANTITY_CHARS:
        return start
    number = start
    while number > 0 and text[number - 1] in QUANTITY_CHARS:
        number -= 1
        if number > 1 and text[number - 1] in NUMERAL_UNITS and text[number - 2].isdigit():
            number -= 1      # a figure written with 万/億/兆 in it: ``47万4,717組``
    if not any(c.isdigit() for c in text[number:start]) or offset - number > ANCHOR_MAX_CHARS:
        return start
    while number > 0 and _is_content(text[number - 1]) and offset - number < ANCHOR_MAX_CHARS:
        number -= 1
    return number


def _latin_words_before(text: str, start: int, offset: int) -> int:
    """A Latin name goes on to the left over single spaces (``NHS AI Lab``) when the
    anchor is Latin words only: all of the name or, when it is longer than an anchor
    may be, its last word only."""
    if not all(c.isascii() for c in text[start:offset]):
        return start
    first = start
    while first >= 2 and text[first - 1] == " " and _latin(text[first - 2]):
        first -= 1
        while first > 0 and _latin(text[first - 1]):
            first -= 1
    return first if offset - first <= ANCHOR_MAX_CHARS else start


def _is_content(char: str) -> bool:
    """Characters of a noun compound: kanji, katakana, Latin letters and joiners."""
    if is_kanji(char) or ("\u30a0" <= char <= "\u30ff") or char == "ー":
        return True
    return (char.isalpha() and not is_kana(char)) or char in "・－-&＆"


def remove_markers(units: list[Unit], links: list[FootnoteLink]) -> list[Removed]:
    """Take each linked marker out of its unit's text (in place on the working units)."""
    removed: list[Removed] = []
    for link in sorted(links, key=lambda lk: (lk.unit, -lk.offset)):
        removed.append(cut_out(units, link.unit, link.offset, link.removed, "footnote_marker"))
    return removed


def cut_out(units: list[Unit], index: int, offset: int, size: int, reason: str) -> Removed:
    """Take ``size`` characters at ``offset`` out of unit ``index``'s text (in place, its
    segments moved up), as a ``Removed`` of ``reason`` naming where they came out."""
    unit = units[index]
    taken = unit.text[offset:offset + size]
    unit.text = unit.text[:offset] + unit.text[offset + size:]
    for segment in unit.segments:
        if segment.offset > offset:
            segment.offset -= size
    segment = unit.line_at(offset)
    return Removed(segment.page_index, segment.line, taken, reason, index, offset)
