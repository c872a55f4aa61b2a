"""Every fond-family example string of the project's domain primer (sections 1-2)."""

from __future__ import annotations

import pytest

import archref
from archref.notations import fonds


def kinds(ref: archref.ArchivalReference) -> list[tuple[str, str]]:
    return [(lv.kind, lv.value) for lv in ref.levels]


@pytest.mark.parametrize(
    ("text", "archive", "expected", "leaves"),
    [
        (
            "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
            "RGASPI",
            [("fond", "558"), ("opis", "11"), ("delo", "62")],
            "71–72",
        ),
        (
            "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160",
            "AVPRF",
            [("fond", "059a"), ("opis", "5a"), ("delo", "4"), ("papka", "11")],
            "159–160",
        ),
        (
            "ЦАМО РФ. Ф. 5. Оп. 918. Д. 34. Л. 5",
            "TsAMO",
            [("fond", "5"), ("opis", "918"), ("delo", "34")],
            "5",
        ),
        (
            "TsKhSD, f. 5, op. 28, d. 103, l. 2",
            "RGANI",
            [("fond", "5"), ("opis", "28"), ("delo", "103")],
            "2",
        ),
        (
            "RGASPI 558.11.492.57",
            "RGASPI",
            [("fond", "558"), ("opis", "11"), ("delo", "492")],
            "57",
        ),
        (
            "ГАОО. Ф. 235. Оп. 7. Д. 42",
            "GAOO",
            [("fond", "235"), ("opis", "7"), ("delo", "42")],
            None,
        ),
        (
            "Ф. 1Б; оп. 67; а.е. 3139",
            None,
            [("fond", "1B"), ("opis", "67"), ("delo", "3139")],  # Б stored as B
            None,
        ),
        (
            "RA, ERAF.9596.1.18. l. 8.",
            "RA",
            [("fond", "ERAF.9596"), ("opis", "1"), ("delo", "18")],
            "8",
        ),
        (
            "RTsKhIDNI, f. 17, op. 3, d. 1051, l. 44",
            "RGASPI",
            [("fond", "17"), ("opis", "3"), ("delo", "1051")],
            "44",
        ),
        (
            "RTsKHIDNI, f. 17, op. 3, d. 1051, l. 44",
            "RGASPI",
            [("fond", "17"), ("opis", "3"), ("delo", "1051")],
            "44",
        ),
        (
            "GA RF, f. R-6991, op. 1, d. 3",
            "GARF",
            [("fond", "R-6991"), ("opis", "1"), ("delo", "3")],
            None,
        ),
        (
            "AVP RF, f. 0100, op. 43, p. 302, d. 10, l. 5",
            "AVPRF",
            [("fond", "0100"), ("opis", "43"), ("papka", "302"), ("delo", "10")],
            "5",
        ),
        (
            "AP RF, f. 3, op. 65, d. 9, l. 51",
            "APRF",
            [("fond", "3"), ("opis", "65"), ("delo", "9")],
            "51",
        ),
        (
            "РГАСПИ. Ф. 17. Оп. 3. Д. 9. Л. 105-6",
            "RGASPI",
            [("fond", "17"), ("opis", "3"), ("delo", "9")],
            "105–106",
        ),
        (
            "RGASPI, f. 17, op. 3, d. 9, 124-30",
            "RGASPI",
            [("fond", "17"), ("opis", "3"), ("delo", "9")],
            "124–130",
        ),
    ],
)
def test_domain_example(
    text: str, archive: str | None, expected: list[tuple[str, str]], leaves: str | None
) -> None:
    ref = archref.parse(text)
    assert (ref.archive.id if ref.archive else None) == archive
    assert kinds(ref) == expected
    assert (str(ref.folios) if ref.folios else None) == leaves


def test_several_ranges_and_several_files() -> None:
    refs = fonds.parse_chain(
        "RGASPI, f. 17, op. 3, d. 342, pp. 54-72, 75-87, and d. 343, pp. 97-103"
    )
    assert [r.delo for r in refs] == ["342", "343"]
    assert [str(r.folios) for r in refs] == ["54–72, 75–87", "97–103"]
    assert all(r.folios is not None and r.folios.unit == "page" for r in refs)


def test_chain_of_three() -> None:
    refs = fonds.parse_chain(
        "RGASPI, f. 17, op. 163, d. 1326, l. 233; d. 1350, l. 40; d. 1356, ll. 120-121"
    )
    assert [(r.fond, r.opis, r.delo, str(r.folios)) for r in refs] == [
        ("17", "163", "1326", "233"),
        ("17", "163", "1350", "40"),
        ("17", "163", "1356", "120–121"),
    ]


def test_ibid_with_new_opis() -> None:
    first = archref.parse("RGASPI, f. 17, op. 162, d. 7, l. 99")
    (ref,) = fonds.parse_chain("Ibid., op. 3, d. 1051, l. 44, 46.", antecedent=first)
    assert kinds(ref) == [("fond", "17"), ("opis", "3"), ("delo", "1051")]
    assert str(ref.folios) == "44, 46"


@pytest.mark.parametrize(
    ("alias", "archive_id"),
    [
        ("RGASPI", "RGASPI"),
        ("РГАСПИ", "RGASPI"),
        ("RTsKhIDNI", "RGASPI"),
        ("TsKhSD", "RGANI"),
        ("RGANI", "RGANI"),
        ("GARF", "GARF"),
        ("GA RF", "GARF"),
        ("TsGAOR SSSR", "GARF"),
        ("AVPRF", "AVPRF"),
        ("AVP RF", "AVPRF"),
        ("АВП РФ", "AVPRF"),
        ("AVP SSSR", "AVPRF"),
        ("APRF", "APRF"),
        ("AP RF", "APRF"),
        ("АП РФ", "APRF"),
        ("TsAMO", "TsAMO"),
        ("ЦАМО РФ", "TsAMO"),
        ("RGVA", "RGVA"),
        ("TsGASA", "RGVA"),
        ("RGAE", "RGAE"),
        ("RGALI", "RGALI"),
        ("TsGALI SSSR", "RGALI"),
        ("RGAVMF", "RGAVMF"),
        ("TsA FSB", "TsA FSB"),
        ("ЦА ФСБ", "TsA FSB"),
        ("AVPRI", "AVPRI"),
        ("RGVIA", "RGVIA"),
        ("RGIA", "RGIA"),
        ("RGAKFD", "RGAKFD"),
        ("Russian State Archive of Socio-Political History", "RGASPI"),
        ("Российский государственный архив новейшей истории", "RGANI"),
    ],
)
def test_registry_names_of_domain_section_2(alias: str, archive_id: str) -> None:
    archive = archref.default_registry().get(alias)
    assert archive is not None, alias
    assert archive.id == archive_id
