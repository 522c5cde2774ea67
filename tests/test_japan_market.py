"""Chapter 'Why don't American cars sell in Japan?': loaders, derived figures (checked by hand against
data/*.csv), parameter checks and chart builders."""

import json
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert

from tradetalks import build, chartlint, charts, columns, data, figures, findings, style, text
from tradetalks.chapters import claims as claims_page
from tradetalks.chapters import japan_market as page
from tradetalks.params import ParameterError


@pytest.fixture(scope="module")
def tables():
    return page.tables.load_tables()


@pytest.fixture(scope="module")
def sales(tables):
    return tables["japan_new_car_sales"]


@pytest.fixture(scope="module")
def totals(tables):
    return tables["japan_import_market_totals"]


@pytest.fixture(scope="module")
def by_brand(tables):
    return tables["japan_import_sales_by_brand"]


@pytest.fixture(scope="module")
def claims(tables):
    return tables["nontariff_barrier_claims"]


@pytest.fixture(scope="module")
def structural(tables):
    return tables["structural_factors"]


@pytest.fixture(scope="module")
def bestsellers(tables):
    return tables["japan_bestsellers"]


# --------------------------------------------------------------------------- loaders


@pytest.mark.parametrize(
    ("name", "columns", "rows"),
    [
        ("japan_new_car_sales", ["period_type", "period", "metric", "value", "unit", "qualifier", "source_key", "original_source_key"], 47),
        ("japan_bestsellers", ["period_type", "period", "rank", "model", "model_id", "maker", "segment", "units", "source_key"], 17),
        ("japan_import_market_totals", ["period_type", "period", "metric", "value", "unit", "qualifier", "source_key"], 68),
        (
            "japan_import_sales_by_brand",
            ["period_type", "period", "brand", "brand_id", "counted", "brand_origin", "units", "scope", "qualifier", "source_key"],
            104,
        ),
        (
            "nontariff_barrier_claims",
            ["claim_id", "date", "claimant", "claimant_role", "actor_group", "stance", "evidence_or_figure", "source_key"],
            41,
        ),
        (
            "structural_factors",
            ["factor", "item", "item_id", "brand_origin", "built_in", "metric", "configuration", "value", "unit", "as_of", "source_key"],
            53,
        ),
    ],
)
def test_market_tables_load_with_their_columns(tables, name, columns, rows):
    table = tables[name]
    assert set(columns) <= set(table.columns)
    assert len(table) == rows


def test_types_follow_the_schema(sales, by_brand, structural):
    assert sales["value"].dtype == "float64"
    assert str(by_brand["units"].dtype) == "Int64"
    assert structural["value"].dtype == "str"  # flags, dates and ranges share the column with numbers


def test_every_market_table_has_units_and_a_primary_key():
    for name in page.tables.TABLES:
        schema = data.table_schema(name)["schema"]
        assert schema["primaryKey"], name
        fields = {f["name"]: f for f in schema["fields"]}
        assert fields["source_key"]["constraints"]["required"]
        assert all("description" in f for f in schema["fields"]), name
    fields = {f["name"]: f for f in data.table_schema("japan_import_sales_by_brand")["schema"]["fields"]}
    assert fields["units"]["unit"] == "vehicles"


def test_load_tables_rejects_a_dangling_original_key(data_copy):
    path = data_copy / "nontariff_barrier_claims.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",orig_whitehouse,", ",orig_missing,"), encoding="utf-8")
    with pytest.raises(data.DataError, match="orig_missing"):
        page.tables.load_tables(data_copy)


def test_market_sources_are_all_in_the_merged_register():
    sources = set(data.load_table("sources")["source_key"])
    pack = pd.read_csv(data.default_data_dir() / "sources.csv", dtype=str)
    assert {"orig_jaia", "orig_jada", "orig_zenkeijikyo", "orig_mlit", "orig_ustr", "orig_whitehouse"} <= sources
    assert pack["source_key"].is_unique


def test_figures_are_copied_unchanged():
    """The adopted rows keep the pack's figures (spot checks read by hand from the pack's CSVs)."""
    brands = data.load_table("japan_import_sales_by_brand")
    row = brands[(brands["period"] == "2024") & (brands["brand_id"] == "jeep")]
    assert row["units"].item() == 9633
    sales = data.load_table("japan_new_car_sales")
    assert sorted(sales.loc[(sales["period"] == "2024") & (sales["metric"] == "total_new_vehicle_sales"), "value"]) == [4421234, 4421494]


# --------------------------------------------------------------------------- the market split


def test_market_split_2024_against_hand_computation(sales, totals, by_brand):
    split = page.tables.market_split(sales, totals, by_brand, 2024)
    assert split.levels == 3 and split.missing == []
    units = split.rows.set_index("segment")["units"]
    # kei 1,557,868 (response_390751); registered 2,863,626 (nippon_h02260); foreign brands 227,202 (JAIA)
    assert units[page.tables.KEI] == 1557868
    assert units[page.tables.JAPANESE_REGISTERED] == 2863626 - 227202
    assert units[page.tables.FOREIGN] == 227202
    # U.S. brands: the exact 16,707 is preferred over "16,700 and more"
    assert units[page.tables.US_BRANDS] == 16707
    assert units[page.tables.OTHER_FOREIGN] == 227202 - 16707
    assert units[page.tables.OTHER_US] == 16707 - 9633 - 587 - 449
    derived = split.rows.set_index("segment")["derived"]
    assert (
        derived[page.tables.JAPANESE_REGISTERED]
        and derived[page.tables.OTHER_US]
        and not split.rows.set_index("segment_id").loc["jeep", "derived"]
    )
    assert split.rows.set_index("segment_id").loc["jeep", "segment"] == "Jeep"  # the brand's name comes from its label


def test_split_shares(sales, totals, by_brand):
    table = page.tables.split_table(page.tables.market_split(sales, totals, by_brand, 2024)).set_index("segment")
    assert table.loc[page.tables.KEI, "share_of_level_pct"] == round(100 * 1557868 / (1557868 + 2863626), 2)
    assert table.loc[page.tables.US_BRANDS, "share_of_market_pct"] == round(100 * 16707 / 4421494, 3)
    assert table.groupby("level_title")["share_of_level_pct"].sum().round(0).eq(100).all()


def test_split_stops_where_the_data_stops(sales, totals, by_brand):
    split = page.tables.market_split(sales, totals, by_brand, 2023)
    assert split.levels == 1
    assert "U.S. brands' total" in split.missing[0]
    assert "stops there" in page.sentences.split_summary(split)
    empty = page.tables.market_split(sales, totals, by_brand, 2016)
    assert empty.levels == 0 and "foreign-brand registrations" in page.sentences.gap_note(empty)


def test_conflicting_totals_are_both_named_by_their_publishers(sales, totals, by_brand):
    text = page.sentences.conflict_summary(page.tables.market_split(sales, totals, by_brand, 2024))
    assert "4,421,494 as reported by Nippon.com (Japan Data)" in text and "4,421,234 as reported by Response (response.jp)" in text
    assert "nippon_h02260" not in text and "_" not in text  # publishers, never source keys or metric ids


def test_kei_share_is_derived_and_labelled(sales):
    shares = page.tables.kei_shares(sales)
    row = shares[shares["period"] == "CY 2024"].iloc[0]
    assert row["kei_share_pct"] == round(100 * 1557868 / (1557868 + 2863626), 1) == 35.2
    assert row["kind"] == "derived"
    assert "4,421,234 (Response)" in row["stated_totals"] and "4,421,494 (Nippon.com)" in row["stated_totals"]
    stated = shares[shares["kind"].str.startswith("stated")]
    assert set(stated["period"]) >= {"FY 2008", "FY 2011"}
    assert not stated["kind"].str.contains("_").any()  # the metric says what a share is of, in words
    assert not shares["period"].str.startswith("NA").any()  # an undated statement says so
    assert "source_key" not in page.tables.kei_shares_for_readers(shares)


# --------------------------------------------------------------------------- brands and parameters


def test_brand_choices_are_single_brands_by_id(by_brand):
    choices = page.tables.valid_brands(by_brand)
    assert choices["bmw"] == "BMW" and choices["mini"] == "MINI" and choices["jeep"] == "Jeep"
    # groups, totals and Japanese brands' own imports are left out by the counted and brand_origin columns
    assert not {"us_brands", "us_brands_passenger_jada", "gm_brands", "bmw_incl_mini", "others_mostly_tesla", "honda"} & set(choices)
    ids = list(choices)
    assert ids.index("mercedes_benz") < ids.index("jeep") < ids.index("byd")  # German, then U.S., then others


def test_a_target_is_not_a_registration(by_brand):
    rows = page.tables.brand_rows(by_brand)
    assert 1993 not in set(rows["year"])  # Jeep's 1993 row is a company target
    assert figures.brand_registrations(by_brand, "jeep", 1993) is None


def test_default_parameters_come_from_the_data(by_brand, structural):
    year, brands, models = page.parameters.check_parameters(None, None, None, by_brand, structural)
    assert year == 2024
    assert brands[:4] == ["mercedes_benz", "bmw", "volkswagen", "jeep"]
    assert models == list(page.sizes.DEFAULT_MODELS)


def test_unknown_brand_names_the_valid_ones(by_brand, structural):
    with pytest.raises(ParameterError, match=r"brands has unknown values \['Nope'\].*'mercedes_benz' \(Mercedes-Benz\).*'jeep' \(Jeep\)"):
        page.parameters.check_parameters(None, ["Nope"], None, by_brand, structural)


def test_brands_given_as_text_are_read_as_a_list(by_brand, structural):
    _, brands, _ = page.parameters.check_parameters(2024, '["jeep", "cadillac"]', None, by_brand, structural)
    assert brands == ["jeep", "cadillac"]
    with pytest.raises(ParameterError, match=r"unknown values \['Nope'\]"):
        page.parameters.check_parameters(2024, '["Nope"]', None, by_brand, structural)


def test_unknown_model_names_the_valid_ones(by_brand, structural):
    with pytest.raises(
        ParameterError, match=r"models has unknown values \['tesla_cybertruck'\].*'honda_n_box' \(Honda N-BOX\).*'ford_f_150'"
    ):
        page.parameters.check_parameters(None, None, ["tesla_cybertruck"], by_brand, structural)


def test_a_model_without_both_dimensions_is_not_a_choice(structural):
    assert "gmc_yukon" not in page.sizes.valid_models(structural)
    assert page.sizes.undrawable_models(structural) == ["GMC Yukon"]


@pytest.mark.parametrize("bad", [1999, 2030])
def test_year_without_figures_lists_the_years(by_brand, structural, bad):
    with pytest.raises(ParameterError, match=r"years with figures: .*2024"):
        page.parameters.check_parameters(bad, None, None, by_brand, structural)


@pytest.mark.parametrize("bad", ["2024", 2024.0, True])
def test_year_must_be_a_whole_year(by_brand, structural, bad):
    with pytest.raises(ParameterError, match="whole calendar year"):
        page.parameters.check_parameters(bad, None, None, by_brand, structural)


def test_year_must_have_figures_for_the_chosen_brands(by_brand, structural):
    with pytest.raises(ParameterError, match=r"chosen brands; years with figures: 2015"):
        page.parameters.check_parameters(2024, ["ford"], None, by_brand, structural)


def test_brand_comparison_keeps_gaps_as_gaps(by_brand):
    comparison = page.tables.brand_comparison(by_brand, 2024, ["mercedes_benz", "jeep", "dodge", "ford"]).set_index("brand_name")
    assert comparison.loc["Mercedes-Benz", "units"] == 53195
    assert pd.isna(comparison.loc["Ford", "units"]) and "no figure" in comparison.loc["Ford", "note"]
    assert comparison.loc["Dodge", "approximate"] and not comparison.loc["Jeep", "approximate"]


def test_brand_ratio_is_derived_from_the_rows(sales, totals, by_brand):
    split = page.tables.market_split(sales, totals, by_brand, 2024)
    text = page.sentences.brand_ratio_sentence(by_brand, split, 2024)
    assert f"{53195 / 16707:.1f} times" in text and "ratio derived" in text


# --------------------------------------------------------------------------- sizes


def test_footprints_read_one_row_per_dimension(structural):
    shapes = page.sizes.footprints(structural).set_index("label")
    assert shapes.loc["Honda N-BOX", ["length_mm", "width_mm", "height_mm"]].tolist() == [3395, 1475, 1790]
    assert shapes.loc["Toyota Tundra, longer configuration", "length_mm"] == 6414
    assert shapes.loc["Toyota Tundra, shorter configuration", "width_mm"] == 2032
    assert shapes.loc["Toyota Scepter", "approximate"]


def test_inches_are_converted_and_marked_derived(structural):
    f150 = page.sizes.footprints(structural).set_index("model_id").loc["ford_f_150"]
    assert f150["length_mm"] == round(243.5 * 25.4) and f150["width_mm"] == round(79.9 * 25.4)
    assert f150["how"].startswith("derived")


def test_fit_table_against_the_limits(structural, bestsellers):
    shapes = page.sizes.with_kinds(page.sizes.footprints(structural), bestsellers)
    fits = page.sizes.fit_table(shapes, structural).set_index("label")
    assert fits.loc["Toyota Yaris", "fits_mechanical_parking"] == "yes"
    assert fits.loc["Honda N-BOX", "fits_kei_class"] == "yes"
    assert fits.loc["Honda N-BOX", "fits_mechanical_parking"] == f"no: {1790 - 1550} mm too tall"
    assert fits.loc["Honda N-BOX", ["too_long_mm", "too_wide_mm", "too_tall_mm"]].tolist() == [0, 0, 1790 - 1550]
    assert fits.loc["Toyota Camry", "fits_mechanical_parking"] == f"no: {1850 - 1800} mm too wide"
    assert pd.isna(fits.loc["Toyota Camry", "too_tall_mm"])  # no height in the data: unknown, not zero
    assert fits.loc["Toyota Cavalier sedan", "fits_mechanical_parking"] == "yes (height not in the data)"
    assert shapes.set_index("label").loc["Honda N-BOX", "kind"] == "Japanese best-seller"
    assert shapes.set_index("label").loc["Ford F-150", "kind"] == "U.S. brand"
    assert shapes.set_index("label").loc["Toyota Camry", "kind"] == "built in the U.S."  # built_in, not the label's wording
    drawn = page.sizes.drawn_footprints(structural, bestsellers, ["ford_f_150", "toyota_tundra"])
    assert drawn["label"].tolist() == ["Toyota Tundra, shorter configuration", "Toyota Tundra, longer configuration", "Ford F-150"]


def drawn_rectangles(spec: dict, width: int) -> list[tuple[float, float]]:
    """The width and height in pixels of every filled rectangle Vega draws for ``spec`` at ``width`` pixels."""
    svg = vl_convert.vegalite_to_svg({**spec, "width": width})
    return [(float(w), float(h)) for w, h in re.findall(r'aria-roledescription="rect mark" d="M[-\d.]+,[-\d.]+h([\d.]+)v([\d.]+)h-', svg)]


@pytest.mark.parametrize("width", [334, 664])
def test_footprint_chart_is_drawn_to_scale_at_any_width(structural, bestsellers, width):
    """Drawn at a phone's width or a desktop's, a model's rectangle keeps its length-to-width ratio."""
    shapes = page.sizes.drawn_footprints(structural, bestsellers, ["honda_n_box", "ford_f_150"])
    spec = page.charts.footprint_chart(shapes, structural).to_dict()
    drawn = drawn_rectangles(spec, width)
    for length, breadth in ((3395, 1475), (round(243.5 * 25.4), round(79.9 * 25.4)), (5000, 1800)):
        assert any(w / h == pytest.approx(length / breadth, rel=0.01) for w, h in drawn), (length, breadth, drawn)
    assert max(w for w, _ in drawn) <= width  # the drawing fits the width it is given


# --------------------------------------------------------------------------- claims, Jeep


def test_claims_timeline(claims):
    timeline = page.history.claims_timeline(claims)
    assert timeline["start"].is_monotonic_increasing
    row = timeline.set_index("claim_id").loc["C05"]  # '2013-08..2015' is placed at its start
    assert row["start"] == pd.Timestamp("2013-08-01")
    assert set(timeline["actor"]) <= set(page.history.ACTORS)
    assert set(timeline.loc[timeline["milestone"] != "", "claim_id"]) == {"C06", "C31", "C34"}
    for _, group in timeline.groupby(["year", "actor"]):
        assert group["position"].is_monotonic_increasing and group["position"].is_unique  # date order within a year and actor
    spans = timeline.groupby("year")["position"].agg(["min", "max"])
    assert (spans["max"].iloc[:-1].to_numpy() < spans["min"].iloc[1:].to_numpy()).all()  # years do not overlap
    table = page.history.claims_table(timeline)
    assert list(table.columns)[:3] == ["date", "claimant", "stance_label"]
    assert len(table) == len(claims)
    assert set(table["stance_label"]) <= set(page.history.STANCE_LABELS.values())  # words, never a stance code
    shown = page.history.claims_for_readers(table)
    assert "source_key" not in shown and shown["claim_summary"].str.len().max() <= page.history.CLAIM_CHARACTERS


def test_us_brand_history(by_brand):
    history = page.history.us_brand_history(by_brand)
    makers = page.history.history_makers(by_brand)
    assert list(makers.values()) == ["Jeep", "GM", "Ford"]
    gm_2024 = history[(history["maker"] == "GM") & (history["year"] == 2024)].iloc[0]
    assert gm_2024["units"] == 587 + 449 and gm_2024["how"].startswith("derived")
    jeep = history[history["maker"] == "Jeep"].set_index("year")["units"]
    assert jeep[2024] == 9633 and jeep[2020] == 13588
    assert 1993 not in jeep.index  # the 1993 row is a target, not a sale
    assert not ((history["maker"] == "GM") & (history["year"] == 2019)).any()  # Chevrolet only: no GM total, a gap


def test_exit_event_comes_from_the_claims(claims):
    events = page.history.exit_events(claims)
    assert events["year"].tolist() == [2016] and events["claim_id"].tolist() == ["C08"]


def test_sentences_name_figures_from_the_data(structural):
    assert "82 dealerships" in page.sentences.networks_sentence(structural)
    assert "no share of narrow roads" in page.sentences.roads_sentence(structural)
    assert "86.2%" in page.sentences.large_imports_sentence(structural)


# --------------------------------------------------------------------------- rows are picked by ids, not labels


def chapter_numbers(data_dir: object) -> dict[str, object]:
    """Every figure the chapter derives, keyed by ids and positions, not by names."""
    tables = page.tables.load_tables(data_dir)
    sales, bestsellers, totals, by_brand, claims, structural = (tables[name] for name in page.tables.TABLES)
    year, brands, models = page.parameters.check_parameters(None, None, None, by_brand, structural)
    split = page.tables.market_split(sales, totals, by_brand, year)
    shapes = page.sizes.drawn_footprints(structural, bestsellers, models)
    fits = page.sizes.fit_table(shapes, structural)
    history = page.history.us_brand_history(by_brand)
    return {
        "parameters": (year, brands, models, sorted(page.tables.valid_brands(by_brand)), sorted(page.sizes.valid_models(structural))),
        "split": split.rows.set_index("segment_id")["units"].to_dict(),
        "split_table": page.tables.split_table(split).drop(columns=["segment", "how"]).to_dict("list"),  # "how" names brands
        "brands": page.tables.brand_comparison(by_brand, year, brands)[["units", "approximate", "source_key"]].to_dict("list"),
        "footprints": shapes[["model_id", "length_mm", "width_mm", "height_mm", "approximate", "kind"]].to_dict("list"),
        "fits": fits.drop(columns="label").to_dict("list"),
        # rows in the order of the makers' names, which rewording may change
        "history": sorted(history[["year", "units", "approximate", "source_key"]].itertuples(index=False)),
        "actors": page.history.claims_timeline(claims)[["claim_id", "actor", "position"]].to_dict("list"),
        "exit": page.history.exit_events(claims)["year"].tolist(),
        "sentences": [
            f(structural)
            for f in (
                page.sentences.garage_sentence,
                page.sentences.roads_sentence,
                page.sentences.large_imports_sentence,
                page.sentences.networks_sentence,
            )
        ],
        "us_brands": figures.us_brands_registered(by_brand, year)["units"],
        "claims_page": [
            re.findall(r"\d[\d,.]*", claims_page.evidence.EVIDENCE[e](data_dir).text) for e in ("german_vs_us_brands", "size_mismatch")
        ],
    }


def test_rewording_a_label_changes_no_number(reworded_data):
    shipped = chapter_numbers(None)
    assert json.dumps(chapter_numbers(reworded_data), sort_keys=True, default=str) == json.dumps(shipped, sort_keys=True, default=str)


def test_check_data_names_an_id_the_chapter_needs(data_copy):
    path = data_copy / "japan_import_sales_by_brand.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",us_brands,", ",us_total,"), encoding="utf-8")
    problems = [str(p) for p in data.check_data(data_copy)]
    assert any("brand_id 'us_brands'" in p and "japan_market" in p for p in problems)


# --------------------------------------------------------------------------- charts compile


def test_charts_compile_to_vega_lite(sales, totals, by_brand, claims, structural, bestsellers):
    split = page.tables.market_split(sales, totals, by_brand, 2024)
    built = [
        page.charts.nested_chart(split, note="note"),
        page.charts.brand_chart(page.tables.brand_comparison(by_brand, 2024, ["mercedes_benz", "jeep", "ford"])),
        page.charts.footprint_chart(page.sizes.with_kinds(page.sizes.footprints(structural), bestsellers), structural),
        page.charts.claims_chart(page.history.claims_timeline(claims)),
        page.charts.history_chart(
            page.history.us_brand_history(by_brand), page.history.exit_events(claims), page.history.history_makers(by_brand)
        ),
    ]
    for chart in built:
        assert isinstance(chart, alt.LayerChart)
        spec = chart.to_dict()
        json.dumps(spec)
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_places_keep_their_colours(by_brand, structural, bestsellers):
    comparison = page.tables.brand_comparison(by_brand, 2024, ["mercedes_benz", "jeep", "byd"])
    scale = page.charts.brand_chart(comparison).to_dict()["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        page.tables.GERMANY: style.colour("germany"),
        page.tables.UNITED_STATES: style.colour("united_states"),
        page.tables.OTHER: style.colour("other_place"),
    }
    shapes = page.sizes.drawn_footprints(structural, bestsellers, ["honda_n_box", "ford_f_150"])
    spec = page.charts.footprint_chart(shapes, structural).to_dict()
    kinds = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(kinds["domain"], kinds["range"], strict=True))[page.sizes.JAPANESE_BESTSELLER] == style.colour("japan")


# --------------------------------------------------------------------------- the source lines come from the frames


def test_every_figure_names_its_tables(tables, sales, totals, by_brand, claims, structural, bestsellers):
    split = page.tables.market_split(sales, totals, by_brand, 2024)
    assert data.tables_of(page.tables.split_table(split)) == (
        "japan_new_car_sales",
        "japan_import_market_totals",
        "japan_import_sales_by_brand",
    )
    assert data.tables_of(page.tables.market_split(sales, totals, by_brand, 2016).rows) == data.tables_of(split.rows)  # even a gap
    assert data.tables_of(page.tables.kei_shares(sales)) == ("japan_new_car_sales",)
    assert data.tables_of(page.tables.brand_comparison(by_brand, 2024, ["jeep", "ford"])) == ("japan_import_sales_by_brand",)
    fits = page.sizes.fit_table(page.sizes.drawn_footprints(structural, bestsellers, page.sizes.DEFAULT_MODELS), structural)
    assert data.tables_of(fits) == ("structural_factors", "japan_bestsellers")
    sources, names = charts.provenance(fits, [page.sizes.fit_evidence(fits, structural)])
    assert names == ("structural_factors",) and set(sources["source_key"]) >= {
        key for cell in page.sizes.limit_rows(structural)["source_key"] for key in data.split_source_keys(cell)
    }
    assert data.tables_of(page.history.claims_table(page.history.claims_timeline(claims))) == ("nontariff_barrier_claims",)
    assert data.tables_of(page.history.us_brand_history(by_brand), page.history.exit_events(claims)) == (
        "japan_import_sales_by_brand",
        "nontariff_barrier_claims",
    )
    listed = page.tables.chapter_sources(*tables.values())
    assert charts.provenance(listed, [listed.head(0)]) == (None, ("sources",))  # the list of sources cites none itself


# --------------------------------------------------------------------------- titles, descriptions and In brief come from the data


def chart_texts(data_dir: object = None) -> dict[str, tuple[str, str, str, alt.TopLevelMixin]]:
    """Each chart's (title, subtitle, description, chart), built as the notebook builds them, with the default parameters."""
    tables = page.tables.load_tables(data_dir)
    sales, bestsellers, totals, by_brand, claims, structural = (tables[name] for name in page.tables.TABLES)
    year, brands, models = page.parameters.check_parameters(None, None, None, by_brand, structural)
    split = page.tables.market_split(sales, totals, by_brand, year)
    comparison = page.tables.brand_comparison(by_brand, year, brands)
    us_rows = page.tables.us_brands_rows(split)
    us_total = float(us_rows["units"].iloc[0])
    shapes = page.sizes.drawn_footprints(structural, bestsellers, models)
    fits = page.sizes.fit_table(shapes, structural)
    timeline = page.history.claims_timeline(claims)
    history = page.history.us_brand_history(by_brand)
    makers = page.history.history_makers(by_brand)
    events = page.history.exit_events(claims)
    s = page.sentences
    return {
        "split": (s.split_title(split), s.split_subtitle(split), s.split_description(split), page.charts.nested_chart(split, "note")),
        "brands": (
            s.brand_title(comparison, us_total, year),
            s.brand_subtitle(year),
            s.brand_description(comparison, us_total, year),
            page.charts.brand_chart(comparison, us_total),
        ),
        "sizes": (
            s.footprint_title(fits),
            s.footprint_subtitle(fits),
            s.footprint_description(fits, structural),
            page.charts.footprint_chart(shapes, structural),
        ),
        "claims": (
            s.claims_title(timeline),
            s.claims_subtitle(timeline),
            s.claims_description(timeline),
            page.charts.claims_chart(timeline),
        ),
        "history": (
            s.history_title(history, makers),
            s.history_subtitle(history, makers),
            s.history_description(history, makers, events),
            page.charts.history_chart(history, events, makers),
        ),
    }


def test_every_chart_passes_the_lint():
    for name, (title, subtitle, description, chart) in chart_texts().items():
        assert (
            chartlint.problems(title=title, subtitle=subtitle, description=description, sourced=True, dated=True, spec=chart.to_dict())
            == []
        ), name


def test_titles_state_the_data_s_figures():
    texts = chart_texts()
    assert (
        texts["split"][0]
        == f"U.S. brands were {text.about_pct(100 * 16707 / 4421494)} of Japan's new vehicles in 2024"
        == ("U.S. brands were about 0.38% of Japan's new vehicles in 2024")
    )
    tables = page.tables.load_tables()
    by_brand = tables["japan_import_sales_by_brand"]
    year, brands, _ = page.parameters.check_parameters(None, None, None, by_brand, tables["structural_factors"])
    split = page.tables.market_split(tables["japan_new_car_sales"], tables["japan_import_market_totals"], by_brand, year)
    us_total = float(page.tables.us_brands_rows(split)["units"].iloc[0])
    top = page.tables.brand_comparison(by_brand, year, brands).sort_values("units", ascending=False).iloc[0]
    assert texts["brands"][0] == f"{top['brand_name']} alone sold {text.times(top['units'] / us_total)} as many as all U.S. brands"
    assert texts["sizes"][0] == "A typical mechanical-parking space holds only one of the six models drawn"
    assert texts["claims"][0] == "U.S. complaints date from 1991; Japan's changes came in 2013, 2025, 2026"
    assert texts["history"][0] == f"Jeep outsold GM's brands {text.about(9633 / (587 + 449))} to 1 in 2024"
    assert text.units(top["units"]) in texts["brands"][2] and text.units(us_total) in texts["brands"][2]  # exact: the point
    assert "15 assert a barrier" in texts["claims"][2] and "_" not in texts["claims"][2]  # stances in words


def test_titles_follow_the_data(data_copy):
    """Other registrations in the data reword the titles: no figure is typed."""
    path = data_copy / "japan_import_sales_by_brand.csv"
    text_ = path.read_text(encoding="utf-8")
    text_ = text_.replace(",16707,,,JAIA (as cited),exact,", ",22100,,,JAIA (as cited),exact,")
    text_ = text_.replace(
        ",9633,,,JAIA foreign-brand registrations,exact,hatena_nhk_2025,",
        ",10360,,,JAIA foreign-brand registrations,exact,hatena_nhk_2025,",
    )
    path.write_text(text_, encoding="utf-8")
    texts = chart_texts(data_copy)
    assert texts["split"][0] == "U.S. brands were about 0.5% of Japan's new vehicles in 2024"
    assert texts["brands"][0] == "Mercedes-Benz alone sold about 2.4 times as many as all U.S. brands"
    assert texts["history"][0] == "Jeep outsold GM's brands 10 to 1 in 2024"
    first = page.brief.in_brief(data_copy)[0].sentence
    assert "22,100" in first and "about 0.5%" in first


def test_footprint_title_counts_the_models_that_fit(structural, bestsellers):
    def title(models: list[str]) -> str:
        fits = page.sizes.fit_table(page.sizes.drawn_footprints(structural, bestsellers, models), structural)
        worded = page.sentences.footprint_title(fits)
        assert chartlint.states_finding(worded) and len(chartlint.words(worded)) <= chartlint.MAX_TITLE_WORDS, worded
        return worded

    assert title(["toyota_yaris"]) == "The Toyota Yaris fits a typical mechanical-parking space"
    assert title(["toyota_tundra"]) == "The Toyota Tundra does not fit a typical mechanical-parking space"  # two configurations, one model
    assert title(["toyota_yaris", "toyota_cavalier"]) == "A typical mechanical-parking space holds both models drawn"
    assert title(["ford_f_150", "toyota_tundra"]) == "A typical mechanical-parking space holds neither model drawn"
    assert title(["toyota_cavalier", "toyota_scepter", "toyota_camry", "ford_f_150"]) == (
        "A typical mechanical-parking space holds only two of the four models drawn"
    )
    assert (
        title(["toyota_camry", "ford_f_150", "toyota_highlander"])
        == "A typical mechanical-parking space holds none of the three models drawn"
    )


def test_in_brief_is_three_sentences_computed_from_the_data():
    found = page.brief.in_brief()
    findings.check_brief(found)
    first, sizes_, jeep = (finding.sentence for finding in found)
    assert first == (
        "In 2024 U.S. brands registered 16,707 new vehicles in Japan, about 0.38% of the market, "
        "and Mercedes-Benz alone about 3.2 times as many under the same rules."
    )
    assert sizes_ == chart_texts()["sizes"][2]  # the drawing's caption: the same function, the same figures
    assert "9,633" in jeep and "82 dealerships" in jeep
    notebook = (build.ROOT / "notebooks" / "japan_market.ipynb").read_text(encoding="utf-8")
    for finding in found:
        assert f"({finding.section})=" in notebook  # each points at a labelled section of the chapter


def reader_frames() -> dict[str, pd.DataFrame]:
    """Every frame the chapter shows as a table (under a chart or on its own), with the default parameters."""
    tables = page.tables.load_tables()
    sales, bestsellers, totals, by_brand, claims, structural = (tables[name] for name in page.tables.TABLES)
    year, brands, models = page.parameters.check_parameters(None, None, None, by_brand, structural)
    split = page.tables.market_split(sales, totals, by_brand, year)
    fits = page.sizes.fit_table(page.sizes.drawn_footprints(structural, bestsellers, models), structural)
    return {
        "split": page.tables.split_for_readers(split),
        "kei": page.tables.kei_shares_for_readers(page.tables.kei_shares(sales)),
        "brands": page.tables.brands_for_readers(page.tables.brand_comparison(by_brand, year, brands)),
        "fits": page.sizes.fits_for_readers(fits),
        "claims": page.history.claims_for_readers(page.history.claims_table(page.history.claims_timeline(claims))),
        "history": page.history.history_for_readers(page.history.us_brand_history(by_brand)),
        "networks": page.tables.networks_for_readers(page.tables.networks_table(structural)),
        "sources": page.tables.sources_for_readers(page.tables.chapter_sources(*tables.values())),
    }


def test_tables_show_words_not_identifiers():
    keys = set(data.load_table("sources")["source_key"])
    codes = set(page.history.STANCE_LABELS) | set(page.history.ACTOR_GROUPS) | set(page.tables.NETWORK_FACTORS)
    for name, frame in reader_frames().items():
        assert "source_key" not in frame.columns, name
        columns.reader_columns(frame)  # every header has words (raises ColumnTitleError otherwise)
        cells = {
            str(cell)
            for column in frame.columns
            if frame[column].dtype == object or str(frame[column].dtype) == "str"
            for cell in frame[column].dropna()
        }
        found = {word for cell in cells for word in re.findall(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+", cell)}
        assert not found & (keys | codes), (name, found & (keys | codes))
        assert not {word for word in found if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", word)}, (name, found)


def test_the_import_size_share_says_what_it_covers(structural):
    """The 86.2% is all imported passenger cars in one month of 2021, not German brands' (issue 15)."""
    sentence = page.sentences.large_imports_sentence(structural)
    assert "86.2%" in sentence and "in one month, September 2021" in sentence and "all foreign brands together" in sentence
    assert "German brands alone" in sentence


def test_stance_counts_are_words(claims):
    counts = page.sentences.stance_counts(page.history.claims_timeline(claims))
    assert counts.startswith("15 assert a barrier, 11 dispute one, 7 are policy actions") and "_" not in counts


def test_network_rows_read_as_words(structural):
    assert page.tables.metric_words("first_rhd_production", page.tables.NETWORK_METRICS) == "first right-hand-drive production"
    assert page.tables.metric_words("third_rhd_model", {}) == "third right-hand drive model"  # 'rhd' as a word only
    assert page.tables.value_words("4000", "stores ('over 4,000')") == "over 4,000 stores"  # the source's own words
    assert page.tables.value_words("yes", "flag") == "yes" and page.tables.value_words("82", "outlets") == "82 outlets"
    networks = page.tables.networks_table(structural).set_index("item")
    assert networks.loc["Jeep Japan", "network_value"] == "82 outlets"
