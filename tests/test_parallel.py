"""Extraction in several processes, and on Dask: the output of one process, exactly."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

import archref
from archref.cli import main
from archref.parallel import (
    WorkerTraceback,
    check_files,
    extract_bag,
    extract_records,
    map_ordered,
    resolve_jobs,
    write_jsonl,
    write_parquet,
)

DATA = Path(__file__).parent / "data" / "footnotes.jsonl"


@pytest.fixture(scope="module")
def notes() -> list[str]:
    """Real footnotes, as collected."""
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


@pytest.fixture
def files(tmp_path: Path, notes: list[str]) -> list[str]:
    """Seven files of real notes (text and Markdown), one not UTF-8, one missing."""
    names: list[str] = []
    for k in range(6):
        chunk = notes[k * 30 : (k + 1) * 30]
        name = tmp_path / (f"ch{k}.md" if k == 3 else f"ch{k}.txt")
        name.write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
        names.append(str(name))
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Archiv für Sozialgeschichte, f. 1\n".encode("latin-1"))
    names.insert(2, str(bad))
    names.insert(5, str(tmp_path / "missing.txt"))
    last = tmp_path / "ch6.txt"
    last.write_text("\n".join(notes[180:]) + "\n", encoding="utf-8")
    names.append(str(last))
    return names


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    "options",
    [[], ["--json"], ["--notes", "lines"], ["--json", "--notes", "whole"]],
    ids=["text", "json", "lines", "json-whole"],
)
def test_extract_in_two_processes_prints_what_one_prints(
    files: list[str], options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(["extract", "-j", "1", *options, *files], capsys)
    two = run(["extract", "-j", "2", *options, *files], capsys)
    assert two == one
    status, out, err = one
    assert status == 2  # the unreadable files, reported as ever
    assert err.splitlines() == [
        f"{files[2]}: error: not UTF-8 text (byte 8: invalid start byte)",
        f"{files[5]}: error: No such file or directory",
    ]
    assert "Traceback" not in err
    assert len(out.splitlines()) > 150
    shown = [line.split(":", 1)[0] for line in out.splitlines() if not line.startswith("{")]
    shown += [json.loads(line)["file"] for line in out.splitlines() if line.startswith("{")]
    # every readable file is there, in the order given
    readable = [f for k, f in enumerate(files) if k not in (2, 5)]
    assert list(dict.fromkeys(shown)) == readable


def test_extract_jobs_zero_and_standard_input(
    files: list[str], notes: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    stdin = "\n\n".join(notes[:12]) + "\n"
    argv = [*files[:2], "-", *files[3:5]]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    one = run(["extract", *argv], capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    every = run(["extract", "--jobs", "0", *argv], capsys)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    two = run(["extract", "--jobs", "2", *argv], capsys)
    assert every == one and two == one
    assert "<stdin>:1:" in one[1]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_check_in_two_processes_reports_what_one_reports(
    files: list[str], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one = run(["check", "--output-format", fmt, "-j", "1", *files], capsys)
    two = run(["check", "--output-format", fmt, "-j", "2", *files], capsys)
    assert two == one
    status, out, err = one
    assert status == 2
    assert len(err.splitlines()) == 2 and "Traceback" not in err
    assert out.count("ARC") > 10
    if fmt == "text":
        assert re.fullmatch(r"\d+ citations in 7 files: \d+ warnings.*", out.splitlines()[-1])


def test_check_files_joins_the_results_in_order(files: list[str]) -> None:
    from archref.reporting import check_files as check_in_one_process

    for codes in (None, ["ARC102"]):
        one = check_in_one_process(files, codes=codes)
        two = check_files(files, jobs=2, codes=codes)
        assert (two.findings, two.files, two.references) == (
            one.findings,
            one.files,
            one.references,
        )
        assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
        assert len(one.errors) == 2 and one.findings


def _pid(_: object) -> int:
    return os.getpid()


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError(f"cannot take {n}")
    return n * n


def test_map_ordered_runs_in_other_processes_and_keeps_the_order() -> None:
    pids = list(map_ordered(_pid, range(40), jobs=2))
    assert os.getpid() not in pids and 1 <= len(set(pids)) <= 2
    # one item, or one job: no pool, this process
    assert list(map_ordered(_pid, [0], jobs=2)) == [os.getpid()]
    assert set(map_ordered(_pid, range(5), jobs=1)) == {os.getpid()}
    # items that must stay here (standard input) run here, in their turn
    here = list(map_ordered(_pid, range(6), jobs=2, local=lambda n: n % 2 == 0))
    assert [p == os.getpid() for p in here] == [True, False] * 3


def test_map_ordered_raises_a_workers_error_in_its_turn() -> None:
    got: list[int] = []
    with pytest.raises(ValueError, match="cannot take 3") as info:
        got.extend(map_ordered(_fail_on_three, range(8), jobs=2))
    assert got == [0, 1, 4]
    assert isinstance(info.value.__cause__, WorkerTraceback)
    assert "_fail_on_three" in info.value.__cause__.text


def test_jobs_are_counted() -> None:
    assert resolve_jobs(0) >= 1 and resolve_jobs(2) == 2
    with pytest.raises(ValueError, match="negative"):
        resolve_jobs(-1)


# --------------------------------------------------------------------------- Dask


def documents(notes: list[str]) -> list[Any]:
    """A small corpus: books as notes, a chapter as one text, a bare text."""
    docs: list[Any] = [{"id": f"book{k}", "notes": notes[k * 25 : (k + 1) * 25]} for k in range(7)]
    docs.append({"id": "chapter", "text": "\n\n".join(notes[175:])})
    docs.append(notes[0] + " " + notes[1])
    return docs


def in_process(docs: list[Any]) -> list[tuple[object, ...]]:
    """What archref.extract and archref.extract_notes find here, document by document."""
    found: list[tuple[object, ...]] = []
    for doc in docs:
        if isinstance(doc, str):
            name, citations = None, archref.extract(doc)
        elif "notes" in doc:
            name, citations = doc["id"], archref.extract_notes(doc["notes"])
        else:
            name, citations = doc["id"], archref.extract(doc["text"])
        found += [
            (name, c.note, c.start, c.end, c.text, c.form, str(c.reference), len(c.diagnostics))
            for c in citations
        ]
    return found


def summary(records: list[dict[str, Any]]) -> list[tuple[object, ...]]:
    return [
        (
            r["document"],
            r["note"],
            r["start"],
            r["end"],
            r["text"],
            r["form"],
            r["canonical"],
            len(r["diagnostics"]),
        )
        for r in records
    ]


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    """A local cluster of two worker processes; the processes scheduler if none can start."""
    pytest.importorskip(
        "dask", reason="the dask extra is not installed (pip install archref[dask])"
    )
    distributed = pytest.importorskip(
        "distributed", reason="the dask extra is not installed (pip install archref[dask])"
    )
    import dask

    with ExitStack() as stack:
        try:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
                )
            )
            stack.enter_context(distributed.Client(cluster))
            kind = "distributed"
        except (OSError, RuntimeError, TimeoutError):
            stack.enter_context(dask.config.set(scheduler="processes", num_workers=2))
            kind = "processes"
        yield kind


def test_dask_bag_gives_the_citations_of_extract(
    dask_cluster: str, notes: list[str], tmp_path: Path
) -> None:
    import dask.bag as db

    docs = documents(notes)
    expected = [r for doc in docs for r in extract_records(doc)]
    assert summary(expected) == in_process(docs)
    assert len(expected) > 150

    records = extract_bag(db.from_sequence(docs, npartitions=3))
    assert records.compute() == expected

    written = write_jsonl(records, str(tmp_path / "out" / "citations-*.jsonl"))
    assert [Path(name).name for name in written] == [f"citations-{k}.jsonl" for k in range(3)]
    lines: list[str] = []
    for name in written:
        text = Path(name).read_text(encoding="utf-8")
        assert text.endswith("\n")
        lines += text.splitlines()
    assert lines == [json.dumps(r, ensure_ascii=False) for r in expected]


def test_dask_parquet(dask_cluster: str, notes: list[str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    import dask.bag as db

    docs = documents(notes)
    expected = [r for doc in docs for r in extract_records(doc)]
    written = write_parquet(extract_bag(db.from_sequence(docs, npartitions=3)), str(tmp_path))
    assert [Path(name).name for name in written] == [f"part-{k:05d}.parquet" for k in range(3)]
    rows = [row for name in written for row in pq.read_table(name).to_pylist()]
    assert [(r["document"], r["note"], r["start"], r["canonical"]) for r in rows] == [
        (r["document"], r["note"], r["start"], r["canonical"]) for r in expected
    ]
    assert [r["reference"] for r in rows] == [
        json.dumps(r["reference"], ensure_ascii=False) for r in expected
    ]
    assert [r["diagnostics"] for r in rows] == [r["diagnostics"] for r in expected]
    assert {r["type"] for r in rows} >= {"archival"}


def test_documents_without_text_are_refused() -> None:
    with pytest.raises(ValueError, match="neither 'text' nor 'notes'"):
        extract_records({"id": "x"})
    with pytest.raises(TypeError, match="must be a list"):
        extract_records({"id": "x", "notes": "one string"})
