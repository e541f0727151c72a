"""``run.build.in_background``: a step after the chapters run in a forked process gives
its result, or its error, as running it here would; with one usable core it runs here."""

from __future__ import annotations

import os

import pytest

from pipeline.run import build


@pytest.mark.parametrize("cores", [1, 2])
def test_the_result_is_the_function_s(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr(build, "default_jobs", lambda: cores)
    with build.in_background(divmod, 47, 5) as result:
        assert result() == (9, 2)


@pytest.mark.parametrize("cores", [1, 2])
def test_the_error_is_raised_where_the_result_is_asked(monkeypatch: pytest.MonkeyPatch,
                                                        cores: int) -> None:
    monkeypatch.setattr(build, "default_jobs", lambda: cores)
    with build.in_background(int, "四十七") as result, \
            pytest.raises(ValueError, match="四十七"):
        result()


def test_it_runs_in_another_process_when_a_second_core_is_usable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "default_jobs", lambda: 2)
    with build.in_background(os.getpid) as pid:
        assert pid() != os.getpid()
    monkeypatch.setattr(build, "default_jobs", lambda: 1)
    with build.in_background(os.getpid) as pid:
        assert pid() == os.getpid()


@pytest.mark.parametrize("cores", [1, 2])
def test_a_step_of_its_own_runs_in_another_process_whatever_the_cores(
        monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr(build, "default_jobs", lambda: cores)
    with build.in_own_process(os.getpid) as pid:
        assert pid() != os.getpid()
    with build.in_own_process(divmod, 47, 5) as result:
        assert result() == (9, 2)


def test_a_step_of_its_own_raises_its_error_where_the_result_is_asked() -> None:
    with build.in_own_process(int, "四十七") as result, pytest.raises(ValueError, match="四十七"):
        result()
