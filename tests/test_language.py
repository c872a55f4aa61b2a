"""The language of a published work, guessed from its own title.

The titles are real: books and articles of Cold War and Soviet history as
the notes cite them. What matters for rendering is the line between "en"
(a style may title-case the title) and everything else; a wrong "und" costs
a lower-case word, a wrong "en" a mangled title.
"""

from __future__ import annotations

import pytest

import archref
from archref.notations.published import PublishedMatch, find, guess_language, parse


@pytest.mark.parametrize(
    "title",
    [
        "The Cold War in Asia",
        "Stalin's Letters to Molotov, 1925-1936",
        "Stalin’s letters to Molotov, 1925-1936",
        "Uncertain Partners: Stalin, Mao, and the Korean War",
        "The Sino-Soviet Split: Cold War in the Communist World",
        "Two Suns in the Heavens: The Sino-Soviet Struggle for Supremacy, 1962–1967",
        "Mao and the Sino-Soviet Partnership, 1945-1959: A New History",
        "Soviet Aims in Korea and the Origins of the Korean War, 1945-50: "
        "New Evidence from the Russian Archives",
        "A World on Fire: Britain’s Crucial Role in the American Civil War",
    ],
)
def test_english(title: str) -> None:
    assert guess_language(title) == "en"


@pytest.mark.parametrize(
    "title",
    [
        "Die Allgemeine Wehrpflicht in Russland: Zwischen militärischem Anspruch und "
        "zivilen Interessen",
        "Der rote Terror: Die Geschichte des Stalinismus",
        "Geschichte der Sowjetunion 1917–1991",
    ],
)
def test_german(title: str) -> None:
    assert guess_language(title) == "de"


@pytest.mark.parametrize(
    "title",
    [
        "Histoire de l'Union soviétique",
        "L'Empire éclaté",
        "Le Livre noir du communisme",
    ],
)
def test_french(title: str) -> None:
    assert guess_language(title) == "fr"


@pytest.mark.parametrize(
    "title",
    [
        # "i", "v", "na" are Russian function words, "-skii", "-aia", "-iia" its endings
        "Sovetskii Soiuz i Koreiskaia voina",
        "Istoriia Kommunisticheskoi partii Sovetskogo Soiuza",
        "Kholodnaia voina i politika razriadki: diskussionnye problemy",
        "Zagadochnaia voina: koreiskii konflikt 1950–1953 godov",
        "Stalin, Mao Tsedunh I Koreiskaia Voina 1950-1953 godov",
        "Novaya I noveishaya istoriia",
        "Reabilitatsiia",
        "Na perelome",
    ],
)
def test_transliterated_russian_is_undetermined(title: str) -> None:
    assert guess_language(title) == "und"


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Сталин, НКВД и репрессии 1936—1938 гг.", "ru"),
        ("Политбюро : Механизмы политической власти в 30-е годы", "ru"),
        ("История КПСС и XX съезд", "ru"),  # a Roman numeral is not Latin script
        ("Історія України-Руси", "uk"),
        ("Гісторыя Беларусі", "be"),
        # the spelling before 1918: і beside и, with ъ and ѣ
        ("Исторія Россійская съ самыхъ древнѣйшихъ временъ", "ru"),
    ],
)
def test_cyrillic(title: str, language: str) -> None:
    assert guess_language(title) == language


@pytest.mark.parametrize(
    "title",
    [
        None,
        "",
        "1950",
        "Stalin",
        "Hamilton Fish",
        "A. S. Prokhanov",  # initials, not the article "a"
        "Minguo shiqi Zhong Su guanxi shi, 1917-1949",
        "Historia de la Unión Soviética",  # Spanish: no answer rather than French
        "Cold War и Советский Союз",  # mixed scripts
        "I Chose Freedom",  # "I" may be Russian "и" in a transliteration
    ],
)
def test_too_short_or_mixed_is_undetermined(title: str | None) -> None:
    assert guess_language(title) == "und"


def test_the_container_decides_when_the_title_says_nothing() -> None:
    assert guess_language(None, "Известия ЦК КПСС") == "ru"
    assert guess_language("Hamilton Fish", "Journal of Modern European History") == "en"
    assert guess_language("A. S. Prokhanov", "Sovremennoe slovo") == "und"


def test_a_container_in_another_language_keeps_an_english_title_undetermined() -> None:
    # a style title-cases the journal's name with the title: "Voprosy Istorii"
    assert guess_language("The Korean War", "Voprosy istorii") == "und"
    assert (
        guess_language("The Korean War", "Cold War International History Project Bulletin") == "en"
    )
    assert guess_language("Die Allgemeine Wehrpflicht", "Journal of Modern European History") == (
        "de"
    )


def test_each_work_of_a_note_gets_its_own_language() -> None:
    note = (
        "RGIA, f. 776, op. 8, d. 2015, l. 3; Werner Benecke, “Die Allgemeine Wehrpflicht "
        "in Russland,” Journal of Modern European History 5, no. 2 (2007): 250–51; "
        "William Stueck, The Korean War: An International History (Princeton, 1997); "
        "Andrei Ledovskii, “Stalin, Mao Tsedunh i koreiskaia voina 1950-1953 godov,” "
        "Novaia i noveishaia istoriia, No. 5 (2005): 79-113."
    )
    works = [m.work for m in find(note) if isinstance(m, PublishedMatch)]
    assert [(w.title, w.language) for w in works] == [
        ("Die Allgemeine Wehrpflicht in Russland", "de"),
        ("The Korean War: An International History", "en"),
        ("Stalin, Mao Tsedunh i koreiskaia voina 1950-1953 godov", "und"),
    ]
    assert [w.to_csl_json()["language"] for w in works] == ["de", "en", "und"]


def test_a_russian_note_citing_an_english_work() -> None:
    # the note is Russian (GOST, "С." for the page); the book is English
    work = parse("Stueck W. The Korean War: An International History. Princeton, 1995. С. 31.")
    assert (work.kind, work.pages, work.language) == ("book", "31", "en")


def test_rendering_title_cases_english_and_keeps_transliteration() -> None:
    english = parse(
        "Lars T. Lih, Oleg V. Naumov and Oleg V. Khlevniuk, eds., Stalin's letters to "
        "Molotov, 1925-1936 (New Haven: Yale University Press, 1995)"
    )
    russian = parse(
        'Andrei Ledovskii, "Stalin, Mao Tsedunh i koreiskaia voina 1950-1953 godov," '
        "Novaia i noveishaia istoriia, No. 5 (September-October 2005), 79-113."
    )
    assert (english.language, russian.language) == ("en", "und")
    [book] = archref.render([english.to_csl_json()], "chicago-notes-bibliography")
    [article] = archref.render([russian.to_csl_json()], "chicago-notes-bibliography")
    # the English title is in sentence case in the note and title case in Chicago
    assert "Stalin’s Letters to Molotov, 1925-1936." in book
    # the transliterated one keeps its lower-case words, journal included
    assert "“Stalin, Mao Tsedunh i koreiskaia voina 1950-1953 godov.”" in article
    assert "Novaia i noveishaia istoriia, no. 5" in article
