"""Work counted, not timed: how many function calls a call makes, and whether that grows linearly.

A test that times a call fails on a busy machine and passes a quadratic scan on a fast one.
These helpers count the calls instead (Python functions and the built-in and regular
expression methods they call), under :mod:`cProfile`, which gives the same count on every
machine:

* :func:`calls` counts the calls one call of ``fn`` makes;
* :func:`assert_linear` counts them at size ``n`` and ``10 n`` and fails if ten times the
  input made more than eleven times the calls (plus a small constant), naming the
  functions whose count grew the most.

What is not counted: the steps a regular expression engine takes inside one search. A
backtracking pattern shows only when a test also checks the result or bounds the input a
pattern sees.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from typing import Any, NamedTuple

#: Ten times the input may make this many times the calls, plus :data:`SLACK`.
GROWTH = 11
#: Calls allowed beyond ``GROWTH`` times the count at ``n`` (first-use tables, a last window).
SLACK = 200

_Key = tuple[str, int, str]


def profile(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[_Key, int]:
    """Calls made while ``fn(*args, **kwargs)`` runs, per function (file, line, name).

    Every call counts, recursive ones too; an exception raised by ``fn`` is raised again
    after counting stops.
    """
    profiler = cProfile.Profile(builtins=True)
    profiler.enable()
    try:
        fn(*args, **kwargs)
    finally:
        profiler.disable()
    stats: dict[_Key, tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    return {key: row[1] for key, row in stats.items()}


def calls(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """How many calls ``fn(*args, **kwargs)`` makes (the call itself included)."""
    return sum(profile(fn, *args, **kwargs).values())


def _name(key: _Key) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    return f"{name} ({filename.rsplit('/', 1)[-1]}:{line})"


def growth(small: dict[_Key, int], large: dict[_Key, int], top: int = 5) -> str:
    """The functions whose counts grew the most from ``small`` to ``large``, for a message."""
    rows = sorted(large, key=lambda k: large[k] - GROWTH * small.get(k, 0), reverse=True)
    return "; ".join(
        f"{_name(k)}: {small.get(k, 0)} -> {large[k]}"
        for k in rows[:top]
        if large[k] > GROWTH * small.get(k, 0)
    )


class Repeated(NamedTuple):
    """``head + unit * k + then * k + tail``: a pathological input at any size ``k``.

    ``times`` is the size a test used to time (the input at ``10 n``: ``n`` is ``times // 10``).
    """

    unit: str
    times: int
    head: str = ""
    tail: str = ""
    then: str = ""

    def __call__(self, k: int) -> str:
        return self.head + self.unit * k + self.then * k + self.tail

    def text(self) -> str:
        """The input at its full size."""
        return self(self.times)

    def label(self) -> str:
        """A short name for a test id."""
        return f"{(self.head + self.unit)[:12]!r}x{len(self.text())}"


class Counted(NamedTuple):
    """Calls made at size ``n`` and ``10 n``, and what ``fn`` returned at each."""

    at_n: int
    at_10n: int
    result_n: Any
    result_10n: Any


def assert_linear(
    fn: Callable[[Any], object],
    make_input: Callable[[int], Any],
    n: int,
    *,
    slack: int = SLACK,
) -> Counted:
    """Fail if ``fn(make_input(10 * n))`` makes more than ~ten times the calls of size ``n``.

    ``fn`` runs once first on ``make_input(n // 2)`` (uncounted), so that tables built on
    first use and imports count at neither size.
    """
    fn(make_input(max(n // 2, 1)))
    results: list[object] = []
    small_input, large_input = make_input(n), make_input(10 * n)
    small = profile(lambda: results.append(fn(small_input)))
    large = profile(lambda: results.append(fn(large_input)))
    at_n, at_10n = sum(small.values()), sum(large.values())
    assert at_10n <= GROWTH * at_n + slack, (
        f"{at_n} calls at n={n}, {at_10n} at 10n ({at_10n / max(at_n, 1):.1f} times): "
        + growth(small, large)
    )
    return Counted(at_n, at_10n, results[0], results[1])
