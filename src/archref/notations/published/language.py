"""The language of a published work, guessed from its own title (see :func:`guess_language`)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["guess_language"]


def _weighted(strong: str, weak: str) -> dict[str, int]:
    """Function words, space-separated: ``strong`` weigh 2, ``weak`` 1."""
    return {**dict.fromkeys(strong.split(), 2), **dict.fromkeys(weak.split(), 1)}


# The function words that give a Latin-script title away, with their weight:
# 2 for a word of one language only, 1 for a word shared with another
# language that is weighed here ("in" is English and German, "des" German and
# French). Transliterated Russian ("ru" here, for the scores only) and a few
# other languages ("other": Spanish, Italian, Polish, Dutch) are weighed as
# rivals: they are never the answer, they stop a wrong one.
_FUNCTION_WORDS: dict[str, dict[str, int]] = {
    "en": _weighted(
        "the of and with from for its their his her our is are was were been between into "
        "after before during against toward towards through about among within without "
        "beyond upon this that these those what which who whom why how when where or not but",
        "in on to a an by at as over under",
    ),
    "de": _weighted(
        "der die das den dem und zur zum im vom von mit über für auf aus bei nach zwischen "
        "gegen durch ein eine einer eines einem einen ist sind wurde als wie oder nicht bis "
        "seit sich zu um unter vor ohne während ihre ihrer seine seiner",
        "des in an am",
    ),
    "fr": _weighted(
        "le les du et à au aux une dans sur pour par entre avec sous vers chez contre est "
        "sont qui pendant depuis après avant leur leurs ses cette ces ce pas",
        "des de la en un que ou son sa",
    ),
    # Library of Congress and similar transliterations: "i" (и), "v" (в), "na",
    # "po", "k", "o", "ot", "iz", "za", "pri"... Never English words, whatever
    # they look like.
    "ru": _weighted(
        "i v vo na po k ko o ob obo ot iz za pri s dlia dlya bez pod nad mezhdu posle kak "
        "chto ili ikh eto kto gde protiv cherez zhe uzhe gg",
        "so do ne li u",
    ),
    "other": _weighted(
        "el los las del y con por para una il gli della delle dei degli nel nella per di "
        "che w z ze się oraz het een voor op naar uit tussen met niet zijn",
        "la da van",
    ),
}
# each function word with the languages it counts for
_WORD_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {}
for _fw_lang, _fw_weights in _FUNCTION_WORDS.items():
    for _fw, _fw_weight in _fw_weights.items():
        _WORD_WEIGHTS[_fw] = (*_WORD_WEIGHTS.get(_fw, ()), (_fw_lang, _fw_weight))

# Endings and letter groups of transliterated Russian: "Sovetskii", "Koreiskaia",
# "istoriia", "Kommunisticheskoi", "sovetskogo", "Soiuz", "Khrushchev".
_TRANSLIT_ENDINGS = (
    "skii", "skiy", "skij", "skaia", "skaya", "skoi", "skoy", "skogo", "skikh",
    "skie", "skoe", "skuiu", "skuyu", "iia", "iya", "iiu", "iyu", "aia", "aya",
    "ykh", "ikh", "ogo", "ego", "nyi", "nyy", "oi", "ii",
)  # fmt: skip
_TRANSLIT_INSIDE = re.compile(r"iu[^ms]|shch|zh|kh")
# The elided articles and pronouns of French ("l'Union", "d'une", "qu'il").
_FRENCH_ELISIONS = frozenset(
    ("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu")
)
_ITALIAN_ELISIONS = frozenset(("dell", "all", "nell", "sull", "dall", "un"))
_APOSTROPHES = "'’ʼ"
# A word of a Latin-script title: letters, with apostrophes inside or at the end.
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*['’ʼ]?")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

# Cyrillic letters of other languages than Russian, Ukrainian and Belarusian
# (Serbian, Macedonian, Kazakh...): such a title is left undetermined.
_OTHER_CYRILLIC = frozenset("јљњћђџѓќѕәғқңөұүһ")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")


def _cyrillic_language(text: str) -> str:
    """The language of a title in Cyrillic, told by its letters."""
    low = text.lower()
    letters = set(low)
    if letters & _OTHER_CYRILLIC:
        return "und"
    if letters & set("їєґ"):
        return "uk"
    if "ў" in letters:
        return "be"
    if "і" in letters:
        if "и" not in letters:
            # Belarusian has і and ы but no и; Ukrainian has и
            return "be" if letters & set("ыэё") else "uk"
        if letters & set("ыэъѣѳѵ"):
            # і beside и and ы or ъ: Russian in the spelling before 1918
            return "ru"
        return "uk"
    return "ru"


def _latin_scores(text: str) -> dict[str, int]:
    """The weight of the evidence for each language in a Latin-script title."""
    scores = dict.fromkeys(_FUNCTION_WORDS, 0)
    for m in _TITLE_WORD.finditer(text):
        word = m.group()
        low = word.lower()
        dotted = text.startswith(".", m.end())
        if len(word) == 1 and dotted:
            continue  # an initial ("A. S. Prokhanov") or an abbreviation ("v.")
        if word != "I" and word.isupper() and _ROMAN_NUMERAL.fullmatch(word):
            continue  # "World War II", "vol. VI"
        if any(a in low for a in _APOSTROPHES):
            parts = re.split(f"[{_APOSTROPHES}]", low)
            head, tail = parts[0], parts[-1]
            if (
                tail == "s"
                or (tail == "" and head.endswith("s"))
                or (tail == "t" and head.endswith("n"))
            ):
                scores["en"] += 2  # "Stalin's", "historians'", "don't"
            elif head in _FRENCH_ELISIONS and tail:
                scores["fr"] += 2
            elif head in _ITALIAN_ELISIONS and tail:
                scores["other"] += 2
            else:
                scores["ru"] += 1  # a soft sign: "Zinov'ev", "Kreml'"
            continue
        if "ʹ" in low or "ʺ" in low:
            scores["ru"] += 2  # the primes of scholarly transliteration
            continue
        weights = _WORD_WEIGHTS.get(low)
        if weights is not None:
            for lang, weight in weights:
                # a capital single letter is weaker: "I" may be English, "O" an interjection
                scores[lang] += 1 if len(word) == 1 and word.isupper() else weight
            continue
        if (
            len(low) >= 4
            and not word.isupper()
            and (low.endswith(_TRANSLIT_ENDINGS) or _TRANSLIT_INSIDE.search(low))
        ):
            scores["ru"] += 1
    return scores


def _classify(text: str | None) -> str | None:
    """The language of one title, ``"und"`` when unsure, ``None`` with no evidence at all.

    A title is judged once: a book's notes cite the same works again and again.
    """
    if not text:
        return None
    return _classified(text)


@lru_cache(maxsize=4096)
def _classified(text: str) -> str | None:
    cyrillic = latin = other = 0
    for m in _TITLE_WORD.finditer(text):
        word = m.group()
        if word.isupper() and _ROMAN_NUMERAL.fullmatch(word):
            continue  # "XX съезд"
        for ch in word:
            if _is_cyrillic(ch):
                cyrillic += 1
            elif _is_latin(ch):
                latin += 1
            elif ch.isalpha():
                other += 1
    total = cyrillic + latin + other
    if total == 0:
        return None
    if cyrillic >= 0.8 * total:
        return _cyrillic_language(text)
    if latin < 0.8 * total:
        return "und"  # mixed scripts, or a script weighed here not at all
    scores = _latin_scores(text)
    if not any(scores.values()):
        return None
    best = max(("en", "de", "fr"), key=lambda lang: scores[lang])
    rival = max(score for lang, score in scores.items() if lang != best)
    if scores[best] >= 2 and 2 * rival < scores[best]:
        return best
    return "und"


def guess_language(title: str | None, container: str | None = None) -> str:
    """A BCP 47 tag for the language of a work, guessed from its title.

    CSL styles title-case the titles of English works and of works without
    a language; ``"und"`` (undetermined) keeps a title as written. A note
    does not say what language the work it cites is in, and the script of
    the note is a poor guess: an English note cites German titles and
    transliterated Russian ones, which must not be title-cased, next to
    English titles written in sentence case, which should be. So each work
    is judged by its own title:

    - **Cyrillic** is ``"ru"``; ``"uk"`` with the Ukrainian letters ї, є, ґ
      or і; ``"be"`` with ў, or with і and ы but no и. Russian spelled before
      1918 (і beside и and ы, ъ or ѣ) stays ``"ru"``; the letters of other
      Cyrillic alphabets (ј, љ, қ...) give ``"und"``.
    - **Latin script** is ``"en"``, ``"de"`` or ``"fr"`` when that language's
      function words are clearly there: "the", "of", "and", "with", "'s";
      "der", "die", "und", "zur", "für"; "le", "les", "et", "dans", "l'".
      Transliterated Russian is weighed against them: its function words
      ("i", "v", "na", "po", "k", "o", "ot", "iz", "za", "pri") and endings
      ("-skii", "-skaia", "-ogo", "-iia") are not English, and a title with
      them is ``"und"``; so are Spanish, Italian, Polish or Dutch titles. A
      language wins with at least one of its own function words and more than
      twice the evidence of any other.
    - ``"und"`` for anything else: mixed scripts, a title too short to tell
      ("Reabilitatsiia", "Hamilton Fish"), evidence both ways.

    >>> guess_language("Stalin's Letters to Molotov")
    'en'
    >>> guess_language("Die Allgemeine Wehrpflicht in Russland")
    'de'
    >>> guess_language("Sovetskii Soiuz i Koreiskaia voina")
    'und'
    >>> guess_language("Политбюро : Механизмы политической власти в 30-е годы")
    'ru'

    The ``container`` (journal, newspaper, book) decides when the title
    gives nothing to go on, and a journal in another language keeps an
    English title from ``"en"``, since a style title-cases the journal's
    name too:

    >>> guess_language(None, "Известия ЦК КПСС")
    'ru'
    >>> guess_language("The Korean War", "Voprosy istorii")
    'und'

    The place of publication is not used: it is written in the language of
    the note, not of the work ("Moscow" for a Russian book in an English note).

    Why not a language-detection package (langdetect, langid, lingua...)?
    They are trained on running text and are unreliable on five-word titles;
    transliterated Russian is not a language they know, so they name
    another one; and langdetect can give different answers from run to run
    on a short text unless it is seeded. The question here is narrower
    than "which language": only whether a title may be title-cased, for
    which a wrong ``"und"`` costs a lower-case word and a wrong ``"en"`` a
    mangled title. These rules are small, deterministic and lean to
    ``"und"``.
    """
    own = _classify(title)
    if own is None:
        return _classify(container) or "und"
    if own == "en" and _classify(container) not in {None, "en"}:
        return "und"
    return own
