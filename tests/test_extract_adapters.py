"""``formats.load_adapters``: what a build imports before it forks its workers."""

from __future__ import annotations

import subprocess
import sys

from pipeline.config import FORMATS
from pipeline.extract.formats import ADAPTERS


def imported_after(formats: list[str]) -> set[str]:
    """The top-level packages a fresh interpreter holds after ``load_adapters``."""
    code = ("import sys; from pipeline.extract.formats import load_adapters; "
            f"load_adapters({formats!r}); print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return {name.split(".")[0] for name in out.split()}


def test_every_registered_format_has_its_adapter() -> None:
    assert set(ADAPTERS) == set(FORMATS)


def test_text_formats_leave_the_pdf_libraries_unimported() -> None:
    held = imported_after(["html-text", "pdf-text"])
    assert "pdfplumber" not in held and "pypdfium2" not in held


def test_the_pdf_adapter_brings_its_libraries() -> None:
    held = imported_after(["pdf"])
    assert {"pdfplumber", "pypdfium2", "pdfminer"} <= held
