"""Page 'The EV rush and China's grip on the supply chain' (tradetalks.chapters.ev_china): loaders, derived figures, parameters, charts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import tradetalks.chapters.ev_china as page
from tests.wording import NUMBER, REWORDED, reword_labels
from tradetalks import data, params, style, text
from tradetalks.chapters import claims
from tradetalks.params import ParameterError

EV_TABLES = [
    "ev_sales_share",
    "ev_sales_volume",
    "china_share_global_ev",
    "ev_battery_demand",
    "battery_supply_chain",
    "battery_makers",
    "automaker_sales",
    "ev_policy_targets",
]


def rows_of(name: str) -> list[dict]:
    """The table's CSV as plain strings, read without the project's loader (the hand computation's input)."""
    with (data.default_data_dir() / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: data.load_table(name) for name in EV_TABLES}


# --- loaders ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EV_TABLES)
def test_each_table_loads_with_its_schema_types(name):
    table = data.load_table(name)
    schema = data.table_schema(name)
    assert list(table.columns) == [field["name"] for field in schema["schema"]["fields"]]
    assert len(table) == len(rows_of(name))
    assert data.sources_for(table)["source_key"].is_unique


def test_loaded_figures_equal_the_csv(tables):
    share = tables["ev_sales_share"]
    raw = [r for r in rows_of("ev_sales_share") if r["country"] == "Japan" and r["year"] == "2024" and r["dataset"] == page.tables.IEA]
    loaded = share[(share["country"] == "Japan") & (share["year"] == 2024) & (share["dataset"] == page.tables.IEA)]
    assert sorted(loaded["share_pct"].tolist()) == sorted(float(r["share_pct"]) for r in raw)
    assert str(tables["ev_sales_volume"]["vehicles"].dtype) == "Int64"
    assert tables["battery_makers"]["year"].isna().any()  # a year the source does not state stays empty


def test_sources_have_the_license_column_and_resolve(tables):
    sources = data.load_table("sources")
    assert "license" in sources.columns
    assert sources.loc[sources["source_key"] == "iea_gevo2025_data", "license"].str.startswith("CC BY 4.0").all()
    keys = {key for table in tables.values() for cell in table["source_key"] for key in data.split_source_keys(cell)}
    assert keys <= set(sources["source_key"])


def test_a_wrong_powertrain_in_the_csv_is_reported(data_copy: Path):
    path = data_copy / "ev_sales_share.csv"
    text = path.read_text(encoding="utf-8").replace("Japan,2015,full_year,BEV,", "Japan,2015,full_year,FCEV,", 1)
    path.write_text(text, encoding="utf-8")
    problems = data.check_data(data_copy)
    assert any(p.column == "powertrain" and p.rule == "enum" for p in problems)


def test_a_policy_target_in_words_is_reported(data_copy: Path):
    path = data_copy / "ev_policy_targets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",100%,", ",all,", 1), encoding="utf-8")
    problems = data.check_data(data_copy)
    assert any(p.column == "target_value" and p.rule == "pattern" for p in problems)


# --- parameters ------------------------------------------------------------------------------------------


def test_defaults_come_from_the_data(tables):
    countries, year_from, year_to, powertrain = page.parameters.check_parameters(tables["ev_sales_share"], None, None, None, "EV")
    assert countries == page.parameters.DEFAULT_COUNTRIES
    years = sorted({int(r["year"]) for r in rows_of("ev_sales_share") if r["dataset"] in (page.tables.IEA, page.tables.IEA_NEXT)})
    assert (year_from, year_to) == (years[0], years[-1])
    assert powertrain == "EV"


def test_unknown_country_names_the_valid_ones(tables):
    with pytest.raises(ParameterError, match="Atlantis") as error:
        page.parameters.check_parameters(tables["ev_sales_share"], ["Japan", "Atlantis"], None, None, "EV")
    for name in ["World", "China", "Europe", "United States", "Japan", "Norway"]:
        assert repr(name) in str(error.value)


def test_unknown_powertrain_names_the_valid_ones(tables):
    with pytest.raises(ParameterError, match="FCEV") as error:
        page.parameters.check_parameters(tables["ev_sales_share"], None, None, None, "FCEV")
    assert all(repr(name) in str(error.value) for name in ["EV", "BEV", "PHEV"])


@pytest.mark.parametrize("countries", [[], "", "[]"])
def test_countries_must_be_a_non_empty_list(tables, countries):
    with pytest.raises(ParameterError, match="non-empty list"):
        page.parameters.check_parameters(tables["ev_sales_share"], countries, None, None, "EV")


def test_year_from_after_year_to(tables):
    with pytest.raises(ParameterError, match="after year_to"):
        page.parameters.check_parameters(tables["ev_sales_share"], None, 2024, 2016, "EV")


def test_years_outside_the_data(tables):
    with pytest.raises(ParameterError, match="no data between"):
        page.parameters.check_parameters(tables["ev_sales_share"], None, 1990, 2000, "EV")


def test_country_short_names_round_trip():
    assert page.tables.country_name("Europe") == "Europe (IEA region)"
    assert page.tables.country_label("Europe (IEA region)") == "Europe"
    assert page.tables.country_label(page.tables.country_name("Japan")) == "Japan"


# --- the EV rush -----------------------------------------------------------------------------------------


def test_share_series_keeps_gaps_and_uses_one_series(tables):
    series = page.tables.share_series(tables["ev_sales_share"], ["Japan", "Norway"], "EV", 2015, 2025)
    assert len(series) == 2 * 11  # one row per country and year
    japan_2025 = series[(series["country"] == "Japan") & (series["year"] == 2025)]
    assert japan_2025["share_pct"].isna().all()  # no 2025 figure for Japan: a gap, not a fill
    norway_2025 = series[(series["country"] == "Norway") & (series["year"] == 2025)].iloc[0]
    assert norway_2025["dataset"] == page.tables.IEA_NEXT
    assert set(series["dataset"].dropna()) <= {page.tables.IEA, page.tables.IEA_NEXT}


def test_bev_series_is_marked_derived(tables):
    series = page.tables.share_series(tables["ev_sales_share"], ["Japan"], "BEV", 2015, 2024)
    assert (series["derived"] == "yes").all()


def test_japan_is_lowest_in_the_latest_year(tables):
    series = page.tables.share_series(tables["ev_sales_share"], page.parameters.DEFAULT_COUNTRIES, "EV", 2015, 2025)
    latest = page.tables.latest_shares(series)
    raw = {
        r["country"]: float(r["share_pct"])
        for r in rows_of("ev_sales_share")
        if r["year"] == "2024" and r["dataset"] == page.tables.IEA and r["powertrain_id"] == page.tables.POWERTRAINS["EV"]
    }
    assert latest["country"].iloc[-1] == "Japan"
    assert latest["share_pct"].iloc[-1] == raw["Japan"]
    assert page.tables.share_of(tables["ev_sales_share"], "World", 2024) == raw["World"]


def test_japan_peak_is_the_maximum(tables):
    peak = page.tables.japan_peak(tables["ev_sales_share"])
    raw = [
        r
        for r in rows_of("ev_sales_share")
        if r["country"] == "Japan" and r["dataset"] == page.tables.IEA and r["powertrain_id"] == page.tables.POWERTRAINS["EV"]
    ]
    best = max(raw, key=lambda r: float(r["share_pct"]))
    assert (int(peak["year"]), float(peak["share_pct"])) == (int(best["year"]), float(best["share_pct"]))


def test_other_share_figures_exclude_the_main_series(tables):
    others = page.tables.other_share_figures(tables["ev_sales_share"], page.parameters.DEFAULT_COUNTRIES, 2015, 2025)
    assert not others["dataset"].isin([page.tables.IEA, page.tables.IEA_NEXT]).any()
    assert page.tables.IEA_PREVIOUS in set(others["dataset"])


# --- China's share ---------------------------------------------------------------------------------------


def test_china_share_matches_hand_computation_from_volumes(tables):
    """The pack's derived share equals China / World from the IEA volumes, to its one decimal."""
    volumes = {
        (r["country"], r["year"]): int(r["vehicles"])
        for r in rows_of("ev_sales_volume")
        if r["dataset"] == page.tables.IEA and r["powertrain_id"] == page.tables.POWERTRAINS["EV"]
    }
    rows = page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)
    derived = rows[rows["derived"] == "yes"]
    assert len(derived) == 10
    for _, row in derived.iterrows():
        year = str(int(row["year"]))
        assert row["value_pct"] == pytest.approx(100 * volumes[("China", year)] / volumes[("World", year)], abs=0.05)
    china, world = page.tables.china_sales(tables["ev_sales_volume"], 2024)
    assert (china, world) == (volumes[("China", "2024")], volumes[("World", "2024")])


def test_china_home_share_keeps_both_definitions(tables):
    home = page.tables.china_home_share_definitions(tables["ev_sales_share"])
    year_2024 = home[home["year"] == 2024]
    assert set(year_2024["dataset"]) == {page.tables.CAAM, page.tables.IEA}
    assert year_2024["share_pct"].nunique() == 2  # they disagree, and both are kept


def test_car_battery_demand_share_is_a_ratio_of_the_csv(tables):
    raw = {
        r["region"]: float(r["battery_demand_gwh"])
        for r in rows_of("ev_battery_demand")
        if r["mode_id"] == page.tables.CARS and r["year"] == "2024"
    }
    result = page.tables.car_battery_demand_share(tables["ev_battery_demand"], 2024)
    assert result["share_pct"] == pytest.approx(100 * raw["China"] / raw["World"])


# --- the battery ladder ----------------------------------------------------------------------------------


def test_every_measure_on_the_ladder_has_a_legend_entry(tables):
    supply = tables["battery_supply_chain"]
    on_ladder = supply[supply["stage_id"].isin(page.tables.STAGES)]
    assert set(on_ladder["measure_kind"]) == set(page.tables.MEASURE_KIND_LABELS)
    assert page.tables.MEASURE_KINDS == list(page.tables.MEASURE_KIND_LABELS.values())
    # the table's classes agree with its wording: 'controlled' is ownership, capacity is capacity
    kinds = supply.groupby("measure")["measure_kind"].agg(set)
    assert kinds["mining controlled"] == {"ownership"} and kinds["production capacity"] == {"capacity_by_location"}


def test_ladder_has_every_stage_and_leaves_out_projections(tables):
    rungs = page.tables.ladder(tables["battery_supply_chain"])
    assert set(rungs["rung"]) == set(page.tables.STAGES.values())
    assert not rungs["measure"].str.contains("projection").any()
    assert rungs["value"].between(0, 100).all()
    # China does not lead cobalt or nickel mining by location: the leaders are on the ladder
    mining_leaders = set(rungs[(rungs["rung"] == "1 Mining") & (rungs["country"] != "China")]["country"])
    assert {"DR Congo", "Indonesia"} <= mining_leaders
    # Chile's lithium refining share is below China's, so Chile is not shown as a leader
    assert "Chile" not in set(rungs["country"])


def test_stage_ranges_show_the_claim_is_stronger_downstream(tables):
    ranges = page.tables.stage_ranges(page.tables.ladder(tables["battery_supply_chain"])).set_index("rung")
    assert ranges.loc["1 Mining", "lowest_pct"] < ranges.loc["4 Battery cells", "lowest_pct"]
    assert ranges.loc["5 Motor magnets (rare earths)", "lowest_pct"] > ranges.loc["1 Mining", "highest_pct"] - 10


def test_cell_shares_keep_capacity_and_output(tables):
    cells = page.tables.cell_share_definitions(tables["battery_supply_chain"])
    assert {page.tables.MEASURE_KINDS[0], page.tables.MEASURE_KINDS[1]} <= set(cells["kind"])
    assert "iea_batteries_2024" in set(cells["source_key"]) and "iea_battery_commentary_2025" in set(cells["source_key"])


def test_words_only_figures_are_not_given_a_number(tables):
    words = page.tables.words_only(tables["battery_supply_chain"])
    assert len(words) == sum(1 for r in rows_of("battery_supply_chain") if r["value"] == "")
    assert not page.tables.ladder(tables["battery_supply_chain"])["value"].isna().any()


def test_stated_keeps_the_sources_wording():
    row = pd.Series({"qualifier": 'over (stated as "over three-quarters")', "value": 75.0})
    assert page.sentences.stated(row) == "over 75%"
    assert page.sentences.stated(pd.Series({"qualifier": None, "value": 94.0})) == "94%"
    # a fraction's numeric rendering reads as the fraction, never as false precision
    assert page.sentences.stated(pd.Series({"qualifier": 'about (stated as "about a third")', "value": 33.3})) == "about a third"
    assert page.sentences.stated(pd.Series({"qualifier": "almost", "value": 66.7})) == "almost two-thirds"
    assert page.sentences.span(33.3, 100.0) == "33–100%" and page.sentences.span(87.0, 87.0) == "87%"


# --- BYD, Tesla, Toyota ----------------------------------------------------------------------------------


def test_company_series_one_figure_per_series_and_year(tables):
    series = page.tables.company_series(tables["automaker_sales"])
    assert not series.duplicated(["series", "year"]).any()
    tesla_2025 = series[(series["series"].str.startswith("Tesla")) & (series["year"] == 2025)].iloc[0]
    first_in_csv = next(r for r in rows_of("automaker_sales") if r["measure_id"] == "tesla_deliveries" and r["year"] == "2025")
    assert tesla_2025["value"] == float(first_in_csv["value"])


def test_company_alternatives_keep_the_disagreeing_totals(tables):
    alternatives = page.tables.company_alternatives(tables["automaker_sales"])
    assert set(alternatives["source_key"]) == {"nation_2025_byd_tesla", "tesla_2025_cnbc"}
    assert (alternatives["year"] == 2025).all()


def test_sales_value_is_picked_by_measure_and_year(tables):
    sales = tables["automaker_sales"]
    byd = page.tables.sales_value(sales, "byd_nev_sales", 2024)
    assert (byd["company"], byd["value"]) == ("BYD", 4272145)
    with pytest.raises(KeyError, match="automaker_sales has no row with measure_id 'byd_nev_sales' for 2019"):
        page.tables.sales_value(sales, "byd_nev_sales", 2019)


def test_japan_ice_share_leaves_out_a_half_year(tables):
    ice = page.tables.japan_ice_share(tables["ev_sales_share"])
    full_years = [
        r
        for r in rows_of("ev_sales_share")
        if r["country"] == "Japan" and r["powertrain_id"] == page.tables.ICE and r["part_of_year"] == page.tables.FULL_YEAR
    ]
    latest = max(full_years, key=lambda r: int(r["year"]))
    assert (int(ice["year"]), ice["share_pct"]) == (int(latest["year"]), float(latest["share_pct"]))
    assert any(r["part_of_year"] == "first_half" and int(r["year"]) > int(ice["year"]) for r in rows_of("ev_sales_share"))


def test_byd_is_the_second_largest_battery_maker(tables):
    assert page.tables.maker_rank(tables["battery_makers"], "BYD", "2024") == 2
    assert page.tables.maker_rank(tables["battery_makers"], "CATL", "2024") == 1
    glued = page.sentences.company_sales(
        tables["automaker_sales"],
        tables["battery_makers"],
        page.tables.battery_makers_table(tables["battery_makers"], "2024"),
        page.tables.company_alternatives(tables["automaker_sales"]),
    )
    assert glued["byd_maker_rank"] == text.superlative(2, "largest") == "second-largest"


def test_battery_shares_are_installations_over_the_total(tables):
    makers = page.tables.battery_makers_table(tables["battery_makers"], "2024")
    every_maker = tables["battery_makers"][
        (tables["battery_makers"]["year"] == "2024") & (tables["battery_makers"]["counted"] == "all_makers")
    ]
    total = every_maker["installations_gwh"].iloc[0]
    derived = tables["battery_makers"][(tables["battery_makers"]["year"] == "2024") & (tables["battery_makers"]["derived"] == "yes")]
    assert set(makers.loc[makers["company"].isin(derived["company"]), "derived"]) == {"share derived"}  # the chapter's words for 'yes'
    for _, row in derived.iterrows():
        assert row["share_pct"] == pytest.approx(100 * row["installations_gwh"] / total, abs=0.005)


# --- policy and the essay --------------------------------------------------------------------------------


def test_tokyo_2030_target_counts_hybrids(tables):
    tokyo = page.tables.policy_row(tables["ev_policy_targets"], "tokyo_2030_non_gasoline_cars")
    assert tokyo["target_value"] == "100%"
    assert "hybrid" in tokyo["what_counts"].lower()
    with pytest.raises(KeyError, match="has no row with target_id 'no_such_target'"):
        page.tables.policy_row(tables["ev_policy_targets"], "no_such_target")


def test_rewording_a_target_changes_no_figure(data_copy):
    """Rows are picked by id: rewording the policy and metric text leaves the chapter's figures as they were."""
    import csv

    path = data_copy / "ev_policy_targets.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    before = page.tables.policy_row(data.load_table("ev_policy_targets", data_copy), "tokyo_2030_non_gasoline_cars")
    for row in rows:
        row["policy"], row["target_metric"] = row["policy"] + " (reworded)", "a reworded metric: " + row["target_metric"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    after = page.tables.policy_row(data.load_table("ev_policy_targets", data_copy), "tokyo_2030_non_gasoline_cars")
    assert after["target_value"] == before["target_value"] and after["target_year"] == before["target_year"]
    assert after["policy"] != before["policy"]


def ev_figures(data_dir: Path | None) -> dict[str, object]:
    """The chapter's (and the claims page's) figures from a data folder: numbers and ids, no label text."""
    tables = {name: data.load_table(name, data_dir) for name in EV_TABLES}
    share, supply, sales, makers = (
        tables["ev_sales_share"],
        tables["battery_supply_chain"],
        tables["automaker_sales"],
        tables["battery_makers"],
    )
    evidence = ["battery_chain", "ev_targets", "ev_share_japan", "byd_growth"]
    essay = page.sentences.essay_checks(share, tables["china_share_global_ev"], supply, makers, sales, tables["ev_policy_targets"])
    return {
        "shares": {
            powertrain: page.tables.share_series(share, page.parameters.DEFAULT_COUNTRIES, powertrain, 2015, 2025)[
                ["country", "year", "share_pct", "source_key"]
            ]
            for powertrain in page.tables.POWERTRAINS
        },
        "japan_peak": page.tables.japan_peak(share)[["year", "share_pct"]].tolist(),
        "china_home": page.tables.china_home_share_definitions(share)[["year", "share_pct", "dataset", "source_key"]],
        "china_sales": page.tables.china_sales(tables["ev_sales_volume"], 2024),
        "battery_demand": page.tables.car_battery_demand_share(tables["ev_battery_demand"], 2024).tolist(),
        "ladder": page.tables.ladder(supply)[["rung", "country", "year", "value", "kind", "confidence", "source_key"]],
        "stage_ranges": page.tables.stage_ranges(page.tables.ladder(supply)),
        "cells": page.tables.cell_share_definitions(supply)[["year", "value", "kind", "source_key"]],
        "china_share": page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)[
            ["year", "value_pct", "derived", "source_key"]
        ],
        "companies": page.tables.company_series(sales)[["series", "year", "value", "source_key"]],
        "alternatives": page.tables.company_alternatives(sales)[["company", "year", "value", "source_key"]],
        "makers": page.tables.battery_makers_table(makers, "2024")[["installations_gwh", "share_pct", "derived", "source_key"]],
        "byd_rank": page.tables.maker_rank(makers, "BYD", "2024"),
        "japan_ice": page.tables.japan_ice_share(share)[["year", "share_pct"]].tolist(),
        "essay": [NUMBER.findall(text) for text in essay.to_numpy().ravel()],  # its sentences quote labels: numbers only
        "claims": {name: NUMBER.findall(claims.evidence.EVIDENCE[name](data_dir).text) for name in evidence},
    }


def reword_maker_groups(data_dir: Path) -> None:
    """Reword the names of groups of battery makers ('All makers ...'); one company's name is a proper name a chapter may pick by."""
    path = data_dir / "battery_makers.csv"
    makers = pd.read_csv(path, dtype=str, keep_default_na=False)
    groups = makers["counted"] != page.tables.ONE_MAKER
    makers.loc[groups, "company"] = REWORDED + makers.loc[groups, "company"]
    makers.to_csv(path, index=False)


def test_rewording_the_labels_changes_no_figure(data_copy: Path):
    """Rows are picked by ids and role columns: rewording every label, the names of groups of battery
    makers and who set a target, changes no figure (countries and companies are proper names)."""
    shipped = ev_figures(None)
    reword_labels(data_copy, also={"ev_policy_targets": ["jurisdiction"]})
    reword_maker_groups(data_copy)
    assert data.check_data(data_copy) == []
    reworded = ev_figures(data_copy)
    for name in shipped:
        if isinstance(shipped[name], pd.DataFrame):
            pd.testing.assert_frame_equal(reworded[name], shipped[name], obj=name)
        elif name == "shares":
            for powertrain, frame in shipped[name].items():
                pd.testing.assert_frame_equal(reworded[name][powertrain], frame, obj=f"{name} {powertrain}")
        else:
            assert reworded[name] == shipped[name], name
    reworded_columns = [("automaker_sales", "metric"), ("ev_sales_share", "powertrain"), ("ev_sales_volume", "powertrain")]
    reworded_columns += [("china_share_global_ev", "metric"), ("battery_supply_chain", "stage")]
    for table, column in reworded_columns:
        assert data.load_table(table, data_copy)[column].str.startswith(REWORDED).all(), f"{table}.{column}"
    assert data.load_table("ev_battery_demand", data_copy)["mode"].str.startswith(REWORDED).all()
    # the chart's words come from the data, so they follow the rewording
    assert page.tables.powertrain_label(data.load_table("ev_sales_share", data_copy), "EV") == REWORDED + page.tables.powertrain_label(
        data.load_table("ev_sales_share"), "EV"
    )


def test_essay_checks_use_the_data(tables):
    checks = page.sentences.essay_checks(
        tables["ev_sales_share"],
        tables["china_share_global_ev"],
        tables["battery_supply_chain"],
        tables["battery_makers"],
        tables["automaker_sales"],
        tables["ev_policy_targets"],
    )
    assert len(checks) == 5
    from tradetalks.chapters.claims.tables import card_verdict

    # one verdict per claim on the whole site: the claims page's, by claim id
    assert checks["Verdict"].tolist() == [card_verdict(claim_id) for claim_id in page.sentences.ESSAY_CLAIMS]
    assert "2.8%" in checks["What the data show"].iloc[0] and "22%" in checks["What the data show"].iloc[0]
    shown = " ".join(checks.to_numpy().ravel())
    assert "64.6" not in shown and "about 65%" in shown  # a share derived from IEA's rounded sales: two figures
    assert "AND conventional" not in shown  # the source's shorthand stays in the table, out of sentences


# --- charts ----------------------------------------------------------------------------------------------


def test_charts_build_small_specs(tables):
    share = tables["ev_sales_share"]
    built = [
        page.charts.share_chart(
            page.tables.share_series(share, page.parameters.DEFAULT_COUNTRIES, "EV", 2015, 2025), page.tables.powertrain_label(share, "EV")
        ),
        page.charts.china_share_chart(page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)),
        page.charts.ladder_chart(page.tables.ladder(tables["battery_supply_chain"])),
        page.charts.company_chart(page.tables.company_series(tables["automaker_sales"])),
    ]
    for chart in built:
        assert isinstance(chart, (alt.Chart, alt.LayerChart))
        spec = chart.to_dict()
        rows = sum(len(v) for v in spec.get("datasets", {}).values())
        assert 0 < rows < 5000


def test_sources_of_collects_every_cited_key(tables):
    sales = tables["automaker_sales"]
    sources = data.sources_cited(sales[sales["company"] == "Tesla"])
    assert set(sources["source_key"]) == {r["source_key"] for r in rows_of("automaker_sales") if r["company"] == "Tesla"}


@pytest.mark.parametrize(("given", "expected"), [('["Japan", "China"]', ["Japan", "China"]), ("Japan", ["Japan"]), (("World",), ["World"])])
def test_countries_from_a_command_line(given, expected):
    assert params.as_list("countries", given) == expected


def test_countries_from_a_command_line_unknown_name(tables):
    with pytest.raises(ParameterError, match="unknown values \\['Atlantis'\\]"):
        page.parameters.check_parameters(tables["ev_sales_share"], '["Atlantis"]', None, None, "EV")


def test_countries_not_json(tables):
    with pytest.raises(ParameterError, match="must be a list"):
        params.as_list("countries", "[Japan")


def _colour_range(spec: dict, field: str) -> dict[str, str]:
    """domain -> colour of the first colour scale on ``field`` in a (layered) spec."""
    for layer in [spec, *spec.get("layer", [])]:
        color = layer.get("encoding", {}).get("color", {})
        if color.get("field") == field:
            return dict(zip(color["scale"]["domain"], color["scale"]["range"], strict=True))
    raise AssertionError(f"no colour scale on {field}")


def test_each_country_is_drawn_in_its_place_colour(tables):
    share = tables["ev_sales_share"]
    spec = page.charts.share_chart(page.tables.share_series(share, page.parameters.DEFAULT_COUNTRIES, "EV", 2015, 2025), "EV").to_dict()
    colours = _colour_range(spec, "country")
    assert colours["Japan"] == style.colour("japan") and colours["China"] == style.colour("china")
    assert colours["World"] == style.colour("world")
    assert "strokeDash" not in spec["layer"][0]["encoding"]  # every country has a colour of its own


def test_countries_sharing_a_place_colour_are_dashed(tables):
    share = tables["ev_sales_share"]
    spec = page.charts.share_chart(page.tables.share_series(share, ["Europe", "EU27", "Japan"], "EV", 2015, 2024), "EV").to_dict()
    assert len(set(_colour_range(spec, "country").values())) == 2
    dashes = spec["layer"][0]["encoding"]["strokeDash"]["scale"]["range"]
    assert dashes[0] != dashes[1]  # Europe and the EU27: one colour, two dashes


def test_company_and_measure_colours_come_from_roles(tables):
    companies = _colour_range(page.charts.company_chart(page.tables.company_series(tables["automaker_sales"])).to_dict(), "series")
    assert list(companies.values()) == style.colours(spec["role"] for spec in page.tables.COMPANY_SERIES)
    ladder = page.charts.ladder_chart(page.tables.ladder(tables["battery_supply_chain"])).to_dict()
    kinds = _colour_range(ladder, "kind")
    assert list(kinds.values()) == style.colours(page.tables.MEASURE_KIND_LABELS)


def test_shaped_frames_still_name_their_tables(tables):
    """Frames rebuilt by merge or concat are tagged again, so their source lines name the table."""
    share, sales = tables["ev_sales_share"], tables["automaker_sales"]
    assert data.tables_of(page.tables.share_series(share, ["Japan"], "EV", 2015, 2024)) == ("ev_sales_share",)
    assert data.tables_of(page.tables.china_home_share_definitions(share)) == ("ev_sales_share",)
    assert data.tables_of(page.tables.company_series(sales)) == ("automaker_sales",)
    evidence = page.tables.essay_evidence(
        share,
        tables["china_share_global_ev"],
        tables["battery_supply_chain"],
        tables["battery_makers"],
        sales,
        tables["ev_policy_targets"],
    )
    names = ("ev_sales_share", "china_share_global_ev", "battery_supply_chain", "battery_makers", "automaker_sales", "ev_policy_targets")
    assert data.tables_of(*evidence) == names
    assert all(len(frame) > 0 for frame in evidence)


def test_sentences_leave_no_glue_empty(tables):
    share = tables["ev_sales_share"]
    series = page.tables.share_series(share, ["China", "Norway"], "BEV", 2015, 2025)
    rush = page.sentences.ev_rush(share, series, 2025, "BEV")
    assert rush["ev_rank_sentence"] == "Japan is not among the countries chosen for the chart."
    assert "derived" in rush["ev_powertrain_note"]
    makers = tables["battery_makers"]
    makers_year = page.tables.battery_makers_table(makers, page.tables.latest_makers_year(makers))
    alternatives = page.tables.company_alternatives(tables["automaker_sales"])
    glued = {
        **rush,
        **page.sentences.japan_hybrids(share),
        **page.sentences.china_share(
            tables["china_share_global_ev"],
            page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024),
            tables["ev_sales_volume"],
        ),
        **page.sentences.battery_ladder(tables["battery_supply_chain"], page.tables.ladder(tables["battery_supply_chain"])),
        **page.sentences.battery_demand(tables["ev_battery_demand"]),
        **page.sentences.company_sales(tables["automaker_sales"], makers, makers_year, alternatives),
        **page.sentences.targets(tables["ev_policy_targets"]),
    }
    assert all(isinstance(value, str) and value for value in glued.values())
    assert glued["byd_maker_rank"] == "second-largest"


# --- chart titles, reader tables, In brief ---------------------------------------------------------------


def chart_texts(tables: dict[str, pd.DataFrame], powertrain: str = "EV", countries: list[str] | None = None) -> dict[str, dict[str, str]]:
    """Each chart's title, subtitle and description, as the chapter computes them from the frames it draws."""
    share = tables["ev_sales_share"]
    series = page.tables.share_series(share, countries or page.parameters.DEFAULT_COUNTRIES, powertrain, 2015, 2025)
    return {
        "share": page.sentences.share_chart_text(series, page.tables.powertrain_label(share, powertrain), powertrain),
        "china": page.sentences.china_share_chart_text(page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)),
        "ladder": page.sentences.ladder_chart_text(page.tables.ladder(tables["battery_supply_chain"])),
        "companies": page.sentences.company_chart_text(page.tables.company_series(tables["automaker_sales"])),
    }


@pytest.mark.parametrize("powertrain", ["EV", "BEV", "PHEV"])
@pytest.mark.parametrize("countries", [page.parameters.DEFAULT_COUNTRIES, ["Norway", "China"], ["Japan", "Norway"]])
def test_every_chart_states_its_finding(tables, powertrain, countries):
    """Titles state a finding in at most twelve words, subtitles name a unit, descriptions are one sentence,
    whatever the parameters."""
    from tradetalks import chartlint

    for name, words in chart_texts(tables, powertrain, countries).items():
        assert chartlint.problems(sourced=True, dated=True, **words) == [], name
        assert words["description"].count(". ") == 0, name  # one sentence


def test_titles_quote_the_figures_drawn(tables):
    texts = chart_texts(tables)
    raw = {
        r["country"]: r["share_pct"]
        for r in rows_of("ev_sales_share")
        if r["year"] == "2024" and r["dataset"] == page.tables.IEA and r["powertrain_id"] == "ev"
    }
    assert texts["share"]["title"] == f"Japan's electric car share was {raw['Japan']}% in 2024, against {raw['World']}% worldwide"
    china = [r for r in rows_of("china_share_global_ev") if r["derived"] == "yes" and r["measure_id"] == "ev_sales"]
    latest = max(china, key=lambda r: int(r["year"]))
    assert (
        texts["china"]["title"]
        == f"China bought {text.fraction(float(latest['value_pct']))} of the world's electric cars in {latest['year']}"
    )
    assert "64.6" not in texts["china"]["description"]  # derived from rounded inputs: two significant figures
    ranges = page.tables.stage_ranges(page.tables.ladder(tables["battery_supply_chain"])).set_index("rung")
    magnets = ranges.loc[page.tables.STAGES["magnets"]]
    assert f"{magnets['lowest_pct']:g}–{magnets['highest_pct']:g}% of magnet making" in texts["ladder"]["title"]
    assert "33–100% in refining" in texts["ladder"]["description"]  # 'about a third' is not 33.3%
    assert texts["companies"]["title"] == "BYD overtook Tesla in battery-electric cars in 2025"


def test_titles_follow_the_data(tables):
    """A rerun with other figures rewords the titles: nothing in them is typed."""
    share = tables["ev_sales_share"].copy()
    japan = (
        (share["country"] == "Japan") & (share["year"] == 2024) & (share["dataset"] == page.tables.IEA) & (share["powertrain_id"] == "ev")
    )
    share.loc[japan, "share_pct"] = 4.1
    series = page.tables.share_series(share, page.parameters.DEFAULT_COUNTRIES, "EV", 2015, 2025)
    assert "was 4.1% in 2024" in page.sentences.share_chart_text(series, "EV", "EV")["title"]
    without_japan = page.tables.share_series(share, ["Norway", "China"], "EV", 2015, 2025)
    assert page.sentences.share_chart_text(without_japan, "EV", "EV")["title"] == "Norway's electric share led at 92% in 2024"

    china = page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)
    china.loc[(china["derived"] == "yes") & (china["year"] == 2024), "value_pct"] = 66.6
    assert page.sentences.china_share_chart_text(china)["title"].startswith("China bought about two-thirds of")

    sales = page.tables.company_series(tables["automaker_sales"])
    tesla_2025 = (sales["series"] == page.sentences.SERIES_BY_ROLE["tesla"]) & (sales["year"] == 2025)
    sales.loc[tesla_2025, "value"] = 3_000_000
    assert page.sentences.company_chart_text(sales)["title"] == "Tesla still outsold BYD in battery-electric cars in 2025"


def test_end_labels_never_overlap():
    placed = page.charts.spread([22.0, 22.0, 10.0, 2.8, 48.0, 92.0], gap=5.5)
    ordered = sorted(placed)
    assert all(upper - lower >= 5.5 - 1e-9 for lower, upper in zip(ordered, ordered[1:], strict=False))
    assert placed[4:] == [48.0, 92.0]  # labels far from the others stay at their figures
    assert min(placed) >= 0


def reader_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    share, supply, sales, makers = (
        tables["ev_sales_share"],
        tables["battery_supply_chain"],
        tables["automaker_sales"],
        tables["battery_makers"],
    )
    countries = page.parameters.DEFAULT_COUNTRIES
    series = page.tables.share_series(share, countries, "EV", 2015, 2025)
    rungs = page.tables.ladder(supply)
    return {
        "share": page.tables.share_table(series),
        "others": page.tables.other_share_table(share, page.tables.other_share_figures(share, countries, 2015, 2025)),
        "china": page.tables.china_share_table(page.tables.china_share_series(tables["china_share_global_ev"], 2015, 2024)),
        "home": page.tables.china_home_share_table(page.tables.china_home_share_definitions(share)),
        "ladder": page.tables.ladder_table(rungs),
        "cells": page.tables.cell_share_table(page.tables.cell_share_definitions(supply)),
        "companies": page.tables.company_table(page.tables.company_series(sales)),
        "makers": page.tables.makers_table(page.tables.battery_makers_table(makers, page.tables.latest_makers_year(makers))),
        "targets": page.tables.policy_table(tables["ev_policy_targets"]),
    }


def test_reader_tables_show_words_not_ids(tables):
    """Every header has words (columns.for_readers raises otherwise); no cell holds a source key or an id."""
    from tradetalks import columns

    keys = set(data.load_table("sources")["source_key"])
    ids = set(page.tables.DATASET_WORDS) | set(page.tables.MEASURE_KIND_LABELS) | {"one_maker", "all_makers"}
    for name, frame in reader_tables(tables).items():
        shown = columns.for_readers(frame)
        assert "source_key" not in frame.columns, name
        cells = {str(cell) for cell in shown.to_numpy().ravel() if isinstance(cell, str)}
        assert not any(key in cell for key in keys for cell in cells), name
        assert not cells & ids, name
    assert data.tables_of(reader_tables(tables)["targets"]) == ("ev_policy_targets",)  # the source line still finds its table


def test_long_cells_are_cut_at_an_aside(tables):
    targets = page.tables.policy_table(tables["ev_policy_targets"])
    lengths = targets.drop(columns="set_by_policy").map(len).to_numpy()
    assert lengths.max() <= max(page.tables.ASIDE_BY, page.tables.METRIC_CELL)
    assert page.tables.shortened(
        "electric vehicles including hybrids and fuel-cell vehicles (Reuters wording); PHEV not itemised in excerpt seen"
    ) == ("electric vehicles including hybrids and fuel-cell vehicles")
    assert page.tables.shortened("short") == "short"
    tokyo = targets[targets["set_by_policy"].str.startswith("Tokyo: Governor Koike statement to")].iloc[0]
    assert "usembassy" not in tokyo["binding"]


def test_prose_glues_no_source_notes(tables):
    """Notes and shorthand columns are never glued into a sentence: what counts is worded by the template."""
    makers = tables["battery_makers"]
    makers_year = page.tables.battery_makers_table(makers, page.tables.latest_makers_year(makers))
    glued = {
        **page.sentences.targets(tables["ev_policy_targets"]),
        **page.sentences.company_sales(
            tables["automaker_sales"], makers, makers_year, page.tables.company_alternatives(tables["automaker_sales"])
        ),
        **page.sentences.battery_ladder(tables["battery_supply_chain"], page.tables.ladder(tables["battery_supply_chain"])),
    }
    notes = {cell for name in EV_TABLES for cell in data.load_table(name).get("notes", pd.Series(dtype=str)).dropna()}
    for name, sentence in glued.items():
        assert not any(note in sentence for note in notes if len(note) > 12), name
    assert glued["tokyo_target"].endswith(page.sentences.HYBRIDS_WORDS["yes"]) and "AND" not in glued["tokyo_target"]
    assert glued["refining_nickel"] == "about a third in 2023"  # not '33.3%'
    assert glued["byd_overseas"] == "about 1 million" and "%" not in glued["byd_overseas"]
    assert glued["byd_vs_tesla"] == "more than"


def test_what_a_target_counts_is_read_from_its_coded_column(tables):
    targets = tables["ev_policy_targets"].copy()
    tokyo = targets["target_id"] == "tokyo_2030_non_gasoline_cars"
    for coded, words in [("yes", "as well as electric cars"), ("no", "leaves conventional hybrids out"), (None, "do not say")]:
        targets.loc[tokyo, "counts_hybrids"] = coded
        assert words in page.sentences.targets(targets)["tokyo_target"]


def test_in_brief_has_three_findings_from_the_data(tables):
    from tradetalks import findings

    brief = page.brief.in_brief()
    findings.check_brief(brief)
    japan = page.tables.share_of(tables["ev_sales_share"], "Japan", 2024)
    world = page.tables.share_of(tables["ev_sales_share"], "World", 2024)
    assert f"{japan:g}% of new cars sold in Japan against {world:g}% worldwide" in brief[0].sentence
    assert "nearly 85%" in brief[1].sentence and "DR Congo" in brief[1].sentence
    assert "hybrids included" in brief[2].sentence
    notebook = (Path(__file__).resolve().parent.parent / "notebooks" / "ev_china.ipynb").read_text(encoding="utf-8")
    for finding in brief:
        assert f"({finding.section})=" in notebook  # the label sits above the section that shows the finding


def test_in_brief_follows_the_data(data_copy: Path):
    path = data_copy / "ev_sales_share.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Japan,2024,full_year,EV (BEV+PHEV),ev,2.8,", "Japan,2024,full_year,EV (BEV+PHEV),ev,3.1,", 1
        ),
        encoding="utf-8",
    )
    assert "3.1% of new cars sold in Japan" in page.brief.in_brief(str(data_copy))[0].sentence


# --- one count of markets on the page --------------------------------------------------------------------

COUNTED = __import__("re").compile(r"\bof (?:the )?(\w+) (?:markets|countries and regions)\b")


def stated_counts(share: pd.DataFrame, tables: dict[str, pd.DataFrame], countries: list[str], powertrain: str) -> dict[str, list[str]]:
    """Every count of markets the page states, by where it stands: chart title and description, prose, In brief, essay check."""
    years = page.tables.share_years(share)
    series = page.tables.share_series(share, countries, powertrain, years[0], years[-1])
    chart = page.sentences.share_chart_text(series, page.tables.powertrain_label(share, powertrain), powertrain)
    essay = page.sentences.essay_checks(
        share,
        tables["china_share_global_ev"],
        tables["battery_supply_chain"],
        tables["battery_makers"],
        tables["automaker_sales"],
        tables["ev_policy_targets"],
        countries,
    )
    texts = {
        "chart title": chart["title"],
        "chart description": chart["description"],
        "prose": page.sentences.ev_rush(share, series, years[-1], powertrain)["ev_rank_sentence"],
        "in brief": page.sentences.brief_rush(share, countries),
        "essay check": " ".join(essay.iloc[0]),
    }
    return {where: COUNTED.findall(sentence) for where, sentence in texts.items()}


@pytest.mark.parametrize(
    ("countries", "powertrain"),
    [
        (page.parameters.DEFAULT_COUNTRIES, "EV"),
        (page.parameters.DEFAULT_COUNTRIES, "BEV"),
        (["Japan", "China", "Germany", "Norway", "World", "United States", "EU27", "Europe"], "EV"),
        (["Japan", "Norway"], "EV"),
    ],
)
def test_every_count_of_markets_on_the_page_agrees(tables, countries, powertrain):
    """The issue's '6' against '7' markets: every sentence that ranks Japan counts the same frame
    (tables.markets_compared), so the chart, the prose, In brief and the essay check state one count."""
    share = tables["ev_sales_share"]
    years = page.tables.share_years(share)
    markets = page.tables.markets_compared(page.tables.share_series(share, countries, "EV", years[0], years[-1]))
    counts = stated_counts(share, tables, countries, powertrain)
    assert all(found for where, found in counts.items() if where != "chart title"), counts  # each states the count
    assert bool(counts["chart title"]) == ("World" not in countries)  # a title with the world's share needs no count
    assert {count for found in counts.values() for count in found} == {text.count_words(len(markets))}, counts


def test_markets_compared_are_the_charts_countries_but_the_world(tables):
    share = tables["ev_sales_share"]
    series = page.tables.share_series(share, page.parameters.DEFAULT_COUNTRIES, "EV", 2015, 2025)
    markets = page.tables.markets_compared(series)
    raw = {
        r["country"]
        for r in rows_of("ev_sales_share")
        if r["year"] == "2024" and r["dataset"] == page.tables.IEA and r["powertrain_id"] == page.tables.POWERTRAINS["EV"]
    }
    expected = {page.tables.country_label(name) for name in raw} & set(page.parameters.DEFAULT_COUNTRIES) - {"World"}
    assert set(markets["country"]) == expected
    assert markets["share_pct"].is_monotonic_decreasing
    assert page.sentences.rank_among(markets) == f"the lowest of the {text.count_words(len(expected))} markets compared"


def test_in_brief_ranks_japan_among_the_chosen_markets():
    brief = page.brief.in_brief(countries=["Japan", "Norway", "World"])
    assert brief[0].sentence.endswith("the lowest of the two markets compared.")
    with pytest.raises(ParameterError):
        page.brief.in_brief(countries=["Atlantis"])
