"""The fond family in real notes: the ways of writing that the development set showed.

Each case is a real note (or the part of it that holds the reference), as
published; the source is given with each. The Memorial-derived entries are
paragraphs of the lists in ``eharvey328/proj_v2`` at commit 0d359a240097
(``docs/*.docx``), the English ones pages of
``read-jfk-files/JFK_Russia_Translated_2025`` at commit 000cb509ae52
(``pages/page_*.txt``); see ``tests/data/realworld/README.md``.
"""

from __future__ import annotations

import archref
from archref import ArchivalReference
from archref.notations import fonds


def found(text: str) -> list[ArchivalReference]:
    return [
        c.reference for c in archref.extract(text) if isinstance(c.reference, ArchivalReference)
    ]


def summary(ref: ArchivalReference) -> tuple[str | None, list[tuple[str, str]], str | None]:
    archive = ref.archive.id if ref.archive is not None else None
    folios = None if ref.folios is None else str(ref.folios)
    return archive, [(lv.kind, lv.value) for lv in ref.levels], folios


# --------------------------------------------------------------------------- archive, then levels


def test_a_semicolon_between_the_archive_and_its_levels() -> None:
    # Русские_1938.docx, paragraph 1056
    text = (
        "Реабилитирована 14 января 1958 г. ВТ Уральского военного округа. Архивное дело: "
        "Объединенный госархив  Челябинской обл.; Фонд Р-467, Опись 6, Дело 9\n"
        "Источники данных: Книга памяти Челябинской обл.;   Архивная ссылка"
    )
    (ref,) = found(text)
    assert summary(ref) == ("OGAChO", [("fond", "R-467"), ("opis", "6"), ("delo", "9")], None)
    assert ref.archive_as_cited == "Объединенный госархив  Челябинской обл"


def test_a_semicolon_between_the_archive_and_a_list_of_files() -> None:
    # Русские_1938.docx: "Дело 27, 34, 29-47" is three files
    text = (
        "Архивное дело: Объединенный гос.архив Челябинской области; "
        "Фонд Р-467, Опись 3, Дело 27, 34, 29-47"
    )
    assert [summary(r)[:2] for r in found(text)] == [
        ("OGAChO", [("fond", "R-467"), ("opis", "3"), ("delo", d)]) for d in ("27", "34", "29-47")
    ]


def test_a_dash_between_the_archive_and_its_levels() -> None:
    # Немки.docx, paragraph 480
    text = (
        "реабилитир. 14.07.1989 г. Прокуратурой Крымской обл. "
        "(ГААРК. – Ф. р-4808, оп. 1, д. 014981)."
    )
    (ref,) = found(text)
    assert summary(ref) == ("GARK", [("fond", "R-4808"), ("opis", "1"), ("delo", "014981")], None)


def test_the_levels_in_a_parenthesis_after_the_archive() -> None:
    # page_0259.txt, note 200
    text = (
        "Photocopy of L. Johnson's original letter is stored in AVP RF "
        "(F. 0129. Op. 47a. P. 430. D. 1. L. 64)."
    )
    (ref,) = found(text)
    assert summary(ref) == (
        "AVPRF",
        [("fond", "0129"), ("opis", "47a"), ("papka", "430"), ("delo", "1")],
        "64",
    )
    assert ref.text == "AVP RF (F. 0129. Op. 47a. P. 430. D. 1. L. 64"


def test_an_acronym_in_a_parenthesis_is_still_skipped() -> None:
    # the form the registry's examples use: a name, its acronym, then the levels
    (ref,) = found("State Archive of Vologda Oblast (GAVO), f. 1, op. 2, d. 3")
    assert summary(ref)[:2] == ("GAVO", [("fond", "1"), ("opis", "2"), ("delo", "3")])


# --------------------------------------------------------------------------- glued words


def test_the_next_line_glued_to_the_file_number() -> None:
    # Русские_1938.docx, paragraph 6541: the line break before "Источник" was lost
    text = (
        "Реабилитация: 30.09.1957. Арх.дело: ГУ ОГАЧО. Ф. Р-467. Оп. 3. Д. 2196Источник: "
        "Книга памяти Челябинской обл.;   Архивная ссылка"
    )
    (ref,) = found(text)
    assert summary(ref) == ("OGAChO", [("fond", "R-467"), ("opis", "3"), ("delo", "2196")], None)
    assert ref.text == "ГУ ОГАЧО. Ф. Р-467. Оп. 3. Д. 2196"


def test_a_letter_suffix_of_a_file_is_kept() -> None:
    # identifiers with letters stay whole: "059a", "1Б"
    (ref,) = found("AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160")
    assert summary(ref)[1][0] == ("fond", "059a")
    (ref,) = found("РГАСПИ. Ф. 17. Оп. 3. Д. 1Б. Л. 2.")
    assert ("delo", "1B") in summary(ref)[1]  # stored in Latin letters


def test_a_label_glued_to_the_word_before_it() -> None:
    # Еврейки.docx, paragraph 798: a database that printed its fields with no space
    text = (
        "наказания (27.01.1938). Дата реабилитации13.09.1966. ВТ Уральского военного "
        "округаФондР-467Опись6Дело214-216"
    )
    (ref,) = found(text)
    assert summary(ref)[1] == [("fond", "R-467"), ("opis", "6"), ("delo", "214-216")]
    assert ref.text == "ФондР-467Опись6Дело214-216"


def test_a_label_inside_a_word_is_no_label() -> None:
    # "Подфондовый" holds "фонд" after a capital, but the word goes on
    assert found("Подфондовый учёт ведётся с 1960 г., оп. 3.") == []


# --------------------------------------------------------------------------- archive after levels


def test_the_archive_named_after_the_levels() -> None:
    # Еврейки.docx, paragraph 2294
    text = (
        "Реабилитирована: ВК ВС СССР, 03.06.1958. Арх.дело: Ф.Р-6023 оп.4, д.7711 / "
        'ГА Винницкой обл.\nИсточник: БД "Жертвы политического террора в СССР"'
    )
    (ref,) = found(text)
    assert summary(ref) == ("DAVO", [("fond", "R-6023"), ("opis", "4"), ("delo", "7711")], None)
    assert ref.text == "Ф.Р-6023 оп.4, д.7711 / ГА Винницкой обл"


def test_a_file_alone_with_its_archive_after_it() -> None:
    # Русские_1938.docx, paragraph 7790: a security service's file, cited without a fond
    text = (
        "Приговор: тройкой при УНКВД по Одесской обл. от 05 октября 1938  г.— ВМН. "
        "Арх.дело: 20911 - УСБУ в Одесской обл. Реабилитирована 7 июня 1989 года."
    )
    (ref,) = found(text)
    assert summary(ref) == ("AUSBU-Odesa", [("delo", "20911")], None)
    # Русские_1937.docx, paragraph 4384
    (ref,) = found("Арх.дело: Ф.6 д.50090-фп / Гос.архив СБУ")
    assert summary(ref)[:2] == ("HDA SBU", [("fond", "6"), ("delo", "50090-fp")])


def test_a_file_alone_without_an_archive_is_no_reference() -> None:
    assert found("Арх.дело: 20911. Реабилитирована 7 июня 1989 года.") == []
    assert found("Арх.дело: 20911 - реабилитирована 7 июня 1989 года.") == []


def test_an_archive_after_a_dash_that_has_levels_of_its_own() -> None:
    # the name opens the next reference: it is not the archive of the one before
    refs = found("Ф. 1, оп. 2, д. 3 – ГАРФ. Ф. 5446. Оп. 1. Д. 2.")
    assert [summary(r)[0] for r in refs] == [None, "GARF"]


# --------------------------------------------------------------------------- typing slips


def test_a_leaf_label_typed_twice() -> None:
    # page_0293.txt, list item 5
    text = (
        '5. Resolution of CC CPSU Presidium "On the matter of American citizen Lee Harvey '
        "Oswald's petition for Soviet citizenship\", December 1, 1959 // RGANI, F. 3, Op. 63, "
        "D. 65, L. L. 88."
    )
    (ref,) = found(text)
    assert summary(ref) == ("RGANI", [("fond", "3"), ("opis", "63"), ("delo", "65")], "88")


def test_a_file_label_left_empty_before_the_leaves() -> None:
    # page_0253.txt
    text = (
        "26 November 1963 A.I. Mikoyan, who arrived in Washington for J.F. Kennedy's funeral "
        "(AVP RF. F. 0129. Op. 47a. P. 430. D. L. L. 47. Typewritten)."
    )
    (ref,) = found(text)
    assert summary(ref) == ("AVPRF", [("fond", "0129"), ("opis", "47a"), ("papka", "430")], "47")
    assert ref.text == "AVP RF. F. 0129. Op. 47a. P. 430. D. L. L. 47"


def test_an_empty_label_with_no_leaves_after_it_is_still_incomplete() -> None:
    (c,) = archref.extract("RGANI, F. 3, Op. 63, D. Typewritten.")
    assert c.text == "RGANI, F. 3, Op. 63"
    assert [d.code for d in c.diagnostics] == ["ARC001"]


def test_a_colon_and_a_full_stop_after_a_label() -> None:
    # Украинки.docx, paragraph 799
    text = (
        "Реабилитирована: Прокуратура Челябинской обл., 04.08.1989. "
        "Арх.дело: ГУ ОГАЧО. Фонд Р-467. Опись. 3. Дело:. 6508"
    )
    (ref,) = found(text)
    assert summary(ref) == ("OGAChO", [("fond", "R-467"), ("opis", "3"), ("delo", "6508")], None)


def test_a_fond_prefix_without_its_hyphen() -> None:
    # Еврейки.docx, paragraph 1688
    text = (
        "реабилитир. 18.10.1989 г. Прокуратурой Крымской обл., ГААРК, ф. р4808, оп. 1, "
        "д. 015828.\nИсточник: Книга памяти Автономной Республики Крым,  Открытый список"
    )
    (ref,) = found(text)
    assert summary(ref) == ("GARK", [("fond", "R-4808"), ("opis", "1"), ("delo", "015828")], None)
    assert ref.levels[0].as_cited == "р4808"


def test_a_letter_glued_to_a_lower_level_is_not_read_as_a_prefix() -> None:
    # only a fond's prefix is read so; an opis "а1" is no identifier
    (c,) = archref.extract("ГАРФ. Ф. 5446. Оп. а1. Д. 2.")
    assert c.text == "ГАРФ. Ф. 5446"


# --------------------------------------------------------------------------- archive named apart


def test_the_archive_named_in_the_source_line() -> None:
    # Украинки.docx, paragraph 149
    text = (
        "Реабилитирована 18.04.1989 г. Херсонским обл. судом. Архивные данные: Фонд: Р-4033. "
        "Опись: 5. Дело: 628. Листы: 8-12,23-27. Информация внесена в базу данных: "
        "06.11.2020 г.\nИсточник: Госархив Херсонской обл.; Национальный банк репрессированных; "
        "Открытый список; Архивная ссылка"
    )
    (ref,) = found(text)
    assert summary(ref) == (
        "DAKhO-Kherson",
        [("fond", "R-4033"), ("opis", "5"), ("delo", "628")],
        "8–12, 23–27",
    )
    assert ref.archive_as_cited == "Госархив Херсонской обл"


def test_no_archive_is_guessed_where_the_note_names_two() -> None:
    text = (
        "Архивные данные: Фонд: Р-4033. Опись: 5. Дело: 628.\n"
        "Источник: Госархив Херсонской обл.; Госархив Николаевской обл."
    )
    (ref,) = found(text)
    assert ref.archive is None


def test_no_archive_is_lent_to_levels_beside_a_named_reference() -> None:
    # the second reference names no archive, but the first names its own
    text = "ГАРФ. Ф. 5446. Оп. 1. Д. 2. Ср.: Ф. 17, оп. 3, д. 4 (копия в ГАРФ)."
    refs = found(text)
    assert [summary(r)[0] for r in refs] == ["GARF", None]


# --------------------------------------------------------------------------- registry names


def test_names_the_lists_of_the_executed_use() -> None:
    # Белоруски.docx, paragraph 211 (the Ryazan martyrology)
    text = (
        "Реабилитирована 23.03.1959 года Определением Военного Трибунала Московского военного "
        "округа. Архивно-следственное дело в УФСБ по Рязанской области, Ф. 9, Д. N 6530."
    )
    (ref,) = found(text)
    assert summary(ref) == ("AUFSB-Ryazan", [("fond", "9"), ("delo", "6530")], None)
    # Литовки.docx, paragraph 210: a slip for ГААРК
    (ref,) = found("Архивное дело: ГОАРК, ф. р-4808, оп. 1, д. 016957. Информация внесена")
    assert summary(ref)[0] == "GARK"
    # Еврейки.docx, paragraph 1226: the Uzbek President's archive, the former party archive
    (ref,) = found(
        "Арх.дело: УзР ПДА, фонд 58, опись 65, дело 274, л.146-152 (Примечание: ее муж "
        "секретарь ЦК Компартии Узбекистана А.И.Икрамов – 40лет, расстрелян в 1938г)"
    )
    assert summary(ref) == (
        "OzR PDA",
        [("fond", "58"), ("opis", "65"), ("delo", "274")],
        "146–152",
    )


def test_leaves_right_after_the_archive_with_no_level() -> None:
    # page_0089.txt: a file of the intelligence service's archive, cited by its leaves only
    text = (
        "RGANI. F. 3. Op. 66. D. 471. L. 33 - 35. Copy. Typewritten text on cipher telegram "
        "form of 8th Department of 8th Main Directorate of KGB under Council of Ministers of "
        "USSR. Archive of SVR of Russia. L. 198 - 200. Typescript on cipher telegram form"
    )
    refs = found(text)
    assert [summary(r) for r in refs] == [
        ("RGANI", [("fond", "3"), ("opis", "66"), ("delo", "471")], "33–35"),
        ("Arkhiv SVR Rossii", [], "198–200"),
    ]
    assert refs[1].text == "Archive of SVR of Russia. L. 198 - 200"


def test_pages_right_after_an_archive_are_no_reference() -> None:
    # pages after a name are pages of a publication as often as not
    assert [summary(r)[1] for r in found("RGANI. F. 3. Op. 66. D. 471; GARF, pp. 12-14.")] == [
        [("fond", "3"), ("opis", "66"), ("delo", "471")]
    ]


# --------------------------------------------------------------------------- shared names


def test_a_shared_acronym_read_by_the_region_the_note_names() -> None:
    # Русские_1938.docx, paragraph 5143: ГАСО in a note from Sakhalin's book of memory
    sakhalin = (
        "прож.: Сахалинская обл., Александровский р-н, с. Корсаковка. Арестована 10.03.1938. "
        "Реабилитация: 22.08.1956.  Арх.дело: ГАСО. Ф. 1174. Оп. 2. Д. 1623.\n"
        "Источник: Книга памяти Сахалинской обл.;   Архивная ссылка"
    )
    (ref,) = found(sakhalin)
    assert summary(ref) == (
        "GASO-Sakhalin",
        [("fond", "1174"), ("opis", "2"), ("delo", "1623")],
        None,
    )
    assert ref.archive_as_cited == "ГАСО"
    # Украинки.docx: ГАСО in a note on a teacher of Romny, in Sumy oblast
    sumy = (
        "прож. г. Ромны Сумской обл., учитель школы. Архивное дело: ГАСО, ф.Р-7641, оп. 5, "
        "дело. 916.\nИсточник: Национальный банк репрессированных; Архивная ссылка"
    )
    (ref,) = found(sumy)
    assert summary(ref)[:2] == ("DASO", [("fond", "R-7641"), ("opis", "5"), ("delo", "916")])


def test_a_shared_name_of_two_words() -> None:
    # Расстреляны_1921.docx, paragraph 358
    text = (
        "Родилась в 1895 г., м.р.: Запорожская обл. с. Константиновка Мелитопольского р-на. "
        "Реабилитирована в 1996 г. Госархив ЗО, фонд: Р-5747, опись. 3, дело. 8703."
    )
    (ref,) = found(text)
    assert summary(ref)[:2] == (
        "DAZO-Zaporizhzhia",
        [("fond", "R-5747"), ("opis", "3"), ("delo", "8703")],
    )
    assert ref.archive_as_cited == "Госархив ЗО"
    assert ref.text == "Госархив ЗО, фонд: Р-5747, опись. 3, дело. 8703"


def test_a_shared_name_stays_unknown_where_no_region_or_two_are_named() -> None:
    (ref,) = found("Архивное дело: ГАСО, ф. Р-1, оп. 5, д. 916.")
    assert (ref.archive, ref.archive_as_cited) == (None, "ГАСО")
    (ref,) = found(
        "Родилась в Смоленской обл., жила в Саратове. Арх.дело: ГАСО, ф. 1, оп. 5, д. 9."
    )
    assert (ref.archive, ref.archive_as_cited) == (None, "ГАСО")


def test_every_shared_name_stands_for_registry_archives_and_is_no_alias() -> None:
    registry = archref.default_registry()
    table = fonds.shared_names()
    assert table
    for key, meant in table.items():
        assert registry.lookup_key(key) is None, key  # the registry would read it as one
        assert len(meant) >= 2, key
        for archive_id, region in meant:
            assert registry.get(archive_id) is not None, archive_id
            assert region and all(word.strip() for word in region), archive_id


# --------------------------------------------------------------------------- chains


def test_a_file_named_again_after_the_leaves_and_a_comma() -> None:
    # the leaves of one file, then the next file of the same opis, joined by commas
    cs = archref.extract("RGASPI, f. 17, op. 3, d. 5, l. 3, d. 6, l. 4.")
    assert [(c.form, c.text, str(c.reference)) for c in cs] == [
        ("full", "RGASPI, f. 17, op. 3, d. 5, l. 3", "RGASPI, f. 17, op. 3, d. 5, l. 3"),
        ("chain", "d. 6, l. 4", "RGASPI, f. 17, op. 3, d. 6, l. 4"),
    ]
    cs = archref.extract("ГАРФ. Ф. Р-5446. Оп. 1. Д. 5. Л. 3, Д. 6. Л. 4–6.")
    assert [str(c.reference) for c in cs] == [
        "GARF, f. R-5446, op. 1, d. 5, l. 3",
        "GARF, f. R-5446, op. 1, d. 6, ll. 4–6",
    ]


def test_leaves_then_a_new_fond_after_a_comma_chain_too() -> None:
    (first, second) = archref.extract("RGASPI, f. 17, op. 3, d. 5, l. 3, f. 558, op. 11, d. 62.")
    assert first.text == "RGASPI, f. 17, op. 3, d. 5, l. 3"
    assert str(second.reference) == "RGASPI, f. 558, op. 11, d. 62"
    assert second.form == "chain"


def test_a_list_of_leaves_is_not_cut_by_the_chain() -> None:
    (c,) = archref.extract("RGASPI, f. 17, op. 3, d. 5, ll. 3, 7, 9.")
    assert str(c.reference.folios) == "3, 7, 9"


# --------------------------------------------------------------------------- the last misses


def test_a_latin_look_alike_of_the_archives_prefix_is_read_as_the_prefix() -> None:
    # JFK_Russia_Translated_2025, pages/page_0259.txt: a Latin "P" for the Cyrillic "Р"
    text = "(GA RF, F.P-4459. Op. 43. D. 2511. L. 114-115. Typewritten text)."
    (ref,) = found(text)
    assert summary(ref) == (
        "GARF",
        [("fond", "R-4459"), ("opis", "43"), ("delo", "2511")],
        "114–115",
    )
    assert ref.levels[0].as_cited == "P-4459"  # the text as cited is kept
    ((code, suggestion),) = [
        (d.code, d.suggestion) for d in archref.check("GA RF, F.P-4459. Op. 43. D. 2511.")
    ]
    assert (code, suggestion) == ("ARC105", "GARF, f. R-4459, op. 43, d. 2511")


def test_a_latin_look_alike_stays_where_the_archive_does_not_say_its_prefixes() -> None:
    # RGAE's entry lists no prefixes, and a Cyrillic П is no look-alike: both kept as cited
    assert archref.parse("RGAE, f. P-4459, op. 1, d. 2").fond == "P-4459"
    assert archref.parse("ГА РФ. Ф. П-4459. Оп. 1. Д. 2").fond == "P-4459"
    assert archref.check("ГА РФ. Ф. П-4459. Оп. 1. Д. 2") == []


def test_a_long_archive_name_one_letter_off_is_read_as_the_known_one() -> None:
    # Польки.docx, paragraph 7020: "Винниской" for "Винницкой"
    text = (
        "Реабилитирована  11.06.1957 г. Архивное дело: Госархив Винниской обл., "
        "ф.Р-6023, оп.4, спр.6223\nИсточник: Реабилитированные историей: Винницкая обл. том 5"
    )
    (ref,) = found(text)
    assert summary(ref) == ("DAVO", [("fond", "R-6023"), ("opis", "4"), ("delo", "6223")], None)
    assert ref.archive_as_cited == "Госархив Винниской обл"
    diagnostics = archref.check("Госархив Винниской обл., ф.Р-6023, оп.4, спр.6223")
    assert [(d.code, d.fix) for d in diagnostics] == [("ARC106", "Госархив Винницкой обл")]
    # an acronym one letter off is only suggested: it may be another archive
    (ref,) = found("RGAPSI, f. 558, op. 11, d. 62")
    assert (ref.archive, ref.archive_as_cited) == (None, "RGAPSI")


def test_a_source_line_that_names_one_archives_source() -> None:
    # Еврейки.docx, paragraph 798: glued labels, and the Chelyabinsk book of memory
    text = (
        "Дата реабилитации13.09.1966. ВТ Уральского военного округаФондР-467Опись6Дело214-216\n"
        "Источник: Книга памяти Челябинской обл.,  Книга Памяти"
    )
    (ref,) = found(text)
    assert summary(ref) == ("OGAChO", [("fond", "R-467"), ("opis", "6"), ("delo", "214-216")], None)
    assert ref.archive_as_cited is None  # the note names the book, not the archive
    # Украинки.docx, paragraph 86: the Mykolaiv database of the repressed
    text = (
        "Реабилитирована в 1991 г. Дело № 611, Фонд: Р-5859, Опись: 2. Справка: 268\n"
        "Источник: База репрессированных Николаевской обл. Архивная ссылка"
    )
    (ref,) = found(text)
    assert summary(ref) == ("DAMO", [("delo", "611"), ("fond", "R-5859"), ("opis", "2")], None)
    # without the source line the levels stay without an archive
    (ref,) = found("Реабилитирована в 1991 г. Дело № 611, Фонд: Р-5859, Опись: 2.")
    assert ref.archive is None


def test_every_source_names_a_registry_archive_and_is_no_alias() -> None:
    registry = archref.default_registry()
    assert fonds.source_archives()
    for key, archive_id in fonds.source_archives():
        assert registry.get(archive_id) is not None, archive_id
        assert registry.lookup_key(key) is None, key


def test_letters_after_a_files_number_that_belong_to_it() -> None:
    # Польки.docx, paragraph 717: "пф" after a space
    text = (
        "Архивное дело: Гос. архив Винницкой области, ф. Р-6023, оп. 4, д. 17761 пф\n"
        "Источник: Центр документации ГМИГ; Архивная ссылка"
    )
    (ref,) = found(text)
    assert ref.delo == "17761 pf" and ref.levels[-1].as_cited == "17761 пф"
    assert ref.archive is not None and ref.archive.id == "DAVO"


def test_a_list_of_opisi_before_the_file() -> None:
    # Немки.docx, paragraph 577: the file is in one of the two opisi
    text = "Архивное дело: ГА РФ. Ф. 10035. Оп. 1, 2. Д. 35755\nИсточник: БД"
    (ref,) = found(text)
    assert summary(ref) == (
        "GARF",
        [("fond", "10035"), ("opis", "1"), ("opis", "2"), ("delo", "35755")],
        None,
    )
    assert fonds.format_reference(ref, "ru") == "ГАРФ. Ф. 10035. Оп. 1, 2. Д. 35755"
    assert archref.parse(fonds.format_reference(ref)) == ref
    # a number after an opis with no deeper level after it is not an opis
    (ref,) = found("RGASPI, f. 558, op. 11, 62")
    assert [lv.kind for lv in ref.levels] == ["fond", "opis"]


def test_more_leaves_of_the_file_after_what_the_note_says_of_the_first() -> None:
    # JFK_Russia_Translated_2025, pages/page_0075.txt and page_0222.txt
    text = (
        "RGANI. F. 3. Op. 16. D. 354. L. 129. Original. Typewritten text. "
        "L. 130 - 143. Electrographic copy. Typewritten text."
    )
    assert [summary(r) for r in found(text)] == [
        ("RGANI", [("fond", "3"), ("opis", "16"), ("delo", "354")], "129"),
        ("RGANI", [("fond", "3"), ("opis", "16"), ("delo", "354")], "130–143"),
    ]
    text = (
        "RGANI. F. 3. Op. 16. D. 496. L. 139, 145. Original. Typewritten text. "
        "L. 140-144. Copy. Typewritten text."
    )
    assert [summary(r)[2] for r in found(text)] == ["139, 145", "140–144"]
    # not on another line, nor after a reference that cites no leaves of its own
    assert len(found("RGANI. F. 3. Op. 16. D. 354. L. 129. Original.\nL. 130 - 143.")) == 1
    assert len(found("RGANI. F. 3. Op. 16. D. 354. Original. L. 130 - 143.")) == 1
