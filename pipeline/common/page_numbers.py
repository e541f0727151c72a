"""A printed page number alone on its line (``12``, ``－ 12 －``, ``- 3 -``): one to four
digits, half or full width, with at most one dash on each side. One pattern for the
pdf-text adapter and the PDF adapter's furniture, so that both read a page's number the
same way."""

from __future__ import annotations

import re

PAGE_NUMBER = re.compile(r"^\s*[-－‐—]?\s*[0-9０-９]{1,4}\s*[-－‐—]?\s*$")
