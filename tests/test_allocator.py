"""``run.build.use_system_allocator``: the command line gives Arrow the C library's malloc
(mimalloc kept freed pages, which every process forked after the corpus steps carried),
unless ``ARROW_DEFAULT_MEMORY_POOL`` already names a pool."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# The pool of a process that runs the command line's main, then imports pyarrow.
SCRIPT = ("import contextlib, io\n"
          "from pipeline.__main__ import main\n"
          "with contextlib.redirect_stdout(io.StringIO()):\n"
          "    main(['list'])\n"
          "import pyarrow\n"
          "print(pyarrow.default_memory_pool().backend_name)\n")


@pytest.mark.parametrize(("asked", "pool"), [(None, "system"), ("mimalloc", "mimalloc"),
                                             ("system", "system")])
def test_arrow_s_pool_is_malloc_unless_one_is_named(asked: str | None, pool: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if asked is not None:
        env["ARROW_DEFAULT_MEMORY_POOL"] = asked
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.split() == [pool]
