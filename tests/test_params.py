"""Parameter checks stop bad values with messages that list the valid ones."""

import pytest

from tradetalks.grid import sync_parameter_cells
from tradetalks.params import ParameterError, check_choice, check_choices, check_rates, check_year_range


def test_check_choice_lists_valid_values():
    assert check_choice("brand", "Jeep", ["Jeep", "Ford"]) == "Jeep"
    with pytest.raises(ParameterError, match=r"brand='Jep' is not available; valid values: 'Jeep', 'Ford'"):
        check_choice("brand", "Jep", ["Jeep", "Ford"])


def test_check_choices():
    assert check_choices("brands", ["Ford"], ["Jeep", "Ford"]) == ["Ford"]
    with pytest.raises(ParameterError, match=r"unknown values \['Opel'\]"):
        check_choices("brands", ["Ford", "Opel"], ["Jeep", "Ford"])
    with pytest.raises(ParameterError, match="non-empty list"):
        check_choices("brands", "Ford", ["Jeep", "Ford"])


@pytest.mark.parametrize(
    ("rates", "message"),
    [
        ([], "non-empty list"),
        ("15", "non-empty list"),
        ([2.5, -1], "between 0 and 1000"),
        ([2.5, "x"], "'x' is not a number"),
        ([True], "not a number"),
    ],
)
def test_check_rates_rejects(rates, message):
    with pytest.raises(ParameterError, match=message):
        check_rates("rates_pct", rates)


def test_check_rates_accepts_ints_and_floats():
    assert check_rates("rates_pct", [2, 27.5]) == [2.0, 27.5]


@pytest.mark.parametrize(
    ("year_from", "year_to", "message"),
    [(2020, 2010, r"year_from \(2020\) is after year_to \(2010\)"), (1900, 1950, "covers 1985-2025"), ("2010", 2020, "whole year")],
)
def test_check_year_range_rejects(year_from, year_to, message):
    with pytest.raises(ParameterError, match=message):
        check_year_range(year_from, year_to, range(1985, 2026))


def test_check_year_range_accepts_overlap():
    assert check_year_range(1980, 1990, range(1985, 2026)) == (1980, 1990)


def test_every_declared_chapter_has_its_parameters_cell_in_sync():
    """The declaration is the one place: `python -m tradetalks params` writes the cells from it."""
    assert sync_parameter_cells(check=True) == []


def test_chapter_pages_hide_the_parameters_cell_and_end_with_a_rerun_box():
    """Readers before analysts: the parameters cell stays off the page; a folded box near the end shows the
    parameters, the values the page used and the command (the scenario page shows its own values)."""
    import nbformat

    from tradetalks import params
    from tradetalks.grid import BOOK_DIR, ROOT, load_grid, rerun_box

    for run in load_grid().runs:
        declared = params.declared(run.notebook.removesuffix(".ipynb")) or ()
        cells = nbformat.read(ROOT / BOOK_DIR / f"{run.page}.ipynb", as_version=4).cells
        injected = [c for c in cells if set(c.metadata.get("tags", [])) & {"parameters", "injected-parameters"}]
        assert all("remove-cell" in c.metadata["tags"] for c in injected), run.page
        boxes = [c.source for c in cells if c.cell_type == "markdown" and "Rerun this chapter" in c.source]
        if any(p.name != params.DATA_DIR.name for p in declared):
            assert boxes == [rerun_box(run.notebook.removesuffix(".ipynb"), run.parameters)], run.page
            for name, value in run.parameters.items():
                assert f"| `{name}` | `{params.python_literal(value)}` |" in boxes[0]
        else:
            assert boxes == [], run.page
