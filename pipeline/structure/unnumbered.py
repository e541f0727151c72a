"""Headings printed with no number in text with no type (``はじめに``, ``まとめ``).

A typed source tells such a heading by its type (``labelled_roles.typed_heading_role``);
pdf-text and html-text do not, so there a heading without a number is read only where
its words say it: a line that is one of ``pipeline/data/unnumbered_headings.tsv``'s words
(in brackets or after a bullet too, ``【はじめに】``, ``●まとめ``; after a listed prefix,
``本章のまとめ``), standing alone (the line before ended its paragraph; wrapped text:
the line itself ends its printed line) and followed by running text, not a list's item
(``・…。``: a figure's words or a list under a label). Its level is not
printed: it goes one below the open 章 or 節 (a chapter's closing words, ``おわりに``,
one below the 章), and is flagged ``unnumbered``.

A chapter may be labelled outside the chapters' numbering too (``序章``, ``終章``,
``補章2``: ``match_chapter_label``), in any source: that label says its level, 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.common.lexicons import data_rows, word_list
from pipeline.common.text import ascii_digits
from pipeline.errors import PipelineError
from pipeline.schemas import SourceLine
from pipeline.structure.numbering import LineKey, is_running_text, line_key
from pipeline.structure.patterns import HeadingMatch, is_heading_title

BRACKETS = ("【】", "〔〕", "［］", "[]", "＜＞", "<>", "〈〉", "《》")
BULLET_MARKS = "●○■◆◇□◎▶▷"     # not ・, a list's item
# what opens a list's item, no paragraph
LIST_MARKS = ("・", "●", "○", "■", "◆", "◇", "□", "※", "-", "－", "‐")
MAX_OUTER_LEVEL = 2      # the 章 and 節 an unnumbered heading is set under
KINDS = ("word", "closing", "prefix")


@cache
def heading_words() -> tuple[dict[str, str], tuple[str, ...]]:
    """The words that make a heading alone (word → ``word`` or ``closing``), and the
    prefixes set before one."""
    rows = data_rows("unnumbered_headings", ("word", "value", "source"))
    for word, kind, _ in rows:
        if kind not in KINDS:
            raise PipelineError(f"pipeline/data/unnumbered_headings.tsv: the row of {word!r} "
                                f"has value {kind!r}; the value must be one of {list(KINDS)}")
    return ({word: kind for word, kind, _ in rows if kind != "prefix"},
            tuple(word for word, kind, _ in rows if kind == "prefix"))


def unnumbered_title(text: str) -> tuple[str, str] | None:
    """The title of a line that is an unnumbered heading by its words (``【まとめ】`` →
    ``まとめ``, ``本章のポイント`` → itself) and its word's kind, else None."""
    title = text.strip().lstrip(BULLET_MARKS).strip()
    for pair in BRACKETS:
        if len(title) > 2 and title[0] == pair[0] and title[-1] == pair[1]:
            title = title[1:-1].strip()
            break
    words, prefixes = heading_words()
    core = title if title in words else next(
        (title[len(p):] for p in prefixes if title.startswith(p)), title)
    return (title, words[core]) if core in words else None


def glued_unnumbered_at(text: str, after: SourceLine | None) -> int | None:
    """Where a heading word glued to the end of a sentence starts (one-paragraph-per-line
    text that lost a line break: ``…巻末データ10を参照。まとめ``), or None: the line's
    tail after its last sentence end is one of the words (``unnumbered_title``) and the
    line ``after`` it is running text."""
    text = text.rstrip()
    cut = text.rfind("。") + 1
    if (0 < cut < len(text) and unnumbered_title(text[cut:]) is not None
            and opens_running_text(after, 0)):
        return cut
    return None


def unnumbered_headings(lines: Sequence[SourceLine], width: int,
                        wrapped: bool) -> dict[LineKey, tuple[str, str]]:
    """Line key → title and kind of each line of text (no type) that is an unnumbered
    heading: its words (``unnumbered_title``), standing alone, running text next."""
    found: dict[LineKey, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        if line.hint or line.size is not None:
            continue
        heading = unnumbered_title(line.text)
        if heading is None or not stands_alone(lines, i, wrapped):
            continue
        after = next((ln for ln in lines[i + 1:] if not ln.hint), None)
        if opens_running_text(after, width):
            found[line_key(line)] = heading
    return found


def opens_running_text(line: SourceLine | None, width: int) -> bool:
    """``line`` is running text (``numbering.is_running_text``), not a list's item."""
    return (line is not None and is_running_text(line, width, None)
            and not line.text.strip().startswith(LIST_MARKS))


def stands_alone(lines: Sequence[SourceLine], i: int, wrapped: bool) -> bool:
    """One paragraph per line: always. Wrapped text: the line ends its printed line (a
    space after it) and the line before, if any, ended its paragraph the same way."""
    if not wrapped:
        return True
    before = next((ln for ln in reversed(lines[:i]) if not ln.hint), None)
    return lines[i].text.endswith(" ") and (before is None or before.text.endswith(" "))


def unnumbered_level(open_levels: Sequence[int], kind: str) -> int:
    """One below the innermost open 章 or 節 (2 under a chapter alone or none); a
    chapter's closing words (``closing``) one below the 章."""
    deepest = 1 if kind == "closing" else MAX_OUTER_LEVEL
    outer = [level for level in open_levels if level <= deepest]
    return max(outer, default=1) + 1


@cache
def chapter_label() -> re.Pattern[str]:
    """A chapter's label printed with no 第N章 (``序章``, ``補章2``: the words of
    ``pipeline/data/chapter_labels.tsv``), a number after it or not, alone or with its
    title after white space."""
    words = "|".join(map(re.escape, word_list("chapter_labels")))
    return re.compile(rf"^(?P<label>(?:{words})(?P<num>[0-9０-９]{{1,2}})?)"
                      rf"(?:[ \u3000]+(?P<title>\S.*))?$")


def match_chapter_label(text: str) -> HeadingMatch | None:
    """The level-1 heading a stripped line is when it opens with a chapter label outside
    the chapters' numbering (``序章　人口減少社会の到来``, ``補章2``; ordinal 0: it
    continues no numbering); its title must be a title (short, no sentence)."""
    found = chapter_label().match(text)
    if found is None:
        return None
    title = (found.group("title") or "").strip()
    if title and not is_heading_title(title):
        return None
    number = str(int(ascii_digits(found.group("num")))) if found.group("num") else ""
    return HeadingMatch(1, found.group("label"), number, 0, title)
