"""Chapter 'Auto tariffs and the 2025 talks': shaping the tariff tables and drawing them."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from tradetalks import calc, charts, data
from tradetalks.params import ParameterError, check_choice, check_rates, check_year_range

US = "United States"
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FULL_YEAR = r"\d{4}"
# Rows this chapter states, by id (each registered in data.NEEDED_IDS so check-data names a missing one).
US_BASELINE, JAPAN_BASELINE, FRAMEWORK = "us_car_mfn_baseline", "japan_car_duty_baseline", "framework_agreement_2025"
CAR_IMPORTS, AUTOS_SHARE = "us_car_imports_from_japan", "autos_share_of_japan_exports_to_us"
# The round the checked news report is about (claims.csv, news-seventh-round); the others are found by their milestone.
NEWS_REPORT_ROUND = "round_7"
BEFORE_G7, DEAL = "before_g7_summit", "deal_reached"
NUMBERED_ROUND = "numbered_round"
# automaker_tariff_impact's company value for the seven makers' combined figure (an enum of the schema).
SEVEN_MAKERS = "Seven major Japanese automakers (combined)"


def us_car_rate_steps(timeline: pd.DataFrame) -> pd.DataFrame:
    """Dated U.S. measures with the effective duty on a Japanese passenger car after each.

    Only rows with a full date and a rate; ``changed`` marks the rows where the rate moved.
    """
    dated = timeline[(timeline["jurisdiction"] == US) & timeline["date"].str.match(FULL_DATE) & timeline["rate_pct"].notna()].copy()
    dated["date"] = pd.to_datetime(dated["date"])
    dated = dated.sort_values("date", kind="stable").reset_index(drop=True)
    dated["changed"] = dated["rate_pct"].ne(dated["rate_pct"].shift())
    return dated


def baseline_rate(timeline: pd.DataFrame) -> float:
    """The U.S. MFN duty on a passenger car before 2025 (the timeline's baseline row)."""
    return float(data.row_by_id(timeline, "measure_id", US_BASELINE)["rate_pct"])


def japan_car_tariff(timeline: pd.DataFrame) -> float:
    """Japan's own import duty on cars (baseline row)."""
    return float(data.row_by_id(timeline, "measure_id", JAPAN_BASELINE)["rate_pct"])


def framework_agreement(timeline: pd.DataFrame) -> pd.Series:
    """The timeline's row of the July 2025 framework agreement."""
    return data.row_by_id(timeline, "measure_id", FRAMEWORK)


def rate_regimes(steps: pd.DataFrame) -> list[float]:
    """The distinct rates in the order they applied (baseline, peak, deal ...)."""
    changes = steps[steps["changed"]]
    return [float(rate) for rate in changes["rate_pct"]]


def rate_changes(steps: pd.DataFrame) -> pd.DataFrame:
    """One row per change of the car rate: date, new rate, instrument."""
    return steps[steps["changed"]][["date", "rate_pct", "legal_instrument", "measure", "source_key"]].reset_index(drop=True)


def rate_step_chart(steps: pd.DataFrame) -> alt.LayerChart:
    """Step line of the car rate, with a point for every dated U.S. measure (tooltip: instrument)."""
    shown = steps.assign(date=steps["date"].dt.strftime("%Y-%m-%d"))[["date", "rate_pct", "measure", "legal_instrument", "changed"]]
    base = alt.Chart(shown).encode(x=alt.X("date:T", title="Date the measure took effect or was signed"))
    line = base.mark_line(interpolate="step-after").encode(y=alt.Y("rate_pct:Q", title="U.S. duty on a Japanese passenger car (%)"))
    points = base.mark_point(filled=True, size=70).encode(
        y="rate_pct:Q",
        shape=alt.Shape(
            "changed:N", title="Rate changed", legend=alt.Legend(labelExpr="datum.label == 'true' ? 'rate changed' : 'other measure'")
        ),
        color=alt.Color("changed:N", legend=None, scale=alt.Scale(domain=[True, False], range=[charts.PALETTE[3], charts.PALETTE[0]])),
        tooltip=[alt.Tooltip("date:T", title="Date"), alt.Tooltip("rate_pct:Q", title="Car rate (%)"), "measure:N", "legal_instrument:N"],
    )
    labels = (
        base.transform_filter("datum.changed")
        .mark_text(align="left", dx=6, dy=-10, fontSize=12)
        .encode(y="rate_pct:Q", text=alt.Text("rate_pct:Q", format=".1f"))
    )
    return alt.layer(line, points, labels)


def measures_table(timeline: pd.DataFrame, jurisdiction: str = US) -> pd.DataFrame:
    """The timeline's measures of one jurisdiction, for a reader's table."""
    rows = timeline[timeline["jurisdiction"].str.contains(jurisdiction, regex=False)]
    return rows[["date", "measure", "rate_pct", "legal_instrument"]].rename(
        columns={"rate_pct": "car rate after (%)", "legal_instrument": "legal instrument"}
    )


def consistent_balance(trade: pd.DataFrame) -> pd.DataFrame:
    """The one consistent Census series of the U.S. goods balance with Japan: the rows the data marks
    ``series = consistent`` (one per year, checked when the data is validated), full years only."""
    rows = trade[(trade["series"] == data.CONSISTENT) & trade["year"].str.fullmatch(r"\d{4}")].copy()
    rows["year"] = rows["year"].astype(int)
    series = rows.sort_values("year")
    return series[["year", "us_exports_to_japan_musd", "us_imports_from_japan_musd", "balance_musd", "source_key"]].reset_index(drop=True)


def with_gaps(series: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """One row per year in range; a year the data lacks stays empty (drawn as a gap, not filled)."""
    years = pd.DataFrame({"year": range(year_from, year_to + 1)})
    return years.merge(series, on="year", how="left")


def other_estimates(trade: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Full-year balance figures from other vintages and reports that differ from the consistent series."""
    others = trade[(trade["series"] != data.CONSISTENT) & trade["year"].str.fullmatch(r"\d{4}") & trade["balance_musd"].notna()].copy()
    others["year"] = others["year"].astype(int)
    merged = others.merge(series[["year", "balance_musd"]], on="year", how="left", suffixes=("", "_consistent"))
    differs = (merged["balance_musd"] - merged["balance_musd_consistent"]).abs() > 0.05
    shown = merged[differs | merged["balance_musd_consistent"].isna()]
    return shown[["year", "balance_musd", "balance_musd_consistent", "status", "source_key"]].reset_index(drop=True)


def balance_chart(series: pd.DataFrame, others: pd.DataFrame) -> alt.LayerChart:
    """The balance in billion USD as a line (gaps stay gaps), other estimates as hollow points."""
    line_data = series.assign(balance_usd_bn=series["balance_musd"] / 1000, kind="Census, consistent series")[
        ["year", "balance_usd_bn", "kind"]
    ]
    point_data = others.assign(balance_usd_bn=others["balance_musd"] / 1000, kind="other vintage or report")[
        ["year", "balance_usd_bn", "kind", "status", "source_key"]
    ]
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"))
    y = alt.Y("balance_usd_bn:Q", title="U.S. goods balance with Japan (billion USD)")
    color = alt.Color("kind:N", title=None, scale=alt.Scale(range=[charts.PALETTE[0], charts.PALETTE[1]]))
    line = (
        alt.Chart(line_data)
        .mark_line(point=True)
        .encode(x=x, y=y, color=color, tooltip=["year:Q", alt.Tooltip("balance_usd_bn:Q", format=",.1f")])
    )
    points = (
        alt.Chart(point_data)
        .mark_point(size=60, filled=False, strokeWidth=2)
        .encode(x=x, y=y, color=color, tooltip=["year:Q", alt.Tooltip("balance_usd_bn:Q", format=",.1f"), "status:N", "source_key:N"])
    )
    return alt.layer(line, points)


def car_imports(exports: pd.DataFrame) -> pd.DataFrame:
    """U.S. imports of cars from Japan in million USD, full years, every compilation the data marks with a series."""
    rows = data.rows_by_id(exports, "measure_id", CAR_IMPORTS)
    return rows[(rows["unit"] == "USD million") & rows["period"].str.fullmatch(FULL_YEAR) & rows["series"].notna()]


def import_base_options(exports: pd.DataFrame) -> pd.DataFrame:
    """Rows usable as an import base, with the id the ``import_base`` parameter takes: the year for the
    consistent series ("2024"), the year and the series for another compilation's figure ("2018:as_reported")."""
    rows = car_imports(exports).copy()
    rows["base_id"] = rows["period"].where(rows["series"] == data.CONSISTENT, rows["period"] + ":" + rows["series"])
    return rows[["base_id", "period", "series", "metric", "value", "unit", "reporter_basis", "source_key"]].reset_index(drop=True)


def choose_import_base(exports: pd.DataFrame, base_id: str | int | None) -> pd.Series:
    """The import-base row named by ``base_id`` (a year or "<year>:<series>"); by default the latest year of the consistent series."""
    options = import_base_options(exports)
    if base_id is None:
        return options[options["series"] == data.CONSISTENT].sort_values("period", kind="stable").iloc[-1]
    if isinstance(base_id, bool) or not isinstance(base_id, (str, int)):
        raise ParameterError(f"import_base must be a year such as 2024, or a year and a series such as '2018:as_reported'; got {base_id!r}")
    chosen = options[options["base_id"] == check_choice("import_base", str(base_id), options["base_id"].drop_duplicates())]
    if len(chosen) > 1:
        raise ParameterError(
            f"import_base={base_id!r} names {len(chosen)} rows ({', '.join(chosen['source_key'])}): the data must mark at most one "
            "row per year and series"
        )
    return chosen.iloc[0]


def check_parameters(rates_pct: list[float] | None, year_from: int | None, year_to: int | None, trade_years: list[int]) -> tuple:
    """Validate the chapter's parameters; defaults come from the data."""
    rates = check_rates("rates_pct", rates_pct) if rates_pct is not None else None
    first, last = min(trade_years), max(trade_years)
    year_from = first if year_from is None else year_from
    year_to = last if year_to is None else year_to
    check_year_range(year_from, year_to, trade_years)
    return rates, year_from, year_to


def bill_chart(bill: pd.DataFrame) -> alt.Chart:
    """Duty owed at each rate, in billion USD."""
    shown = bill.assign(rate=bill["rate_pct"].map(lambda r: f"{r:g}%"), duty_usd_bn=bill["duty_owed"] / 1000)
    return (
        alt.Chart(shown)
        .mark_bar(color=charts.PALETTE[0])
        .encode(
            x=alt.X("rate:N", sort=None, title="Tariff rate"),
            y=alt.Y("duty_usd_bn:Q", title="Duty owed per year (billion USD)"),
            tooltip=["rate:N", alt.Tooltip("duty_usd_bn:Q", format=",.2f", title="billion USD")],
        )
        .properties(height=240)
    )


def tariff_bill(base: pd.Series, rates: list[float]) -> pd.DataFrame:
    return calc.tariff_bill(float(base["value"]), rates)


def automaker_costs(impact: pd.DataFrame) -> pd.DataFrame:
    """Reported tariff costs with a figure, labelled forecast or actual (the data's ``figure_kind``)."""
    rows = impact[impact["value_jpy_bn"].notna()].copy()
    rows["kind"] = rows["figure_kind"]
    return rows[["company", "announcement_date", "fiscal_period", "kind", "metric", "value_jpy_bn", "scope", "source_key"]].reset_index(
        drop=True
    )


def seven_makers(costs: pd.DataFrame) -> pd.DataFrame:
    """The seven makers' combined figures."""
    return costs[costs["company"] == SEVEN_MAKERS]


def single_makers(costs: pd.DataFrame) -> pd.DataFrame:
    """Each maker's own figures (the combined total left out)."""
    return costs[costs["company"] != SEVEN_MAKERS]


def automaker_chart(costs: pd.DataFrame) -> alt.Chart:
    """Each company's reported costs by announcement month: forecasts hollow, actuals filled."""
    shown = costs.assign(announced=costs["announcement_date"].str.slice(0, 7))
    return (
        alt.Chart(shown)
        .mark_point(size=90, strokeWidth=2)
        .encode(
            x=alt.X("announced:O", title="Announced (month)"),
            y=alt.Y("value_jpy_bn:Q", title="Tariff cost (billion yen)"),
            color=alt.Color("company:N", title="Company"),
            shape=alt.Shape("kind:N", title="Figure", scale=alt.Scale(domain=["forecast", "actual"], range=["circle", "square"])),
            tooltip=[
                "company:N",
                "announcement_date:N",
                "fiscal_period:N",
                "metric:N",
                alt.Tooltip("value_jpy_bn:Q", format=",.1f"),
                "scope:N",
            ],
        )
    )


def sources_of(*tables: pd.DataFrame, data_dir: object = None) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables."""
    return data.sources_cited(*tables, data_dir=data_dir)


def cars_share_of_imports(exports: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Derived: U.S. car imports from Japan as a share of all U.S. goods imports from Japan, by year.

    One car series only: the rows the data marks ``series = consistent``, so compilations are not mixed."""
    cars = car_imports(exports)
    cars = cars[cars["series"] == data.CONSISTENT].assign(year=lambda t: t["period"].astype(int))
    merged = cars[["year", "value", "source_key"]].merge(
        series[["year", "us_imports_from_japan_musd", "source_key"]], on="year", suffixes=("_cars", "_total")
    )
    merged["cars_share_pct"] = 100 * merged["value"] / merged["us_imports_from_japan_musd"]
    return merged.rename(columns={"value": "car_imports_musd", "us_imports_from_japan_musd": "all_imports_musd"})


def share_chart(shares: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(shares)
        .mark_bar(color=charts.PALETTE[0])
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("cars_share_pct:Q", title="Cars' share of U.S. imports from Japan (%, derived)"),
            tooltip=[
                "year:O",
                alt.Tooltip("cars_share_pct:Q", format=".1f"),
                alt.Tooltip("car_imports_musd:Q", format=",.0f"),
                alt.Tooltip("all_imports_musd:Q", format=",.0f"),
            ],
        )
        .properties(height=240)
    )


def japan_side_shares(exports: pd.DataFrame) -> pd.DataFrame:
    """Japan's own statistics: autos' share of its exports to the U.S., as reported (each reporter's scope in ``metric``)."""
    rows = data.rows_by_id(exports, "measure_id", AUTOS_SHARE)
    return rows[["period", "metric", "value", "unit", "reporter_basis", "source_key"]].reset_index(drop=True)


def numbered_rounds(rounds: pd.DataFrame) -> pd.DataFrame:
    """The numbered 2025 rounds (not the later follow-up visits)."""
    return rounds[rounds["round_kind"] == NUMBERED_ROUND]


def news_report_round(rounds: pd.DataFrame) -> pd.Series:
    """The round the checked news report is about."""
    return data.row_by_id(rounds, "round_id", NEWS_REPORT_ROUND)


def talks_year(rounds: pd.DataFrame) -> int:
    """The year of the round the news report is about: "the last full year before the talks" is the year before."""
    return int(news_report_round(rounds)["start_date"][:4])


def news_report_rounds(rounds: pd.DataFrame) -> pd.DataFrame:
    """The rounds the news report's checks read: its own round, the one before the G7 summit, the deal's."""
    return rounds[(rounds["round_id"] == NEWS_REPORT_ROUND) | rounds["milestone"].isin([BEFORE_G7, DEAL])]


def news_report_checks(rounds: pd.DataFrame, series: pd.DataFrame, japan_shares: pd.DataFrame) -> pd.DataFrame:
    """The news report's checkable background claims about its round, against the data."""
    reported = news_report_round(rounds)
    before_g7 = data.row_by_id(rounds, "milestone", BEFORE_G7)
    deal = data.row_by_id(rounds, "milestone", DEAL)
    year = talks_year(rounds)
    latest, before = (series[series["year"] == year - offset].iloc[0] for offset in (1, 2))
    widened = latest["balance_musd"] < before["balance_musd"]
    share = japan_shares.sort_values("period").iloc[-1]
    return pd.DataFrame(
        [
            {
                "claim (paraphrased)": "The minister travels to Washington for a seventh round focused on auto tariffs",
                "what the data shows": f"Round {reported['round']}: {reported['start_date']} to {reported['end_date']}, {reported['location']}; outcome: {reported['outcome']}",
                "verdict": "supported",
            },
            {
                "claim (paraphrased)": "The talks unfold against a widening U.S. trade deficit",
                "what the data shows": (
                    f"U.S. goods deficit with Japan {int(before['year'])}: {-before['balance_musd'] / 1000:,.1f} bn USD; "
                    f"{int(latest['year'])}: {-latest['balance_musd'] / 1000:,.1f} bn USD (Census, consistent series)"
                ),
                "verdict": "supported" if widened else "not supported: the deficit narrowed in the last full year before the talks",
            },
            {
                "claim (paraphrased)": "Automobiles are a critical part of Japan's exports (to the U.S.)",
                "what the data shows": f"{share['metric']}, {share['period']}: {share['value']:g}% ({share['reporter_basis']})",
                "verdict": "supported",
            },
            {
                "claim (paraphrased)": "The leaders met at the G7 summit without reaching a binding deal",
                "what the data shows": f"Round {before_g7['round']} aimed at a deal at the G7: {before_g7['outcome']}; notes: {before_g7['notes']}",
                "verdict": f"consistent with the data (the deal came in round {deal['round']})",
            },
        ]
    )
