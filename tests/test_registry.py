"""The archive registry: the shipped data, lookups, and validation of broken data."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

import archref
from archref import Archive, RegistryError
from archref.model._keys import alias_key
from archref.registry import Registry, default_registry, load_registry, shipped_registry_texts

REGISTRY = default_registry()
ARCHIVES: list[Archive] = list(REGISTRY)

#: Every example of every archive, as (archive id, example) pairs.
EXAMPLES = [(a.id, example) for a in ARCHIVES for example in a.examples]

ISO_ALPHA2 = re.compile(r"[A-Z]{2}")


def _shipped_toml() -> dict[str, object]:
    archives: list[object] = []
    for _name, text in shipped_registry_texts():
        archives.extend(tomllib.loads(text)["archive"])
    return {"archive": archives}


# --------------------------------------------------------------------------- shipped data


def test_shipped_registry_loads() -> None:
    assert isinstance(REGISTRY, Registry)
    assert len(REGISTRY) >= 25


def test_ids_are_unique() -> None:
    raw = _shipped_toml()["archive"]
    assert isinstance(raw, list)
    ids = [entry["id"] for entry in raw]
    assert len(ids) == len(set(ids))
    assert len(ids) == len(REGISTRY)


LABEL_SETS = set(
    tomllib.loads(resources.files("archref").joinpath("data/levels.toml").read_text("utf-8"))[
        "sets"
    ]
)


@pytest.mark.parametrize("archive", ARCHIVES, ids=lambda a: a.id)
def test_every_entry_is_complete(archive: Archive) -> None:
    assert archive.name_en.strip()
    assert ISO_ALPHA2.fullmatch(archive.country)
    assert archive.examples, f"{archive.id} has no example"
    assert archive.notation in {"fonds", "tna", "nara", "barch", "signature"}
    # a label set of the level-label data (data/levels.toml)
    assert archive.labels in LABEL_SETS


@pytest.mark.parametrize("archive", ARCHIVES, ids=lambda a: a.id)
def test_every_alias_finds_its_own_archive(archive: Archive) -> None:
    names = [archive.id, *archive.acronyms, *archive.acronyms_cyrillic, *archive.names_other]
    names += [n for n in (archive.name_en, archive.name_ru, archive.name_translit) if n]
    for former in archive.former_names:
        names += [former.acronym, *former.aliases]
    for name in names:
        assert REGISTRY.get(name) == archive, name


@pytest.mark.parametrize("archive", ARCHIVES, ids=lambda a: a.id)
def test_former_names_have_ordered_years(archive: Archive) -> None:
    for former in archive.former_names:
        if former.start is not None and former.end is not None:
            assert former.start <= former.end, former


def test_the_federal_archives_are_all_there() -> None:
    federal = {
        "RGASPI", "RGANI", "GARF", "AVPRF", "APRF", "TsAMO", "RGVA", "RGAE", "RGALI",
        "RGAVMF", "TsA FSB", "AVPRI", "RGVIA", "RGIA", "RGAKFD", "RGADA", "RGANTD",
    }  # fmt: skip
    assert federal <= {a.id for a in ARCHIVES}


@pytest.mark.parametrize(
    ("archive_id", "country", "labels"),
    [("TsDAHO", "UA", "uk"), ("TsDA", "BG", "bg"), ("RA", "EE", "et"), ("RGASPI", "RU", "ru")],
)
def test_country_and_label_set(archive_id: str, country: str, labels: str) -> None:
    archive = REGISTRY.get(archive_id)
    assert archive is not None
    assert (archive.country, archive.labels) == (country, labels)


def test_tsamo_is_in_podolsk() -> None:
    archive = REGISTRY.get("ЦАМО РФ")
    assert archive is not None
    assert (archive.id, archive.city) == ("TsAMO", "Podolsk")


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("alias", "archive_id"),
    [
        # Latin, spaced and unspaced, any case
        ("RGASPI", "RGASPI"),
        ("rgaspi", "RGASPI"),
        ("AP RF", "APRF"),
        ("APRF", "APRF"),
        ("ap rf", "APRF"),
        ("AVP RF", "AVPRF"),
        ("avprf", "AVPRF"),
        ("GA RF", "GARF"),
        ("garf", "GARF"),
        ("Ts A F S B", "TsA FSB"),
        ("TSAMO RF", "TsAMO"),
        # Cyrillic, spaced and unspaced, any case
        ("РГАСПИ", "RGASPI"),
        ("ргаспи", "RGASPI"),
        ("АП РФ", "APRF"),
        ("АПРФ", "APRF"),
        ("ап рф", "APRF"),
        ("АВП РФ", "AVPRF"),
        ("ГА РФ", "GARF"),
        ("ГАРФ", "GARF"),
        ("ЦАМО РФ", "TsAMO"),
        ("ЦАМО", "TsAMO"),
        ("ЦА ФСБ", "TsA FSB"),
        ("ЦА ФСБ России", "TsA FSB"),
        ("цафсб", "TsA FSB"),
        ("ЦДАГО України", "TsDAHO"),
        ("ЦДА", "TsDA"),
        # full names in three forms, with dots and no-break spaces
        ("Russian State Archive of Socio-Political History", "RGASPI"),
        ("Российский государственный архив социально-политической истории", "RGASPI"),
        ("Rossiiskii gosudarstvennyi arkhiv sotsial'no-politicheskoi istorii", "RGASPI"),
        ("State\u00a0Archive of the Russian Federation", "GARF"),
        ("Gosudarstvennyi arkhiv Rossiiskoi Federatsii", "GARF"),
        ("A.P. R.F.", "APRF"),
        # regional archives cited in the corpus
        ("ГАОО", "GAOO"),
        ("ОГАЧО", "OGAChO"),
        ("ЦГА Республики Мордовия", "TsGA RM"),
        ("ГАВО", "GAVO"),
        ("ЦГАКО", "TsGAKO"),
        ("Архив УФСБ РФ по Республике Марий Эл", "AUFSB-RME"),
        ("Rahvusarhiiv", "RA"),
    ],
)
def test_lookup_is_case_space_and_script_insensitive(alias: str, archive_id: str) -> None:
    archive = REGISTRY.get(alias)
    assert archive is not None, alias
    assert archive.id == archive_id
    assert alias in REGISTRY


@pytest.mark.parametrize(
    ("alias", "archive_id", "former"),
    [
        ("TsKhSD", "RGANI", "TsKhSD"),
        ("ЦХСД", "RGANI", "TsKhSD"),
        ("RTsKhIDNI", "RGASPI", "RTsKhIDNI"),
        ("RTsKHIDNI", "RGASPI", "RTsKhIDNI"),
        ("РЦХИДНИ", "RGASPI", "RTsKhIDNI"),
        ("TsPA IML", "RGASPI", "TsPA IML"),
        ("ЦПА ИМЛ", "RGASPI", "TsPA IML"),
        ("TsKhDMO", "RGASPI", "TsKhDMO"),
        ("TsGAOR", "GARF", "TsGAOR SSSR"),
        ("ЦГАОР СССР", "GARF", "TsGAOR SSSR"),
        ("TsGA RSFSR", "GARF", "TsGA RSFSR"),
        ("TsGAORiSS", "GARF", "TsGAORiSS SSSR"),
        ("AVP SSSR", "AVPRF", "AVP SSSR"),
        ("TsAMO SSSR", "TsAMO", "TsAMO SSSR"),
        ("TsGASA", "RGVA", "TsGASA"),
        ("TsKhIDK", "RGVA", "TsKhIDK"),
        ("TsGANKh SSSR", "RGAE", "TsGANKh SSSR"),
        ("ЦГАЛИ", "RGALI", "TsGALI SSSR"),
        ("TsGAVMF SSSR", "RGAVMF", "TsGAVMF SSSR"),
        ("TsA KGB SSSR", "TsA FSB", "TsA KGB SSSR"),
        ("ЦА КГБ", "TsA FSB", "TsA KGB SSSR"),
        ("AVPR", "AVPRI", "AVPR"),
        ("TsGVIA", "RGVIA", "TsGVIA SSSR"),
        ("TsGIA SSSR", "RGIA", "TsGIA SSSR"),
        ("TsGAKFD", "RGAKFD", "TsGAKFD SSSR"),
        ("ЦГАДА", "RGADA", "TsGADA"),
    ],
)
def test_former_names_resolve_to_successor(alias: str, archive_id: str, former: str) -> None:
    hit = REGISTRY.lookup(alias)
    assert hit is not None, alias
    assert hit.archive.id == archive_id
    assert hit.former is not None
    assert hit.former.acronym == former
    assert hit.archive.former_name(alias) == hit.former


def test_former_name_carries_its_years() -> None:
    hit = REGISTRY.lookup("TsKhSD")
    assert hit is not None and hit.former is not None
    assert (hit.former.start, hit.former.end) == (1991, 1999)
    assert str(hit.former) == "TsKhSD (1991-1999)"


def test_current_name_is_not_a_former_name() -> None:
    hit = REGISTRY.lookup("RGANI")
    assert hit is not None
    assert hit.archive.id == "RGANI"
    assert hit.former is None


def test_former_full_name_resolves_too() -> None:
    hit = REGISTRY.lookup("Центр хранения современной документации")
    assert hit is not None and hit.former is not None
    assert (hit.archive.id, hit.former.acronym) == ("RGANI", "TsKhSD")


@pytest.mark.parametrize("alias", ["No Such Archive", "ГАОрО", "NARAX", "RGASPI f. 17", ""])
def test_unknown_aliases(alias: str) -> None:
    assert REGISTRY.get(alias) is None
    assert REGISTRY.lookup(alias) is None
    assert alias not in REGISTRY


def test_non_string_is_not_contained() -> None:
    assert 558 not in REGISTRY


def test_alias_keys_ignore_case_space_and_dots() -> None:
    assert alias_key("AP RF") == alias_key("APRF") == alias_key("a.p.\u00a0r.f.")
    assert alias_key("ЦА ФСБ") == alias_key("цафсб")


def test_aliases_are_all_indexed() -> None:
    keys = dict(REGISTRY.aliases())
    assert keys[alias_key("АП РФ")].archive.id == "APRF"
    assert keys[alias_key("TsKhSD")].former is not None


# --------------------------------------------------------------------------- examples parse


@pytest.mark.parametrize(("archive_id", "example"), EXAMPLES)
def test_every_example_parses_to_its_archive(archive_id: str, example: str) -> None:
    from archref.notations.nara import held_by

    ref = archref.parse(example)
    assert ref.archive is not None, example
    # an archive whose records another now holds (the Department of State's files
    # at the National Archives) gives references of the holder
    assert ref.archive.id == held_by(REGISTRY.get(archive_id)).id


@pytest.mark.parametrize(
    ("example", "former"),
    [
        ("TsKhSD, f. 5, op. 28, d. 103, l. 2", True),
        ("RTsKhIDNI, f. 17, op. 162, d. 7, l. 99", True),
        ("RGASPI, f. 558, op. 11, d. 62, ll. 71-72", False),
    ],
)
def test_examples_under_a_former_name_say_so(example: str, former: bool) -> None:
    assert archref.parse(example).is_former_name is former


# --------------------------------------------------------------------------- broken data

GOOD = """
[[archive]]
id = "AAA"
name_en = "Archive A"
acronyms = ["AAA"]
examples = ["AAA, f. 1, op. 1, d. 1"]

[[archive.former]]
acronym = "OLD-A"
start = 1950
end = 1960
"""

#: One archive with one former name; a test appends the former's other fields.
ONE_FORMER = '[[archive]]\nid = "AAA"\nname_en = "A"\n[[archive.former]]\nacronym = "X"\n'


def test_minimal_registry_loads_with_defaults() -> None:
    reg = load_registry(GOOD)
    archive = reg.get("aaa")
    assert archive is not None
    assert (archive.country, archive.notation, archive.labels) == ("RU", "fonds", "ru")
    hit = reg.lookup("old a")
    assert hit is not None and hit.former is not None
    assert (hit.former.start, hit.former.end) == (1950, 1960)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            GOOD + '\n[[archive]]\nid = "AAA"\nname_en = "Another"\n',
            "duplicate archive id 'AAA'",
            id="duplicate-id",
        ),
        pytest.param(
            '[[archive]]\nid = "AAA"\nname_en = "A"\nname_fr = "Archive A"\n',
            "unknown field(s) ['name_fr']",
            id="unknown-field",
        ),
        pytest.param(
            ONE_FORMER + "year = 1\n",
            "unknown field(s) ['year']",
            id="unknown-former-field",
        ),
        pytest.param(
            ONE_FORMER + "start = 19\n",
            "start must be a year, not 19",
            id="bad-year",
        ),
        pytest.param(
            ONE_FORMER + 'end = "1991"\n',
            "end must be a year, not '1991'",
            id="year-as-string",
        ),
        pytest.param(
            ONE_FORMER + "start = 1999\nend = 1991\n",
            "start 1999 is after end 1991",
            id="start-after-end",
        ),
        pytest.param(
            GOOD + '\n[[archive]]\nid = "BBB"\nname_en = "Archive B"\nacronyms = ["A A A"]\n',
            "alias 'A A A' of BBB already names AAA",
            id="colliding-alias",
        ),
        pytest.param(
            GOOD + '\n[[archive]]\nid = "BBB"\nname_en = "Archive B"\n'
            '[[archive.former]]\nacronym = "old-a"\n',
            "alias 'old-a' of BBB already names AAA",
            id="colliding-former-name",
        ),
        pytest.param(
            '[[archive]]\nid = "AAA"\nname_en = "A"\n[[archive.former]]\nname_en = "Old"\n',
            "needs an 'acronym' string",
            id="former-without-acronym",
        ),
        pytest.param(
            '[[archive]]\nid = "AAA"\nacronyms = ["AAA"]\n',
            "AAA: 'name_en' is required",
            id="missing-name-en",
        ),
        pytest.param('[[archive]]\nname_en = "A"\n', "has no 'id'", id="missing-id"),
        pytest.param(
            '[[archive]]\nid = "AAA"\nname_en = "A"\nnotation = "ipn"\n',
            "unknown notation 'ipn'",
            id="unknown-notation",
        ),
        pytest.param(
            '[[archive]]\nid = "AAA"\nname_en = "A"\nlabels = "de"\n',
            "unknown label set 'de'",
            id="unknown-label-set",
        ),
        pytest.param(
            '[[archive]]\nid = "AAA"\nname_en = "A"\nacronyms = [" . "]\n',
            "empty alias",
            id="empty-alias",
        ),
        pytest.param('archive = "AAA"\n', "array of [[archive]] tables", id="no-archive-table"),
        pytest.param("[[archive]\n", "not valid TOML", id="invalid-toml"),
    ],
)
def test_broken_registry_is_rejected(text: str, message: str) -> None:
    with pytest.raises(RegistryError) as excinfo:
        load_registry(text)
    assert message in str(excinfo.value)


def test_one_archive_may_repeat_its_own_alias() -> None:
    text = GOOD.replace('acronyms = ["AAA"]', 'acronyms = ["AAA", "A.A.A.", "a a a"]')
    assert load_registry(text).get("A A A") is not None


def test_a_former_full_name_shared_by_two_archives_is_tolerated() -> None:
    text = (
        '[[archive]]\nid = "AAA"\nname_en = "A"\n'
        '[[archive.former]]\nacronym = "X1"\nname_en = "Central Archive"\n'
        '[[archive]]\nid = "BBB"\nname_en = "B"\n'
        '[[archive.former]]\nacronym = "X2"\nname_en = "Central Archive"\n'
    )
    reg = load_registry(text)
    hit = reg.lookup("Central Archive")
    assert hit is not None and hit.archive.id == "AAA"


def test_registry_error_is_an_archref_error() -> None:
    assert issubclass(RegistryError, archref.ArchrefError)


def test_shipped_registry_is_every_file_of_the_folder() -> None:
    names = [name for name, _text in shipped_registry_texts()]
    assert names == sorted(names)
    assert len(names) >= 2
    total = sum(len(tomllib.loads(text)["archive"]) for _name, text in shipped_registry_texts())
    assert total == len(REGISTRY)


def test_the_prefixes_of_an_archives_fonds() -> None:
    text = GOOD.replace('acronyms = ["AAA"]', 'acronyms = ["AAA"]\nfond_prefixes = ["R", "A"]')
    archive = load_registry(text).get("AAA")
    assert archive is not None and archive.fond_prefixes == ("R", "A")
    for bad in ('["р"]', '["RR1"]', '"R"', "[1]"):
        with pytest.raises(RegistryError, match="fond_prefixes"):
            load_registry(
                GOOD.replace('acronyms = ["AAA"]', f'acronyms = ["AAA"]\nfond_prefixes = {bad}')
            )
    garf = default_registry().get("GARF")
    assert garf is not None and garf.fond_prefixes == ("R", "A")
