"""The grammar of figure and table caption labels, read from ``pipeline/data/caption_labels.tsv``.

One grammar serves the structure stage (is a line a caption?) and the PDF adapter (which
labels on a page name a ruled table), so the two never disagree. Label templates
(``第{number}{kind}``, ``図表{number}``, ``{kind}{number}``), kind words (図 → figure,
表 → table), Roman numerals, hyphens, marks before a label and separators after it are
rows of the file; ASCII and full-width digits are read here. ``{number}`` is two parts
or more (``1-2-1``); ``{part}`` one (``付表3``), for labels whose fixed text says they
are captions. A label ``number`` is
normalised to ASCII digits joined by ``-``, Roman numerals converted to their value
(``第Ⅲ-1-4-1図`` → ``3-1-4-1``); the label itself is kept as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline.common.lexicons import data_text, parse_rows
from pipeline.common.text import ascii_digits
from pipeline.errors import PipelineError

GRAMMAR_FILE = "pipeline/data/caption_labels.tsv"
COLUMNS = ("value", "element", "meaning", "source")
ELEMENTS = ("label", "kind", "roman", "hyphen", "mark", "separator")
KINDS = ("figure", "table")
DIGITS = "[0-9０-９]{1,3}"
SPACE = "[ \u3000]"


@dataclass(frozen=True)
class LabelForm:
    """One label template as a regular expression (groups ``number`` and, where the
    template has one, ``kind``), and the kind it gives when it has no kind word."""

    template: str
    pattern: str
    kind: str | None


@dataclass(frozen=True)
class CaptionGrammar:
    forms: tuple[LabelForm, ...]
    kind_words: dict[str, str]      # 図 → figure
    romans: dict[str, int]          # Ⅲ → 3
    hyphens: str
    marks: str
    separators: str

    def part(self) -> str:
        """One part of a number: digits or a Roman numeral of the grammar (one character,
        ``Ⅲ``, or letters, ``III``: the longest tried first)."""
        romans = sorted(self.romans, key=lambda r: (-len(r), r))
        return f"(?:{DIGITS}|{'|'.join(map(re.escape, romans))})" if romans else f"(?:{DIGITS})"

    def number(self) -> str:
        part = self.part()
        return f"{part}(?:[{re.escape(self.hyphens)}]{part})+"

    def label(self, kinds: tuple[str, ...] = KINDS) -> str:
        """A label of one of ``kinds`` (named groups: ``l<i>`` the label, ``n<i>`` its
        number, ``k<i>`` its kind word, per form ``i``)."""
        return self.any_label if kinds == KINDS else self._label(kinds)

    @cached_property
    def any_label(self) -> str:
        """``label()`` of every kind, made once per grammar: the PDF adapter asks for it
        for each caption it reads (making it cost ~70 µs, and ``re`` then hashed the new
        1,400-character string to find its compiled pattern)."""
        return self._label(KINDS)

    def _label(self, kinds: tuple[str, ...]) -> str:
        options = []
        for i, form in enumerate(self.forms):
            words = [w for w, k in self.kind_words.items() if k in kinds]
            if form.kind is not None and form.kind not in kinds or not words:
                continue
            pattern = (form.pattern.replace("(?P<number>", f"(?P<n{i}>")
                       .replace("(?P<kind>", f"(?P<k{i}>")
                       .replace("KIND", "|".join(map(re.escape, words))))
            options.append(f"(?P<l{i}>{pattern})")
        return "|".join(options)

    def starts(self) -> str:
        """Characters a caption line can start with (besides white space)."""
        firsts = {form.template[0] for form in self.forms if form.template[0] != "{"}
        if any(form.template.startswith("{kind}") for form in self.forms):
            firsts |= set(self.kind_words)
        if any(form.template.startswith(("{number}", "{part}")) for form in self.forms):
            firsts |= set("0123456789０１２３４５６７８９") | set(self.romans)
        return "".join(sorted(firsts)) + self.marks

    @cached_property
    def _hyphen(self) -> re.Pattern[str]:
        return re.compile(f"[{re.escape(self.hyphens)}]")

    def normalise(self, number: str) -> str:
        """``３－１`` → ``3-1``; ``Ⅲ-1-4-1`` → ``3-1-4-1``."""
        parts = self._hyphen.split(ascii_digits(number).strip())
        return "-".join(str(self.romans[p]) if p in self.romans else str(int(p))
                        for p in (p.strip() for p in parts))


def _form(template: str, kind: str | None, where: str) -> LabelForm:
    if "{number}" not in template and "{part}" not in template:
        raise PipelineError(f"{where}: label {template!r} has no {{number}}; "
                            "write the template with {number} where the digits stand")
    pattern = ""
    for piece in re.split(r"(\{number\}|\{part\}|\{kind\})", template):
        if piece == "{number}":
            pattern += f"{SPACE}?(?P<number>NUMBER){SPACE}?"
        elif piece == "{part}":
            pattern += f"{SPACE}?(?P<number>PART){SPACE}?"
        elif piece == "{kind}":
            pattern += "(?P<kind>KIND)"
        elif piece:
            pattern += re.escape(piece)
    return LabelForm(template, pattern, kind)


def parse_grammar(text: str, where: str = GRAMMAR_FILE) -> CaptionGrammar:
    """The grammar in a ``caption_labels.tsv`` text, checked: known elements, kinds and
    numbers."""
    forms: list[LabelForm] = []
    values: dict[str, dict[str, str]] = {e: {} for e in ELEMENTS}
    for value, element, meaning, _ in parse_rows(text, where, COLUMNS):
        if element not in ELEMENTS:
            raise PipelineError(f"{where}: {value!r}: element {element!r} is not one of "
                                f"{', '.join(ELEMENTS)}")
        if element in ("label", "kind") and meaning not in (*KINDS, "by_kind_word"):
            raise PipelineError(f"{where}: {value!r}: meaning {meaning!r} is not figure, "
                                "table or by_kind_word")
        if element == "roman" and not meaning.isdigit():
            raise PipelineError(f"{where}: {value!r}: a roman numeral's meaning is its "
                                f"value in digits, not {meaning!r}")
        if element == "label":
            forms.append(_form(value, None if meaning == "by_kind_word" else meaning, where))
        values[element][value] = meaning
    if not forms or not values["kind"] or not values["hyphen"]:
        raise PipelineError(f"{where}: needs at least one label, kind and hyphen row")
    grammar = CaptionGrammar(tuple(forms), values["kind"],
                             {k: int(v) for k, v in values["roman"].items()},
                             "".join(values["hyphen"]), "".join(values["mark"]),
                             "".join(values["separator"]))
    number, part = grammar.number(), grammar.part()
    return CaptionGrammar(tuple(LabelForm(f.template, f.pattern.replace("NUMBER", number)
                                          .replace("PART", part), f.kind)
                                for f in grammar.forms),
                          grammar.kind_words, grammar.romans, grammar.hyphens,
                          grammar.marks, grammar.separators)


@cache
def caption_grammar() -> CaptionGrammar:
    """The project's grammar (read once per process)."""
    return parse_grammar(data_text("caption_labels"))


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    label: str     # as printed, white space inside taken out
    number: str    # normalised
    end: int       # where the label ends in the text


def read_label(found: re.Match[str], grammar: CaptionGrammar) -> Label:
    """The label a match of ``grammar.label()`` holds."""
    i = next(int(name[1:]) for name, value in found.groupdict().items()
             if name.startswith("l") and value is not None)
    form = grammar.forms[i]
    kind = form.kind or grammar.kind_words[found.group(f"k{i}")]
    label = re.sub(r"\s+", "", found.group(f"l{i}"))
    return Label(kind, label, grammar.normalise(found.group(f"n{i}")), found.end(f"l{i}"))
