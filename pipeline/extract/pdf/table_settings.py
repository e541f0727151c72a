"""Settings of the PDF table finder (``tables.find_page_tables``), as one validated
frozen dataclass: the caption labels, what counts as a rule, pdfplumber's tolerances,
what counts as a table, how cell text is read, how far a table may run on to the next
page, and the finder of tables ruled across only (``hrule_tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from pipeline.common.caption_grammar import caption_grammar
from pipeline.errors import PipelineError
from pipeline.extract.pdf.hrule_tables import HRuleSettings

# a filled path of this many points at most (four corners and the closing point), no
# thicker than ``rule_max_thickness``, is drawn as a rule (``tables.is_thin_quad``)
THIN_QUAD_POINTS = 5

# (field, low, high): the open-closed range each number must lie in.
_RANGES: dict[str, tuple[float, float]] = {
    "rule_max_thickness": (0.0, 10.0), "snap_tolerance": (0.0, 20.0),
    "join_tolerance": (0.0, 20.0), "intersection_tolerance": (0.0, 20.0),
    "min_rows": (1.0, 100.0), "min_cols": (1.0, 100.0), "space_gap": (0.0, 5.0),
    "line_overlap": (0.0, 1.0), "continue_band": (0.0, 0.5), "marker_max_ratio": (0.0, 1.0),
    "min_region": (0.0, 1000.0), "hrule_end_tolerance": (0.0, 50.0),
    "hrule_column_gap": (0.0, 20.0), "hrule_min_columns": (1.0, 100.0),
}
_WHOLE = ("min_rows", "min_cols", "hrule_min_columns")


@dataclass(frozen=True)
class TableFinderSettings:
    """Settings of ``find_page_tables``; every value is checked in ``__post_init__``."""

    # labels of the caption grammar (pipeline/data/caption_labels.tsv): 第１-２-３表, 表1-1-1, 図表1-1
    caption_pattern: str = caption_grammar().label()
    rule_max_thickness: float = 2.0   # pt: a filled rectangle this thin is a ruled line
    snap_tolerance: float = 3.0       # pt: rules this close are one rule (pdfplumber)
    join_tolerance: float = 3.0       # pt: collinear rules this close are joined
    intersection_tolerance: float = 3.0
    min_rows: int = 2                 # fewer rows with text: not a table
    min_cols: int = 2                 # fewer columns with text: not a table
    space_gap: float = 0.25           # em: a wider gap between Latin glyphs is a space
    line_overlap: float = 0.5         # share of glyph height two glyphs overlap on a line
    marker_max_ratio: float = 0.9     # a raised glyph this small × the line is a marker
    continue_band: float = 0.25       # share of page height at the foot (and head) where
    #                                   a table may run on to (from) another page
    min_region: float = 20.0          # pt: text strategy only in a taller space between
    #                                   a caption and the next one (or the page foot)
    hrule_end_tolerance: float = 6.0  # pt: rules across whose ends differ by less stand
    #                                   in one table ruled across only (``hrule_tables``)
    hrule_column_gap: float = 1.5     # em: a wider gap no data row crosses parts columns
    hrule_min_columns: int = 2        # fewer column positions between rules across:
    #                                   no table; two need a one-line header over both
    #                                   and no word across them (not a page's columns)

    def __post_init__(self) -> None:
        try:
            re.compile(self.caption_pattern)
        except re.error as err:
            raise PipelineError(f"TableFinderSettings.caption_pattern="
                                f"{self.caption_pattern!r}: not a regular expression ({err}); "
                                "pass a valid pattern such as the default") from err
        for f in fields(self):
            if f.name == "caption_pattern":
                continue
            value = getattr(self, f.name)
            whole = f.name in _WHOLE
            if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
                kind = "a whole number" if whole else "a number"
                raise PipelineError(f"TableFinderSettings.{f.name}={value!r}: must be {kind}; "
                                    f"the default is {f.default!r}")
            low, high = _RANGES[f.name]
            if not (low <= value <= high if whole else low < value <= high):
                raise PipelineError(f"TableFinderSettings.{f.name}={value!r}: must lie in "
                                    f"({low}, {high}]; the default is {f.default!r}")

    def finder_settings(self, strategy: str) -> dict[str, Any]:
        return {"vertical_strategy": strategy, "horizontal_strategy": strategy,
                "snap_tolerance": self.snap_tolerance, "join_tolerance": self.join_tolerance,
                "intersection_tolerance": self.intersection_tolerance}

    def hrule_settings(self) -> HRuleSettings:
        return HRuleSettings(self.hrule_end_tolerance, self.hrule_column_gap,
                             self.hrule_min_columns, self.snap_tolerance,
                             self.rule_max_thickness, self.line_overlap)
