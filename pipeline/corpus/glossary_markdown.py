"""The bilingual Markdown table of the glossary (``output/glossary.md``)."""

from __future__ import annotations

import json

import pandas as pd

_MD_COLUMNS = (("term_ja", "用語"), ("acronym", "略語"), ("english", "English"),
               ("reading", "読み"), ("romaji", "Romaji"), ("category", "種別"),
               ("frequency", "出現数"), ("chapters", "章"))


def to_markdown(glossary: pd.DataFrame) -> str:
    """A bilingual Markdown table of the glossary, in its (reading) order; ``|`` escaped."""
    lines = ["# Glossary / 用語集", "",
             "| " + " | ".join(title for _, title in _MD_COLUMNS) + " |",
             "| " + " | ".join("---" for _ in _MD_COLUMNS) + " |"]
    for record in glossary.to_dict("records"):
        cells = []
        for column, _ in _MD_COLUMNS:
            value = record[column]
            if column == "chapters":
                value = ", ".join(json.loads(value))
            cells.append(md_cell(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def md_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|")
