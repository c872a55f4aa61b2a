"""The rule catalogue agrees with the rule reference and with the codes the code emits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archref.rules import RULES, select

ROOT = Path(__file__).resolve().parents[1]
HEADING = re.compile(r"^### ([A-Z]+\d{3})\n\n\*\*(.+?)\*\* \((error|warning|info)", re.M)


def _documented() -> dict[str, tuple[str, str]]:
    found = {}
    for page in ("rules.md", "un-symbols.md"):
        text = (ROOT / "docs" / page).read_text("utf-8")
        for m in HEADING.finditer(text):
            found[m.group(1)] = (m.group(3), page)
    return found


def test_every_documented_rule_is_in_the_catalogue_with_its_severity() -> None:
    documented = _documented()
    assert len(documented) >= 30
    for code, (severity, page) in documented.items():
        assert code in RULES, code
        assert RULES[code].severity == severity, code
        assert RULES[code].page == page, code


def test_every_rule_of_the_catalogue_is_documented() -> None:
    documented = _documented()
    pub_page = (ROOT / "docs" / "published-sources.md").read_text("utf-8")
    for code, rule in RULES.items():
        if rule.family == "published":
            assert code in pub_page, code
        else:
            assert code in documented, code


def test_every_code_the_source_emits_is_in_the_catalogue() -> None:
    emitted: set[str] = set()
    for path in (ROOT / "src" / "archref").rglob("*.py"):
        emitted |= set(re.findall(r"\"((?:ARC|UN|PUB)\d{3})\"", path.read_text("utf-8")))
    assert emitted
    assert emitted <= set(RULES), sorted(emitted - set(RULES))


def test_select_reads_prefixes_as_ruff_does() -> None:
    assert [r.code for r in select(["ARC0"])] == ["ARC001", "ARC010", "ARC011"]
    assert "UN206" not in [r.code for r in select([], ["UN2"])]
    assert len(select()) == len(RULES)
    assert [r.code for r in select(["arc2"], ["ARC20"])] == []
    with pytest.raises(ValueError, match="no rule code starts with 'XYZ'"):
        select(["XYZ"])
