"""Page 'auto_tariffs': the tariff calculator that runs in the reader's browser.

The reader sets a tariff rate and an exchange rate; the page gives the duty owed on a year of U.S.
car imports from Japan, and the price at which a car Japan exports at the average value lands in the
U.S., duty paid, in dollars and in yen. The formulas are ``tradetalks.calc``'s (one text, run by
Python here and by Vega in the page); the defaults and the fixed figures come from the data.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import calc, calculators, charts, data, figures, i18n, style, text
from tradetalks.formulas import Formula
from tradetalks.i18n import N_, tr

from . import tables

NAME = "tariff_calculator"
# Rows picked by id (registered in needs.py): the average export value per car comes from Japan's own statistics.
EXPORT_VALUE, EXPORT_UNITS = "japan_car_exports_to_us_value", "japan_car_exports_to_us_units"
EXCHANGE_RATE = "yen_per_usd_annual_average"  # trade_balance_and_prices.metric
JPY_PER_BILLION = 1e9
RATE_LOW, RATE_HIGH, RATE_STEP = 0.0, 100.0, 0.5  # a duty from none to doubling the price
FX_LOW, FX_HIGH, FX_STEP = 50.0, 300.0, 0.5  # yen per dollar: wider than any rate since the 1970s' float began

# The outputs, in the units the page states them (each one formula of tradetalks.calc, rescaled)
DUTY_BN = Formula("duty / 1000").using(duty=calc.DUTY_OWED)  # import value in million USD -> billion USD
LANDED_USD_THOUSANDS = Formula("landed / 1000").using(landed=calc.LANDED_USD)
LANDED_YEN_MILLIONS = Formula("landed / 1000000").using(landed=calc.LANDED_YEN)
DUTY_PER_CAR_USD_THOUSANDS = Formula("(landed - untaxed) / 1000").using(
    landed=calc.LANDED_USD, untaxed=calc.LANDED_USD.using(rate_pct=Formula("0"))
)
RATE_SHOWN = Formula("rate_pct")
FX_SHOWN = Formula("yen_per_usd")
# Each output as the sentence shows it: its formula, decimals and a message with {value} (the text around the number).
OUTPUTS = (
    ("rate_shown", RATE_SHOWN, 1, N_("{value}%")),
    ("fx_shown", FX_SHOWN, 1, N_("{value} yen")),
    ("duty_bn", DUTY_BN, 1, N_("${value} billion")),
    ("landed_usd", LANDED_USD_THOUSANDS, 1, N_("${value} thousand")),
    ("landed_yen", LANDED_YEN_MILLIONS, 2, N_("¥{value} million")),
    ("duty_per_car", DUTY_PER_CAR_USD_THOUSANDS, 1, N_("${value} thousand")),
)
# A language that counts in other units shows an output scaled, to other decimals (the formulas stay as they are):
# Japanese counts billions of dollars in 億ドル (×10), millions of yen in 万円 (×100), a car's dollars whole (×1,000).
RESCALED = {"ja": {"duty_bn": (10, 0), "landed_usd": (1000, 0), "landed_yen": (100, 0), "duty_per_car": (1000, 0)}}
HEADING = N_("Tariff calculator")


def outputs() -> list[calculators.Output]:
    """The calculator's outputs in the current language: the words around each number from its message, and the
    language's scale and decimals (``RESCALED``)."""
    made = []
    for name, formula, decimals, shown in OUTPUTS:
        prefix, suffix = tr(shown).split("{value}")
        scale, decimals = RESCALED.get(i18n.current(), {}).get(name, (1.0, decimals))
        made.append(calculators.Output(name, formula, decimals, prefix, suffix, scale=scale))
    return made


def export_value_per_car(exports: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """Japan's average export value of a passenger car shipped to the U.S., in yen: value over units, one year."""
    value = data.row_by_id(exports, "measure_id", EXPORT_VALUE)
    units = data.row_by_id(exports, "measure_id", EXPORT_UNITS)
    if str(value["period"]) != str(units["period"]) or value["unit"] != "JPY billion":
        raise ValueError(f"{EXPORT_VALUE} and {EXPORT_UNITS} must be one year's value in JPY billion and its units")
    return float(value["value"]) * JPY_PER_BILLION / float(units["value"]), exports.loc[[value.name, units.name]]


def exchange_rate(prices: pd.DataFrame) -> pd.Series:
    """The latest annual average of yen per dollar in the data."""
    rows = prices[prices["metric"] == EXCHANGE_RATE].sort_values("period")
    if rows.empty:
        raise ValueError(f"trade_balance_and_prices has no {EXCHANGE_RATE} row")
    return rows.iloc[-1]


def rate_now_and_range(timeline: pd.DataFrame) -> tuple[pd.Series, tuple[float, float]]:
    """The last change of the U.S. duty on a Japanese car in the timeline, and the lowest and highest the duty has been."""
    steps = tables.us_car_rate_steps(timeline)
    _, last = tables.peak_and_deal(tables.rate_changes(steps))
    return last, (float(steps["rate_pct"].min()), float(steps["rate_pct"].max()))


def calculator(data_dir: object = None, base: pd.Series | None = None) -> tuple[calculators.Calculator, list[pd.DataFrame]]:
    """The calculator at the chapter's sourced values (the import base the chapter uses: ``base``, by default the
    latest year), and the rows behind them (for the source line)."""
    exports = data.load_table("japan_auto_exports_us", data_dir)
    timeline = data.load_table("tariff_timeline", data_dir)
    prices = data.load_table("trade_balance_and_prices", data_dir)
    base = tables.choose_import_base(exports, None) if base is None else base
    car_value, car_rows = export_value_per_car(exports)
    fx = exchange_rate(prices)
    last, (lowest, highest) = rate_now_and_range(timeline)
    first_producer = charts.best_producer(last.to_frame().T, data_dir)
    fx_frame = fx.to_frame().T
    made = calculators.Calculator(
        name=NAME,
        inputs=[
            calculators.Input(
                "rate_pct",
                tr("U.S. duty on a Japanese car"),
                "%",
                float(last["rate_pct"]),
                RATE_LOW,
                RATE_HIGH,
                RATE_STEP,
                tr("in force from {date}, {producer}").format(date=text.date(last["date"]), producer=tables.translated(first_producer)),
                (lowest, highest),
                decimals=1,
            ),
            calculators.Input(
                "yen_per_usd",
                tr("Exchange rate"),
                tr("yen per U.S. dollar"),
                round(float(fx["value"]), 1),
                FX_LOW,
                FX_HIGH,
                FX_STEP,
                tr("{producer}, average of {period}").format(
                    producer=tables.translated(charts.best_producer(fx_frame, data_dir)), period=fx["period"]
                ),
                decimals=1,
            ),
        ],
        outputs=outputs(),
        sentence=tr(
            "At {rate_shown} and {fx_shown} to the dollar, a year of U.S. car imports from Japan owes {duty_bn} in duty, and a car "
            "Japan exports at the average value lands in the U.S. at {landed_usd} ({landed_yen}), {duty_per_car} of it duty."
        ),
        fixed_values={"import_value": float(base["value"]), "car_value_yen": car_value},
        fixed_note=tr(
            "Fixed: the imports are {metric} in {period} ({value}, {basis}); the car is Japan's average export value of a passenger "
            "car shipped to the U.S. in {car_year}, about ¥{car_value} ({producer}). No change in volume or price is assumed, and "
            "the duty is charged on the export value."
        ).format(
            metric=tables.translated(base["metric"]),
            period=base["period"],
            value=text.usd_bn_from_millions(base["value"]),
            basis=tables.translated(base["reporter_basis"]),
            car_year=car_rows["period"].iloc[0],
            car_value=text.rounded(car_value),
            producer=tables.translated(charts.best_producer(car_rows, data_dir)),
        ),
    )
    return made, [tables.import_base_rows(base), car_rows, fx_frame, last.to_frame().T]


def default_calculator(data_dir: object = None) -> calculators.Calculator:
    """The calculator as the published page runs it (the rerun page lists its inputs)."""
    return calculator(data_dir)[0]


BEFORE, NOW = N_("Before {year}"), N_("At the rate set")  # the chart's two cars ({year}: the year the duty first moved)
VALUE_PART, DUTY_PART = N_("Value at the border"), N_("Duty")


def first_move_year(timeline: pd.DataFrame) -> int:
    """The year the duty on a Japanese car first moved from its old level (2025): "before" it, the old duty applied."""
    return int(tables.moves(tables.rate_changes(tables.us_car_rate_steps(timeline)))["date"].iloc[0].year)


def chart_rows(timeline: pd.DataFrame) -> pd.DataFrame:
    """The chart's two cars: at the pre-2025 duty (from data) and at the rate the reader sets."""
    cases = [tr(BEFORE).format(year=first_move_year(timeline)), tr(NOW)]
    return pd.DataFrame({"case": cases, "fixed_rate": [figures.baseline_rate(timeline), None]})


def chart(rows: pd.DataFrame) -> alt.Chart:
    """One car's landed price in thousand dollars, split into its value at the border and the duty, at the two rates."""
    rate = "(datum.fixed_rate === null ? rate_pct : datum.fixed_rate)"
    untaxed = calc.LANDED_USD.vega({"rate_pct": "0"})
    duty = f"({calc.LANDED_USD.vega({'rate_pct': rate})} - {untaxed}) / 1000"
    value_part, duty_part = tr(VALUE_PART), tr(DUTY_PART)
    return (
        alt.Chart(rows)
        .transform_calculate(value_part=f"{untaxed} / 1000", duty_part=duty)
        .transform_fold(["value_part", "duty_part"], as_=["part", "thousand_usd"])
        .transform_calculate(part=f"datum.part === 'value_part' ? '{value_part}' : '{duty_part}'")
        .mark_bar()
        .encode(
            y=alt.Y("case:N", title=None, sort=list(rows["case"]), axis=alt.Axis(labelLimit=140)),
            x=alt.X("sum(thousand_usd):Q", title=tr("Landed price of one car (thousand USD)"), stack="zero"),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=[value_part, duty_part], range=[style.colour("context"), style.colour("emphasis")]),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("part:N", sort="descending"),
            tooltip=[
                alt.Tooltip("case:N", title=tr("Case")),
                alt.Tooltip("part:N", title=tr("Part")),
                alt.Tooltip("sum(thousand_usd):Q", title=tr("Thousand USD"), format=",.1f"),
            ],
        )
        .properties(height=alt.Step(36))
    )


# --- the words around the chart (computed at the sourced values; the sentence under the inputs follows the reader) ---


def _about_usd(value: float) -> str:
    """A derived dollar amount to two significant figures: 4712.3 -> 'about $4,700'."""
    return tr("about ${amount}").format(amount=text.rounded(value))


def title(made: calculators.Calculator) -> str:
    """'At 15%, a Japanese car pays about $4,700 in duty' (one car at the average export value)."""
    results = made.evaluate()
    rate = made.defaults()["rate_pct"]
    return tr("At {rate}, a Japanese car pays {amount} in duty").format(
        rate=text.pct(rate), amount=_about_usd(results["duty_per_car"] * 1000)
    )


def subtitle(timeline: pd.DataFrame) -> str:
    return tr(
        "One car at Japan's average export value, landed in the U.S. with duty paid (thousand USD), before {year} and at the rate set"
    ).format(year=first_move_year(timeline))


def description(made: calculators.Calculator, timeline: pd.DataFrame) -> str:
    results, defaults = made.evaluate(), made.defaults()
    before = made.evaluate({"rate_pct": figures.baseline_rate(timeline)})
    return tr(
        "At {rate} a car exported at Japan's average value lands at {landed}, against {before} at the {old_rate} duty before {year}."
    ).format(
        rate=text.pct(defaults["rate_pct"]),
        landed=_about_usd(results["landed_usd"] * 1000),
        before=_about_usd(before["landed_usd"] * 1000),
        old_rate=text.pct(figures.baseline_rate(timeline)),
        year=first_move_year(timeline),
    )


def figure(made: calculators.Calculator, behind: list[pd.DataFrame], timeline: pd.DataFrame) -> object:
    """The calculator, published: form, live sentence, chart with its title, sources and data."""
    rows = chart_rows(timeline)
    shown = rows.assign(
        rate_pct=rows["fixed_rate"].fillna(made.defaults()["rate_pct"]),
        landed_thousand_usd=[
            made.evaluate({"rate_pct": rate})["landed_usd"] for rate in rows["fixed_rate"].fillna(made.defaults()["rate_pct"])
        ],
    ).drop(columns="fixed_rate")
    return calculators.publish(
        made,
        chart(rows),
        heading=tr(HEADING),
        data=data.derived_from(shown, *behind),
        evidence=behind,
        name="tariff_calculator",
        title=title(made),
        subtitle=subtitle(timeline),
        description=description(made, timeline),
    )
