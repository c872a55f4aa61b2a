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


def test_edossier_source_note_gives_reference_publication_and_translator() -> None:
    from archref.model import PublishedWork
    from archref.notations.published import Credit

    text = (DATA / "seed_nkidp_edossier.txt").read_text("utf-8")
    start = text.index("[Source: ")
    note = text[start : text.index("]", start) + 1]
    archival, article, credit = archref.extract(note)

    assert archival.archival is not None
    assert str(archival.reference) == "RGASPI, f. 558, op. 11, d. 62, ll. 71–72"
    assert archival.text.startswith("Russian State Archive of Socio-Political History (RGASPI)")

    work = article.reference
    assert isinstance(work, PublishedWork)
    assert [str(a) for a in work.authors] == ["Andrei Ledovskii"]
    assert work.title == "Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov"
    assert work.container_title == "Novaia I Noveishaia Istoriia"
    assert (work.issue, work.year, work.pages) == ("5", 2005, "79-113")

    assert isinstance(credit.reference, Credit)
    assert credit.reference.role == "translator"
    assert str(credit.reference.person) == "Gary Goldberg"
    assert credit.text == "Translated for NKIDP by Gary Goldberg"

    for c in (archival, article, credit):
        assert note[c.start : c.end] == c.text


def test_edossier_end_to_end() -> None:
    from archref.model import PublishedWork

    text = (DATA / "seed_nkidp_edossier.txt").read_text("utf-8")
    citations = archref.extract(text)
    for c in citations:
        assert text[c.start : c.end] == c.text
    archival = [c for c in citations if c.archival is not None]
    works = [c.reference for c in citations if isinstance(c.reference, PublishedWork)]
    # one archival source note, cited once
    assert [str(c.reference) for c in archival] == ["RGASPI, f. 558, op. 11, d. 62, ll. 71–72"]
    # notes 1-2 (Ledovskii; Bajanov; Weathersby twice), the source note's article, and
    # the books named in the running text and the commentators' biographies
    authors = sorted({str(w.authors[0]) for w in works if w.authors})
    assert authors == ["Andrei Ledovskii", "Evgueni Bajanov", "Kathryn Weathersby"]
    assert sum(1 for w in works if w.kind == "working-paper") == 1
    titles = {w.title for w in works}
    assert "The Korean War: An International History" in titles
    assert "Rethinking the Korean War: A New Diplomatic and Strategic History" in titles
