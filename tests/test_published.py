"""Published sources in notes: parsing, finding, [Source] notes, CSL-JSON, speed."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from archref.model import ParseError, PartialDate, Person, PublishedWork
from archref.notations.published import (
    CreditMatch,
    PublishedMatch,
    find,
    find_source_notes,
    parse,
    parse_date,
    parse_person,
)
from work import Repeated, assert_linear

DATA = Path(__file__).parent / "data"


def names(work: PublishedWork) -> list[tuple[str | None, str | None]]:
    return [(p.family, p.given) for p in work.authors]


def publications(text: str) -> list[PublishedMatch]:
    return [m for m in find(text) if isinstance(m, PublishedMatch)]


# --------------------------------------------------------------------------- names and dates


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Bajanov, Evgueni", "Bajanov", "Evgueni"),
        ("Andrei Ledovskii", "Ledovskii", "Andrei"),
        ("Хлевнюк О. В.", "Хлевнюк", "О. В."),
        ("О. В. Хлевнюк", "Хлевнюк", "О. В."),
        ("Kathryn Weathersby", "Weathersby", "Kathryn"),
        ("Michael J. Devine", "Devine", "Michael J."),
    ],
)
def test_person(text: str, family: str, given: str) -> None:
    person = parse_person(text)
    assert (person.family, person.given, person.literal) == (family, given, None)


def test_institution_is_literal() -> None:
    assert parse_person("U.S. Department of State") == Person(literal="U.S. Department of State")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Winter 1995/1996", PartialDate(year=1995, end_year=1996, season="winter")),
        (
            "September-October 2005",
            PartialDate(year=2005, month=9, end_year=2005, end_month=10),
        ),
        ("November 1993", PartialDate(year=1993, month=11)),
        ("April 6, 1912", PartialDate(year=1912, month=4, day=6)),
        ("9 November 1989", PartialDate(year=1989, month=11, day=9)),
        ("2007", PartialDate(year=2007)),
    ],
)
def test_dates(text: str, expected: PartialDate) -> None:
    date = parse_date(text)
    assert date == expected
    assert date.text == text


def test_not_a_date() -> None:
    with pytest.raises(ParseError):
        parse_date("Princeton")


# --------------------------------------------------------------------------- Chicago notes


def test_bulletin_article() -> None:
    w = parse(
        'Bajanov, Evgueni, "Assessing the Politics of the Korean War, 1949-1951," Cold War '
        "International History Project Bulletin, No. 6/7 (Winter 1995/1996): 54"
    )
    assert w.kind == "article"
    assert names(w) == [("Bajanov", "Evgueni")]
    assert w.title == "Assessing the Politics of the Korean War, 1949-1951"
    assert w.container_title == "Cold War International History Project Bulletin"
    assert (w.volume, w.issue, w.pages) == (None, "6/7", "54")
    assert w.date == PartialDate(year=1995, end_year=1996, season="winter")
    assert w.language == "en"
    assert w.unparsed == ()


def test_working_paper() -> None:
    w = parse(
        'Weathersby, Kathryn, "Soviet Aims in Korea and the Origins of the Korean War, '
        '1945-1950: New Evidence from Russian Archives," Working Paper No. 8, Cold War '
        "International History Project, (November 1993)."
    )
    assert w.kind == "working-paper"
    assert names(w) == [("Weathersby", "Kathryn")]
    assert w.title == (
        "Soviet Aims in Korea and the Origins of the Korean War, 1945-1950: "
        "New Evidence from Russian Archives"
    )
    assert (w.number, w.issue, w.container_title) == ("8", None, None)
    assert w.collection_title == "Cold War International History Project"
    assert w.date == PartialDate(year=1993, month=11)


def test_journal_volume_issue() -> None:
    w = parse(
        "Werner Benecke, “Die Allgemeine Wehrpflicht in Russland: Zwischen militärischem "
        "Anspruch und zivilen Interessen,” Journal of Modern European History 5, no. 2 "
        "(2007): 250–51"
    )
    assert w.kind == "article"
    assert names(w) == [("Benecke", "Werner")]
    assert w.title == (
        "Die Allgemeine Wehrpflicht in Russland: Zwischen militärischem Anspruch und "
        "zivilen Interessen"
    )
    assert w.container_title == "Journal of Modern European History"
    assert (w.volume, w.issue, w.year, w.pages) == ("5", "2", 2007, "250–51")


def test_newspaper() -> None:
    w = parse("Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo (April 6, 1912).")
    assert w.kind == "newspaper"
    assert names(w) == [("Ivanov", "Pavel")]
    assert (w.title, w.container_title) == ("A. S. Prokhanov", "Sovremennoe slovo")
    assert w.date == PartialDate(year=1912, month=4, day=6)


def test_book_with_author() -> None:
    w = parse("William Stueck, The Korean War: An International History (Princeton, 1997)")
    assert w.kind == "book"
    assert names(w) == [("Stueck", "William")]
    assert w.title == "The Korean War: An International History"
    assert (w.place, w.publisher, w.year) == ("Princeton", None, 1997)


def test_book_in_italics() -> None:
    w = parse(
        "*Rethinking the Korean War: A New Diplomatic and Strategic History* (Princeton, 2004)"
    )
    assert (w.kind, w.authors) == ("book", ())
    assert w.title == "Rethinking the Korean War: A New Diplomatic and Strategic History"
    assert (w.place, w.year) == ("Princeton", 2004)


def test_publication_facts_alone() -> None:
    w = parse("(Beijing: Zhonggong dangshi chubanshe, 2008)")
    assert (w.kind, w.title) == ("book", None)
    assert (w.place, w.publisher, w.year) == ("Beijing", "Zhonggong dangshi chubanshe", 2008)


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Foreign Relations of the United States, 1945, vol. VI, pp. 650-4", None),
        (
            "Department of State, Foreign Relations of the United States, 1945, vol. VI, "
            "pp. 650-4.",
            "Department of State",
        ),
    ],
)
def test_frus_volume(text: str, author: str | None) -> None:
    w = parse(text)
    assert w.kind == "document-collection"
    # the year is the span of the volume, part of its title, not its publication date
    assert (w.title, w.date) == ("Foreign Relations of the United States, 1945", None)
    assert (w.volume, w.pages) == ("VI", "650-4")
    assert [a.literal for a in w.authors] == ([author] if author else [])


def test_frus_with_a_dangling_label_keeps_it() -> None:
    w = parse(
        "U.S. Department of State, Foreign Relations of the United States, The Conference "
        "of Berlin (Potsdam) 1945, 1960, vol."
    )
    assert w.kind == "document-collection"
    assert (
        w.title == "Foreign Relations of the United States, The Conference of Berlin (Potsdam) 1945"
    )
    assert (w.year, w.volume) == (1960, None)
    assert w.unparsed == ("vol.",)


def test_chapter_with_editor() -> None:
    w = parse(
        "Michael J. Devine, “Hamilton Fish,” in Edward S. Mihalkanin, ed., American "
        "Statesmen: Secretaries of State from John Jay to Colin Powell (Westport: Greenwood "
        "Press, 2004), pp. 192–195"
    )
    assert w.kind == "chapter"
    assert (w.title, w.container_title) == (
        "Hamilton Fish",
        "American Statesmen: Secretaries of State from John Jay to Colin Powell",
    )
    assert [str(e) for e in w.editors] == ["Edward S. Mihalkanin"]
    assert (w.place, w.publisher, w.year, w.pages) == (
        "Westport",
        "Greenwood Press",
        2004,
        "192–195",
    )


# --------------------------------------------------------------------------- GOST notes


def test_gost_book() -> None:
    w = parse(
        "Хлевнюк О. В. Политбюро : Механизмы политической власти в 30-е годы. М., 1996. С. 205–206"
    )
    assert w.kind == "book"
    assert names(w) == [("Хлевнюк", "О. В.")]
    assert w.title == "Политбюро : Механизмы политической власти в 30-е годы"
    assert (w.place, w.place_normalised, w.year, w.pages) == ("М.", "Moscow", 1996, "205–206")
    assert w.language == "ru"


def test_gost_book_without_author() -> None:
    w = parse("Реабилитация: Политические процессы 30-50-х годов. М., 1991. С. 39.")
    assert (w.kind, w.authors) == ("book", ())
    assert w.title == "Реабилитация: Политические процессы 30-50-х годов"
    assert (w.place_normalised, w.year, w.pages) == ("Moscow", 1991, "39")


def test_gost_article() -> None:
    w = parse(
        "Сануков К. Н. Расправа над так называемым «штабом марийских буржуазных "
        "националистов» // Марийский юридический вестник. 2012. Вып. 9. С. 25."
    )
    assert w.kind == "article"
    assert names(w) == [("Сануков", "К. Н.")]
    assert w.title == "Расправа над так называемым «штабом марийских буржуазных националистов»"
    assert w.container_title == "Марийский юридический вестник"
    assert (w.year, w.issue, w.pages) == (2012, "9", "25")


def test_gost_journal_issue() -> None:
    w = parse("Известия ЦК КПСС. 1990. № 11. С.124.")
    assert (w.kind, w.title, w.container_title) == ("article", None, "Известия ЦК КПСС")
    assert (w.year, w.issue, w.pages) == (1990, "11", "124")


def test_gost_title_that_is_a_list_of_names() -> None:
    w = parse("Молотов, Маленков, Каганович, 1957. М., 1998. С.38–39")
    assert (w.kind, w.authors) == ("book", ())
    assert w.title == "Молотов, Маленков, Каганович, 1957"
    assert (w.place_normalised, w.year, w.pages) == ("Moscow", 1998, "38–39")


def test_gost_two_authors() -> None:
    w = parse("Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331.")
    assert names(w) == [("Хаустов", "В."), ("Самуэльсон", "Л.")]
    assert w.title == "Сталин, НКВД и репрессии 1936—1938 гг."
    assert (w.place, w.year, w.pages) == ("М.", 2009, "331")


@pytest.mark.parametrize(
    ("place", "spelled"),
    [
        ("Л.", "Leningrad"),
        ("СПб.", "St Petersburg"),
        ("Киев", "Kyiv"),
        ("М.; Л.", "Moscow; Leningrad"),
    ],
)
def test_gost_places(place: str, spelled: str) -> None:
    w = parse(f"Иванов И. И. Книга. {place}, 1930. С. 5.")
    assert (w.place, w.place_normalised) == (place, spelled)


def test_gost_publisher() -> None:
    w = parse("Хлевнюк О. В. Хозяин. М.: РОССПЭН, 2010. С. 12.")
    assert (w.place, w.publisher, w.year) == ("М.", "РОССПЭН", 2010)


def test_gost_chapter_in_collection() -> None:
    w = parse("Иванов И. И. Статья // Сборник статей. Смоленск, 1999. С. 5–10.")
    assert (w.kind, w.container_title, w.place_normalised) == (
        "chapter",
        "Сборник статей",
        "Smolensk",
    )


def test_gost_newspaper() -> None:
    w = parse("Сталин И. В. Головокружение от успехов // Правда. 1930. 2 марта.")
    assert w.kind == "newspaper"
    assert w.date == PartialDate(year=1930, month=3, day=2)


# --------------------------------------------------------------------------- unparsed, errors


def test_unrecognised_parts_are_kept() -> None:
    w = parse("Reabilitatsiia (Moscow, 1991) [a reprint]")
    assert (w.title, w.place, w.year) == ("Reabilitatsiia", "Moscow", 1991)
    assert w.unparsed == ("[a reprint]",)
    assert not w.is_complete
    w = parse(
        "*Minguo shiqi Zhong Su guanxi shi, 1917-1949* (Sino-Soviet Relations during the "
        "Republican Era, 1917-1949) (Beijing: Zhonggong dangshi chubanshe, 2008)"
    )
    assert w.title == "Minguo shiqi Zhong Su guanxi shi, 1917-1949"
    assert w.unparsed == ("(Sino-Soviet Relations during the Republican Era, 1917-1949)",)
    assert w.publisher == "Zhonggong dangshi chubanshe"


def test_second_year_is_kept_not_dropped() -> None:
    w = parse("Большой террор. 1937. М., 2000")
    assert (w.title, w.year, w.place) == ("Большой террор", 1937, "М.")
    assert w.unparsed == ("2000",)


def test_gost_tail_is_kept() -> None:
    w = parse("Реабилитация: Политические процессы 30-50-х годов. М., 1991. С.39. Списки")
    assert w.pages == "39"
    assert w.unparsed == ("Списки",)


@pytest.mark.parametrize(
    "text",
    [
        "RGASPI, f. 558, op. 11, d. 62, ll. 71-72",
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
        "ЦА ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167.",
        "Архив УФСБ РФ по Республике Марий Эл. Д. 595. Л. 186–189.",
        "Ф. 6. Оп. 1. Д. 104",
        "Записка № 3561/б // РГАСПИ. Ф.17. Оп.171. Д.378. Л.1–2.",
    ],
)
def test_archival_references_are_not_publications(text: str) -> None:
    with pytest.raises(ParseError, match="archival reference"):
        parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Там же. С.126–128",
        "Впрочем, в санкции Сталина на такое решение можно не сомневаться.",
        "Так, по предложению Вышинского 25 декабря 1935 года политбюро постановило: "
        "«Дело по обвинению Соколова передать в Военный трибунал»",
        "Stalin was by no means in a panic when he wrote to Gottwald.",
        "Paul B. Anderson, “Russian Work – Policy Study,” November 23, 1943, 6 (PBAFP KFYA).",
    ],
)
def test_prose_is_not_a_publication(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)


def test_error_points_at_the_archival_label() -> None:
    with pytest.raises(ParseError) as info:
        parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
    assert info.value.offending == "f."


# --------------------------------------------------------------------------- finding in notes


def test_find_archival_then_quoted_in() -> None:
    note = (
        "ЦА\u00a0ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167. Цит по: Хаустов В., Самуэльсон Л. "
        "Сталин, НКВД и\u00a0репрессии 1936—1938 гг. М., 2009. С.331."
    )
    [m] = find(note)
    assert isinstance(m, PublishedMatch)
    assert m.relation == "quoted-in"
    assert note[m.start : m.end] == (
        "Хаустов В., Самуэльсон Л. Сталин, НКВД и\u00a0репрессии 1936—1938 гг. М., 2009. С.331"
    )
    assert m.work.text == note[m.start : m.end]
    assert m.work.pages == "331"


def test_find_journal_after_archival() -> None:
    note = (
        "РГАСПИ. Ф.17. Оп.171. Д.378. Л.191. Опубликовано без указания места хранения: "
        "Известия ЦК\u00a0КПСС. 1990. №\u00a011. С.124. Список см.: Там\u00a0же. С.126–128)."
    )
    [m] = publications(note)
    assert m.relation == "published-in"
    assert note[m.start : m.end] == "Известия ЦК\u00a0КПСС. 1990. №\u00a011. С.124"


def test_find_two_after_semicolons() -> None:
    note = (
        "RGIA, f. 776, op. 8, d. 2015, l. 3; Werner Benecke, “Die Allgemeine Wehrpflicht in "
        "Russland: Zwischen militärischem Anspruch und zivilen Interessen,” Journal of Modern "
        "European History 5, no. 2 (2007): 250–51; Pavel Ivanov, “A. S. Prokhanov,” "
        "Sovremennoe slovo (April 6, 1912)."
    )
    found = publications(note)
    assert [m.work.kind for m in found] == ["article", "newspaper"]
    assert note[found[0].start :].startswith("Werner Benecke")
    assert note[: found[0].end].endswith("250–51")
    assert note[found[1].start : found[1].end] == (
        "Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo (April 6, 1912)"
    )


def test_find_in_prose_and_parentheses() -> None:
    note = (
        "Реабилитация: Политические процессы 30-50-х годов. М., 1991. С.39. Списки "
        "использовались Хрущевым и\u00a0в\u00a0аппаратной борьбе. Так, в\u00a0выступлении "
        "на\u00a0июньском Пленуме ЦК\u00a0КПСС (1957) сторонник Хрущева Г. К. Жуков "
        "ссылался на\u00a0эти списки (см.: Молотов, Маленков, Каганович, 1957. М., 1998. "
        "С.38–39). Вероятно, он\u00a0опирался на\u00a0справки."
    )
    found = publications(note)
    assert [note[m.start : m.end] for m in found] == [
        "Реабилитация: Политические процессы 30-50-х годов. М., 1991. С.39",
        "Молотов, Маленков, Каганович, 1957. М., 1998. С.38–39",
    ]
    assert [m.relation for m in found] == [None, "see"]


def test_find_inside_parentheses_after_archival_parentheses() -> None:
    note = (
        "См.\u00a0в\u00a0связи с\u00a0этим письмо Ежова Сталину (РГАСПИ. Ф.558. Оп.11. "
        "Д.729. Л.83–85), черновик этого письма (Хлевнюк О. В. Политбюро : Механизмы "
        "политической власти в\u00a0 30-е годы. М., 1996. С. 205–206) и, как реакция, ..."
    )
    [m] = publications(note)
    assert note[m.start : m.end].startswith("Хлевнюк О. В. Политбюро")
    assert note[m.start : m.end].endswith("С. 205–206")


def test_find_credits() -> None:
    note = (
        "RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and "
        "translated by Gary Goldberg."
    )
    found = find(note)
    assert all(isinstance(m, CreditMatch) for m in found)
    credits = [m.credit for m in found if isinstance(m, CreditMatch)]
    assert [(c.role, str(c.person)) for c in credits] == [
        ("contributor", "Sergey Radchenko"),
        ("translator", "Gary Goldberg"),
    ]


@pytest.mark.parametrize(
    "note",
    [
        "РГАСПИ. Ф. 17. Оп. 162. Д. 7. Л. 99.",
        "RGIA, fond 776 (Otdelenie kantseliarii Glavnogo upravleniia po delam pechati), op. 8, "
        "d. 2015 (Ob izdanii v gor. SPb zhurnala “Dukhovnyi khristianin”), l. 9.",
        "Yeltsin Center facsimile of the movement's papers (Ф. 6. Оп. 1. Д. 104, leaf 5)",
        "Записка №\u00a03561/б // РГАСПИ. Ф.17. Оп.171. Д.378. Л.1–2.",
        "Paul B. Anderson, “Russian Work – Policy Study,” November 23, 1943, 6 (PBAFP KFYA).",
        "“Government Publications at the Disposal of the DEPARTMENT OF STATE, in limited "
        "numbers,” Bureau of Rolls and Library, October 23, 1905, NARA, RG 59, Reports of "
        "Clerks and Bureau Officers of the Department of State, 1790–1911, M800, Roll 8, "
        "pp. 713–714.",
    ],
)
def test_find_claims_no_archival_text(note: str) -> None:
    assert publications(note) == []


def test_find_frus_after_published_in() -> None:
    note = (
        "2 The text of the memorandum (undated) is attached to Eggleston's dispatch 4/45, "
        "dated 17 August, in AA : A4231/2, Washington 1943, 1-19. It is also published in "
        "Department of State, Foreign Relations of the United States, 1945, vol. VI, pp. 650-4."
    )
    [m] = publications(note)
    assert m.relation == "published-in"
    assert note[m.start : m.end] == (
        "Department of State, Foreign Relations of the United States, 1945, vol. VI, pp. 650-4"
    )
    assert m.work.kind == "document-collection"


def test_unparsed_parts_give_diagnostics() -> None:
    note = (
        "co-author of *Minguo shiqi Zhong Su guanxi shi, 1917-1949* (Sino-Soviet Relations "
        "during the Republican Era, 1917-1949) (Beijing: Zhonggong dangshi chubanshe, 2008)."
    )
    [m] = publications(note)
    [d] = m.diagnostics
    assert d.code == "PUB101"
    assert note[d.start : d.end] == d.text == m.work.unparsed[0]


# --------------------------------------------------------------------------- the seed e-Dossier


@pytest.fixture(scope="module")
def seed() -> str:
    return (DATA / "seed_nkidp_edossier.txt").read_text("utf-8")


def test_seed_note_1(seed: str) -> None:
    start = seed.index("¹ Ledovskii")
    note = seed[start : seed.index("\n", start)]
    [m] = publications(note)
    w = m.work
    assert (w.kind, names(w)) == ("article", [("Ledovskii", "Andrei")])
    assert w.title == "Stalin, Mao Tsedunh I koreiskaia voina 1950-1953 godov"
    assert w.container_title == "Novaya I noveishaya istoriia"
    assert (w.issue, w.pages) == ("5", "79-113")
    assert w.date == PartialDate(year=2005, month=9, end_year=2005, end_month=10)


def test_seed_note_2(seed: str) -> None:
    start = seed.index("² See for example")
    note = seed[start : seed.index("\n", start)]
    found = publications(note)
    assert [(m.work.kind, names(m.work)[0][0]) for m in found] == [
        ("article", "Bajanov"),
        ("article", "Weathersby"),
        ("working-paper", "Weathersby"),
    ]
    assert [m.relation for m in found] == ["see", None, None]
    assert [(m.work.issue, m.work.pages) for m in found[:2]] == [("6/7", "54"), ("6/7", "30-40")]
    assert found[1].work.title == "New Russian Documents on the Korean War"
    paper = found[2].work
    assert (paper.number, paper.collection_title) == ("8", "Cold War International History Project")
    assert paper.date == PartialDate(year=1993, month=11)


def test_seed_source_note(seed: str) -> None:
    start = seed.index("[Source:")
    note = seed[start : seed.index("]", start) + 1]
    found = find(note)
    pubs = [m for m in found if isinstance(m, PublishedMatch)]
    credits = [m for m in found if isinstance(m, CreditMatch)]
    [article] = pubs
    w = article.work
    assert article.relation == "published-in"
    assert w.kind == "article"
    assert [str(a) for a in w.authors] == ["Andrei Ledovskii"]
    assert w.title == "Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov"
    assert w.container_title == "Novaia I Noveishaia Istoriia"
    assert (w.issue, w.year, w.pages) == ("5", 2005, "79-113")
    assert (w.date.month, w.date.end_month) == (9, 10)  # type: ignore[union-attr]
    assert w.date.text == "September-October 2005"  # type: ignore[union-attr]
    assert w.translators == ()  # the translator is of the document, not of the article
    [credit] = credits
    assert (credit.credit.role, str(credit.credit.person)) == ("translator", "Gary Goldberg")
    assert credit.credit.on_behalf_of == "NKIDP"
    assert note[credit.start : credit.end] == "Translated for NKIDP by Gary Goldberg"


def test_seed_source_note_structure(seed: str) -> None:
    [sn] = find_source_notes(seed)
    assert seed[sn.start] == "[" and seed[sn.end - 1] == "]"
    assert seed[sn.archival_start : sn.archival_end] == (  # type: ignore[misc]
        "Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, "
        "delo 62, listy 71-72"
    )
    assert [m.work.container_title for m in sn.publications] == ["Novaia I Noveishaia Istoriia"]
    assert [str(c.credit.person) for c in sn.credits] == ["Gary Goldberg"]


def test_seed_books_in_prose(seed: str) -> None:
    titles = [(m.work.kind, m.work.title, m.work.year) for m in publications(seed)]
    assert ("book", "The Korean War: An International History", 1997) in titles
    assert (
        "book",
        "Rethinking the Korean War: A New Diplomatic and Strategic History",
        2004,
    ) in titles
    assert ("book", "Minguo shiqi Zhong Su guanxi shi, 1917-1949", 2008) in titles
    # nothing in the prose or the letter is taken for a publication
    assert len(titles) == 8


# --------------------------------------------------------------------------- CSL-JSON


def test_csl_json_article() -> None:
    w = parse(
        'Andrei Ledovskii, "Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov," Novaia I '
        "Noveishaia Istoriia, No. 5 (September-October 2005), 79-113."
    )
    assert w.to_csl_json() == {
        "id": "ledovskii-2005",
        "type": "article-journal",
        "author": [{"family": "Ledovskii", "given": "Andrei"}],
        "title": "Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov",
        "container-title": "Novaia I Noveishaia Istoriia",
        "issue": "5",
        "issued": {"date-parts": [[2005, 9], [2005, 10]]},
        "page": "79-113",
        "language": "und",  # the title is transliterated Russian
    }


def test_titles_in_latin_script_are_kept_as_written_when_rendered() -> None:
    import archref

    w = parse(
        "Werner Benecke, “Die Allgemeine Wehrpflicht in Russland: Zwischen militärischem "
        "Anspruch und zivilen Interessen,” Journal of Modern European History 5, no. 2 "
        "(2007): 250–51"
    )
    (entry,) = archref.render([w.to_csl_json()])
    assert "Zwischen militärischem Anspruch und zivilen Interessen" in entry


def test_csl_json_types_and_places() -> None:
    book = parse("Хлевнюк О. В. Политбюро. М., 1996. С. 205–206").to_csl_json(id="x")
    assert book["type"] == "book"
    assert book["publisher-place"] == "Moscow"
    assert book["author"] == [{"family": "Хлевнюк", "given": "О. В."}]
    assert book["language"] == "ru"
    paper = parse(
        'Weathersby, Kathryn, "Soviet Aims in Korea," Working Paper No. 8, Cold War '
        "International History Project, (November 1993)."
    ).to_csl_json()
    assert (paper["type"], paper["number"], paper["collection-title"]) == (
        "report",
        "8",
        "Cold War International History Project",
    )
    bulletin = parse(
        'Bajanov, Evgueni, "Assessing the Politics of the Korean War, 1949-1951," Cold War '
        "International History Project Bulletin, No. 6/7 (Winter 1995/1996): 54"
    ).to_csl_json()
    assert bulletin["issued"] == {"date-parts": [[1995], [1996]], "season": 4}
    news = parse("Pavel Ivanov, “A. S. Prokhanov,” Sovremennoe slovo (April 6, 1912).")
    assert news.to_csl_json()["type"] == "article-newspaper"
    frus = parse("U.S. Department of State, Foreign Relations of the United States, 1945, vol. VI")
    assert frus.to_csl_json()["author"] == [{"literal": "U.S. Department of State"}]


def test_text_is_not_part_of_equality() -> None:
    a = parse("Реабилитация: Политические процессы 30-50-х годов. М., 1991. С. 39.")
    b = parse("Реабилитация: Политические процессы 30-50-х годов.  М.,  1991.  С. 39")
    assert a == b
    assert a.text != b.text
    assert hash(a) == hash(b)


# --------------------------------------------------------------------------- speed


@pytest.mark.parametrize(
    "unit",
    [
        "1",
        "1 ",
        ",",
        '"',
        "“a,” ",
        "М., ",
        "М., 1996. ",
        "(",
        "(a ",
        "Aa. ",
        "A: ",
        "*a ",
        "Хлевнюк О. В. ",
        "С. 1. ",
        "vol. 5, no. 2 ",
        "John Smith, ",
        "См.: ",
        " // ",
    ],
)
def test_pathological_input_is_linear(unit: str) -> None:
    make = Repeated(unit, 100_000 // len(unit))
    # work counted, not timed: ten times the input makes at most ~ten times the calls,
    # from 5,000 to 50,000 characters (far beyond a reader's reach of 1,000)
    n = make.times // 20
    found = assert_linear(find, make, n)
    assert len(found.result_10n) <= 10 * len(found.result_n) + 1
    parsed = assert_linear(_parsed, make, n)
    # the input parses at both sizes or at neither
    assert (parsed.result_n is None) == (parsed.result_10n is None)


def _parsed(text: str) -> PublishedWork | None:
    with contextlib.suppress(ParseError):
        return parse(text)
    return None
