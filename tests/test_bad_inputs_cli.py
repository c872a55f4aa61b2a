"""Bad inputs the command line must survive: a clear error and a non-zero exit, or a
clean result; never a traceback, and no file changed that should not be."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pytest

import archref
import archref.checking
from archref.cli import main
from archref.fixing import WriteError, fix_file, fix_text, write_atomic

ARCHREF = str(Path(sys.executable).with_name("archref"))
NOTE = "TsKhSD, f. 5, op. 28, d. 103, l. 2.\n"
FIXED = "RGANI, f. 5, op. 28, d. 103, l. 2.\n"


def run(
    args: list[str], stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The console script with strict UTF-8 standard streams."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run(
        [ARCHREF, *args], input=stdin, capture_output=True, env=env, cwd=cwd, check=False
    )


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")


class FakeStream(io.TextIOWrapper):
    """A text stream over bytes, as sys.stdin and sys.stdout are, with a ``.buffer``."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict", newline="")

    def bytes(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


# ---------------------------------------------------------------- 1. strict UTF-8 streams


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["parse"], b"<stdin>: error: not UTF-8 text (byte 0: invalid start byte)"),
        (["extract", "-"], b"<stdin>: error: not UTF-8 text (byte 0: invalid start byte)"),
        (["check", "-"], b"error: <stdin>:1:1 (byte 0): not UTF-8: byte 0xff"),
        (["fix", "-"], b"error: <stdin>:1:1 (byte 0): not UTF-8: byte 0xff"),
    ],
)
def test_standard_input_that_is_not_utf8(args: list[str], expected: bytes) -> None:
    done = run(args, b"\xff\n")
    no_traceback(done)
    assert done.returncode == 2
    assert expected in done.stderr
    if args[0] == "fix":
        assert done.stdout == b""  # nothing half-repaired goes down the pipe


def test_standard_input_is_decoded_as_a_file_is(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + NOTE.replace("\n", "\r\n").encode("utf-8") + b"\r\nIbid., l. 3.\r\n"
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    for command in (["check"], ["extract"], ["check", "--output-format", "json"]):
        from_file = run([*command, "notes.txt"], cwd=tmp_path)
        from_stdin = run([*command, "-"], data, cwd=tmp_path)
        no_traceback(from_stdin)
        assert from_stdin.returncode == from_file.returncode == 1 or command[0] == "extract"
        assert from_stdin.stdout == from_file.stdout.replace(b"notes.txt", b"<stdin>")
    parsed = run(["parse"], b"\xef\xbb\xbfTsKhSD, f. 5, op. 28, d. 103, l. 2\r\n\r\nnot one\r\n")
    assert parsed.returncode == 1
    assert parsed.stdout == b"RGANI, f. 5, op. 28, d. 103, l. 2\n"
    assert parsed.stderr.startswith(b"<stdin>:3:1: error:")


@pytest.fixture
def odd_name(tmp_path: Path) -> Path:
    """A folder holding a file whose name has a byte that is not UTF-8."""
    if sys.platform == "win32" or sys.getfilesystemencoding().lower() not in {"utf-8", "utf8"}:
        pytest.skip("names are bytes only on a POSIX file system with UTF-8 names")
    try:
        with open(os.path.join(os.fsencode(tmp_path), b"na\xffme.txt"), "wb") as fh:
            fh.write(NOTE.encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "checkstyle", "junit"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(odd_name: Path, fmt: str) -> None:
    name = os.fsdecode(b"na\xffme.txt")
    done = run(["check", "--output-format", fmt, name], cwd=odd_name)
    no_traceback(done)
    assert done.returncode == 1
    out = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
    if fmt in {"text", "github"}:
        assert "na\\xffme.txt" in out
    if fmt == "json":
        assert json.loads(out)["findings"][0]["file"] == "na\\xffme.txt"
    if fmt in {"checkstyle", "junit"}:
        import xml.etree.ElementTree as ET

        root = ET.fromstring(done.stdout)
        assert [e.get("name") for e in root] == ["na\\xffme.txt"]
    if fmt == "sarif":
        log = json.loads(out)
        location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        # a URI reference: the byte percent-encoded, decoding to the file's own name
        uri = location["artifactLocation"]["uri"]
        assert uri == "na%FFme.txt"
        assert urllib.parse.unquote_to_bytes(uri) == b"na\xffme.txt"


def test_extract_and_fix_show_a_name_that_is_not_utf8(odd_name: Path) -> None:
    name = os.fsdecode(b"na\xffme.txt")
    for args in (["extract", name], ["fix", "--diff", name]):
        done = run(args, cwd=odd_name)
        no_traceback(done)
        assert "na\\xffme.txt" in done.stdout.decode("utf-8")
    done = run(["extract", "--json", name], cwd=odd_name)
    assert json.loads(done.stdout.decode("utf-8"))["file"] == "na\\xffme.txt"
    done = run(["fix", name], cwd=odd_name)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith("na\\xffme.txt:1:1: ARC102 fixed")
    assert (odd_name / name).read_text("utf-8") == FIXED
    (odd_name / "none.txt").write_text("no reference here\n", encoding="utf-8")
    os.rename(odd_name / "none.txt", os.path.join(os.fsencode(odd_name), b"none\xfe.txt"))
    done = run(["format", os.fsdecode(b"none\xfe.txt")], cwd=odd_name)
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.decode("utf-8") == "none\\xfe.txt: error: no references found\n"
    missing = os.fsdecode(b"gone\xfe.txt")
    for args in (["extract", missing], ["check", missing], ["fix", missing], ["format", missing]):
        done = run(args, cwd=odd_name)
        no_traceback(done)
        assert done.returncode == 2
        assert "gone\\xfe.txt" in done.stderr.decode("utf-8")


def test_main_with_fake_streams_reads_standard_input_as_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin, stdout, stderr = FakeStream(b"\xff\n"), FakeStream(), FakeStream()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["parse"]) == 2
    assert b"not UTF-8 text (byte 0" in stderr.bytes()


# ---------------------------------------------------------------- 2. fix - keeps the bytes


def test_fix_filter_refuses_utf16_as_a_file_is_refused(tmp_path: Path) -> None:
    data = NOTE.encode("utf-16")  # a byte order mark, then UTF-16 in this machine's order
    path = tmp_path / "utf16_bom.txt"
    path.write_bytes(data)
    filtered = run(["fix", "-"], data)
    no_traceback(filtered)
    assert filtered.returncode == 2
    assert filtered.stdout == b""
    assert b"not UTF-8: byte 0x" in filtered.stderr
    in_place = run(["fix", str(path)])
    assert in_place.returncode == 2
    assert b"not UTF-8: byte 0x" in in_place.stderr
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + NOTE.encode("utf-8"),
        NOTE.replace("\n", "\r\n").encode("utf-8") * 2,
        NOTE.replace("\n", "\r").encode("utf-8") + b"\rEnd.",
        "ЦХСД. Ф. 5. Оп. 28. Д. 103. Л. 2.\r\n".encode(),
    ],
    ids=["bom", "crlf", "cr", "cyrillic-crlf"],
)
def test_fix_filter_writes_what_fix_writes_to_a_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    filtered = run(["fix", "-"], data)
    no_traceback(filtered)
    assert run(["fix", str(path)]).returncode == 0
    assert filtered.returncode == 0
    assert filtered.stdout == path.read_bytes() != data


def test_fix_filter_through_main_writes_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\xef\xbb\xbf" + NOTE.replace("\n", "\r\n").encode("utf-8")
    stdout, stderr = FakeStream(), FakeStream()
    monkeypatch.setattr(sys, "stdin", FakeStream(data))
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["fix", "-"]) == 0
    assert stdout.bytes() == data.replace(b"TsKhSD", b"RGANI")
    assert b"ARC102 fixed" in stderr.bytes()


# ---------------------------------------------------------------- 4. writing safely


def fix_in(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["fix", str(path)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


def test_a_full_disk_is_reported_and_the_file_kept(
    note: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:5])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("archref.fixing._write_all", full)
    status, _, err = fix_in(note, capsys)
    assert status == 2
    assert f"error: {note}: cannot write the file: {os.strerror(errno.ENOSPC)}" in err
    assert "the file is unchanged" in err and "Traceback" not in err
    assert note.read_text("utf-8") == NOTE
    assert [p.name for p in note.parent.iterdir()] == ["notes.txt"]
    with pytest.raises(WriteError) as caught:
        fix_file(note)
    assert isinstance(caught.value, OSError) and caught.value.path == str(note)


@pytest.mark.parametrize("where", ["mkstemp", "replace"])
def test_a_folder_that_is_not_writable(
    note: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    if os.geteuid() == 0 or where == "replace":  # root writes anywhere: refuse by hand

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile if where == "mkstemp" else os, where, refuse)
    else:
        note.parent.chmod(0o555)
    try:
        status, _, err = fix_in(note, capsys)
    finally:
        note.parent.chmod(0o755)
    assert status == 2
    assert f"error: {note}: cannot write the file: {os.strerror(errno.EACCES)}" in err
    assert note.read_text("utf-8") == NOTE
    assert [p.name for p in note.parent.iterdir()] == ["notes.txt"]


def test_a_read_only_file_is_not_written(
    note: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    note.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file: say it is read-only by hand
        monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    status, _, err = fix_in(note, capsys)
    assert status == 2
    assert f"error: {note}: not written: the file is read-only" in err
    assert note.read_text("utf-8") == NOTE


def test_a_symbolic_link_is_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "notes.txt"
    target.write_text(NOTE, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(Path("real") / "notes.txt")
    status, out, _ = fix_in(link, capsys)
    assert status == 0
    assert out.startswith(f"{link}:1:1: ARC102 fixed")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "notes.txt")
    assert target.read_text("utf-8") == FIXED
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["link.txt", "notes.txt", "real"]


def test_a_file_with_several_hard_links_is_not_written(
    note: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = note.with_name("other.txt")
    os.link(note, other)
    status, _, err = fix_in(note, capsys)
    assert status == 2
    assert f"error: {note}: not written: it has 2 hard links" in err
    assert note.read_text("utf-8") == other.read_text("utf-8") == NOTE
    assert os.path.samefile(note, other)
    assert main(["fix", "--diff", str(note)]) == 0  # the changes can still be seen
    assert "+RGANI" in capsys.readouterr().out


KILLED_WHILE_WRITING = """
import os, signal, sys
import archref.fixing
from archref.cli import main
from archref.fixing import WriteError, fix_file, fix_text, write_atomic

def slow(fd, data):
    os.write(fd, data[:10])
    os.kill(os.getpid(), signal.SIG{name})
    os.write(fd, data[10:])

archref.fixing._write_all = slow
sys.exit(main(["fix", sys.argv[1]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("name", "status"), [("TERM", -15), ("INT", 130)])
def test_a_signal_while_writing_leaves_no_temporary_file(
    note: Path, name: str, status: int
) -> None:
    script = KILLED_WHILE_WRITING.replace("{name}", name)
    done = subprocess.run(
        [sys.executable, "-c", script, str(note)], capture_output=True, check=False
    )
    assert done.returncode == status, done.stderr
    assert b"Traceback" not in done.stderr
    assert note.read_text("utf-8") == NOTE
    assert [p.name for p in note.parent.iterdir()] == ["notes.txt"]


def test_write_atomic_outside_the_main_thread(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "notes.txt"
    path.write_bytes(b"old")
    worker = threading.Thread(target=write_atomic, args=(path, b"new"))
    worker.start()
    worker.join()
    assert path.read_bytes() == b"new"


# ---------------------------------------------------------------- 3. line ends in Markdown

MARKDOWN = """---
title: TsKhSD, f. 5, op. 28, d. 103, l. 1
...

# Stalin and TsKhSD, f. 5, op. 28, d. 103, l. 2

Text TsKhSD, f. 5, op. 28,
d. 103, l. 3.[^1] And <!-- TsKhSD, f. 5,
op. 28, d. 103, l. 4 --> more.

~~~
TsKhSD, f. 5, op. 28, d. 103, l. 5
~~~

```text
[UKNA: FC0 24/1313]
```

    TsKhSD, f. 5, op. 28, d. 103, l. 6 (indented code)

> Quoted: [UKNA: FC0 24/1314]

[^1]: TsKhSD, f. 5, op. 28, d. 103, l. 7;
lazy [UKNA: FC0 24/1315].

    Ibid., l. 8.
"""

LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("eol", ["crlf", "cr"])
def test_markdown_line_ends_give_the_same_diagnostics_and_fixes(tmp_path: Path, eol: str) -> None:
    text = MARKDOWN.replace("\n", LINE_ENDS[eol])
    lf, other = tmp_path / "lf.md", tmp_path / f"{eol}.md"
    lf.write_bytes(MARKDOWN.encode("utf-8"))
    other.write_bytes(text.encode("utf-8"))
    expected = run(["check", "--output-format", "json", "lf.md"], cwd=tmp_path)
    got = run(["check", "--output-format", "json", other.name], cwd=tmp_path)
    assert got.returncode == expected.returncode == 1

    def where(out: bytes) -> list[tuple[object, ...]]:
        return [
            (f["code"], f["line"], f["column"], f["end"]["line"], f["text"])
            for f in json.loads(out)["findings"]
        ]

    assert where(got.stdout) == where(expected.stdout)
    assert [f[1] for f in where(got.stdout) if f[0] == "ARC102"] == [5, 7, 23]
    for path in (lf, other):
        assert run(["fix", path.name], cwd=tmp_path).returncode == 0
    fixed = other.read_bytes().decode("utf-8")
    assert fixed == lf.read_text("utf-8").replace("\n", LINE_ENDS[eol])
    eol_ = LINE_ENDS[eol]
    for kept in (
        "title: TsKhSD, f. 5, op. 28, d. 103, l. 1",  # front matter
        "<!-- TsKhSD, f. 5,",  # a comment
        f"~~~{eol_}TsKhSD, f. 5, op. 28, d. 103, l. 5{eol_}~~~",  # fenced code
        f"```text{eol_}[UKNA: FC0 24/1313]{eol_}```",
        "    TsKhSD, f. 5, op. 28, d. 103, l. 6",  # indented code
    ):
        assert kept in fixed
    assert fixed.count("TsKhSD") == 4  # front matter, comment, ~~~ fence, indented code
    assert "FC0 24/1313" in fixed and "FCO 24/1314" in fixed and "FCO 24/1315" in fixed


def test_markdown_with_a_lone_cr_reads_as_with_lf() -> None:
    from archref.readers import read_string

    for eol in ("\r\n", "\r"):
        expected = read_string(MARKDOWN, "markdown").chunks
        got = read_string(MARKDOWN.replace("\n", eol), "markdown").chunks
        assert [c.text for c in got] == [c.text for c in expected]
        for a, b in zip(got, expected, strict=True):
            for k in (k for k, char in enumerate(a.text) if char != "\n"):
                pa, pb = a.start_position(k), b.start_position(k)
                assert (pa.line, pa.column) == (pb.line, pb.column)


# ---------------------------------------------------------------- 5. wrong arguments


def test_public_functions_refuse_what_they_cannot_take(tmp_path: Path) -> None:
    from archref.readers import read_string
    from archref.reporting import REPORTERS, check_files, findings_of

    found = archref.extract("TsKhSD, f. 5, op. 28, d. 103, l. 2.")
    calls: list[tuple[str, object]] = [
        (
            "check() takes a reference or the text of one (str), not NoneType",
            lambda: archref.check(None),
        ),
        ("not int: 5", lambda: archref.check(5)),
        ("not bytes", lambda: archref.check(b"A/C.1/218")),
        (
            "citations must be an iterable of Citation objects",
            lambda: archref.annotate("abc", "  "),
        ),
        ("citations must be Citation objects", lambda: archref.annotate("abc", [1])),
        ("text must be a str, not NoneType", lambda: archref.annotate(None, found)),
        ("render must be callable", lambda: archref.annotate("abc", [], render="x")),
        ("escape must be callable or None", lambda: archref.annotate("abc", [], escape=1)),
        ("kind must be a reference type", lambda: archref.checking.register("x", len)),
        ("text must be a str, not bytes", lambda: fix_text(b"TsKhSD", "text")),
        (
            "codes must be a list of rule codes or None",
            lambda: fix_text("x", "text", codes="ARC102"),
        ),
        ("data must be bytes, not str", lambda: write_atomic(tmp_path / "x", "text")),
        ("path must be a file name, not int", lambda: fix_file(5)),
        ("paths must be a sequence of file names, not str", lambda: check_files("notes.txt")),
        ("doc must be a Document", lambda: findings_of("TsKhSD, f. 5")),
        ("findings must be Finding objects", lambda: REPORTERS["json"](["x"])),
        ("argv must be a list of arguments", lambda: main("parse")),
    ]
    for message, call in calls:
        with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
            call()
    (finding,) = findings_of(read_string("TsKhSD, f. 5, op. 28, d. 103, l. 2.", "text"))
    with pytest.raises(ValueError, match="fail_on must be 'error', 'warning', 'info' or 'never'"):
        finding.fails("warnings")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown format 'rst'"):
        fix_text("x", "rst")  # type: ignore[arg-type]
    assert not (tmp_path / "x").exists()
