"""A boxed column's label, shared by the PDF adapter (which box holds a column) and the
structure stage (which line opens one)."""

from __future__ import annotations

import re

# A boxed column's label: ``コラム1-1`` or ``2-11`` alone, or コラム (numbered or not)
# with its title (``コラム　スマート農業の現場から``, ``コラム１　脱炭素先行地域``)
COLUMN_LABEL = re.compile(r"^(?:(?:コラム)?[0-9０-９]{1,2}[-－][0-9０-９]{1,3}"
                          r"|コラム[0-9０-９]{0,2}(?:[-－][0-9０-９]{1,3})?[\s\u3000：:]+[^。]{1,40})$")
