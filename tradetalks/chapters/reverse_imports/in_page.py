"""The reverse-imports calculator in the reader's browser: cars needed a year to offset a share of the deficit.

``calculator`` turns the page's chosen figures into a ``tradetalks.calculators.Calculator``: the price per
car, the share of the deficit to offset and the deficit itself are inputs, each defaulting to the figure
this run of the page uses (its data row, its parameter); Japan's whole imported-car market is held fixed.
The outputs are ``tradetalks.calc``'s formulas (``CARS_TO_OFFSET``, ``MULTIPLE``), composed here for the
inputs' units, so the page computes in Vega exactly what ``calculator.calculate`` computes in Python.
``publish`` draws the bars on the calculator's signals and puts the form around them.

Every number a control shows comes from data: its default, the range the sources support (the data's
car prices, the data's deficit figures) and the range it accepts, stretched from those by the factors below.
Every word the calculator writes (labels, units, sources, its sentence) is in the page's language
(``tradetalks.i18n.tr``); Japanese counts the cars in 万 (ten thousand), as its prose does.
"""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from tradetalks import calc, calculators, charts, data, style
from tradetalks.calculators import Calculator, Input, Output
from tradetalks.formulas import Formula
from tradetalks.i18n import N_, tr
from tradetalks.text import reader_date, units

from . import sentences
from .calculator import MARKET_REFERENCE, NEEDED_KIND, REFERENCE_KIND, reference
from .charts import BAR_SIZE, BAR_STEP, LABEL_PX, ROOM_FOR_LABELS, bar_names, count_axis
from .tables import PRICE_SHORT, price_rows, tr_as, translated, words

NAME = "reverse_imports_calculator"
HEADING = N_("Calculator: cars needed a year to offset the deficit")
# The controls accept from a tenth of the cheapest car price in the data to twice the dearest (so the price
# stays above 0), and deficits from none to twice the largest figure in the data; each end rounded outwards
# to one significant figure. Values between the data's own extremes are "supported"; the rest are flagged.
PRICE_REACH, DEFICIT_REACH = (10.0, 2.0), 2.0
PRICE_STEP_USD, DEFICIT_STEP_BN, SHARE_STEP_PCT = 100.0, 0.1, 1.0
BILLION, HUNDRED_MILLION, MILLION = 1_000_000_000, 100_000_000, 1_000_000
MILLION_IN_TEN_THOUSANDS = 100  # Japanese counts in 万 (ten thousand): 1.29 million cars are 129万台

# The chapter's formula in the inputs' units: the deficit in billion USD, the share in percent.
CARS = calc.CARS_TO_OFFSET.using(deficit_usd=Formula(f"deficit_bn * {BILLION}"), offset_share=Formula("offset_pct / 100"))
CARS_MILLIONS = Formula(f"cars / {MILLION}").using(cars=CARS)
CARS_OUTPUT = "cars_millions"  # the output the sentence and the first bar's label write the cars needed with
MARKET_MULTIPLE = calc.MULTIPLE.using(value=CARS, reference=Formula("market_vehicles"))
# Japanese writes a deficit in 億ドル (a hundred million dollars: $64.4 billion is 644億ドル), so the Japanese page's
# deficit control is in 億 (``deficit_100m``): the same formula, composed for that unit.
DEFICIT_INPUT, DEFICIT_INPUT_JA = "deficit_bn", "deficit_100m"
HUNDRED_MILLIONS_IN_A_BILLION = 10
CARS_JA = calc.CARS_TO_OFFSET.using(
    deficit_usd=Formula(f"{DEFICIT_INPUT_JA} * {HUNDRED_MILLION}"), offset_share=Formula("offset_pct / 100")
)
CARS_MILLIONS_JA = Formula(f"cars / {MILLION}").using(cars=CARS_JA)
MARKET_MULTIPLE_JA = calc.MULTIPLE.using(value=CARS_JA, reference=Formula("market_vehicles"))


def formulas() -> tuple[Formula, Formula, Formula]:
    """The cars needed, in millions, and as a multiple of the market, for the deficit control of the page's language."""
    return (CARS_JA, CARS_MILLIONS_JA, MARKET_MULTIPLE_JA) if translated() else (CARS, CARS_MILLIONS, MARKET_MULTIPLE)


def deficit_control(deficit_bn: float) -> float:
    """A deficit in billion USD as the deficit control holds it: billions (Japanese: 億, ten to a billion)."""
    return round(deficit_bn * HUNDRED_MILLIONS_IN_A_BILLION, 10) if translated() else deficit_bn


def _outwards(value: float, up: bool) -> float:
    """``value`` rounded away from the data to one significant figure: 2,910 -> 2,000 (down), 140,356 -> 200,000 (up)."""
    if value <= 0:
        return 0.0
    scale = 10 ** math.floor(math.log10(value))
    return float((math.ceil if up else math.floor)(value / scale) * scale)


def producer(row: pd.Series, data_dir: object = None) -> str:
    """Who produced a row's figure, named as the chapter's source lines name it: the best-tier producer
    among the row's source and the original it relays (``charts.producers_cited``)."""
    return charts.best_producer(row.to_frame().T, data_dir)


def price_source(price: pd.Series, data_dir: object = None) -> str:
    """Where the default price comes from, briefly (the prose above the calculator says it in full): its producer,
    which price it is and when ('Kelley Blue Book (Cox Automotive): Average paid, November 2025'); a scenario
    price says it is one."""
    if price["kind"] == "scenario":
        return str(price["label"])
    short = tr(PRICE_SHORT[price["metric"]]) if price["metric"] in PRICE_SHORT else price["label"]
    return tr("{producer}: {price}, {date}").format(
        producer=words(producer(price, data_dir)), price=short, date=reader_date(price["period"])
    )


def deficit_source(deficit: pd.Series, data_dir: object = None) -> str:
    """Where the default deficit comes from, briefly: its producer and year ('U.S. Census Bureau, 2025')."""
    return tr("{producer}, {year}").format(producer=words(producer(deficit, data_dir)), year=int(deficit["year"]))


def cars_output() -> Output:
    """The cars needed a year as the sentence writes them: '1.29 million' (Japanese, in 万: '129万台')."""
    if translated():  # the signal in millions, shown in 万 to as many figures
        return Output(CARS_OUTPUT, CARS_MILLIONS_JA, 0, suffix=tr("ten thousand cars"), scale=MILLION_IN_TEN_THOUSANDS)
    return Output(CARS_OUTPUT, CARS_MILLIONS, 2, suffix=tr(" million"))


def calculator(
    deficit: pd.Series, price: pd.Series, share: float, options: pd.DataFrame, prices: pd.DataFrame, compared: pd.DataFrame
) -> Calculator:
    """The page's calculator, at this run's deficit, price and share (``parameters.check_parameters``), with
    Japan's whole imported-car market (``calculator.calculate``'s comparison) held fixed."""
    folder = data.data_dir_of(options, prices, compared)
    data_prices = price_rows(prices)["value"].astype(float)
    chosen_price = float(price["price_usd"])
    price_low = _outwards(min(float(data_prices.min()), chosen_price) / PRICE_REACH[0], up=False)
    price_high = _outwards(max(float(data_prices.max()), chosen_price) * PRICE_REACH[1], up=True)
    deficits = options["deficit_usd_bn"].astype(float)
    chosen_deficit = float(deficit["deficit_usd_bn"])
    market = reference(compared, MARKET_REFERENCE)
    inputs = [
        Input(
            "price_usd",
            tr("Price per car"),
            tr("USD"),
            chosen_price,
            min(max(price_low, PRICE_STEP_USD), chosen_price),  # never 0: the formula divides by the price
            price_high,
            PRICE_STEP_USD,
            price_source(price, folder),
            supported=(float(data_prices.min()), float(data_prices.max())),
        ),
        Input(
            "offset_pct",
            tr("Share of the deficit to offset"),
            "%",
            round(share * 100, 10),  # 0.07 -> 7, not 7.000000000000001 (the page compares it with what the reader typed)
            0.0,
            100.0,
            SHARE_STEP_PCT,
            tr("this page's run: {share} of the deficit").format(share=sentences.share_text(share)),
        ),
        Input(
            DEFICIT_INPUT_JA if translated() else DEFICIT_INPUT,
            tr("U.S. deficit with Japan in a year"),
            tr("hundred million USD") if translated() else tr("billion USD"),
            deficit_control(chosen_deficit),
            0.0,
            deficit_control(_outwards(max(float(deficits.max()), chosen_deficit) * DEFICIT_REACH, up=True)),
            deficit_control(DEFICIT_STEP_BN),
            deficit_source(deficit, folder),
            supported=(deficit_control(float(deficits.min())), deficit_control(float(deficits.max()))),
            decimals=0 if translated() else 1,  # 644億ドル is $64.4 billion
        ),
    ]
    outputs = [cars_output(), Output("market_multiple", formulas()[2], 1, suffix=tr(" times"))]
    # the sentence keeps its outputs' placeholders ({cars_millions}, {market_multiple}): the page fills them as values move
    placeholders = {output.name: f"{{{output.name}}}" for output in outputs}
    return Calculator(
        name=NAME,
        inputs=inputs,
        outputs=outputs,
        sentence=tr(  # MARKET_REFERENCE: Japan's whole imported-car market
            "At these values, offsetting that share of the deficit takes {cars_millions} U.S.-built cars a year, "
            "{market_multiple} Japan's whole imported-car market in {period}."
        ).format(**placeholders, period=market["period"]),
        fixed_values={"market_vehicles": float(market["vehicles"])},
        fixed_note=tr("Held fixed: Japan's whole imported-car market in {period}, {count} vehicles ({producer}).").format(
            period=market["period"], count=units(market["vehicles"]), producer=words(producer(market, folder))
        ),
    )


def chart(comparison: pd.DataFrame, made: Calculator) -> alt.LayerChart:
    """Bars: the cars needed a year at the calculator's inputs (redrawn as they move, emphasised, labelled as
    the calculator's sentence writes them) beside the reference figures of ``comparison``
    (``calculator.comparison_data``), each labelled as its source states it."""
    needed = json.dumps(tr(NEEDED_KIND))
    label_signal = next(output.name for output in made.outputs if output.name == CARS_OUTPUT) + "_text"
    cars = formulas()[0]
    largest = float(comparison.loc[comparison["figure_kind"] == tr(REFERENCE_KIND), "reference_vehicles"].max())
    shown = comparison.assign(bar_name=bar_names(comparison))
    order = shown["bar_name"].tolist()
    y = alt.Y("bar_name:N", sort=order, title=None, axis=None)
    x = alt.X(
        "shown_vehicles:Q",
        title=tr("Vehicles"),
        # the axis reaches past the longest bar, the reader's included, with room for the label after it
        scale=alt.Scale(domainMin=0, domainMax=alt.ExprRef(f"max({cars.vega()}, {largest}) * {ROOM_FOR_LABELS}"), nice=False),
        axis=count_axis(tickCount=4),
    )
    base = alt.Chart(shown).transform_calculate(
        shown_vehicles=f"datum.figure_kind === {needed} ? {cars.vega()} : datum.reference_vehicles",
        shown_label=f"datum.figure_kind === {needed} ? {label_signal} : datum.figure_as_stated",
        shown_multiple=f"datum.figure_kind === {needed} ? null : ({cars.vega()}) / datum.reference_vehicles",
    )
    colour = alt.Color(
        "figure_kind:N",
        legend=None,
        scale=alt.Scale(domain=[tr(NEEDED_KIND), tr(REFERENCE_KIND)], range=style.colours(["emphasis", "context"])),
    )
    bars = base.mark_bar(size=BAR_SIZE).encode(
        y=y,
        x=x,
        color=colour,
        tooltip=[
            alt.Tooltip("bar_name:N", title=tr("figure")),
            alt.Tooltip("shown_vehicles:Q", format=",.0f", title=tr_as(N_("vehicles"), N_("vehicles (how many)"))),
            alt.Tooltip("shown_multiple:Q", format=",.1f", title=tr("cars needed ÷ this figure")),
        ],
    )
    names = base.mark_text(align="left", baseline="bottom", dy=-BAR_SIZE / 2 - 2, fontSize=LABEL_PX, color=style.colour("text")).encode(
        y=y, x=alt.value(0), text="bar_name:N"
    )
    values = base.mark_text(align="left", dx=4, fontSize=LABEL_PX, color=style.colour("annotation")).encode(y=y, x=x, text="shown_label:N")
    return alt.layer(bars, names, values).properties(height=alt.Step(BAR_STEP))


def publish(
    made: Calculator,
    comparison: pd.DataFrame,
    deficit: pd.Series,
    price: pd.Series,
    share: float,
    evidence: list[pd.DataFrame | pd.Series],
) -> charts.Figure:
    """The calculator around its chart, titled with the finding at the sourced values; ``evidence`` is the
    rows the defaults, the comparison and the supported ranges come from."""
    return calculators.publish(  # type: ignore[return-value]
        made,
        chart(comparison, made),
        heading=tr(HEADING),
        data=comparison,
        evidence=evidence,
        name="cars_needed_calculator",
        **sentences.in_page_text(comparison, deficit, price, share),
    )


def default_calculator(data_dir: object = None) -> Calculator:
    """The calculator as the published page makes it, at the chapter's default parameters (the rerun page lists its
    inputs; the browser tests compare the page with it)."""
    from . import calculator as reverse_calculator
    from . import parameters
    from . import tables as reverse

    tables = reverse.load_tables(data_dir)
    prices = tables[reverse.PRICES]
    options = reverse.deficit_options(tables[reverse.TRADE], prices)
    deficit, price, share = parameters.check_parameters(options, prices, None, reverse.CENSUS, None, 1.0)
    largest, market = reverse.largest_programme(tables[reverse.REVERSE]), reverse.import_market(tables[reverse.MARKET])
    _, compared = reverse_calculator.calculate(deficit, price, share, reverse_calculator.references(tables, largest, market))
    return calculator(deficit, price, share, options, prices, compared)
