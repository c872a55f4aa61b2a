"""Bad inputs the readers must survive: a ReaderError naming what was wrong and where, or a
clean result; never another exception, and work and memory bounded by the input."""

from __future__ import annotations

import io
import random
import re
import struct
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from zipfile import ZIP_DEFLATED

import pytest

import archref
from archref.cli import main
from archref.readers import (
    Document,
    ReaderError,
    extract_document,
    read,
    read_bytes,
    read_string,
)
from archref.readers.csljson import LABEL_LIMIT, MAX_DEPTH, check_depth
from archref.readers.docx import MAX_PART
from work import assert_linear, calls, profile


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


def test_format_reads_json_nested_to_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # what check_depth lets through, json.loads reads without overflowing the stack
    path = tmp_path / "limit.json"
    path.write_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, encoding="utf-8")
    status, _, err = run(["format", str(path)], capsys)
    assert status == 1 and "expected an array of item objects" in err
    done = subprocess.run(
        [sys.executable, "-m", "archref", "format", str(path)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1 and b"expected an array of item objects" in done.stderr


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
        lambda k: "[" * min(k, MAX_DEPTH) + "]" * min(k, MAX_DEPTH) + '["[", "]", {}]' * k,
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
    n = (MAX_DEPTH - 2) // 10
    counted = assert_linear(lambda t: len(read_string(t, "csl-json").chunks), nested_item, n)
    assert counted.result_10n == 10 * n + 1


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


# ---------------------------------------------------------------- DOCX

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
    "<w:p><w:r><w:t>Stalin wrote to Molotov.</w:t></w:r>"
    '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    "<w:p><w:r><w:t>The committee (A/C.1/218) met.</w:t></w:r></w:p>"
    "</w:body></w:document>"
)
FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>RGASPI, f. 558, op. 11, d. 62, ll. 71-72.</w:t>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)
TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"/>'
)


def small_docx(
    document: str = DOCUMENT, footnotes: str | None = FOOTNOTES, method: int = ZIP_DEFLATED
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("word/document.xml", document)
        if footnotes is not None:
            z.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def read_docx_bytes(data: bytes) -> Document:
    return read_bytes(data, "docx", path="bad.docx")


def test_small_docx_reads() -> None:
    doc = read_docx_bytes(small_docx())
    assert [(c.kind, c.text) for c in doc.chunks] == [
        ("body", "Stalin wrote to Molotov."),
        ("body", "The committee (A/C.1/218) met."),
        ("footnote", "RGASPI, f. 558, op. 11, d. 62, ll. 71-72."),
    ]


#: XML that inflates without calling a handler: the bomb tests measure the inflating
FILLER = b"<!-- " + b"=" * 1000 + b" -->"


def repeated_part(name: str, unit: bytes, size: int) -> tuple[bytes, int]:
    """A .docx whose ``name`` is ``unit`` repeated to ``size`` bytes, written a piece at a
    time (the test never holds the inflated part); and the offset of its local header."""
    out = io.BytesIO()
    piece = unit * (1024 * 1024 // len(unit))
    with zipfile.ZipFile(out, "w", ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        offset = out.tell()
        with z.open(name, "w") as member:
            member.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
            written = 0
            while written < size:
                member.write(piece)
                written += len(piece)
            member.write(b"</w:body></w:document>")
    return out.getvalue(), offset


def inflated_and_peak(data: bytes) -> tuple[ReaderError, int, int]:
    """The error reading ``data`` raises, the bytes inflated, and the peak memory used."""
    inflated = 0
    real_read = zipfile.ZipExtFile.read

    def counting_read(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        nonlocal inflated
        got = real_read(self, n)
        inflated += len(got)
        return got

    error: list[ReaderError] = []

    def read() -> None:
        with pytest.raises(ReaderError) as info:
            read_docx_bytes(data)
        error.append(info.value)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zipfile.ZipExtFile, "read", counting_read)
        peak = peak_memory(read)
    return error[0], inflated, peak


def test_docx_honest_large_part_is_refused_at_the_limit() -> None:
    data, _ = repeated_part("word/document.xml", FILLER, MAX_PART + 1024 * 1024)
    assert len(data) < MAX_PART // 100  # a bomb: small on disk
    error, inflated, peak = inflated_and_peak(data)
    assert "word/document.xml" in str(error) and str(MAX_PART) in str(error)
    assert error.path == "bad.docx"
    assert inflated <= MAX_PART + 2 * 1024 * 1024
    assert peak < 16 * 1024 * 1024, peak  # streamed: no part, no tree in memory


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """``data`` with the size of ``name`` declared as ``size`` bytes, in its local header
    and in the central directory: a lie the reader must not trust."""
    bomb = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        local = z.getinfo(name).header_offset
    assert bomb[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", bomb, local + 22, size)
    end = bomb.rindex(b"PK\x05\x06")
    at = struct.unpack_from("<I", bomb, end + 16)[0]  # the central directory
    patched = 0
    while bomb[at : at + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", bomb, at + 28)
        if bomb[at + 46 : at + 46 + n] == name.encode():
            struct.pack_into("<I", bomb, at + 24, size)
            patched += 1
        at += 46 + n + m + k
    assert patched == 1
    return bytes(bomb)


def test_docx_part_that_lies_about_its_size_is_not_inflated() -> None:
    data, _ = repeated_part("word/document.xml", FILLER, 32 * 1024 * 1024)
    bomb = declare_size(data, "word/document.xml", 1000)
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml").file_size == 1000
    error, inflated, peak = inflated_and_peak(bomb)
    assert "word/document.xml" in str(error) and error.path == "bad.docx"
    assert inflated <= 1000
    assert peak < 16 * 1024 * 1024, peak  # inflated a piece at a time, not all at once


def test_docx_part_larger_than_declared_is_refused_at_the_limit() -> None:
    # the sizes declared (small) and the data (past the limit) disagree from the start
    data, _ = repeated_part("word/document.xml", FILLER, MAX_PART + 1024 * 1024)
    bomb = declare_size(data, "word/document.xml", 0xFFFF_FFF0)
    error, inflated, peak = inflated_and_peak(bomb)
    assert str(MAX_PART) in str(error) and "word/document.xml" in str(error)
    assert inflated <= MAX_PART + 2 * 1024 * 1024
    assert peak < 16 * 1024 * 1024, peak


def test_docx_total_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from archref.readers import docx

    data = small_docx()
    monkeypatch.setattr(docx, "MAX_TOTAL", len(DOCUMENT) + 10)
    with pytest.raises(ReaderError, match=r"word/footnotes\.xml inflates past .* in all"):
        read_docx_bytes(data)


def test_docx_other_compression_is_refused() -> None:
    data = small_docx(method=zipfile.ZIP_BZIP2)
    with pytest.raises(ReaderError, match=r"word/document\.xml: compression method 12"):
        read_docx_bytes(data)


def test_docx_dtd_is_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ReaderError, match=r"word/document\.xml declares a DTD"):
        read_docx_bytes(small_docx(laughs))


def test_docx_encrypted_member() -> None:
    data = bytearray(small_docx())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flags_at] |= 1  # the "encrypted" flag
            at = data.find(signature, at + 4)
    with pytest.raises(ReaderError, match=r"word/document\.xml"):
        read_docx_bytes(bytes(data))


def test_docx_version_needed_unknown() -> None:
    data = bytearray(small_docx())
    at = data.find(b"PK\x01\x02")
    data[at + 6] = 0x63  # "version needed to extract": 9.9
    with pytest.raises(ReaderError, match=r"not a \.docx: .*zip file version 9\.9"):
        read_docx_bytes(bytes(data))


def mutations(data: bytes, seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.choice((1, 1, 2, 4))):
            at = rng.randrange(len(mutated))
            kind = rng.random()
            if kind < 0.6:
                mutated[at] = rng.randrange(256)
            elif kind < 0.8:
                mutated[at] ^= 1 << rng.randrange(8)
            elif kind < 0.9:
                del mutated[at : at + rng.randrange(1, 16)]
            else:
                mutated[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        out.append(bytes(mutated))
    return out


@pytest.mark.parametrize("method", [ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
def test_docx_mutations_read_or_raise_reader_error(method: int) -> None:
    data = small_docx(method=method)
    outcomes = {"read": 0, "refused": 0}
    for mutated in mutations(data, seed=20240607 + method, count=400):
        try:
            read_docx_bytes(mutated)
        except ReaderError as exc:
            assert exc.path == "bad.docx"
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1
    assert outcomes["read"] and outcomes["refused"]


# ---------------------------------------------------------------- wrong types


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: read_string(None, "text"),
            "read_string() argument 'text' must be str, not NoneType",
        ),
        (lambda: read_string(b"x", "text"), "argument 'text' must be str, not bytes"),
        (
            lambda: read_string("x", None),
            "read_string() argument 'format' must be str, not NoneType",
        ),
        (lambda: read_string("x", "text", path=None), "argument 'path' must be str, not NoneType"),
        (lambda: read_bytes("x", "text"), "read_bytes() argument 'data' must be bytes"),
        (lambda: read_bytes(None, "docx"), "argument 'data' must be bytes .*not NoneType"),
        (lambda: read_bytes(b"x", 1), "read_bytes() argument 'format' must be str, not int"),
        (lambda: read(None), "read() argument 'path' must be str or PathLike, not NoneType"),
        (lambda: read(b"notes.txt"), "read() argument 'path' must be str or PathLike, not bytes"),
        (lambda: read("notes.txt", 3), "read() argument 'format' must be str, not int"),
        (lambda: extract_document(None), "extract_document() argument 'doc' must be a Document"),
        (lambda: extract_document("RGASPI, f. 1"), "must be a Document (from read, .*not str"),
        (lambda: archref.from_bibtex(None), "from_bibtex() argument 'text' must be str, not None"),
        (lambda: archref.from_bibtex(b"@misc{x,}"), "argument 'text' must be str, not bytes"),
        (lambda: archref.from_csl_json(None), "from_csl_json() argument 'items' .*not NoneType"),
        (lambda: archref.from_csl_json('[{"id": "x"}]'), "argument 'items' .*not str"),
        (lambda: archref.from_csl_json({"id": "x"}), "not dict: pass a list of items"),
        (lambda: archref.from_csl_json(5), "argument 'items' .*not int"),
    ],
    ids=lambda v: "" if callable(v) else v[:40],
)
def test_wrong_types_are_type_errors(call: Callable[[], object], message: str) -> None:
    pattern = ".*".join(re.escape(part) for part in message.split(".*"))
    with pytest.raises(TypeError, match=pattern):
        call()


def test_right_types_still_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("RGASPI, f. 558\n", encoding="utf-8")
    assert read(path).chunks[0].text == "RGASPI, f. 558"
    assert read(str(path), "text").chunks[0].text == "RGASPI, f. 558"
    assert read_bytes(bytearray(b"RGASPI"), "text").chunks[0].text == "RGASPI"
    assert read_bytes(memoryview(small_docx()), "docx").chunks
    assert len(archref.from_csl_json(iter([{"id": "x"}]))) == 1
    assert len(archref.from_csl_json(())) == 0


# ---------------------------------------------------------------- size (bad input 9)
# An 8.6 MB file of one line, a 9 MB .bib of 100,000 entries and a 200 MB CSL-JSON
# export: each is read in work proportional to its size, or refused, unread, past
# archref.readers.MAX_SIZE. The tests make the sizes small and the limit with them.


def test_a_file_past_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    item = '{"id": "x", "archive": "RGASPI", "archive_location": "f. 558, op. 11, d. 62"}'
    path.write_text("[" + ",".join([item] * 20_000) + "]", "utf-8")  # 1.6 MB
    limit = 100_000

    def refuse() -> object:
        with pytest.raises(ReaderError, match=r"archref\.readers\.MAX_SIZE") as info:
            read(path, max_size=limit)
        return info.value

    assert peak_memory(refuse) < limit  # the file was not read to be refused


def test_check_refuses_a_file_past_the_limit_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.json"
    item = '{"id": "x", "archive": "RGASPI", "archive_location": "f. 558, op. 11, d. 62"}'
    path.write_text("[" + ",".join([item] * 100) + "]", "utf-8")
    monkeypatch.setattr(archref.readers, "MAX_SIZE", 4_000)
    status, _, err = run(["check", str(path)], capsys)
    assert status == 2
    size = path.stat().st_size
    assert f"the file is {size:,} bytes, more than the 4,000 bytes archref reads" in err
    assert "Traceback" not in err


def test_one_long_line_is_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # the window and the stream's paragraph limit made small with the input
    monkeypatch.setattr(sys.modules["archref.extract"], "STREAM_PARAGRAPH_LIMIT", 4_000)
    line = "See RGASPI, f. 558, op. 11, d. 62, ll. 71-72; TsKhSD, f. 5, op. 28, d. 103, l. 2. "

    def check(text: str) -> int:
        return len(extract_document(read_string(text, "text"), window=4_000))

    counted = assert_linear(check, lambda k: line * k, 100)
    assert counted.result_10n == 10 * counted.result_n == 2_000


def test_one_long_line_is_checked_in_linear_work_without_the_scanner() -> None:
    """The whole of ``archref check`` on one long line of plain references: extraction,
    each citation's rules, the document's consistency rules and the findings, in work
    that grows linearly; the run of plain references is read by the fast path, so no
    fond-family scanner is built."""
    from archref.notations import fonds
    from archref.reporting import findings_of

    line = "See RGASPI, f. 558, op. 11, d. 62, ll. 71-72; TsKhSD, f. 5, op. 28, d. 103, l. 2. "

    def check(text: str) -> int:
        return len(findings_of(read_string(text, "text")))

    # one ARC102 (TsKhSD is RGANI's former name) for each second reference
    counted = assert_linear(check, lambda k: line * k, 200)
    assert counted.result_10n == 10 * counted.result_n == 2_000
    find = fonds.Scanner.find.__code__
    scanned = sum(
        n
        for (filename, first_line, _), n in profile(check, line * 200).items()
        if (filename, first_line) == (find.co_filename, find.co_firstlineno)
    )
    assert scanned == 0
