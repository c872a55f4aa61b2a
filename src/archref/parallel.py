"""Extraction past one process and past one machine.

Two ways:

* :func:`map_ordered` runs a function over many items in a pool of
  processes and gives the results in the order of the items, as they are
  ready. ``archref extract -j N`` and ``archref check -j N`` use it
  (through :func:`map_printed` and :func:`check_files`): their output is the
  output of ``-j 1``, byte for byte.
* :func:`extract_bag`, :func:`write_jsonl` and :func:`write_parquet` are the
  recipe for a corpus too large for one machine: a Dask bag of documents
  becomes a bag of plain-data citations, written as JSON lines or Parquet
  (see the page "Scaling out"). Dask is imported inside these functions, so
  it is needed only by those who call them (``pip install 'archref[dask]'``).

One document gives the same records wherever it is processed:

>>> notes = ["TsKhSD, f. 5, op. 28, d. 103, l. 2.", "Ibid., l. 41."]
>>> records = extract_records({"id": "ch1", "notes": notes})
>>> for r in records:
...     print(r["document"], r["note"], r["form"], r["canonical"])
ch1 0 full RGANI, f. 5, op. 28, d. 103, l. 2
ch1 1 ibid RGANI, f. 5, op. 28, d. 103, l. 41
>>> [d["code"] for d in records[0]["diagnostics"]]
['ARC102']

The pool keeps the order of the items, whichever process finishes first:

>>> list(map_ordered(str.upper, ["a", "b", "c"], jobs=2))
['A', 'B', 'C']
"""

from __future__ import annotations

import argparse
import io
import json
import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TextIO, TypeVar, cast

from archref.model.citation import Citation
from archref.serialize import canonical, to_dict

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    import dask.bag

    from archref.consistency import Preferences
    from archref.readers import Format
    from archref.reporting import CheckResult

__all__ = [
    "PARQUET_COLUMNS",
    "WorkerTraceback",
    "check_files",
    "citation_record",
    "cpu_count",
    "extract_bag",
    "extract_partition",
    "extract_records",
    "jobs_argument",
    "map_ordered",
    "map_printed",
    "resolve_jobs",
    "write_jsonl",
    "write_parquet",
]

T = TypeVar("T")
R = TypeVar("R")

# The most items sent to a worker at once: enough to keep the cost of sending
# them small, few enough that the workers stay evenly busy and output flows.
_MAX_CHUNK = 16


# --------------------------------------------------------------------------- processes


def cpu_count() -> int:
    """The number of CPUs this process may run on (what ``-j 0`` uses)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not on Linux)
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """The number of processes ``jobs`` asks for: 0 is one per CPU.

    >>> resolve_jobs(3)
    3
    >>> resolve_jobs(0) == cpu_count()
    True
    """
    if jobs < 0:
        raise ValueError(f"the number of processes cannot be negative: {jobs}")
    return jobs or cpu_count()


def jobs_argument(text: str) -> int:
    """The value of ``-j``/``--jobs`` on the command line: 0 or more."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r} (0 is one per CPU)")
    return jobs


class WorkerTraceback(Exception):
    """The traceback of an exception raised in a worker process, as text.

    :func:`map_ordered` raises the worker's exception again in the calling
    process, with this as its cause, so that the report shows where it
    happened.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""'


class _Outcome(NamedTuple, Generic[R]):
    """What one call in a worker gave: its result, or the exception and its traceback."""

    result: R | None
    error: Exception | None = None
    trace: str = ""


def _run_chunk(fn: Callable[[T], R], items: Sequence[T]) -> list[_Outcome[R]]:
    """``fn`` over each item, in a worker: each result, or the exception it raised."""
    out: list[_Outcome[R]] = []
    for item in items:
        try:
            out.append(_Outcome(fn(item)))
        except Exception as exc:
            out.append(_Outcome(None, exc, traceback.format_exc()))
    return out


def _chunk_size(items: int, workers: int) -> int:
    return max(1, min(_MAX_CHUNK, items // (workers * 4)))


def map_ordered(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int = 1,
    *,
    local: Callable[[T], bool] | None = None,
) -> Iterator[R]:
    """``fn(item)`` for each item, in the order of ``items``, in ``jobs`` processes.

    Results are given as soon as they and all before them are ready. With one
    job, or only one item to send, everything runs in this process and no
    pool is started. Items for which ``local(item)`` is true (standard input,
    which a worker cannot read) always run in this process, in their turn.
    ``fn`` and the items must be picklable: a function defined at the top of
    a module, and plain data.

    An exception ``fn`` raises in a worker is raised again here when its
    item's turn comes, after the results of the items before it, with the
    worker's traceback (:class:`WorkerTraceback`) as its cause.
    """
    workers = resolve_jobs(jobs)
    remote = [k for k, item in enumerate(items) if local is None or not local(item)]
    if workers == 1 or len(remote) <= 1:
        for item in items:
            yield fn(item)
        return

    from concurrent.futures import Future, ProcessPoolExecutor  # noqa: PLC0415

    workers = min(workers, len(remote))
    size = _chunk_size(len(remote), workers)
    chunks = [remote[i : i + size] for i in range(0, len(remote), size)]
    pool = ProcessPoolExecutor(max_workers=workers)
    finished = False
    try:
        pending: dict[int, tuple[list[int], Future[list[_Outcome[R]]]]] = {
            chunk[0]: (chunk, pool.submit(_run_chunk, fn, [items[k] for k in chunk]))
            for chunk in chunks
        }
        ready: dict[int, _Outcome[R]] = {}
        for k, item in enumerate(items):
            if k in pending:
                chunk, future = pending.pop(k)
                ready.update(zip(chunk, future.result(), strict=True))
            if k not in ready:
                yield fn(item)
                continue
            outcome = ready.pop(k)
            if outcome.error is not None:
                raise outcome.error from WorkerTraceback(outcome.trace)
            yield cast(R, outcome.result)
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # an error, a closed pipe, Ctrl-C: nobody wants the rest
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop the work not started and end the workers, without waiting for them."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((pool._processes or {}).values()):
        process.terminate()


def _printed(fn: Callable[[T, TextIO, TextIO], int], item: T) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    status = fn(item, out, err)
    return out.getvalue(), err.getvalue(), status


def map_printed(
    fn: Callable[[T, TextIO, TextIO], int],
    items: Sequence[T],
    jobs: int,
    out: TextIO,
    err: TextIO,
    *,
    local: Callable[[T], bool] | None = None,
) -> int:
    """Run ``fn(item, out, err)`` for each item in ``jobs`` processes; the highest status.

    What each call prints is written to ``out`` and ``err`` in the order of
    the items, so the output is that of one process, byte for byte.
    """
    status = 0
    for printed, errors, code in map_ordered(partial(_printed, fn), items, jobs, local=local):
        out.write(printed)
        err.write(errors)
        status = max(status, code)
    return status


def _is_stdin(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path) == "-"


def _check_one(
    task: tuple[str | os.PathLike[str], Format | None, list[str] | None, Preferences | None],
) -> CheckResult:
    from archref.reporting import check_files as check_one  # noqa: PLC0415

    path, format, codes, prefer = task
    return check_one([path], format=format, codes=codes, prefer=prefer)


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: Format | None = None,
    codes: Iterable[str] | None = None,
    jobs: int = 1,
    prefer: Preferences | None = None,
) -> CheckResult:
    """:func:`archref.reporting.check_files` in ``jobs`` processes, with the same result.

    Each file is checked on its own; the findings, counts and errors are
    joined in the order of ``paths``.
    """
    from archref.reporting import CheckResult  # noqa: PLC0415

    wanted = list(codes) if codes is not None else None
    tasks = [(path, format, wanted, prefer) for path in paths]
    results = list(map_ordered(_check_one, tasks, jobs, local=lambda task: _is_stdin(task[0])))
    return CheckResult(
        tuple(f for r in results for f in r.findings),
        len(paths),
        sum(r.references for r in results),
        tuple(e for r in results for e in r.errors),
    )


# --------------------------------------------------------------------------- Dask


def citation_record(citation: Citation, document: str | None = None) -> dict[str, Any]:
    """One citation as plain data, ready for JSON.

    The fields of ``archref extract --json`` for a document instead of a
    file: ``document``, ``note`` (the index of the note, or ``None`` for a
    whole text), ``start``/``end`` (offsets into the note or text), ``text``,
    ``form``, ``certain``, ``canonical`` (the reference as a string),
    ``reference`` (:func:`archref.serialize.to_dict`) and ``diagnostics``.
    """
    return {
        "document": document,
        "note": citation.note,
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
        "form": citation.form,
        "certain": citation.certain,
        "canonical": canonical(citation.reference),
        "reference": to_dict(citation.reference),
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "suggestion": d.suggestion,
            }
            for d in citation.diagnostics
        ],
    }


def extract_records(document: str | Mapping[str, Any]) -> list[dict[str, Any]]:
    """The citations of one document as plain data (:func:`citation_record`).

    A document is a text (a ``str``, read with :func:`archref.extract`), or a
    mapping with an optional ``"id"`` and either ``"text"`` or ``"notes"``, a
    list of footnotes read in order with :func:`archref.extract_notes`, so
    that "Ibid." refers to the note before it. "Ibid." never reaches across
    documents: keep the notes of one book in one document.
    """
    from archref.extract import extract, extract_notes  # noqa: PLC0415

    if isinstance(document, str):
        return [citation_record(c) for c in extract(document)]
    ident = document.get("id")
    name = None if ident is None else str(ident)
    if "notes" in document:
        notes = document["notes"]
        if isinstance(notes, str) or not isinstance(notes, Iterable):
            raise TypeError(f"document {name!r}: 'notes' must be a list of texts")
        citations = extract_notes(notes)
    elif "text" in document:
        citations = extract(document["text"])
    else:
        raise ValueError(f"document {name!r} has neither 'text' nor 'notes'")
    return [citation_record(c, name) for c in citations]


def extract_partition(documents: Iterable[str | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The citations of every document of one partition, in order."""
    return [record for document in documents for record in extract_records(document)]


def extract_bag(documents: dask.bag.Bag) -> dask.bag.Bag:
    """A Dask bag of documents to a bag of citations, one plain dict each.

    Each partition is read by :func:`extract_partition` wherever the
    scheduler runs it; the records are those :func:`extract_records` gives
    in this process, in the same order. Nothing is computed until the bag is.
    """
    return documents.map_partitions(extract_partition)


def _json_line(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(records: dask.bag.Bag, path: str, **storage_options: Any) -> list[str]:
    """Write a bag of records as JSON lines, one UTF-8 file per partition.

    ``path`` is a pattern with one ``*`` for the partition's number
    (``"out/citations-*.jsonl"``), or a directory; any URL fsspec knows
    (``s3://...``) works, with ``storage_options`` for it. Every line, the
    last included, ends with a newline. Returns the names of the files.
    """
    lines = records.map(_json_line)
    written = lines.to_textfiles(
        path, encoding="utf-8", last_endline=True, storage_options=storage_options or None
    )
    return [str(name) for name in written or []]


# The Parquet form: one row per citation; the reference as its JSON text,
# since its fields differ from one kind of reference to another.
PARQUET_COLUMNS = (
    "document",
    "note",
    "start",
    "end",
    "text",
    "form",
    "certain",
    "canonical",
    "type",
    "reference",
    "diagnostics",
)


def _parquet_schema() -> Any:
    import pyarrow as pa  # noqa: PLC0415

    diagnostic = pa.struct(
        [
            ("code", pa.string()),
            ("severity", pa.string()),
            ("message", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("suggestion", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("document", pa.string()),
            ("note", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("form", pa.string()),
            ("certain", pa.bool_()),
            ("canonical", pa.string()),
            ("type", pa.string()),
            ("reference", pa.string()),
            ("diagnostics", pa.list_(diagnostic)),
        ]
    )


def _parquet_row(record: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: record[k] for k in PARQUET_COLUMNS if k in record}
    reference = record["reference"]
    row["type"] = reference.get("type") if isinstance(reference, Mapping) else None
    row["reference"] = json.dumps(reference, ensure_ascii=False)
    return row


def _write_parquet_part(records: Sequence[Mapping[str, Any]], path: str) -> str:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pa.Table.from_pylist([_parquet_row(r) for r in records], schema=_parquet_schema())
    pq.write_table(table, path)
    return path


def write_parquet(records: dask.bag.Bag, directory: str) -> list[str]:
    """Write a bag of records as Parquet, one file per partition, with pyarrow.

    The columns are :data:`PARQUET_COLUMNS`: the fields of
    :func:`citation_record`, the reference's ``type``, and the reference
    itself as JSON text. ``directory`` must be reachable from every worker
    (a shared file system on a cluster). Returns the names of the files,
    ``part-00000.parquet`` and on.
    """
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        raise ImportError("write_parquet needs pyarrow: pip install pyarrow") from None
    import dask  # noqa: PLC0415

    os.makedirs(directory, exist_ok=True)
    write = dask.delayed(_write_parquet_part, pure=False)
    tasks = [
        write(part, os.path.join(directory, f"part-{k:05d}.parquet"))
        for k, part in enumerate(records.to_delayed())
    ]
    return [str(name) for name in dask.compute(*tasks)]
