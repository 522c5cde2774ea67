"""Chapter 'Auto tariffs and the 2025 talks': shaping the tariff tables and drawing them."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from tradetalks import calc, charts, data
from tradetalks.params import ParameterError, check_choice, check_rates, check_year_range

US = "United States"
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CARS_FROM_JAPAN = "US imports of cars from Japan"


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
    row = timeline[
        (timeline["jurisdiction"] == US) & (timeline["date"].str.startswith("pre-")) & timeline["measure"].str.contains("passenger cars")
    ]
    return float(row["rate_pct"].iloc[0])


def japan_car_tariff(timeline: pd.DataFrame) -> float:
    """Japan's own import duty on cars (baseline row)."""
    row = timeline[(timeline["jurisdiction"] == "Japan") & timeline["date"].str.startswith("pre-")]
    return float(row["rate_pct"].iloc[0])


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


def import_base_options(exports: pd.DataFrame) -> pd.DataFrame:
    """Rows usable as an import base: U.S. imports of cars from Japan in USD for a full year, with an id."""
    rows = exports[
        (exports["metric"] == CARS_FROM_JAPAN) & (exports["unit"] == "USD million") & exports["period"].str.fullmatch(r"\d{4}")
    ].copy()
    rows["base_id"] = rows["period"] + ":" + rows["source_key"]
    return rows[["base_id", "period", "metric", "value", "unit", "reporter_basis", "source_key"]].reset_index(drop=True)


def choose_import_base(exports: pd.DataFrame, base_id: str | None) -> pd.Series:
    """The import-base row named by ``base_id``; by default the latest year of the Commerce series."""
    options = import_base_options(exports)
    if base_id is None:
        return options.sort_values("period", kind="stable").iloc[-1]
    check_choice("import_base", base_id, options["base_id"])
    return options[options["base_id"] == base_id].iloc[0]


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


def classify_cost(metric: str) -> str:
    """'forecast' or 'actual' from the company-reported metric's wording."""
    text = metric.lower()
    if "actual" in text:
        return "actual"
    if "forecast" in text or "estimated" in text:
        return "forecast"
    raise ParameterError(f"cannot tell whether {metric!r} is a forecast or an actual figure")


def automaker_costs(impact: pd.DataFrame) -> pd.DataFrame:
    """Reported tariff costs with a figure, labelled forecast or actual."""
    rows = impact[impact["value_jpy_bn"].notna()].copy()
    rows["kind"] = rows["metric"].map(classify_cost)
    return rows[["company", "announcement_date", "fiscal_period", "kind", "metric", "value_jpy_bn", "scope", "source_key"]].reset_index(
        drop=True
    )


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
    """Derived: U.S. car imports from Japan as a share of all U.S. goods imports from Japan, by year."""
    cars = exports[
        (exports["metric"] == CARS_FROM_JAPAN) & exports["period"].str.fullmatch(r"\d{4}") & (exports["unit"] == "USD million")
    ].copy()
    # one car series: the Commerce-data compilation, which covers the run of years
    main_key = cars["source_key"].value_counts().idxmax()
    cars = cars[cars["source_key"] == main_key].assign(year=lambda t: t["period"].astype(int))
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
    """Japan's own statistics: autos' share of its exports to the U.S., as reported."""
    rows = exports[exports["metric"].str.contains("share of Japan exports to US", regex=False)]
    return rows[["period", "metric", "value", "unit", "reporter_basis", "source_key"]].reset_index(drop=True)


def news_report_checks(rounds: pd.DataFrame, series: pd.DataFrame, japan_shares: pd.DataFrame) -> pd.DataFrame:
    """The news report's checkable background claims about the 7th round, against the data."""
    seventh = rounds[rounds["round"] == "7"].iloc[0]
    sixth = rounds[rounds["round"] == "6"].iloc[0]
    talks_year = int(seventh["start_date"][:4])
    latest, before = (series[series["year"] == talks_year - offset].iloc[0] for offset in (1, 2))
    widened = latest["balance_musd"] < before["balance_musd"]
    share = japan_shares.sort_values("period").iloc[-1]
    return pd.DataFrame(
        [
            {
                "claim (paraphrased)": "The minister travels to Washington for a seventh round focused on auto tariffs",
                "what the data shows": f"Round 7: {seventh['start_date']} to {seventh['end_date']}, {seventh['location']}; outcome: {seventh['outcome']}",
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
                "what the data shows": f"Round 6 aimed at a deal at the G7: {sixth['outcome']}; notes: {sixth['notes']}",
                "verdict": "consistent with the data (the deal came in round 8)",
            },
        ]
    )
