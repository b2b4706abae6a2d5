"""The checked-in unit and currency tables are what the registries give today."""

from __future__ import annotations

import pytest

from factscope.importers.lexicon import build


def test_regenerating_the_tables_gives_the_checked_in_files() -> None:
    # pint, pycountry and babel are the gazetteer extra's, which the test command installs
    for path, text in build.render().items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run the build"


@pytest.mark.parametrize(
    ("name", "plural"),
    [
        ("yard", "yards"),
        ("inch", "inches"),
        ("foot", "feet"),
        ("square foot", "square feet"),
        ("century", "centuries"),
        ("day", "days"),
        ("hertz", "hertz"),
        ("inches", "inches"),
        ("feet", "feet"),
    ],
)
def test_plural_of_a_unit_name(name: str, plural: str) -> None:
    assert build.plural(name) == plural


def test_pint_expression_spells_stored_units_for_pint() -> None:
    assert build._pint_expression("square kilometer") == "(kilometer) ** 2"
    assert build._pint_expression("gigaton") == "gigametric_ton"
    assert build._pint_expression("kilometer per hour") == "kilometer / hour"
    assert build._pint_expression("dalton") == "dalton"  # not a ton
