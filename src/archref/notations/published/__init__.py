"""Published sources in historians' notes: books, articles, working papers, newspapers.

The notes that cite archives cite publications too, in two main styles.

**Chicago notes** (English-language scholarship, the Wilson Center's
e-Dossiers and Bulletins): authors, a title in quotation marks (an article,
a chapter, a working paper) or in italics (a book, marked ``*...*`` or
``_..._`` in plain text), then the journal, volume, ``No.``, the date in
parentheses and the pages after a colon or comma; a book ends with its
publication facts in parentheses, "(Place: Publisher, Year)".

>>> work = parse('Bajanov, Evgueni, "Assessing the Politics of the Korean War, 1949-1951," '
...              'Cold War International History Project Bulletin, No. 6/7 (Winter 1995/1996): 54')
>>> work.kind, str(work.authors[0]), work.authors[0].family
('article', 'Evgueni Bajanov', 'Bajanov')
>>> work.title
'Assessing the Politics of the Korean War, 1949-1951'
>>> work.container_title, work.issue, str(work.date), work.pages
('Cold War International History Project Bulletin', '6/7', 'winter 1995/1996', '54')
>>> book = parse("William Stueck, The Korean War: An International History (Princeton, 1997)")
>>> book.kind, book.title, book.place, book.year
('book', 'The Korean War: An International History', 'Princeton', 1997)

**GOST notes** (Russian scholarship): ``Family I. O. Title. Place, Year. С. pages``;
an article names its journal after ``//``; a place is often abbreviated
(``М.`` Moscow, ``Л.`` Leningrad, ``СПб.`` St Petersburg) and is spelled out
in ``place_normalised``.

>>> gost = parse("Хлевнюк О. В. Политбюро : Механизмы политической власти в 30-е годы. "
...              "М., 1996. С. 205–206")
>>> gost.kind, gost.authors[0].family, gost.authors[0].given, gost.title
('book', 'Хлевнюк', 'О. В.', 'Политбюро : Механизмы политической власти в 30-е годы')
>>> gost.place, gost.place_normalised, gost.year, gost.pages, gost.language
('М.', 'Moscow', 1996, '205–206', 'ru')
>>> art = parse("Сануков К. Н. Расправа над так называемым «штабом марийских буржуазных "
...             "националистов» // Марийский юридический вестник. 2012. Вып. 9. С. 25.")
>>> art.kind, art.container_title, art.issue, art.year, art.pages
('article', 'Марийский юридический вестник', '9', 2012, '25')

Nothing is mislabelled on purpose: a part of the note that is not
understood is kept, as written, in ``unparsed``.

>>> odd = parse("Reabilitatsiia (Moscow, 1991) [a reprint]")
>>> odd.title, odd.place, odd.unparsed
('Reabilitatsiia', 'Moscow', ('[a reprint]',))

A text that is not a publication reference is a :class:`ParseError`; so is
an archival reference, which :mod:`archref.notations.fonds` reads:

>>> parse("RGASPI, f. 558, op. 11, d. 62, ll. 71-72")
Traceback (most recent call last):
...
archref.model.common.ParseError: an archival reference, not a publication at column 9: 'f.'

**Finding** publications inside notes: :func:`find` returns each
publication (a :class:`PublishedMatch`) and each credit for a translation
or a contribution (a :class:`CreditMatch`) with its span in the original
text. A publication is looked for at the start of the note, after ``;``,
inside parentheses, after each sentence and after the words that introduce
one ("Published in:", "Цит. по:", "См.:", "See also"...), which are kept
as the match's ``relation``. Archival references are left alone.

>>> note = ("ЦА ФСБ. Ф.3. Оп.4. Д.1464. Л.166–167. Цит по: Хаустов В., Самуэльсон Л. "
...         "Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331.")
>>> [m] = find(note)
>>> m.relation, note[m.start:m.end]
('quoted-in', 'Хаустов В., Самуэльсон Л. Сталин, НКВД и репрессии 1936—1938 гг. М., 2009. С.331')
>>> [str(a) for a in m.work.authors], m.work.title
(['В. Хаустов', 'Л. Самуэльсон'], 'Сталин, НКВД и репрессии 1936—1938 гг.')

A "[Source: ...]" note of the Wilson Center names the archive, the
publication and the translator; :func:`find_source_notes` returns one
:class:`SourceNote` for it, with the span of its archival part (not parsed
here), the publications and the credits:

>>> src = ('[Source: Russian State Archive of Socio-Political History (RGASPI), fond 558, '
...        'opis 11, delo 62, listy 71-72. Published in: Andrei Ledovskii, "Stalin, Mao '
...        'Tsedunh I Koreiskaia Voina 1950-1953 godov," Novaia I Noveishaia Istoriia, No. 5 '
...        '(September-October 2005), 79-113. Translated for NKIDP by Gary Goldberg.]')
>>> [sn] = find_source_notes(src)
>>> src[sn.archival_start:sn.archival_end]
'Russian State Archive of Socio-Political History (RGASPI), fond 558, opis 11, delo 62, listy 71-72'
>>> pub = sn.publications[0]
>>> pub.relation, str(pub.work.authors[0]), pub.work.container_title, pub.work.pages
('published-in', 'Andrei Ledovskii', 'Novaia I Noveishaia Istoriia', '79-113')
>>> credit = sn.credits[0].credit
>>> credit.role, str(credit.person), credit.on_behalf_of
('translator', 'Gary Goldberg', 'NKIDP')

Parsing is rule-based, over tokens from one regular expression whose
alternatives cannot backtrack; every scan is bounded, so finding is linear
in the length of the text.

The package is laid out along its readers: :mod:`._lexer` (tokens),
:mod:`.dates`, :mod:`.names`, :mod:`.language` (:func:`guess_language`),
:mod:`._base` (what both readers share), :mod:`.gost` and :mod:`.chicago`
(the two readers), :mod:`.fast` (the commonest books at once),
:mod:`.parser` (:func:`parse`, the better of the two readings),
:mod:`.markers` (the words that introduce a publication), :mod:`.credits`
(translator credits), :mod:`.anchors` (the facts a publication must carry,
and how far a reading reaches from them) and :mod:`.finder` (:func:`find`,
:func:`find_source_notes`).
"""

from __future__ import annotations

from .credits import Credit, CreditMatch, CreditRole
from .dates import parse_date
from .finder import RULES, Match, PublishedMatch, SourceNote, find, find_source_notes
from .language import guess_language
from .markers import Relation
from .names import parse_person
from .parser import parse

__all__ = [
    "RULES",
    "Credit",
    "CreditMatch",
    "CreditRole",
    "Match",
    "PublishedMatch",
    "Relation",
    "SourceNote",
    "find",
    "find_source_notes",
    "guess_language",
    "parse",
    "parse_date",
    "parse_person",
]
