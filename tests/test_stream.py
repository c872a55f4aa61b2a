"""extract_stream: a text read piece by piece gives what extract gives for the whole text."""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator

import pytest

from archref import extract
from archref.extract import extract_stream
from golden_support import cases, plain

#: The module (the name archref.extract is the function).
extract_module = importlib.import_module("archref.extract")

WHOLE_TEXTS = [c for c in cases() if c["mode"] == "text" and len(c["text"]) > 2000]


def _pieces(text: str, size: int) -> list[str]:
    return [text[k : k + size] for k in range(0, len(text), size)]


@pytest.mark.parametrize("case", WHOLE_TEXTS, ids=[c["name"] for c in WHOLE_TEXTS])
def test_lines_give_what_the_whole_text_gives(case: dict[str, object]) -> None:
    text = case["text"]
    assert isinstance(text, str)
    streamed = [plain(c) for c in extract_stream(io.StringIO(text, newline=""))]
    assert streamed == case["expected"]


@pytest.mark.parametrize("size", [1, 2, 7, 64, 4096])
def test_any_cut_into_pieces_gives_the_same(size: int) -> None:
    text = (
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.\r\n\r\nТам же. Л. 100.\n \n\n"
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72; d. 63, l. 5.\n\n"
        "See A/C.1/218 and S/RES/82 (1950).\n\nIbid., l. 7.\n"
        'Stueck, William, "The Korean War," in Cold War History (Princeton, 1997), 5.\n'
    )
    expected = [plain(c) for c in extract(text)]
    assert len(expected) >= 7
    assert [plain(c) for c in extract_stream(_pieces(text, size))] == expected


def test_old_mac_line_ends_are_paragraphs_too() -> None:
    text = "RGASPI, f. 17, op. 3, d. 1, l. 5.\r\rIbid., l. 6.\r"
    expected = [plain(c) for c in extract(text)]
    assert [plain(c) for c in extract_stream(_pieces(text, 5))] == expected


def test_citations_come_before_the_text_is_read_to_its_end() -> None:
    read = 0

    def pieces() -> Iterator[str]:
        nonlocal read
        for k in range(10_000):
            read += 1
            yield f"RGASPI, f. 17, op. 3, d. {k + 1}, l. 5.\n\n"

    first = next(iter(extract_stream(pieces())))
    assert str(first.reference) == "RGASPI, f. 17, op. 3, d. 1, l. 5"
    assert read <= 2  # one paragraph held, not the book


def test_a_paragraph_longer_than_the_limit_is_cut_out_of_reach_of_references(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extract_module, "STREAM_PARAGRAPH_LIMIT", 20_000)
    prose = "The delegates met and agreed on nothing at all that week. " * 100
    note = "RGASPI, f. 17, op. 3, d. 1, l. 5; d. 2, l. 7. "
    text = (note + prose) * 12  # 75,000 characters, no blank line
    expected = [plain(c) for c in extract(text)]
    assert len(expected) == 24
    read = 0

    def pieces() -> Iterator[str]:
        nonlocal read
        for piece in _pieces(text, 1000):
            read += 1
            yield piece

    streamed = extract_stream(pieces())
    first = next(streamed)
    assert read < 40  # cut before the end: the paragraph is not held whole
    assert [plain(first), *(plain(c) for c in streamed)] == expected


def test_without_a_quiet_place_the_paragraph_is_cut_at_white_space(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extract_module, "STREAM_PARAGRAPH_LIMIT", 200)
    text = "RGASPI, f. 17, op. 3, d. 1, l. 5. " * 40  # references packed, no gap
    found = list(extract_stream(_pieces(text, 50)))
    assert found  # read, in pieces, with exact spans
    assert all(text[c.start : c.end] == c.text for c in found)


def test_pieces_must_be_strings() -> None:
    with pytest.raises(TypeError, match="str pieces, not bytes"):
        list(extract_stream([b"RGASPI, f. 1"]))  # type: ignore[list-item]


@pytest.mark.parametrize("bad", [None, 5, b"RGASPI, f. 1, op. 2"])
def test_what_is_not_text_is_refused_at_the_call(bad: object) -> None:
    with pytest.raises(TypeError, match="'pieces' must be an iterable of str"):
        extract_stream(bad)  # type: ignore[arg-type]


def test_a_whole_text_is_one_piece() -> None:
    text = "RGASPI, f. 17, op. 3, d. 1, l. 5.\n\nIbid., l. 6."
    assert [plain(c) for c in extract_stream(text)] == [plain(c) for c in extract(text)]
