"""The texts the extraction benchmarks read, built the same way every run.

* :func:`english_prose`: the NKIDP e-Dossier (English prose with Chicago
  footnotes) repeated, its archival source lines and archive names removed,
  so the text cites published works but no archive;
* :func:`russian_prose`: Russian prose paragraphs from published notes on the
  Stalin-era execution lists, their archival parentheses removed, with a GOST
  archival note after every sixth paragraph;
* :func:`dense_notes`: the collected real footnotes, one note a paragraph;
* :func:`book_markdown`: a Markdown book of chapters with numbered footnotes
  (``[^n]``) drawn from the real notes, prose between them;
* :data:`ADVERSARIAL`: inputs built to make a scanner backtrack or loop.

Every function takes a target size in characters and returns a ``str``.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

#: Lines naming an archive or a fond: dropped from the English prose.
_ARCHIVAL_LINE = re.compile(
    r"RGASPI|RGANI|AVPRF|APRF|TsKhSD|GARF|Archive|archive|[Ff]ond\b|\bf\. \d|\bop\. \d|Source:"
)
#: A parenthesis holding a GOST archival reference: dropped from the Russian prose.
_GOST_PAREN = re.compile(r"\s*\([^()]*?(?:Ф\.|Оп\.|Д\.)[^()]*\)")


def _repeat_to(parts: list[str], size: int, sep: str) -> str:
    out: list[str] = []
    total = 0
    k = 0
    while total < size:
        piece = parts[k % len(parts)]
        out.append(piece)
        total += len(piece) + len(sep)
        k += 1
    return sep.join(out)


def english_prose(size: int) -> str:
    """English prose and Chicago notes without archival references."""
    seed = (DATA / "seed_nkidp_edossier.txt").read_text("utf-8")
    paragraphs = [
        p.strip() for p in re.split(r"\n\s*\n", seed) if p.strip() and not _ARCHIVAL_LINE.search(p)
    ]
    return _repeat_to(paragraphs, size, "\n\n")


def _corpus(kind: str | None = None) -> list[str]:
    notes = []
    for line in (DATA / "footnotes.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if kind is None or item["kind"] == kind:
                notes.append(item["text"])
    return notes


def russian_prose(size: int) -> str:
    """Russian prose paragraphs, a GOST archival note after every sixth."""
    russian = _corpus("russian")
    prose = [p for p in (_GOST_PAREN.sub("", n).strip() for n in russian) if len(p) > 200]
    notes = [n for n in russian if len(n) < 120 and "Ф." in n]
    parts: list[str] = []
    for k in range(len(prose) * len(notes)):
        parts.append(prose[k % len(prose)])
        if k % 6 == 5:
            parts.append(notes[(k // 6) % len(notes)])
    return _repeat_to(parts, size, "\n\n")


def dense_notes(size: int) -> list[str]:
    """The collected real footnotes, repeated until they reach ``size`` characters."""
    notes = _corpus()
    out: list[str] = []
    total = 0
    k = 0
    while total < size:
        out.append(notes[k % len(notes)])
        total += len(out[-1]) + 2
        k += 1
    return out


def book_markdown(footnotes: int, seed: int = 1950) -> str:
    """A Markdown book: chapters of English prose, ``footnotes`` numbered notes."""
    rng = random.Random(seed)
    prose = english_prose(60_000).split("\n\n")
    notes = _corpus()
    body: list[str] = []
    defs: list[str] = []
    for n in range(1, footnotes + 1):
        if n % 30 == 1:
            body.append(f"# Chapter {n // 30 + 1}")
        paragraph = prose[rng.randrange(len(prose))]
        body.append(f"{paragraph}[^{n}]")
        defs.append(f"[^{n}]: {notes[rng.randrange(len(notes))]}")
    return "\n\n".join(body) + "\n\n" + "\n".join(defs) + "\n"


#: Inputs that make a careless scanner backtrack or loop, each built for
#: ``n`` repetitions of its unit: (name, unit).
ADVERSARIAL: list[tuple[str, str]] = [
    ("digits", "1"),
    ("dots", "."),
    ("fond labels", "f. "),
    ("fond chain", "f. 1, op. 2, "),
    ("GOST labels", "Ф. Оп. Д. Л. "),
    ("GOST labels, no leaf", "Ф. Оп. Д. "),
    ("archive names", "РГАСПИ "),
    ("ibid", "Ibid. "),
    ("ibid with leaf", "Там же. Л. 1. "),
    ("Cyrillic letter", "Ж"),
    ("page ranges", "pp. 1-2, "),
    ("UN committee prefix", "A/C.1/"),
    ("resolutions", "S/RES/1 (1950), "),
    ("places and years", "Moscow, 1995. "),
    ("open parentheses", "("),
    ("RG labels", "RG 59, "),
    ("departments", "FO 371/"),
    ("Bestand", "BArch, NY "),
    ("quoted titles", '"A," in '),
    ("GOST slashes", "Иванов И. И. // "),
]


def adversarial(unit: str, size: int) -> str:
    """``unit`` repeated to at least ``size`` characters."""
    return unit * (size // len(unit) + 1)
