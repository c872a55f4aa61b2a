"""Every adversarial input of the benchmarks costs linear work: counted in calls, not timed.

The inputs are those of ``bench/texts.py`` (:data:`ADVERSARIAL`), each a unit repeated:
``archref.extract`` and every finder read each at ``n`` and ``10 n`` characters, and ten
times the text may make at most eleven times the calls (see ``tests/work.py``). The finders
are also read directly, without the scanning core that keeps most of these inputs from
them, so that a finder's own growth shows. Runs of one repeated unit of each notation
(:data:`REPEATED_UNITS`: a fond's label and number, a record group, a piece...) are read
the same ways, and by ``archref check`` on a file.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import archref
from archref.cli import main
from archref.notations import barch, fonds, nara, published, signature, tna, un
from work import assert_linear


def _bench_texts() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bench" / "texts.py"
    spec = importlib.util.spec_from_file_location("bench_texts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


texts = _bench_texts()
ADVERSARIAL: list[tuple[str, str]] = texts.ADVERSARIAL

#: Characters at the smaller size: a paragraph longer than the scanning core's one window
#: (``archref.scan.MAX_WINDOW``), so that both sizes are cut into windows the same way.
EXTRACT_N = 5_000
#: Characters at the smaller size for a finder read directly.
FINDER_N = 2_000

FINDERS: dict[str, Callable[[str], list[object]]] = {
    "fonds": lambda text: list(fonds.Scanner(text).find()),
    "un": lambda text: list(un.find(text)),
    "published": lambda text: list(published.find(text)),
    "tna": lambda text: list(tna.find(text)),
    "nara": lambda text: list(nara.find(text)),
    "barch": lambda text: list(barch.find(text)),
    "signature": lambda text: list(signature.find(text)),
}


def _sized(unit: str) -> Callable[[int], str]:
    """The unit repeated to exactly ``size`` characters."""
    return lambda size: texts.adversarial(unit, size)[:size]


def _proportional(small: list[object], large: list[object]) -> None:
    """Ten times the text holds about ten times the matches (a cut unit at the end aside)."""
    assert len(large) <= 10 * len(small) + 10, (len(small), len(large))
    assert len(large) >= 10 * len(small) - 10, (len(small), len(large))


def test_every_adversarial_input_is_here() -> None:
    names = [name for name, _ in ADVERSARIAL]
    assert len(names) == len(set(names)) >= 20
    for unit in ('"A," in ', "Moscow, 1995. ", "pp. 1-2, ", "A/C.1/", "S/RES/1 (1950), "):
        assert unit in dict(ADVERSARIAL).values()


@pytest.mark.parametrize(("name", "unit"), ADVERSARIAL, ids=[name for name, _ in ADVERSARIAL])
def test_extract_work_is_linear(name: str, unit: str) -> None:
    counted = assert_linear(archref.extract, _sized(unit), EXTRACT_N)
    _proportional(counted.result_n, counted.result_10n)


@pytest.mark.parametrize("finder", sorted(FINDERS))
@pytest.mark.parametrize(("name", "unit"), ADVERSARIAL, ids=[name for name, _ in ADVERSARIAL])
def test_finder_work_is_linear(name: str, unit: str, finder: str) -> None:
    counted = assert_linear(FINDERS[finder], _sized(unit), FINDER_N)
    _proportional(counted.result_n, counted.result_10n)


#: The inputs an issue reported as very slow, read by the finder each is aimed at, at the
#: size it reported (from 10,000 to 100,000 characters).
REPORTED_SLOW = [
    ("page ranges", "pp. 1-2, ", "published"),
    ("UN committee prefix", "A/C.1/", "un"),
    ("resolutions", "S/RES/1 (1950), ", "un"),
    ("places and years", "Moscow, 1995. ", "published"),
]


@pytest.mark.parametrize(
    ("name", "unit", "finder"), REPORTED_SLOW, ids=[name for name, _, _ in REPORTED_SLOW]
)
def test_inputs_reported_slow_cost_linear_work(name: str, unit: str, finder: str) -> None:
    counted = assert_linear(FINDERS[finder], _sized(unit), 10_000)
    _proportional(counted.result_n, counted.result_10n)


#: Runs of one repeated unit of a notation (a level, a label and its number, a symbol):
#: each unit could end one reference and begin the next, so that a reader that read the
#: whole run again from every unit in it made work growing with the square of the run.
REPEATED_UNITS = [
    ("fonds", "f. 1, "),
    ("fonds, two", "f. 1, f. 1, "),
    ("GOST fonds", "Ф. 1. Ф. 1. "),
    ("fond and opis", "f. 1, op. 2, "),
    ("fond in full", "fond 1, "),
    ("fonds after an archive", "RGASPI, f. 1, op. 2, "),
    ("record groups", "RG 59, "),
    ("pieces", "FO 371/1, "),
    ("Bestand signatures", "BArch, NY 4036/717, "),
    ("resolutions with years", "S/RES/1 (1950), "),
    ("boxes", "Box 5, "),
    ("lot files", "Lot 64 D 199, "),
    ("Albanian fonds", "AQSH, F. 14, "),
]


@pytest.mark.parametrize(("name", "unit"), REPEATED_UNITS, ids=[name for name, _ in REPEATED_UNITS])
def test_extract_reads_a_run_of_units_in_linear_work(name: str, unit: str) -> None:
    counted = assert_linear(archref.extract, _sized(unit), EXTRACT_N)
    _proportional(counted.result_n, counted.result_10n)


@pytest.mark.parametrize(("name", "unit"), REPEATED_UNITS, ids=[name for name, _ in REPEATED_UNITS])
def test_check_reads_a_file_of_a_run_of_units_in_linear_work(
    name: str, unit: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def write(size: int) -> Path:
        path = tmp_path / f"notes-{size}.txt"
        path.write_text(_sized(unit)(size) + "\n", encoding="utf-8")
        return path

    def check(path: Path) -> int:
        return main(["check", "--no-cache", str(path)])

    counted = assert_linear(check, write, EXTRACT_N)
    assert counted.result_n == counted.result_10n  # the same findings, or none, at both
    capsys.readouterr()


@pytest.mark.parametrize("finder", sorted(FINDERS))
@pytest.mark.parametrize(("name", "unit"), REPEATED_UNITS, ids=[name for name, _ in REPEATED_UNITS])
def test_finder_reads_a_run_of_units_in_linear_work(name: str, unit: str, finder: str) -> None:
    counted = assert_linear(FINDERS[finder], _sized(unit), FINDER_N)
    _proportional(counted.result_n, counted.result_10n)
