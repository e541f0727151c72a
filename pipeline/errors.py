"""The one error type the command line turns into a one-line message and exit code 2."""

from __future__ import annotations


class PipelineError(Exception):
    """Bad input or a broken contract: the message names the file, the place and the fix."""
