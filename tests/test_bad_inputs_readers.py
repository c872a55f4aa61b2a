"""Bad inputs the readers must survive: a ReaderError naming what was wrong and where, or a
clean result; never another exception, and work and memory bounded by the input."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from archref.cli import main
from archref.readers import ReaderError, read_string
from archref.readers.csljson import LABEL_LIMIT, MAX_DEPTH, check_depth
from work import assert_linear, calls


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


def refused(text: str) -> ReaderError | None:
    """The error reading ``text`` as CSL-JSON raises, or None."""
    try:
        read_string(text, "csl-json")
    except ReaderError as exc:
        return exc
    return None


def peak_memory(fn: Callable[[], object]) -> int:
    """The peak of the memory ``fn`` allocates, in bytes (counted, not timed)."""
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# ---------------------------------------------------------------- JSON nesting

DEEP_ARRAYS = "[" * 100_000 + "]" * 100_000
DEEP_OBJECTS = '[{"id": "x", "note": ' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "}]"


def test_format_refuses_deep_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.json"
    path.write_text(DEEP_ARRAYS, encoding="utf-8")
    status, out, err = run(["format", str(path)], capsys)
    assert status != 0 and out == ""
    assert f"more than {MAX_DEPTH} deep" in err
    assert f"line 1, column {MAX_DEPTH + 1}" in err
    assert "Traceback" not in err


def test_format_refuses_a_number_too_long_for_an_int(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "number.json"
    path.write_text('[{"id": ' + "1" * 5000 + "}]", encoding="utf-8")
    status, _, err = run(["format", str(path)], capsys)
    assert status != 0 and "not CSL-JSON" in err


@pytest.mark.parametrize("command", ["check", "fix"])
def test_check_and_fix_refuse_deep_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "deep.json"
    path.write_text(DEEP_OBJECTS, encoding="utf-8")
    status, _, err = run([command, str(path)], capsys)
    assert status == 2
    assert f"{path}:1:" in err and f"more than {MAX_DEPTH} deep" in err
    assert path.read_text(encoding="utf-8") == DEEP_OBJECTS


@pytest.mark.parametrize("text", [DEEP_ARRAYS, DEEP_OBJECTS], ids=["arrays", "objects"])
def test_reader_refuses_deep_nesting_before_the_work(text: str) -> None:
    with pytest.raises(ReaderError, match=f"more than {MAX_DEPTH} deep") as info:
        read_string(text, "csl-json", path="deep.json")
    assert info.value.line == 1 and info.value.column is not None
    assert text[info.value.column - 1] in "[{"
    # refused at the bracket past the limit: the work is that of MAX_DEPTH levels
    assert calls(refused, text) < 60 * MAX_DEPTH


def test_the_limit_itself_is_read() -> None:
    inner = "[" * (MAX_DEPTH - 2) + '"deep"' + "]" * (MAX_DEPTH - 2)
    text = '[{"id": "x", "note": ' + inner + "}]"
    (chunk,) = read_string(text, "csl-json").chunks
    assert chunk.text == "deep"
    check_depth(text)
    with pytest.raises(ReaderError, match="more than"):
        read_string("[" + text + "]", "csl-json")
    with pytest.raises(ReaderError, match="more than"):
        check_depth("[" + text + "]")


def test_check_depth_position_and_strings() -> None:
    # brackets in strings, escaped quotes included, do not count
    text = '["[[[[\\"[[[", {"a":\n  [[[1]]]}]'
    check_depth(text, limit=5)
    with pytest.raises(ReaderError) as info:
        check_depth(text, "refs.json", limit=4)
    assert (info.value.path, info.value.line, info.value.column) == ("refs.json", 2, 5)
    assert "the limit" in str(info.value) and "4" in info.value.message
    check_depth('["unclosed [[[[[[[[[[', limit=2)  # json.loads reports the string


@pytest.mark.parametrize(
    "make",
    [
        lambda k: "[" * min(k, 900) + "]" * min(k, 900) + '["[", "]", {}]' * k,
        lambda k: '"' + '\\"[' * k,  # a string never closed, escaped quotes in it
        lambda k: "[" * k + "]" * k,  # refused at the limit
    ],
    ids=["mixed", "unclosed-string", "deep"],
)
def test_check_depth_linear(make: Callable[[int], str]) -> None:
    def check(text: str) -> object:
        try:
            check_depth(text)
        except ReaderError as exc:
            return exc.column
        return None

    assert_linear(check, make, 2000)


def nested_item(depth: int, key: str = "a") -> str:
    """An item nested ``depth`` objects deep, a string value at every level."""
    return (
        '[{"id": "x", '
        + f'"{key}": {{"v": "RGASPI", ' * depth
        + f'"{key}": "end"'
        + "}" * depth
        + "}]"
    )


def test_csl_json_depth_linear() -> None:
    counted = assert_linear(lambda t: len(read_string(t, "csl-json").chunks), nested_item, 90)
    assert counted.result_10n == 901


def test_csl_json_memory_linear_in_the_text() -> None:
    # long keys down a deep path: every label would hold the whole path
    text = nested_item(MAX_DEPTH - 2, key="k" * 300)
    doc = read_string(text, "csl-json")
    assert len(doc.chunks) == MAX_DEPTH - 1
    assert max(len(c.label or "") for c in doc.chunks) == LABEL_LIMIT
    assert doc.chunks[-1].label is not None and doc.chunks[-1].label.endswith("…")
    assert doc.chunks[0].label == "k" * (LABEL_LIMIT - 1) + "…"
    peak = peak_memory(lambda: read_string(text, "csl-json"))
    assert peak < 40 * len(text), (peak, len(text))


def test_short_labels_are_kept() -> None:
    text = '[{"id": "x", "author": [{"family": "Stalin"}], "issued": {"date-parts": [[1950]]}}]'
    (chunk,) = read_string(text, "csl-json").chunks
    assert chunk.label == "author[0].family"
