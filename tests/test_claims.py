"""The claims check: one table of claims, each with a verdict, figures computed from data and a live link."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from tradetalks import build, data, findings, text
from tradetalks.chapters import claims
from tradetalks.chartlint import MAX_TITLE_WORDS, states_finding
from tradetalks.grid import load_grid

CLAIMS = data.load_table(claims.tables.CLAIMS_TABLE)
NAMES_WITH_DIGITS = re.compile(r"\bG7\b|Section \d+")


def chapter_headings(page: str) -> set[str]:
    run = next(run for run in load_grid().runs if run.page == page)
    cells = nbformat.read(run.template, as_version=4).cells
    return {
        line.lstrip("#").strip()
        for cell in cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("#")
    }


def test_both_texts_are_covered():
    counts = CLAIMS["text"].value_counts()
    assert counts["opinion essay"] >= 8 and counts["news report"] >= 5
    assert len(CLAIMS) >= 15


def test_claims_table_holds_no_typed_figures():
    """Reasoning is words only; a claim may quote the year the text itself names ("by 2030")."""
    for _, row in CLAIMS.iterrows():
        assert not re.search(r"\d", NAMES_WITH_DIGITS.sub("", row["reasoning"])), f"{row['claim_id']}: figure typed in reasoning"
        claim = re.sub(r"\b(19|20)\d\d\b", "", NAMES_WITH_DIGITS.sub("", row["claim"]))
        assert not re.search(r"\d", claim), f"{row['claim_id']}: figure typed in claim"


@pytest.mark.parametrize("claim_id", CLAIMS["claim_id"])
def test_every_claim_links_to_a_section_that_exists(claim_id):
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    pages = {run.page for run in load_grid().runs}
    assert claim["chapter"] in pages
    assert claim["section"] in chapter_headings(claim["chapter"])


@pytest.mark.parametrize("claim_id", CLAIMS[CLAIMS["evidence"] != claims.tables.NO_EVIDENCE]["claim_id"])
def test_checkable_claims_get_figures_from_data(claim_id):
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    evidence = claims.evidence.EVIDENCE[claim["evidence"]](None)
    assert claims.tables.has_figure(evidence.text), evidence.text
    assert evidence.tables and all(table in data.table_names() for table in evidence.tables)


def test_opinions_carry_no_evidence_and_vice_versa():
    opinions = CLAIMS[CLAIMS["verdict"] == "opinion (not checkable)"]
    assert set(opinions["evidence"]) <= {claims.tables.NO_EVIDENCE, "barrier_claims"}
    assert claims.tables.check_table(CLAIMS) == []


def test_published_pages_are_the_grids_pages_and_traced(tmp_path, monkeypatch):
    trace = tmp_path / "trace"
    monkeypatch.setenv(data.TRACE_ENV, str(trace))
    assert claims.tables.published_pages() == {run.page for run in load_grid().runs}
    assert "@notebooks/grid.yml" in trace.read_text(encoding="utf-8").split()


def test_checked_table_links_and_pending():
    published = claims.tables.published_pages()
    table, rows = claims.tables.checked_claims(published)
    assert len(table) == len(CLAIMS)
    assert (table["verdict"] != "pending").all()
    linked = table[table["evidence"] != ""]
    assert all(re.fullmatch(r"[a-z_]+\.html#[a-z0-9-]+", link) for link in linked["evidence"])
    assert not rows.empty and "source_key" in rows.columns

    without_market = published - {"japan_market"}
    pending, _ = claims.tables.checked_claims(without_market)
    market = pending[CLAIMS["chapter"].eq("japan_market").values]
    assert set(market["verdict"]) == {"pending"} and set(market["evidence"]) == {""}


def test_deficit_claim_is_decided_by_the_census_series():
    from tradetalks import figures
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    balance = figures.consistent_balance(data.load_table("us_japan_goods_trade")).set_index("year")["balance_musd"]
    talks = tariffs.talks_year(data.load_table("negotiation_rounds"))
    before, latest = -balance[talks - 2], -balance[talks - 1]  # the deficits of the two full years before the talks
    moved = "widened" if latest > before else "narrowed" if latest < before else "stayed the same"
    assert moved == "narrowed"  # the claims table's verdict on "a widening deficit" (not supported) rests on this
    assert claims.evidence.deficit_trend(None).text == (
        f"The U.S. goods deficit with Japan {moved} from {text.usd_bn_from_millions(before)} in {talks - 2} "
        f"to {text.usd_bn_from_millions(latest)} in {talks - 1} (Census)."
    )


# --- the cards read as prose: words for codes, honest precision -------------------------------------------

SNAKE_CASE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


@pytest.fixture(scope="module")
def checked():
    table, _ = claims.tables.checked_claims(claims.tables.published_pages())
    return table


def test_cards_show_no_codes_no_placeholders_and_no_long_exact_counts(checked):
    for figures in checked["the figures that decide it"]:
        assert not SNAKE_CASE.search(figures), figures
        assert not re.search(r"<NA>|\bnan\b|\bNone\b|\(derived|\d{1,3},\d{3},\d{3}", figures), figures
        assert figures.rstrip().endswith((".", ".”")), figures
    html = claims.sentences.cards_html(checked)
    assert not SNAKE_CASE.search(re.sub(r'(class|href)="[^"]*"', "", html))


def test_stances_are_counted_in_words_by_the_market_chapters_rule():
    from tradetalks.chapters.japan_market import history, sentences

    frame = pd.DataFrame({"stance": ["asserts_barrier"] * 3 + ["disputes_barrier", "policy_action", "policy_action"]})
    assert sentences.stance_counts(frame) == "3 assert a barrier, 2 are policy actions and 1 disputes one"
    every_stance = data.table_schema("nontariff_barrier_claims")["schema"]["fields"]
    stance = next(field for field in every_stance if field["name"] == "stance")
    assert set(stance["constraints"]["enum"]) == set(history.STANCE_COUNTED)
    # the card and the chapter count the same record with the same words
    record = data.load_table("nontariff_barrier_claims")
    assert f": {sentences.stance_counts(record)}." in claims.evidence.barrier_claims(None).text


def test_multiples_are_the_ratios_of_the_cards_own_rows_worded_like_the_chapters():
    """A ratio on a card is computed from the rows the card cites and worded by ``text.times`` (its cases:
    tests/test_text.py), the rule the market and tariffs chapters use for the same figures."""
    brands = claims.evidence.german_vs_us_brands(None)
    mercedes, us = brands.rows[0].iloc[0], brands.rows[0].iloc[1]
    assert f"{text.times(mercedes['units'] / us['units'])} as many as all U.S. brands" in brands.text
    peak = claims.evidence.car_tariff_peak(None)
    changes = peak.rows[0]
    base, top = changes["rate_pct"].iloc[0], changes["rate_pct"].max()
    assert f"{text.times(top / base)} as high" in peak.text


@pytest.mark.parametrize(
    ("value", "qualifier", "words"),
    [
        (3300000, "'roughly 3.3 million a year'", "roughly 3.3 million"),
        (3200000, "'over 3.2 million' (~1/3 of US output)", "over 3.2 million"),
        (2900000, "approx", "about 2.9 million"),
        (53195, "exact", "53,195"),  # a count its source marks exact stays exact, as the chapters give it
        (53195, "exact (record)", "53,195"),
        (1293774.8, None, "about 1.3 million"),
    ],
)
def test_counts_keep_the_sources_qualifier_exactness_or_two_figures(value, qualifier, words):
    assert claims.sentences.count_as_stated(value, qualifier) == words


def test_shares_keep_the_sources_wording_by_the_ev_chapters_rule():
    from tradetalks.chapters.ev_china import sentences as ev_china

    assert ev_china.stated(pd.Series({"qualifier": 'about (stated as "about a third")', "value": 33.3})) == "about a third"
    assert ev_china.stated(pd.Series({"qualifier": "nearly", "value": 85.0})) == "nearly 85%"
    assert ev_china.stated(pd.Series({"qualifier": None, "value": 94.0})) == "94%"
    card = claims.evidence.battery_chain(None)
    assert all(ev_china.stated(row) in card.text for _, row in card.rows[0].iterrows())


def test_reverse_import_card_rounds_the_chapters_own_figure():
    from tradetalks.chapters.reverse_imports import calculator, parameters
    from tradetalks.chapters.reverse_imports import tables as reverse

    tables = reverse.load_tables()
    deficit = parameters.choose_deficit(reverse.deficit_options(tables[reverse.TRADE], tables[reverse.PRICES]), None, reverse.CENSUS)
    price = parameters.choose_price(tables[reverse.PRICES], None)
    refs = calculator.references(tables, reverse.largest_programme(tables[reverse.REVERSE]), reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, 1.0, refs)
    card = claims.evidence.reverse_import_scale(None).text
    assert f"{text.about(cars, 'cars')} a year" in card
    assert text.multiple(calculator.reference(compared, calculator.MARKET_REFERENCE)["multiple"]) in card


# --- the verdicts chart and the In brief -------------------------------------------------------------------


def test_the_verdicts_title_counts_what_the_chart_draws(checked):
    counts = claims.charts.verdict_counts(checked)
    title = claims.sentences.verdict_title(counts)
    for made_in in counts["from"].unique():
        rows = counts[counts["from"] == made_in]
        supported = rows.loc[rows["verdict"] == "supported", "claims"].sum()
        assert f"{supported} of {rows['claims'].sum()}" in title
    assert states_finding(title) and len(title.split()) <= MAX_TITLE_WORDS
    assert "claims" in claims.sentences.verdict_subtitle(counts)
    description = claims.sentences.verdict_description(counts)
    assert description.endswith(".") and all(str(n) in description for n in counts["claims"])


def test_the_verdicts_title_changes_with_the_data():
    counts = pd.DataFrame(
        {
            "from": ["news report", "news report", "opinion essay"],
            "verdict": ["supported", "not supported", "supported"],
            "claims": [2, 1, 4],
        }
    )
    assert claims.sentences.verdict_title(counts) == "News report: 2 of 3 are supported; opinion essay: all 4"
    assert claims.sentences.verdict_description(counts) == (
        "Of the news report's 3 claims, 2 are supported and 1 is not supported; of the opinion essay's 4 claims, 4 are supported."
    )
    counts.loc[0, "verdict"] = "partly supported"
    assert claims.sentences.verdict_title(counts).startswith("News report: none of 3 are supported")


def test_in_brief_agrees_with_the_chart(checked):
    found = claims.brief.in_brief()
    findings.check_brief(found)
    counts = claims.charts.verdict_counts(checked)
    assert found[0].sentence.startswith(f"Of the {len(CLAIMS)} claims in ")
    supported = counts.loc[counts["verdict"] == "supported", "claims"].sum()
    assert f"{supported} are supported" in found[0].sentence
    assert claims.evidence.deficit_trend(None).text.split(" narrowed ")[1].split(" (Census)")[0] in found[2].sentence
    labels = {finding.section for finding in found}
    notebook = "\n".join(cell.source for cell in nbformat.read(build.ROOT / "notebooks" / "claims.ipynb", as_version=4).cells)
    assert all(f"({label})=" in notebook for label in labels)


def test_section_anchor_matches_sphinx():
    assert claims.tables.section_anchor("The duty on a Japanese car, step by step") == "the-duty-on-a-japanese-car-step-by-step"
    assert claims.tables.section_anchor("Is Japan rushing into EVs?") == "is-japan-rushing-into-evs"


# --- verdicts that follow from their figures (issue 16) ------------------------------------------------------

RULE_CLAIMS = CLAIMS[CLAIMS["rule"].notna()]
CATEGORICAL = RULE_CLAIMS["rule"].map(lambda rule: claims.evidence.RULES[rule].categorical)


def threshold(claim_id):
    """A rule's threshold, read from the claims table's row (the fixture row of the rule tests)."""
    return claims.evidence.rule_threshold(None, claim_id).value


def test_every_rule_has_one_claim_and_the_needs_register_them():
    from tradetalks.chapters.claims import needs

    assert sorted(RULE_CLAIMS["rule"]) == sorted(claims.evidence.RULES)
    assert set(needs.NEEDED["claims"]["claim_id"]) == set(RULE_CLAIMS["claim_id"])
    assert RULE_CLAIMS.loc[~CATEGORICAL, "threshold"].notna().all() and CLAIMS.loc[CLAIMS["rule"].isna(), "threshold"].isna().all()
    # a categorical rule decides from ids and role columns alone: no threshold, no unit
    assert CATEGORICAL.any() and RULE_CLAIMS.loc[CATEGORICAL, ["threshold", "threshold_unit"]].isna().all().all()


@pytest.mark.parametrize("claim_id", sorted(RULE_CLAIMS["claim_id"]))
def test_computed_verdicts_match_the_claims_table_and_show_both_sides(claim_id, checked):
    """On the shipped data, the verdict each rule computes is the verdict recorded in the claims table."""
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    card = claims.evidence.EVIDENCE[claim["evidence"]](None)
    assert card.verdict == claim["verdict"]
    assert card.for_it and card.against_it and card.would_change and card.rule and card.because
    row = checked.iloc[CLAIMS.index[CLAIMS["claim_id"] == claim_id][0]]
    assert row["verdict"] == card.verdict and row["strongest for"] == card.for_it
    assert row["verdict rule"] == card.rule and row["verdict note"] == ""  # recorded == computed: nothing to explain
    rule = claims.evidence.rule_threshold(None, claim_id)
    assert card.rule == rule.rule_words
    if rule.value is None:  # categorical: the rule's words stand alone
        assert claims.evidence.RULES[claim["rule"]].categorical and rule.words == ""
        return
    if rule.value != 0:  # a threshold of zero reads in words ("grew at all"): see the zero-threshold test
        assert claims.evidence.threshold_words(rule.value, claim["threshold_unit"]) in card.rule
    # the rule's words follow the threshold in the claims table: another threshold, other words
    moved = claims.evidence.Threshold(rule.rule, rule.value + 3, rule.unit)
    assert moved.rule_words != card.rule and moved.words in moved.rule_words


def test_cards_tell_rules_from_editorial_judgements(checked):
    ruled = checked["verdict rule"] != ""
    assert ruled.sum() == len(RULE_CLAIMS)
    assert (checked.loc[~ruled, "verdict note"] == claims.tables.EDITORIAL).all()
    html = claims.sentences.cards_html(checked)
    assert html.count("Verdict rule:") == len(RULE_CLAIMS)
    assert html.count("An editorial judgement") == len(CLAIMS) - len(RULE_CLAIMS)


def test_check_table_wants_a_rule_to_fit_its_evidence_and_carry_a_threshold():
    bad = CLAIMS.copy()
    tariffs = bad.index[bad["claim_id"] == "news-high-tariffs"][0]
    bad.loc[tariffs, "threshold"] = float("nan")
    bad.loc[bad["claim_id"] == "essay-buyers", ["rule", "threshold"]] = ["high_duty", 10.0]
    problems = claims.tables.check_table(bad)
    assert any("news-high-tariffs" in p and "threshold" in p for p in problems)
    assert any(p.startswith("essay-buyers: rule 'high_duty'") for p in problems)


def test_check_table_wants_a_categorical_rule_without_a_threshold():
    """A categorical rule decides from ids alone: a threshold or unit beside it is a mistake, as a missing one is beside
    any other rule; the shipped table has both kinds and passes."""
    assert CATEGORICAL.any() and (~CATEGORICAL).any() and claims.tables.check_table(CLAIMS) == []
    bad = CLAIMS.copy()
    bad.loc[bad["claim_id"] == claims.evidence.G7, ["threshold", "threshold_unit"]] = [1.0, "times"]
    bad.loc[bad["claim_id"] == claims.evidence.TOKYO_2030, "threshold_unit"] = "percent"
    bad.loc[bad["claim_id"] == claims.evidence.REVERSE, "threshold"] = float("nan")
    problems = claims.tables.check_table(bad)
    assert f"{claims.evidence.G7}: rule 'deal_after_g7' is categorical and takes no threshold or unit" in problems
    assert any(p.startswith(f"{claims.evidence.TOKYO_2030}: rule") and "categorical" in p for p in problems)
    assert f"{claims.evidence.REVERSE}: rule 'offset_exceeds_market' needs a threshold and its unit" in problems
    assert len(problems) == 3


def test_rule_threshold_refuses_a_threshold_beside_a_categorical_rule(tmp_path):
    folder = rerun_data(tmp_path, {claims.evidence.G7: "1"})
    with pytest.raises(ValueError, match="news-g7's rule 'deal_after_g7' takes no threshold"):
        claims.evidence.rule_threshold(folder, claims.evidence.G7)
    with pytest.raises(ValueError, match="news-g7: rule 'deal_after_g7' is categorical"):
        claims.tables.checked_claims(claims.tables.published_pages(), folder)
    assert claims.evidence.rule_threshold(None, claims.evidence.G7) == claims.evidence.Threshold("deal_after_g7", None, "")


def rerun_data(tmp_path, changes):
    """A copy of the shipped data with some claims' thresholds changed, as a rerun with new data would see them."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(data.resolve_data_dir(None), folder)
    table = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    for claim_id, value in changes.items():
        table.loc[table["claim_id"] == claim_id, "threshold"] = value
    table.to_csv(folder / "claims.csv", index=False, lineterminator="\n")
    return str(folder)


def test_a_rerun_past_a_threshold_flips_the_verdict_and_says_why(tmp_path):
    """Lower the high-duty threshold below the pre-2025 car duty: the card's verdict follows the rule, and says why."""
    from tradetalks import figures

    car_before = figures.baseline_rate(data.load_table("tariff_timeline"))
    lowered = car_before / 2
    folder = rerun_data(tmp_path, {"news-high-tariffs": f"{lowered:g}"})
    table, _ = claims.tables.checked_claims(claims.tables.published_pages(), folder)
    row = table.iloc[CLAIMS.index[CLAIMS["claim_id"] == "news-high-tariffs"][0]]
    assert row["recorded verdict"] == "partly supported" and row["verdict"] == "supported"
    assert row["verdict note"].startswith("Recorded verdict: partly supported. With these figures the rule gives supported, because ")
    assert f"the car duty before 2025, {text.pct(car_before)}, is at or above the threshold of {text.pct(lowered)}" in row["verdict note"]
    assert f"A duty counts as high from {text.pct(lowered)}" in row["verdict rule"]
    assert "Verdict changed by the rule:</strong> Recorded verdict: partly supported." in claims.sentences.cards_html(table)
    # the other rule cards, whose thresholds did not move, still agree with the record
    others = table[(table["verdict rule"] != "") & (table["verdict"] != row["verdict"])]
    assert (others["verdict note"] == "").all()
    assert claims.tables.rules_in_words(folder)["high_duty"] == row["verdict rule"]


def test_a_rerun_can_flip_the_since_trump_verdict_the_other_way(tmp_path):
    card = claims.evidence.us_push_history(None)
    predating = len(card.rows[0]) - 1  # the rows cited: the complaints before President Trump's first statement, and it
    folder = rerun_data(tmp_path, {"essay-since-trump": str(predating + 1)})
    moved = claims.evidence.us_push_history(folder)
    assert card.verdict == "not supported" and moved.verdict == "supported"
    assert f"{predating} U.S. complaints predate" in moved.because and "below the threshold" in moved.because


def test_every_card_shows_each_side_and_what_would_change_it(checked):
    for column in claims.sentences.CARD_SIDES:
        assert (checked[column].str.len() > 0).all(), column
    assert "Strongest evidence against" in claims.sentences.cards_html(checked)


def test_tariff_verdict_follows_the_rates_on_both_sides_of_the_threshold():
    verdict, high = claims.evidence.tariff_verdict, threshold("news-high-tariffs")
    assert verdict([high + 15, high + 5], high - 7.5, high) == "partly supported"  # high for trucks and 2025, not cars before
    assert verdict([high + 15], high, high) == "supported"
    assert verdict([high - 1, high - 5], high - 7.5, high) == "not supported"


def test_tariff_card_figures_are_the_tariffs_chapters():
    from tradetalks import figures
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    timeline = data.load_table("tariff_timeline")
    peak, last = tariffs.peak_and_deal(tariffs.rate_changes(tariffs.us_car_rate_steps(timeline)))
    card = claims.evidence.us_tariff_levels(None)
    assert card.text.startswith(f"Before 2025 the U.S. charged {text.pct(figures.baseline_rate(timeline))} on a passenger car")
    assert f"rose to {text.pct(peak['rate_pct'])}" in card.text and f"settled at {text.pct(last['rate_pct'])}" in card.text


def test_since_trump_verdict_on_both_sides_and_the_record_it_reads():
    from tradetalks.chapters.japan_market import history

    at_least = threshold("essay-since-trump")
    assert claims.evidence.since_trump_verdict(int(at_least), at_least) == "not supported"
    assert claims.evidence.since_trump_verdict(int(at_least) - 1, at_least) == "supported"
    timeline = history.claims_timeline(data.load_table("nontariff_barrier_claims"))
    us = timeline[timeline["actor_group"].isin(history.US_ACTOR_GROUPS) & (timeline["stance"] == "asserts_barrier")]
    card = claims.evidence.us_push_history(None).text
    assert f"the earliest from {int(us['year'].min())}" in card and f"holds {len(us)} U.S. complaints" in card


def test_battery_plants_verdict_on_both_sides():
    verdict, covers = claims.evidence.battery_plants_verdict, threshold("essay-us-batteries")
    demand = 13.0
    assert verdict(None, demand, covers) == "partly supported"  # the data cannot show the plants: no better than partly
    assert verdict(demand * covers / 100, demand, covers) == "supported"
    assert verdict(demand * covers / 100 * 0.9, demand, covers) == "partly supported"


def test_battery_plants_card_uses_the_ev_chapters_wording():
    from tradetalks.chapters.ev_china import sentences as ev_china

    cells = data.row_by_id(data.load_table("battery_supply_chain"), "figure_id", claims.evidence.CELLS)
    card = claims.evidence.battery_plants(None)
    assert f"China had {ev_china.stated(cells)} of the world's battery-cell production capacity" in card.text


def test_byd_verdict_is_at_most_partly_supported_and_says_the_price_half_is_unchecked():
    above = threshold("essay-byd")
    assert claims.evidence.byd_verdict(above + 40, True, above) == "partly supported"
    assert claims.evidence.byd_verdict(above, True, above) == "not supported"  # growth must pass the threshold
    assert claims.evidence.byd_verdict(above - 10, True, above) == "not supported"
    assert claims.evidence.byd_verdict(above + 40, False, above) == "not supported"
    assert "unchecked" in claims.evidence.byd_claim(None).text


def test_parking_verdict_follows_the_market_chapters_fits():
    from tradetalks.chapters.japan_market import sizes

    at_least = int(threshold("essay-roads"))
    ids = [f"m{i}" for i in range(at_least)]
    too_big = pd.DataFrame({"model_id": ["a", *ids], "fits_mechanical_parking": ["no: 229 mm too wide"] * (at_least + 1)})
    fits = pd.DataFrame({"model_id": ["a", *ids], "fits_mechanical_parking": ["no: 229 mm too wide"] + ["yes"] * at_least})
    assert claims.evidence.parking_verdict(too_big, at_least) == "partly supported"  # roads unchecked: no better than partly
    assert claims.evidence.parking_verdict(fits, at_least) == "not supported"
    structural = data.load_table("structural_factors")
    table = sizes.fit_table(sizes.with_kinds(sizes.footprints(structural), data.load_table("japan_bestsellers")), structural)
    us = table[table["kind"] == sizes.US_BRAND]
    fitting = int(us["fits_mechanical_parking"].str.startswith("yes").sum())
    assert f"{'none' if fitting == 0 else fitting} of {us['model_id'].nunique()} fits" in claims.evidence.size_mismatch(None).text


def test_opinions_say_what_would_bear_on_them():
    opinions = CLAIMS[CLAIMS["verdict"] == "opinion (not checkable)"]
    assert {"essay-swallowed", "news-tariff-motive"} <= set(opinions["claim_id"])
    assert opinions["would_change"].str.len().gt(0).all()


@pytest.mark.parametrize(
    ("gap_low", "gap_high", "verdict"),
    [(-5.0, -1.0, "not supported"), (-5.0, 10.0, "partly supported"), (0.0, 10.0, "supported")],
)
def test_the_eco_verdict_follows_the_battery_range(gap_low, gap_high, verdict):
    """The EV against the hybrid at both ends of ICCT's battery footprints decides 'an EV is not eco-friendly'; the gaps
    are offsets from the claims table's threshold, so each case sits on its side of it."""
    excess = threshold("essay-eco")
    assert claims.evidence.eco_verdict(excess + gap_low, excess + gap_high, excess) == verdict


def test_the_eco_card_states_the_chapters_range_verdict():
    from tradetalks.chapters.ev_emissions import sentences as ev_sentences

    card = claims.evidence.ev_vs_hybrid(None)
    assert card.verdict in {"supported", "partly supported", "not supported"}
    assert "ICCT's" in card.text and ev_sentences.RIVAL_NAMES["petrol"] in card.text


def test_the_widening_deficit_verdict_follows_its_threshold_from_the_claims_table():
    threshold = claims.evidence.rule_threshold(None, claims.evidence.DEFICIT).value
    assert claims.evidence.deficit_verdict(threshold + 0.1, threshold) == "supported"
    assert claims.evidence.deficit_verdict(threshold, threshold) == "not supported"
    card = claims.evidence.deficit_trend(None)
    before, latest, _ = claims.evidence.deficit_change(None)
    grew = -latest["balance_musd"] > -before["balance_musd"] * (1 + threshold / 100)
    assert card.verdict == ("supported" if grew else "not supported") and card.because


def test_the_autos_exports_verdict_follows_its_threshold_from_the_claims_table():
    threshold = claims.evidence.rule_threshold(None, claims.evidence.AUTOS_EXPORTS).value
    assert claims.evidence.autos_verdict([threshold, threshold + 5], threshold) == "supported"
    assert claims.evidence.autos_verdict([threshold - 0.1, threshold + 5], threshold) == "partly supported"
    assert claims.evidence.autos_verdict([threshold - 0.1], threshold) == "not supported"
    assert claims.evidence.autos_verdict([], threshold) == "not supported"
    card = claims.evidence.autos_share_of_exports(None)
    shares = card.rows[0]["value"]
    assert card.verdict == (
        "supported" if (shares >= threshold).all() else "partly supported" if (shares >= threshold).any() else "not supported"
    )
    assert text.pct(threshold) in card.rule and text.pct(threshold) in card.because


def test_the_autos_exports_verdict_moves_when_the_threshold_passes_the_shares(tmp_path):
    shares = claims.evidence.autos_share_of_exports(None).rows[0]["value"]
    above = float(shares.max()) + 1
    folder = rerun_data(tmp_path, {claims.evidence.AUTOS_EXPORTS: f"{above:g}"})
    card = claims.evidence.autos_share_of_exports(folder)
    assert card.verdict == "not supported" and "below the threshold" in card.because


def test_the_china_parts_verdict_follows_its_threshold_from_the_claims_table():
    threshold = claims.evidence.rule_threshold(None, claims.evidence.CHINA_PARTS).value
    assert claims.evidence.china_parts_verdict(threshold, threshold + 1, threshold) == "supported"
    assert claims.evidence.china_parts_verdict(threshold - 0.1, threshold + 1, threshold) == "partly supported"
    assert claims.evidence.china_parts_verdict(threshold - 0.1, threshold - 0.1, threshold) == "not supported"
    card = claims.evidence.battery_chain(None)
    assert card.verdict == "supported" and text.pct(threshold) in card.rule and text.pct(threshold) in card.because


def test_the_china_parts_verdict_moves_when_the_threshold_passes_a_share(tmp_path):
    chain = data.load_table("battery_supply_chain", None)
    cells, magnets = (
        float(data.row_by_id(chain, "figure_id", figure_id)["value"]) for figure_id in (claims.evidence.CELLS, claims.evidence.MAGNETS)
    )
    between = (min(cells, magnets) + max(cells, magnets)) / 2
    card = claims.evidence.battery_chain(rerun_data(tmp_path, {claims.evidence.CHINA_PARTS: f"{between:g}"}))
    assert card.verdict == "partly supported" and "below" in card.because


# --- the last editorial verdicts become rule verdicts (issue 16) -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (1, "times", "once"),
        (2, "times", "twice"),
        (3, "times", "3 times"),
        (1.5, "times", "1.5 times"),
        (7, "ordinal", "seventh"),
        (12, "ordinal", "12th"),
        (1000000, "vehicles", "1 million vehicles"),
        (1250000, "vehicles", "1.25 million vehicles"),  # a threshold keeps every figure the table holds
        (1500, "vehicles", "1,500 vehicles"),
        (1, "complaints", "1 complaint"),
        (10, "percent", "10%"),
    ],
)
def test_thresholds_read_as_prose_states_them(value, unit, words):
    assert claims.evidence.threshold_words(value, unit) == words


ZERO = re.compile(r"(?<![\d.])0(%| g/km)")  # a threshold of zero stated as a figure: "by more than 0%", "0 g/km more"


@pytest.mark.parametrize(
    ("rule", "unit", "at_zero", "above_zero"),
    [
        ("byd_sales_growth", "percent", "sales grew on the year before", "grew by more than 5% on the year before"),
        ("deficit_widened", "percent", "with Japan grew from the second-last", "grew by more than 5% from the second-last"),
        ("ev_excess_over_hybrid", "g/km", "emits at least as much as the hybrid", "emits at least 5 g/km more than the hybrid"),
    ],
)
def test_a_zero_threshold_reads_in_words_not_as_a_figure(rule, unit, at_zero, above_zero):
    zero, five = (claims.evidence.Threshold(rule, value, unit).rule_words for value in (0.0, 5.0))
    assert at_zero in zero and not ZERO.search(zero)
    assert above_zero in five


def test_cards_with_a_zero_threshold_state_no_zero_figure():
    for claim_id, evidence in (
        (claims.evidence.BYD_CLAIM, "byd_claim"),
        (claims.evidence.DEFICIT, "deficit_trend"),
        (claims.evidence.ECO, "ev_vs_hybrid"),
    ):
        card = claims.evidence.EVIDENCE[evidence](None)
        if threshold(claim_id) == 0:
            assert not any(ZERO.search(words) for words in (card.rule, card.because, card.would_change)), claim_id


def rerun_table(folder, table, column, changes):
    """Change cells of one data table in a rerun folder: ``changes`` maps a row's first-column id to the new value."""
    path = f"{folder}/{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for row_id, value in changes.items():
        frame.loc[frame.iloc[:, 0] == row_id, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def claim_row(table, claim_id):
    return table.iloc[CLAIMS.index[CLAIMS["claim_id"] == claim_id][0]]


# essay-reverse: the cars needed against Japan's imported-car market


def test_the_offset_verdict_on_both_sides_of_its_threshold():
    fills = threshold(claims.evidence.REVERSE)
    assert claims.evidence.offset_verdict(fills, fills) == "supported"
    assert claims.evidence.offset_verdict(fills * 2, fills) == "supported"
    assert claims.evidence.offset_verdict(fills * 0.9, fills) == "partly supported"  # never "not supported": plausibility is a judgement


def test_a_rerun_past_the_market_multiple_makes_the_trick_claim_partly_supported(tmp_path):
    from tradetalks.chapters.reverse_imports import calculator

    card = claims.evidence.reverse_import_scale(None)
    market = float(calculator.reference(card.rows[2], calculator.MARKET_REFERENCE)["multiple"])  # the card's own row
    assert card.verdict == claims.evidence.offset_verdict(market, threshold(claims.evidence.REVERSE))
    above = int(market) + 1
    folder = rerun_data(tmp_path, {claims.evidence.REVERSE: f"{above:g}"})
    table, _ = claims.tables.checked_claims(claims.tables.published_pages(), folder)
    row = claim_row(table, claims.evidence.REVERSE)
    assert row["verdict"] == "partly supported"
    assert row["verdict note"].startswith("Recorded verdict: supported. With these figures the rule gives partly supported, because ")
    assert f"so they would fill it less than {claims.evidence.threshold_words(above, 'times')}" in row["verdict note"]


# essay-rush: Japan's electric-car share against the world's, and against the year before


@pytest.mark.parametrize(
    ("offset", "rose", "verdict"),
    [(0.0, True, "supported"), (0.0, False, "partly supported"), (-1.0, True, "partly supported"), (-1.0, False, "not supported")],
)
def test_the_rush_verdict_on_both_sides_of_its_threshold(offset, rose, verdict):
    world_level = threshold(claims.evidence.RUSH)
    assert claims.evidence.rush_verdict(world_level + offset, rose, world_level) == verdict


def test_the_rush_card_follows_the_ev_chapters_shares():
    from tradetalks.chapters.ev_china import tables as ev_china

    share = data.load_table("ev_sales_share")
    card = claims.evidence.ev_share_japan(None)
    year = int(card.rows[0]["year"].max())
    japan, before, world = (ev_china.share_of(share, c, y) for c, y in (("Japan", year), ("Japan", year - 1), ("World", year)))
    assert card.verdict == claims.evidence.rush_verdict(japan / world * 100, japan > before, threshold(claims.evidence.RUSH))
    assert f"{text.about_pct(japan / world * 100)} of the world's" in card.because
    # the recorded verdict is what the rule gives on the shipped data
    assert card.verdict == CLAIMS.set_index("claim_id").loc[claims.evidence.RUSH, "verdict"]


def test_a_rerun_below_japans_share_moves_the_rush_verdict(tmp_path):
    card = claims.evidence.ev_share_japan(None)
    rows = card.rows[0]
    year = rows["year"].max()
    japan = float(rows.loc[(rows["country"] == "Japan") & (rows["year"] == year), "share_pct"].iloc[0])
    world = float(rows.loc[(rows["country"] == "World") & (rows["year"] == year), "share_pct"].iloc[0])
    below = japan / world * 100 / 2
    moved = claims.evidence.ev_share_japan(rerun_data(tmp_path, {claims.evidence.RUSH: f"{below:g}"}))
    assert moved.verdict in {"partly supported", "supported"} and moved.verdict != card.verdict
    assert f"at or above the threshold of {text.pct(below)}" in moved.because


# essay-buyers: Mercedes-Benz against all U.S. brands


def test_the_buyers_verdict_on_both_sides_of_its_threshold():
    at_least = threshold(claims.evidence.BUYERS)
    assert claims.evidence.buyers_verdict(at_least, at_least) == "partly supported"  # never more: sales cannot tell taste from cost
    assert claims.evidence.buyers_verdict(at_least * 5, at_least) == "partly supported"
    assert claims.evidence.buyers_verdict(at_least - 0.1, at_least) == "not supported"


def test_a_rerun_above_the_mercedes_multiple_makes_the_buyers_claim_not_supported(tmp_path):
    card = claims.evidence.german_vs_us_brands(None)
    mercedes, us = card.rows[0]["units"]
    ratio = float(mercedes) / float(us)
    assert card.verdict == claims.evidence.buyers_verdict(ratio, threshold(claims.evidence.BUYERS))
    above = int(ratio) + 1
    table, _ = claims.tables.checked_claims(claims.tables.published_pages(), rerun_data(tmp_path, {claims.evidence.BUYERS: str(above)}))
    row = claim_row(table, claims.evidence.BUYERS)
    assert row["verdict"] == "not supported"
    assert row["verdict note"].startswith("Recorded verdict: partly supported. With these figures the rule gives not supported, because ")
    assert f"so it matched them less than {claims.evidence.threshold_words(above, 'times')}" in row["verdict note"]
    assert f"match all U.S. brands together at least {claims.evidence.threshold_words(above, 'times')}" in row["verdict rule"]


# news-makers-in-us: vehicles built in the U.S. against the site's reading of "significantly"


def test_the_makers_verdict_on_both_sides_of_its_threshold():
    significant = threshold(claims.evidence.MAKERS_IN_US)
    assert claims.evidence.makers_verdict(significant, significant) == "supported"
    assert claims.evidence.makers_verdict(significant - 1, significant) == "partly supported"
    assert claims.evidence.makers_verdict(0, significant) == "not supported"


def test_a_rerun_above_us_production_makes_the_makers_claim_partly_supported(tmp_path):
    from tradetalks.chapters.reverse_imports import tables as reverse

    tables = reverse.load_tables()
    built = reverse.latest(reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET]), reverse.BUILT)
    card = claims.evidence.us_production(None)
    assert card.verdict == claims.evidence.makers_verdict(float(built["value"]), threshold(claims.evidence.MAKERS_IN_US))
    above = float(built["value"]) * 2
    moved = claims.evidence.us_production(rerun_data(tmp_path, {claims.evidence.MAKERS_IN_US: f"{above:.0f}"}))
    assert moved.verdict == "partly supported"
    assert f"below the threshold of {claims.evidence.threshold_words(above, 'vehicles')}" in moved.because
    assert "this site's reading" in moved.rule


# news-g7, news-seventh-round, news-investment: the record of rounds and the tariff timeline, by id


def test_the_g7_verdict_follows_the_rounds_and_is_never_more_than_partly_supported():
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    before_g7, deal = tariffs.before_g7_and_deal(data.load_table("negotiation_rounds"))
    assert claims.evidence.g7_verdict(before_g7["start_date"], deal["start_date"]) == "partly supported"
    assert claims.evidence.g7_verdict(deal["start_date"], before_g7["start_date"]) == "not supported"
    assert claims.evidence.g7_verdict(before_g7["start_date"], before_g7["start_date"]) == "not supported"  # a deal in that round
    card = claims.evidence.g7_round(None)
    assert card.verdict == "partly supported" and "do not record the leaders' meeting" in card.because


def test_the_tariffs_chapter_shows_the_g7_verdict_the_rule_gives(checked):
    from tradetalks import figures
    from tradetalks.chapters.auto_tariffs import sentences as tariff_words
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    checks = tariff_words.news_report_checks(
        data.load_table("negotiation_rounds"),
        figures.consistent_balance(data.load_table("us_japan_goods_trade")),
        tariffs.japan_side_shares(data.load_table("japan_auto_exports_us")),
        data.load_table(claims.tables.CLAIMS_TABLE),
    )
    g7 = checks.iloc[list(tariffs.NEWS_CLAIMS).index("g7")]
    assert g7[tariff_words.VERDICT] == claim_row(checked, claims.evidence.G7)["verdict"] == "partly supported"


def test_the_round_verdict_on_both_sides_of_the_claimed_number(tmp_path):
    claimed = threshold(claims.evidence.SEVENTH_ROUND)
    assert claims.evidence.round_verdict(int(claimed), claimed) == "supported"
    assert claims.evidence.round_verdict(int(claimed) + 1, claimed) == "partly supported"
    assert claims.evidence.round_verdict(None, claimed) == "not supported"  # recorded as another kind of visit
    # a report counting the round otherwise: the rerun's card says the record does not place it so
    table, _ = claims.tables.checked_claims(
        claims.tables.published_pages(), rerun_data(tmp_path, {claims.evidence.SEVENTH_ROUND: f"{claimed + 1:g}"})
    )
    row = claim_row(table, claims.evidence.SEVENTH_ROUND)
    other = claims.evidence.threshold_words(claimed + 1, "ordinal")
    assert row["verdict"] == "partly supported" and f"not the {other}" in row["verdict note"]
    assert row["verdict note"].startswith("Recorded verdict: supported. With these figures the rule gives partly supported, because ")
    assert f"as the {other} numbered round" in row["verdict rule"]


def test_the_reports_round_is_placed_by_kind_and_date_not_by_its_label():
    """The round column's number is a label (a follow-up visit has words there): the card counts the numbered rounds up
    to the report's by date, the tariffs chapter's rule, so a reworded label changes nothing."""
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    rounds = data.load_table("negotiation_rounds")
    report = data.row_by_id(rounds, "round_id", tariffs.NEWS_REPORT_ROUND)
    numbered = tariffs.numbered_rounds(rounds).sort_values("start_date")
    expected = list(numbered["round_id"]).index(tariffs.NEWS_REPORT_ROUND) + 1
    assert claims.evidence.round_position(rounds, tariffs.NEWS_REPORT_ROUND) == expected
    relabelled = rounds.assign(round="Reworded: " + rounds["round"])
    assert claims.evidence.round_position(relabelled, tariffs.NEWS_REPORT_ROUND) == expected
    visit = rounds["round_kind"] != tariffs.NUMBERED_ROUND
    assert visit.any() and claims.evidence.round_position(rounds, rounds.loc[visit, "round_id"].iloc[0]) is None
    card = claims.evidence.seventh_round(None)
    assert report["round_id"] in set(card.rows[0]["round_id"]) and len(card.rows[0]) == expected


def test_the_investment_verdict_follows_the_framework_and_the_deal_round():
    from tradetalks.chapters.auto_tariffs import tables as tariffs

    _, deal = tariffs.before_g7_and_deal(data.load_table("negotiation_rounds"))
    start, end = deal["start_date"], deal["end_date"]
    later = (pd.Timestamp(end) + pd.Timedelta(days=30)).strftime("%Y-%m-%d")
    assert claims.evidence.investment_verdict(start, start, end) == "supported"
    assert claims.evidence.investment_verdict(end, start, end) == "supported"
    assert claims.evidence.investment_verdict(later, start, end) == "partly supported"
    assert claims.evidence.investment_verdict(None, start, end) == "not supported"
    framework = tariffs.framework_agreement(data.load_table("tariff_timeline"))
    card = claims.evidence.framework_investment(None)
    assert card.verdict == claims.evidence.investment_verdict(framework["date"], start, end)


# essay-tokyo-2030: the policy table's coded columns, not a typed fact


@pytest.mark.parametrize(
    ("counts_hybrids", "legally_binding", "verdict"),
    [
        ("no", "yes", "supported"),
        ("no", "no", "partly supported"),
        ("yes", "yes", "partly supported"),
        ("yes", "no", "not supported"),
        (None, None, "not supported"),  # the table does not say: neither half shows
        ("no", None, "partly supported"),
    ],
)
def test_the_tokyo_verdict_reads_the_coded_columns(counts_hybrids, legally_binding, verdict):
    assert claims.evidence.tokyo_verdict(counts_hybrids, legally_binding) == verdict


def test_the_tokyo_card_is_worded_from_the_counts_hybrids_column(tmp_path):
    assert not hasattr(claims.evidence, "WHAT_COUNTS")  # no typed fact about what the target counts
    card = claims.evidence.ev_targets(None)
    assert card.verdict == "not supported" and "conventional hybrids count towards it" in card.text
    folder = rerun_data(tmp_path, {})
    rerun_table(folder, "ev_policy_targets", "counts_hybrids", {claims.evidence.TOKYO_TARGET: "no"})
    partly = claims.evidence.ev_targets(folder)
    assert partly.verdict == "partly supported" and "conventional hybrids do not count towards it" in partly.text
    rerun_table(folder, "ev_policy_targets", "legally_binding", {claims.evidence.TOKYO_ENFORCEMENT: "yes"})
    table, _ = claims.tables.checked_claims(claims.tables.published_pages(), folder)
    row = claim_row(table, claims.evidence.TOKYO_2030)
    assert row["verdict"] == "supported"
    assert row["verdict note"] == (
        "Recorded verdict: not supported. With these figures the rule gives supported, because the policy table codes "
        "Tokyo's 2030 target as counting electric cars only and binding in law."
    )
    rerun_table(folder, "ev_policy_targets", "counts_hybrids", {claims.evidence.TOKYO_TARGET: ""})
    assert "the data do not say whether conventional hybrids count" in claims.evidence.ev_targets(folder).text


def test_counts_hybrids_is_coded_only_where_what_counts_says_so():
    """A 'yes' stands where the row's what_counts names hybrids; a 'no' where it names what counts without them or says
    they do not count; blank elsewhere (the coding the Tokyo card reads)."""
    targets = data.load_table("ev_policy_targets")
    hybrid = targets["what_counts"].str.contains(r"hybrid|\bHE?V\b", case=False)
    coded = targets["counts_hybrids"]
    assert hybrid[coded == "yes"].all()
    assert (~hybrid[coded == "no"] | targets.loc[coded == "no", "what_counts"].str.contains(r"\bnot\b", case=False)).all()
    assert set(coded.dropna()) <= {"yes", "no"} and coded.isna().any()
