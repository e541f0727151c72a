"""Line-level cleaning: page furniture out, ruby lines folded back, glued lines split.

Every function is pure: lines in, new lines (and removed records) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.common.lexicons import word_list
from pipeline.common.text import is_kana, is_kanji
from pipeline.schemas import SourceLine
from pipeline.structure.patterns import match_caption, match_heading

FURNITURE = ("running_header", "page_number", "vertical_text", "ruby")
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

    ``…を参照。（2）国内総生産（GDP）`` → ``…を参照。`` and ``（2）国内総生産（GDP）``.
    The heading must follow a sentence end, a closing bracket or the end of a URL, and
    the tail must have the shape of a heading (short, not a sentence).
    """
    out: list[SourceLine] = []
    for line in lines:
        cut = glued_heading_at(line.text)
        if cut is None:
            out.append(line)
            continue
        out.append(replace(line, text=line.text[:cut]))
        out.append(replace(line, text=line.text[cut:], gap_before=0,
                           extras={**line.extras, "glued": True}))
    return out


# Where a glued heading may start: after a sentence end, a closing bracket or an ASCII
# letter or digit (the match), before a character a heading can start with; a number
# (a level-3 heading) never starts right after a digit (``2019`` holds no ``019``).
# The pattern starts with a character set rather than a lookbehind, so the regex engine
# skips ahead to candidates, and leaves out the many points inside runs of digits.
GLUE_POINT = re.compile(r"[。）)」A-Za-z0-9](?:(?=[（(第])|(?<![0-9])(?=[0-9０-９]))")


def glued_heading_at(text: str) -> int | None:
    for point in GLUE_POINT.finditer(text):
        cut = point.end()
        found = match_heading(text[cut:])
        if found is not None and found.level in (2, 3, 4):
            return cut
    return None


CREDIT_PREFIXES = word_list("credit_prefixes")
CAPTION_LOOKAHEAD = 3


def mark_caption_continuations(lines: list[SourceLine]) -> list[SourceLine]:
    """Photo captions wrap onto lines set like the caption and end at the photo's credit
    line (``提供：…``): mark those lines ``caption_continues`` (sources with type sizes)."""
    marked = list(lines)
    for i, line in enumerate(lines):
        if line.size is None or match_caption(line.text.strip()) is None:
            continue
        following = lines[i + 1:i + 1 + CAPTION_LOOKAHEAD + 1]
        for j, after in enumerate(following):
            if after.text.strip().startswith(CREDIT_PREFIXES):
                between = following[:j]
                if between and all(b.hint == "" and b.size == line.size for b in between):
                    for k in range(i + 1, i + 1 + j):
                        marked[k] = replace(lines[k], extras={**lines[k].extras,
                                                              "caption_continues": True})
                break
    return marked
