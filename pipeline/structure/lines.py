"""Line-level cleaning: page furniture out, ruby lines folded back, glued lines split.

Every function is pure: lines in, new lines (and removed records) out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from pipeline.common.lexicons import word_list
from pipeline.common.note_openings import opens_note
from pipeline.common.text import is_kana, is_kanji
from pipeline.schemas import SourceLine
from pipeline.structure.patterns import HeadingMatch, match_caption, match_heading
from pipeline.structure.units import OutlineTracker
from pipeline.structure.unnumbered import glued_unnumbered_at

FURNITURE = ("running_header", "page_number", "vertical_text", "ruby", "overprint",
             "off_page")
RUBY_MAX_CHARS = 4


@dataclass(frozen=True, slots=True)
class Removed:
    page_index: int | None
    line: int
    text: str
    reason: str
    para_key: int | None = None    # index of the unit the characters came out of
    offset: int | None = None


def split_furniture(lines: tuple[SourceLine, ...]) -> tuple[list[SourceLine], list[Removed]]:
    """Lines the adapter marked as page furniture go to ``removed`` with their hint."""
    kept: list[SourceLine] = []
    removed: list[Removed] = []
    carry_page_start = False
    for line in lines:
        if line.hint in FURNITURE:
            removed.append(Removed(line.page_index, line.line, line.text.strip(), line.hint))
            carry_page_start = carry_page_start or bool(line.extras.get("page_start"))
            continue
        if carry_page_start:      # the page began with furniture: its first kept line starts it
            line = replace(line, extras={**line.extras, "page_start": True})
            carry_page_start = False
        kept.append(line)
    return kept, removed


def _is_ruby(candidate: SourceLine, before: SourceLine) -> bool:
    reading = candidate.text.strip()
    base = before.text.rstrip()
    return (0 < len(reading) <= RUBY_MAX_CHARS and all(is_kana(c) for c in reading)
            and candidate.gap_before == 0 and bool(base) and is_kanji(base[-1])
            and not candidate.hint and not before.hint)


def fold_ruby_lines(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Removed]]:
    """Take out ruby readings printed as a line of their own and rejoin the base line.

    ``…尖`` / ``とが`` / ``った才能`` → ``…尖った才能``; the reading goes to ``removed``.
    """
    out: list[SourceLine] = []
    removed: list[Removed] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if out and i + 1 < len(lines) and _is_ruby(line, out[-1]):
            rest = lines[i + 1]
            removed.append(Removed(line.page_index, line.line, line.text.strip(), "ruby"))
            out[-1] = replace(out[-1], text=out[-1].text.rstrip() + rest.text.lstrip(),
                              extras={**out[-1].extras, "ruby": line.text.strip()})
            i += 2
            continue
        out.append(line)
        i += 1
    return out, removed


def split_glued_headings(lines: list[SourceLine]) -> list[SourceLine]:
    """Split a heading glued to the end of the previous line (one-paragraph-per-line text).

    ``…を参照。（2）国内総生産（GDP）`` → ``…を参照。`` and ``（2）国内総生産（GDP）``;
    ``…/pr-202302272　情報通信産業`` → ``…/pr-20230227`` and ``2　情報通信産業``;
    ``…を参照。まとめ`` → ``…を参照。`` and ``まとめ`` (``unnumbered.glued_unnumbered_at``:
    read as a heading only where running text follows it). A numbered tail must have the shape of a heading (short, not a sentence) and continue the
    outline: its number is the next one expected at its level, the outline being read
    from the headings met so far (at line starts and glued), as the assembler reads it.
    """
    outline = OutlineTracker()
    out: list[SourceLine] = []
    for i, line in enumerate(lines):
        own = match_heading(line.text.strip())
        if own is not None and outline.fits(own):
            outline.accept(own)
            out.append(line)
            continue
        cut = glued_heading_at(line.text, outline)
        if cut is None:
            cut = glued_unnumbered_at(line.text, lines[i + 1] if i + 1 < len(lines) else None)
        if cut is None:
            out.append(line)
            continue
        tail = line.text[cut:]
        heading = match_heading(tail)
        if heading is not None:
            outline.accept(heading)
        out.append(replace(line, text=line.text[:cut]))
        out.append(replace(line, text=tail, gap_before=0, extras={**line.extras, "glued": True}))
    return out


# Where a glued heading may start: before a label of levels 2 to 4 (``第2節　``, ``2　``,
# ``（2）``); a zero-width look-ahead, so overlapping labels (``72　`` and ``2　``) are
# all tried, and the engine skips ahead to them.
GLUE_POINT = re.compile(r"(?=第[0-9０-９]{1,2}節|[0-9０-９]{1,2}[ \u3000]|[（(][0-9０-９]{1,2}[）)])")
# Characters after which a section label may follow without a separator: a sentence end,
# a closing bracket, the end of a Latin word or URL.
AFTER_SENTENCE = "。）)」』"
SPACES = (" ", "\u3000")
# A number never starts right after these: they join it to the number before
# (``図表4-2-2-13`` holds no heading ``13``; ``2019`` holds no ``19``).
NUMBER_JOINERS = "0123456789０１２３４５６７８９-－‐−.．,，/／:："
URL_AT_END = re.compile(r"https?://\S+$")
# A number right after these is bound to them, not a label of its own (``第1　総論`` is a
# ``第N`` heading, no ``1　総論`` glued to a ``第``).
NUMBER_BINDERS = "第約"


def glued_heading_at(text: str, outline: OutlineTracker | None = None) -> int | None:
    """Offset where a heading glued to the end of ``text`` starts, or None.

    Given an outline, the heading must continue it (the evidence that the tail is a
    heading and not text that looks like one)."""
    for point in GLUE_POINT.finditer(text, 1):
        cut = point.start()
        found = match_heading(text[cut:])
        if found is None or found.level not in (2, 3, 4):
            continue
        if outline is not None and not outline.fits(found):
            continue
        if may_follow(text, cut, found, outline is not None):
            return cut
    return None


def may_follow(text: str, cut: int, heading: HeadingMatch, continues_outline: bool) -> bool:
    """Whether ``heading``'s label can start right after ``text[:cut]``.

    ``（N）`` follows a sentence end, a bracket or a Latin word or number. No label
    follows a word that binds the number after it (``第1　総論``, ``約3　割``). A number never
    continues a number (``約12　施策``) or a label (``図表4-2-2-13``), except where the
    number ends a URL (``…/pr-20230227``). Where the heading continues the outline,
    ``第N節　`` and ``N　`` may also follow a word (``…の内訳3　通信分野``)."""
    before = text[cut - 1]
    if before in NUMBER_BINDERS:
        return False
    after_sentence = before in AFTER_SENTENCE or (before.isascii() and before.isalnum())
    if heading.level == 4:
        return after_sentence
    if heading.level == 3 and before in NUMBER_JOINERS:
        return before.isdigit() and URL_AT_END.search(text, 0, cut) is not None
    if after_sentence or not continues_outline:
        return after_sentence
    return heading.level == 3 or text[cut + len(heading.label):][:1] in SPACES


CREDIT_PREFIXES = word_list("credit_prefixes")
CAPTION_LOOKAHEAD = 3


def mark_caption_continuations(lines: list[SourceLine]) -> list[SourceLine]:
    """Photo captions wrap onto lines set like the caption and end at the photo's credit
    line (``提供：…``), and any caption's title wraps onto the next line when that line
    hangs under the title (``wraps_under_title``): mark those lines ``caption_continues``
    (sources with type sizes)."""
    marked = list(lines)
    for i, line in enumerate(lines):
        caption = match_caption(line.text.strip()) if line.size is not None else None
        if caption is None:
            continue
        k = i + 1
        while k < min(len(lines), i + 1 + CAPTION_LOOKAHEAD) \
                and wraps_under_title(line, caption.title, lines[k]):
            marked[k] = replace(lines[k], extras={**lines[k].extras, "caption_continues": True})
            k += 1
        following = lines[i + 1:i + 1 + CAPTION_LOOKAHEAD + 1]
        for j, after in enumerate(following):
            if after.text.strip().startswith(CREDIT_PREFIXES):
                between = following[:j]
                if between and all(b.hint == "" and b.size == line.size
                                   and match_caption(b.text.strip()) is None for b in between):
                    for k in range(i + 1, i + 1 + j):
                        marked[k] = replace(lines[k], extras={**lines[k].extras,
                                                              "caption_continues": True})
                break
    return marked


TITLE_HANG_EM = 1.0   # em: a wrapped title line starts this near the title's first glyph


def wraps_under_title(caption: SourceLine, title: str, after: SourceLine) -> bool:
    """The line after a caption goes on its title: the next line of its page, in its
    type size and box, not a caption, source, note or heading of its own, starting
    under the title's first glyph (the label's width in from the caption's edge: a
    full-width glyph an em, others half), where no body or figure line starts."""
    if (not title or caption.x0 is None or after.x0 is None or not caption.size
            or after.size is None or after.hint or caption.hint
            or after.page_index != caption.page_index
            or abs(after.size - caption.size) > 0.05 * caption.size
            or after.extras.get("box") != caption.extras.get("box")):
        return False
    text = after.text.strip()
    if not text or match_caption(text) or match_heading(text) or opens_note(text):
        return False
    printed = caption.text.lstrip()
    prefix = printed[:printed.find(title)] if title in printed else ""
    if not prefix.strip():
        return False
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "FW" else 0.5 for c in prefix)
    return abs(after.x0 - (caption.x0 + ems * caption.size)) <= TITLE_HANG_EM * caption.size
