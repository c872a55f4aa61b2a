"""Archival sources listed by archive and fond, as a historian's bibliography lists them."""

from __future__ import annotations

import pytest

import archref
from archref.formats.archives import archival_sources, format_archival_sources

# Real references from the seed footnotes and the corpus (facts), with a few
# neighbours written in the same notation.
NOTES = [
    "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
    "RGASPI, f. 558, op. 11, d. 97, ll. 67-70",
    "RGASPI, f. 17, op. 171, d. 421, ll. 1-492",
    "RGASPI, f. 17, op. 162, d. 7, l. 99",
    "RGASPI, f. 17, op. 171, d. 420, ll. 1-68",
    "TsKhSD, f. 5, op. 28, d. 103, l. 2",
    "RGANI, f. 5, op. 49, d. 131, ll. 193-194",
    "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160",
    "GARF, f. 102, Departament politsii Osobyi otdel (DPOO), 1898 g., op. 226, d. 12, ch. 2, l. 3",
    "GARF, f. R-5446, op. 1, d. 3",
    "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5",
]


def _refs(texts: list[str]) -> list[archref.ArchivalReference]:
    out = []
    for text in texts:
        ref = archref.parse(text)
        assert isinstance(ref, archref.ArchivalReference)
        out.append(ref)
    return out


def test_archives_fonds_and_opisi_are_grouped_and_sorted() -> None:
    groups = archival_sources(_refs(NOTES))
    assert [g.archive.id if g.archive else None for g in groups] == [
        "AVPRF",
        "TsAMO",
        "RGANI",
        "RGASPI",
        "GARF",
    ]
    rgaspi = groups[3]
    assert rgaspi.heading == "Russian State Archive of Socio-Political History (RGASPI), Moscow"
    # fonds in numeric order (17 before 558), opisi too, each once
    assert [f.text for f in rgaspi.fonds] == ["f. 17, op. 162, 171", "f. 558, op. 11"]
    assert len(rgaspi.fonds[0].references) == 3
    # the former name TsKhSD is listed under RGANI
    assert [f.text for f in groups[2].fonds] == ["f. 5, op. 28, 49"]


def test_the_levels_between_fond_and_file_are_kept() -> None:
    (garf,) = archival_sources(_refs(NOTES[8:10]))
    assert [f.text for f in garf.fonds] == [
        "f. 102, Departament politsii Osobyi otdel (DPOO), 1898 g., op. 226",
        "f. R-5446, op. 1",  # a prefixed fond after the plain numbers
    ]
    assert [lv.kind for lv in garf.fonds[0].series[0]] == ["section", "year", "opis"]


def test_text_markdown_and_html() -> None:
    groups = archival_sources(_refs(NOTES[:4]))
    assert format_archival_sources(groups) == (
        "Russian State Archive of Socio-Political History (RGASPI), Moscow\n"
        "    f. 17, op. 162, 171\n"
        "    f. 558, op. 11"
    )
    assert format_archival_sources(groups, "markdown").splitlines() == [
        "- Russian State Archive of Socio-Political History (RGASPI), Moscow",
        "    - f. 17, op. 162, 171",
        "    - f. 558, op. 11",
    ]
    html = format_archival_sources(groups, "html")
    assert html.startswith('<ul class="archival-sources">')
    assert "<li>f. 558, op. 11</li>" in html


def test_notations() -> None:
    refs = _refs(NOTES[:2] + NOTES[7:8])
    ru = format_archival_sources(archival_sources(refs, notation="ru"))
    assert ru.splitlines() == [
        "Архив внешней политики Российской Федерации (АВП РФ)",
        "    Ф. 059а. Оп. 5а",  # Russian output writes an identifier's letters in Cyrillic
        "Российский государственный архив социально-политической истории (РГАСПИ)",
        "    Ф. 558. Оп. 11",
    ]
    full = archival_sources(refs, notation="en-full")
    assert [f.text for g in full for f in g.fonds] == ["fond 059a, opis 5a", "fond 558, opis 11"]
    with pytest.raises(ValueError, match="unknown notation 'gost'"):
        archival_sources(refs, notation="gost")


def test_unknown_archives_and_other_references() -> None:
    refs = [
        archref.parse("Arkhiv Gorbacheva, f. 2, op. 1, d. 5, l. 3"),
        archref.parse("S/RES/82 (1950)"),
        archref.parse("f. 17, op. 3, d. 1, l. 5"),
    ]
    groups = archival_sources(refs)
    assert [g.heading for g in groups] == ["(archive not named)", "Arkhiv Gorbacheva"]
    assert [g.archive for g in groups] == [None, None]
    assert format_archival_sources([]) == ""


def test_html_escapes_the_text() -> None:
    (ref,) = _refs(["RGASPI, f. 17, op. 162, d. 7, l. 99"])
    groups = archival_sources([ref])
    odd = [archref.formats.archives.ArchiveSources(None, "Archive <Smith & Sons>", groups[0].fonds)]
    assert "Archive &lt;Smith &amp; Sons&gt;" in format_archival_sources(odd, "html")
    assert r"Archive \<Smith & Sons\>" in format_archival_sources(odd, "markdown")
    with pytest.raises(ValueError, match="unknown output"):
        format_archival_sources(groups, "pdf")  # type: ignore[arg-type]


def test_uk_files_damaged_by_ocr_are_listed_under_their_department() -> None:
    # real strings from the Australian documents edition: "FC0" is FCO, "D035" is DO 35
    refs = [archref.parse(t) for t in ("UKNA: FC0 24/1313", "UKNA: FCO 24/1314", "PRO:D035/1000")]
    (tna,) = archival_sources(refs)
    assert tna.heading == "The National Archives (TNA), Kew"
    assert [f.text for f in tna.fonds] == ["DO 35", "FCO 24"]
    assert len(tna.fonds[1].references) == 2
