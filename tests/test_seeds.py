"""The two documents the project started from, end to end.

tests/data/seed_korea_1947.txt is a real web article damaged by an encoding
error (UTF-8 read as GBK) with the text of its links missing; it cites UN
documents A/C.1/218 and A/C.1/229. tests/data/seed_nkidp_edossier.txt is the
Wilson Center NKIDP e-Dossier no. 1 (2008), with footnotes and an RGASPI
source note.
"""

from __future__ import annotations

from pathlib import Path

import archref
from archref.model import UNSymbol

DATA = Path(__file__).parent / "data"


def test_korea_seed_finds_both_un_documents_with_exact_spans() -> None:
    text = (DATA / "seed_korea_1947.txt").read_text("utf-8")
    citations = archref.extract(text)
    assert [c.text for c in citations] == ["A/C.1/218", "A/C.1/229"]
    for c in citations:
        assert text[c.start : c.end] == c.text  # spans into the damaged original
        assert isinstance(c.reference, UNSymbol)
        assert c.reference.url == f"https://undocs.org/{c.text}"
    # the first is introduced as "Document A/C.1/218", so it is certain
    assert text[citations[0].start - len("(Document ") : citations[0].start] == "(Document "
    assert citations[0].certain


def test_korea_seed_spans_survive_the_mojibake_repair() -> None:
    text = (DATA / "seed_korea_1947.txt").read_text("utf-8")
    assert "鈥" in text  # the damage is there...
    cleaned = archref.clean(text)
    assert "鈥" not in cleaned.text  # ...and is repaired before scanning
    (first, _second) = archref.extract(text)
    start, end = cleaned.span_to_clean(first.start, first.end)
    assert cleaned.text[start:end] == "A/C.1/218"


def test_annotating_the_korea_seed_links_both_symbols_and_keeps_the_rest() -> None:
    text = (DATA / "seed_korea_1947.txt").read_text("utf-8")
    citations = archref.extract(text)
    html = archref.annotate(text, citations, escape=None)
    assert html.count('href="https://undocs.org/A/C.1/2') == 2
    unwrapped = html.replace(
        '<a class="archref archref-un" href="https://undocs.org/A/C.1/218">', ""
    )
    unwrapped = unwrapped.replace(
        '<a class="archref archref-un" href="https://undocs.org/A/C.1/229">', ""
    )
    assert unwrapped.replace("</a>", "") == text
