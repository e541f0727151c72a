"""Japanese white papers (白書) → clean datasets and a bilingual glossary.

The notebook face: ``load(name, chapter=None)`` returns a dataset as a DataFrame and
``datasets()`` lists what exists. Heavy imports happen inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["load", "datasets"]


def load(name: str, chapter: str | None = None) -> pd.DataFrame:
    """Load dataset ``name`` (all chapters, or one) from ``output/`` as a DataFrame."""
    from pipeline.publish.combined import load_dataset

    return load_dataset(name, chapter)


def datasets() -> pd.DataFrame:
    """What exists in ``output/``: one row per dataset with a one-line description."""
    from pipeline.publish.combined import list_datasets

    return list_datasets()
