"""Dates as notes write them: "April 6, 1912", "Winter 1995/1996", "5 марта 1937 г."."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from archref.model import ParseError, PartialDate

from ._lexer import _lex, _Tok

__all__ = ["parse_date"]

_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan январь января янв januar jänner janvier",
        "february feb febr февраль февраля фев februar février",
        "march mar март марта märz mars",
        "april apr апрель апреля апр avril",
        "may май мая mai",
        "june jun июнь июня juni juin",
        "july jul июль июля juli juillet",
        "august aug август августа авг août",
        "september sep sept сентябрь сентября сент septembre",
        "october oct октябрь октября окт oktober okt octobre",
        "november nov ноябрь ноября нояб novembre",
        "december dec декабрь декабря дек dezember dez décembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _n

_SEASONS: dict[str, Literal["spring", "summer", "autumn", "winter"]] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
    "весна": "spring",
    "лето": "summer",
    "осень": "autumn",
    "зима": "winter",
}


def _year_value(tok: _Tok) -> int | None:
    if tok.kind == "num" and len(tok.text) == 4:
        y = int(tok.text)
        if 1500 <= y <= 2100:
            return y
    return None


def _date_from(text: str, toks: Sequence[_Tok]) -> PartialDate | None:
    """A date from the tokens of a date and nothing else, or ``None``."""
    if not toks:
        return None
    groups: list[dict[str, int | str]] = [{}]
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        g = groups[-1]
        low = t.text.casefold()
        if t.kind == "num":
            y = _year_value(t)
            if y is not None and "year" not in g:
                g["year"] = y
            elif (
                len(t.text) == 2
                and groups[0].get("year")
                and len(groups) == 2
                and "year" not in g
                and not g
            ):
                first = groups[0]["year"]
                assert isinstance(first, int)
                g["year"] = first // 100 * 100 + int(t.text)
            elif len(t.text) <= 2 and 1 <= int(t.text) <= 31 and "day" not in g:
                g["day"] = int(t.text)
                # the German ordinal point: "25. Juni 1950"
                if (
                    i + 2 < n
                    and toks[i + 1].text == "."
                    and not toks[i + 1].space
                    and toks[i + 2].text.casefold() in _MONTHS
                ):
                    i += 1
            else:
                return None
        elif t.kind == "word":
            if low in _MONTHS and "month" not in g:
                g["month"] = _MONTHS[low]
                if i + 1 < n and toks[i + 1].text == "." and not toks[i + 1].space:
                    i += 1
            elif low in _SEASONS and "season" not in g:
                g["season"] = _SEASONS[low]
            elif low in {"г", "гг", "года", "год"} and "year" in g:
                if i + 1 < n and toks[i + 1].text == ".":
                    i += 1
            else:
                return None
        elif t.kind in {"dash", "slash"}:
            if len(groups) == 2 or not g:
                return None
            groups.append({})
        elif (t.kind == "punct" and t.text == ",") or (
            t.kind == "punct" and t.text == "." and i == n - 1
        ):
            pass
        else:
            return None
        i += 1
    first_group = groups[0]
    last_group = groups[-1]
    if not last_group:
        return None
    if len(groups) == 2 and "year" not in first_group and "year" in last_group:
        first_group["year"] = last_group["year"]
    if "year" not in first_group:
        return None
    if "day" in first_group and "month" not in first_group:
        return None
    season = first_group.get("season") or last_group.get("season")
    raw = text[toks[0].start : toks[-1].end]

    def num(g: dict[str, int | str], key: str) -> int | None:
        v = g.get(key)
        return v if isinstance(v, int) else None

    end = last_group if len(groups) == 2 else {}
    end_year = num(end, "year")
    if end and end_year is None:
        end_year = num(first_group, "year")
    return PartialDate(
        year=num(first_group, "year"),
        month=num(first_group, "month"),
        day=num(first_group, "day"),
        season=season if isinstance(season, str) else None,  # type: ignore[arg-type]
        end_year=end_year,
        end_month=num(end, "month"),
        end_day=num(end, "day"),
        text=raw,
    )


def parse_date(text: str) -> PartialDate:
    """Read a date as notes write it; raise :class:`ParseError` if it is not one.

    >>> str(parse_date("Winter 1995/1996")), str(parse_date("September-October 2005"))
    ('winter 1995/1996', '2005-09/2005-10')
    >>> str(parse_date("April 6, 1912")), str(parse_date("5 марта 1937 г."))
    ('1912-04-06', '1937-03-05')
    >>> str(parse_date("25. Juni 1950")), str(parse_date("3 novembre 1950"))
    ('1950-06-25', '1950-11-03')
    """
    toks = _lex(text)
    date = _date_from(text, toks)
    if date is None:
        raise ParseError("not a date", text, 0, len(text))
    return date
