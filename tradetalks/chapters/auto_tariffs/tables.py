"""Loading and shaping the page's tables: the tariff timeline, the rounds of talks, the goods balance,
car imports and the carmakers' reported costs (pandas only: charts and prose live beside it)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from tradetalks import calc, data, i18n, text
from tradetalks.i18n import N_, tr
from tradetalks.params import ParameterError

from .parameters import check_import_base

US = "United States"
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FULL_YEAR = r"\d{4}"
# Rows this chapter states, by id (each registered in the page's needs.py so check-data names a missing one).
US_BASELINE, JAPAN_BASELINE, FRAMEWORK = "us_car_mfn_baseline", "japan_car_duty_baseline", "framework_agreement_2025"
CAR_IMPORTS, AUTOS_SHARE = "us_car_imports_from_japan", "autos_share_of_japan_exports_to_us"
# The round the checked news report is about (claims.csv, news-seventh-round); the others are found by their milestone.
NEWS_REPORT_ROUND = "round_7"
BEFORE_G7, DEAL = "before_g7_summit", "deal_reached"
NUMBERED_ROUND = "numbered_round"
# The news report's claims this page checks, by the claims table's claim_id (data/claims.csv), in the check's order:
# each one's verdict is the claims table's, so this page and the claims page cannot label the same claim differently.
CLAIMS_TABLE = "claims"
NEWS_CLAIMS = {
    "round": "news-seventh-round",
    "deficit": "news-deficit",
    "autos": "news-autos-exports",
    "g7": "news-g7",
}
# automaker_tariff_impact's company value for the seven makers' combined figure (an enum of the schema).
SEVEN_MAKERS = "Seven major Japanese automakers (combined)"
# The rate chart's window: this many months before the first change of 2025 and after the last change.
FOCUS_MARGIN_MONTHS = 3
# negotiation_rounds' milestones in words (the column holds ids; translated where they are shown).
MILESTONES = {BEFORE_G7: N_("aimed at a deal at the G7 summit"), DEAL: N_("deal reached")}
# Longest text a reader's table cell keeps (about three lines at 1280 px): the data files keep the rest. In a translated
# edition a wide character (Japanese) counts as two, as it takes about twice the room of a Latin letter, and a cell may
# also be cut at Japanese punctuation (the English pages keep their own rule, unchanged).
CELL_CHARS = 130
CLAUSE_ENDS, WORD_BREAKS = (";",), (" ",)  # where a long cell is best cut, else where it may be
TRANSLATED_CLAUSE_ENDS, TRANSLATED_WORD_BREAKS = ("；", "。"), ("、",)


def translated(value: object) -> object:
    """A cell of words from the data in the reader's language (``tr``); a number (even as text: a round's '7'), a gap or
    an empty cell as it is."""
    return tr(value) if isinstance(value, str) and any(character.isalpha() for character in value) else value


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in "WF"


def _fitting(value: str, limit: int) -> int:
    """How many of ``value``'s first characters fit in ``limit`` (a wide character counts twice)."""
    used = 0
    for index, character in enumerate(value):
        used += 2 if _wide(character) else 1
        if used > limit:
            return index
    return len(value)


def shortened(value: object, limit: int = CELL_CHARS) -> object:
    """Text cut to ``limit`` characters for a table cell: at the last clause (';') that fits, else at a word, with '…'
    (in a translated edition also at Japanese '；' '。', else after '、', a wide character counting as two).

    A long note would make a row a screen tall; the data file keeps the whole text. Non-text passes through."""
    if not isinstance(value, str):
        return value
    english = i18n.current() == i18n.SOURCE_LANGUAGE
    fits = min(len(value), limit) if english else _fitting(value, limit)
    if fits == len(value):
        return value
    clauses, words = (CLAUSE_ENDS, WORD_BREAKS) if english else (CLAUSE_ENDS + TRANSLATED_CLAUSE_ENDS, WORD_BREAKS + TRANSLATED_WORD_BREAKS)
    clause = max(value.rfind(mark, 0, fits) for mark in clauses)
    if clause >= fits // 2:
        cut = value[:clause]
    else:
        word = max(value.rfind(mark, 0, fits) for mark in words)
        cut = value[:word].rstrip(",;:" if english else ",;:、") if word > 0 else value[:fits]
    return cut + ("…" if not english and _wide(cut[-1]) else " …")


def date_words(value: object) -> object:
    """A date cell in words (``text.reader_date``); other words in a date column ('pre-2025') translated."""
    shown = text.reader_date(value)
    return translated(shown) if isinstance(shown, str) and shown == value else shown


def sources_of(*frames: pd.DataFrame) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables, from the data folder they were loaded from."""
    return data.sources_cited(*frames, data_dir=data.data_dir_of(*frames))


# The duty on a Japanese car


def us_car_rate_steps(timeline: pd.DataFrame) -> pd.DataFrame:
    """Dated U.S. measures with the effective duty on a Japanese passenger car after each.

    Only rows with a full date and a rate; ``changed`` marks the rows where the rate moved.
    """
    dated = timeline[(timeline["jurisdiction"] == US) & timeline["date"].str.match(FULL_DATE) & timeline["rate_pct"].notna()].copy()
    dated["date"] = pd.to_datetime(dated["date"])
    dated = dated.sort_values("date", kind="stable").reset_index(drop=True)
    dated["changed"] = dated["rate_pct"].ne(dated["rate_pct"].shift())
    return dated


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


def peak_and_deal(changes: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The change to the highest rate, and the last change (the deal rate)."""
    return changes.loc[changes["rate_pct"].idxmax()], changes.iloc[-1]


def moves(changes: pd.DataFrame) -> pd.DataFrame:
    """The changes where the rate moved from an earlier one (the first dated row only sets the starting level)."""
    return changes.iloc[1:] if len(changes) > 1 else changes


def focus_window(steps: pd.DataFrame, margin_months: int = FOCUS_MARGIN_MONTHS) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period the rate chart shows: from ``margin_months`` before the first move of the rate to as long after the last."""
    moved = moves(rate_changes(steps))
    margin = pd.DateOffset(months=margin_months)
    return moved["date"].min() - margin, moved["date"].max() + margin


def rate_in_force(steps: pd.DataFrame, on: pd.Timestamp) -> float:
    """The car rate in force on a date (the first dated rate before the first measure)."""
    rate = calc.rate_in_force(steps, on)
    return float(steps["rate_pct"].iloc[0]) if rate is None else rate


def steps_in_window(steps: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The dated measures inside the chart's window."""
    return steps[steps["date"].between(start, end)]


def step_line(steps: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The step line across the window: the rate in force at its start, each change inside it, the rate at its end."""
    inside = steps_in_window(steps, start, end)
    inside = inside[inside["changed"]][["date", "rate_pct"]]
    ends = pd.DataFrame({"date": [start, end], "rate_pct": [rate_in_force(steps, start), rate_in_force(steps, end)]})
    return pd.concat([ends.iloc[:1], inside, ends.iloc[1:]], ignore_index=True)


def steps_shown(steps: pd.DataFrame) -> pd.DataFrame:
    """The columns of the rate steps a reader's table shows (the chart's data), dates in words."""
    shown = steps[["date", "rate_pct", "measure", "legal_instrument"]].copy()
    shown["date"] = shown["date"].map(text.date)
    shown["measure"] = shown["measure"].map(lambda cell: shortened(translated(cell)))
    shown["legal_instrument"] = shown["legal_instrument"].map(translated)
    return shown


def us_measures(timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline's measures of the United States, alone or jointly with Japan."""
    return timeline[timeline["jurisdiction"].str.contains(US, regex=False)]


def measures_table(measures: pd.DataFrame) -> pd.DataFrame:
    """Timeline rows as a reader's table: date, measure, the car rate after it, the legal instrument (long text cut)."""
    shown = measures[["date", "measure", "rate_pct", "legal_instrument"]].copy()
    shown["date"] = shown["date"].map(date_words)
    for column in ("measure", "legal_instrument"):
        shown[column] = shown[column].map(lambda cell: shortened(translated(cell)))
    return shown.reset_index(drop=True)


# The rounds of talks


def rounds_table(rounds: pd.DataFrame) -> pd.DataFrame:
    """Each round as a reader's table: the round (with its milestone in words), its dates, whom the negotiator
    met and what came of it (long text cut)."""
    milestone = rounds["milestone"].map(MILESTONES)
    shown = pd.DataFrame(
        {
            "round_label": [
                translated(number)
                if pd.isna(reached)
                else tr("{round} ({milestone})").format(round=translated(number), milestone=tr(reached))
                for number, reached in zip(rounds["round"], milestone, strict=True)
            ],
            "round_dates": [text.date_span(start, end) for start, end in zip(rounds["start_date"], rounds["end_date"], strict=True)],
            "us_counterparts": rounds["us_counterparts"].map(lambda cell: shortened(translated(cell))),
            "outcome": rounds["outcome"].map(lambda cell: shortened(translated(cell))),
        }
    )
    return data.derived_from(shown.reset_index(drop=True), rounds)


def numbered_rounds(rounds: pd.DataFrame) -> pd.DataFrame:
    """The numbered 2025 rounds (not the later follow-up visits)."""
    return rounds[rounds["round_kind"] == NUMBERED_ROUND]


def rounds_before(rounds: pd.DataFrame, on: str) -> pd.DataFrame:
    """The numbered rounds begun on or before a date (a round under way that day counts: its deal came then)."""
    numbered = numbered_rounds(rounds)
    return numbered[pd.to_datetime(numbered["start_date"], format="%Y-%m-%d") <= pd.Timestamp(on)]


def news_report_round(rounds: pd.DataFrame) -> pd.Series:
    """The round the checked news report is about."""
    return data.row_by_id(rounds, "round_id", NEWS_REPORT_ROUND)


def talks_year(rounds: pd.DataFrame) -> int:
    """The year of the round the news report is about: "the last full year before the talks" is the year before."""
    return int(news_report_round(rounds)["start_date"][:4])


def news_report_rounds(rounds: pd.DataFrame) -> pd.DataFrame:
    """The rounds the news report's checks read: its own round, the one before the G7 summit, the deal's."""
    return rounds[(rounds["round_id"] == NEWS_REPORT_ROUND) | rounds["milestone"].isin([BEFORE_G7, DEAL])]


def news_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims table's rows for the news report's claims this page checks, picked by claim_id, indexed by
    their role in ``NEWS_CLAIMS`` (a missing id raises, naming the table)."""
    rows = {role: data.row_by_id(claims, "claim_id", claim_id) for role, claim_id in NEWS_CLAIMS.items()}
    return data.derived_from(pd.DataFrame(rows).T, claims)


def before_g7_and_deal(rounds: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The round that aimed at a deal at the G7 summit, and the round that reached the deal."""
    return data.row_by_id(rounds, "milestone", BEFORE_G7), data.row_by_id(rounds, "milestone", DEAL)


def years_before_talks(series: pd.DataFrame, rounds: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The consistent series' rows of the second-last and the last full year before the talks."""
    year = talks_year(rounds)
    before, latest = (series[series["year"] == year - offset].iloc[0] for offset in (2, 1))
    return before, latest


def news_report_evidence(rounds: pd.DataFrame, series: pd.DataFrame, japan_shares: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows behind the news report's checks: its rounds, Japan's shares and the balance from the two years the
    check compares to the latest (a "widening" deficit reported in the talks year may mean that year's figures too)."""
    return [news_report_rounds(rounds), series[series["year"] >= talks_year(rounds) - 2], japan_shares]


# The goods balance


def with_gaps(series: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """One row per year in range; a year the data lacks stays empty (drawn as a gap, not filled)."""
    years = pd.DataFrame({"year": range(year_from, year_to + 1)})
    return data.derived_from(years.merge(series, on="year", how="left"), series)


def other_estimates(trade: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Full-year balance figures from other vintages and reports that differ from the consistent series."""
    others = trade[(trade["series"] != data.CONSISTENT) & trade["year"].str.fullmatch(FULL_YEAR) & trade["balance_musd"].notna()].copy()
    others["year"] = others["year"].astype(int)
    merged = others.merge(series[["year", "balance_musd"]], on="year", how="left", suffixes=("", "_consistent"))
    differs = (merged["balance_musd"] - merged["balance_musd_consistent"]).abs() > 0.05
    shown = merged[differs | merged["balance_musd_consistent"].isna()]
    result = shown[["year", "balance_musd", "balance_musd_consistent", "status", "source_key"]].reset_index(drop=True)
    return data.derived_from(result, trade)


def produced_by(source: pd.Series) -> str:
    """Who produced a source's figures, in words: the producer (the publisher when none is named), and the
    publisher it was read on when that is someone else ('U.S. Census Bureau (via The Japan Times (Kyodo))')."""
    producer = source["producer"] if pd.notna(source["producer"]) else source["publisher"]
    if producer == source["publisher"] or pd.isna(source["retrieved_via"]):
        return translated(producer)
    return tr("{producer} (via {publisher})").format(producer=translated(producer), publisher=translated(source["publisher"]))


def figure_by(frame: pd.DataFrame) -> pd.Series:
    """Who produced each row's figure (``produced_by`` of each source its ``source_key`` cell names)."""
    sources = data.sources_cited(frame, data_dir=data.data_dir_of(frame)).set_index(data.SOURCE_KEY_COLUMN)
    return frame[data.SOURCE_KEY_COLUMN].map(
        lambda cell: tr("; ").join(dict.fromkeys(produced_by(sources.loc[key]) for key in data.split_source_keys(cell)))
    )


def in_years(frame: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """The rows of the years ``year_from`` to ``year_to``."""
    return frame[frame["year"].between(year_from, year_to)]


def others_named(others: pd.DataFrame) -> pd.DataFrame:
    """The other figures with who produced each (``figure_by``), for the chart's tooltips."""
    return data.derived_from(others.assign(figure_by=figure_by(others) if len(others) else pd.Series(dtype=str)), others)


def balance_and_others(shown: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """The balance chart's data as readers see it: each year's consistent figure beside any other figure, its
    status and who produced it (no source keys: the source line names them)."""
    named = others_named(others)[["year", "balance_musd", "status", "figure_by"]].rename(
        columns={"balance_musd": "other_balance_musd", "status": "other_status", "figure_by": "other_figure_by"}
    )
    named["other_status"] = named["other_status"].map(translated)
    merged = shown[["year", "us_exports_to_japan_musd", "us_imports_from_japan_musd", "balance_musd"]].merge(named, on="year", how="outer")
    return data.derived_from(merged, shown, others)


def latest_and_deepest(series: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The series' last year, and its year of the deepest deficit."""
    return series.iloc[-1], series.loc[series["balance_musd"].idxmin()]


# Cars in that trade


def car_imports(exports: pd.DataFrame) -> pd.DataFrame:
    """U.S. imports of cars from Japan in million USD, full years, every compilation the data marks with a series."""
    rows = data.rows_by_id(exports, "measure_id", CAR_IMPORTS)
    return rows[(rows["unit"] == "USD million") & rows["period"].str.fullmatch(FULL_YEAR) & rows["series"].notna()]


def cars_share_of_imports(exports: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Derived: U.S. car imports from Japan as a share of all U.S. goods imports from Japan, by year.

    One car series only: the rows the data marks ``series = consistent``, so compilations are not mixed."""
    cars = car_imports(exports)
    cars = cars[cars["series"] == data.CONSISTENT].assign(year=lambda t: t["period"].astype(int))
    merged = cars[["year", "value", "source_key"]].merge(
        series[["year", "us_imports_from_japan_musd", "source_key"]], on="year", suffixes=("_cars", "_total")
    )
    merged["cars_share_pct"] = 100 * merged["value"] / merged["us_imports_from_japan_musd"]
    shares = merged.rename(columns={"value": "car_imports_musd", "us_imports_from_japan_musd": "all_imports_musd"})
    return data.derived_from(shares, exports, series)


def shares_shown(shares: pd.DataFrame) -> pd.DataFrame:
    """The share chart's data as readers see it (the source keys stay in ``share_evidence``)."""
    return shares[["year", "car_imports_musd", "all_imports_musd", "cars_share_pct"]]


def share_range(shares: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The rows of the lowest and the highest share, and of the latest year."""
    return shares.loc[shares["cars_share_pct"].idxmin()], shares.loc[shares["cars_share_pct"].idxmax()], shares.iloc[-1]


def share_evidence(shares: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows behind each share, each with its own ``source_key``: the car imports', then all imports'."""
    return [shares.rename(columns={f"source_key_{part}": "source_key"}) for part in ("cars", "total")]


def japan_side_shares(exports: pd.DataFrame) -> pd.DataFrame:
    """Japan's own statistics: autos' share of its exports to the U.S., as reported (each reporter's scope in ``metric``)."""
    rows = data.rows_by_id(exports, "measure_id", AUTOS_SHARE)
    return rows[["period", "metric", "value", "unit", "reporter_basis", "source_key"]].reset_index(drop=True)


def japan_side_shown(japan_shares: pd.DataFrame) -> pd.DataFrame:
    """Japan's shares as a reader's table: each share as its report states it, in percent (no source keys)."""
    shown = japan_shares[["period", "metric", "value", "reporter_basis"]].rename(columns={"value": "autos_share_of_exports_pct"})
    shown = shown.assign(metric=shown["metric"].map(translated), reporter_basis=shown["reporter_basis"].map(translated))
    return data.derived_from(shown, japan_shares)


# The tariff-bill calculator


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
    chosen = options[options["base_id"] == check_import_base(base_id, options["base_id"].drop_duplicates())]
    if len(chosen) > 1:
        raise ParameterError(
            f"import_base={base_id!r} names {len(chosen)} rows ({', '.join(chosen['source_key'])}): the data must mark at most one "
            "row per year and series"
        )
    return chosen.iloc[0]


def import_base_rows(base: pd.Series) -> pd.DataFrame:
    """The chosen import-base row as a one-row frame (its source is the bill's)."""
    return base.to_frame().T


def tariff_bill(base: pd.Series, rates: list[float], timeline: pd.DataFrame) -> pd.DataFrame:
    """Duty owed on the import base at each rate (``calc.tariff_bill``), tagged with the tables behind it:
    the import base's and the timeline the rates in force come from."""
    return data.derived_from(calc.tariff_bill(float(base["value"]), rates), import_base_rows(base), timeline)


def bill_shown(bill: pd.DataFrame, base: pd.Series) -> pd.DataFrame:
    """The bill with the import base it was computed on, in words (the chart's data)."""
    return bill.assign(
        import_base_musd=float(base["value"]),
        import_base=tr("{period}, {basis}").format(period=base["period"], basis=translated(base["reporter_basis"])),
    )


# What the carmakers said it cost


def automaker_costs(impact: pd.DataFrame) -> pd.DataFrame:
    """Reported tariff costs with a figure, labelled forecast or actual (the data's ``figure_kind``), with the
    figure as the source stated it (``value_as_reported``: its qualifier, such as "over", is kept in prose)."""
    rows = impact[impact["value_jpy_bn"].notna()].copy()
    rows["kind"] = rows["figure_kind"]
    columns = [
        "company",
        "announcement_date",
        "fiscal_period",
        "kind",
        "metric",
        "value_jpy_bn",
        "value_as_reported",
        "scope",
        "source_key",
    ]
    return rows[columns].reset_index(drop=True)


def costs_shown(costs: pd.DataFrame) -> pd.DataFrame:
    """The carmakers' costs as readers see them (no source keys; the figure as reported kept)."""
    shown = costs[["company", "announcement_date", "fiscal_period", "kind", "value_jpy_bn", "value_as_reported", "scope"]]
    words = {column: shown[column].map(translated) for column in ("company", "fiscal_period", "kind", "value_as_reported", "scope")}
    return shown.assign(announcement_date=shown["announcement_date"].map(text.reader_date), **words).rename(columns={"kind": "figure_kind"})


def latest_forecasts(costs: pd.DataFrame) -> pd.DataFrame:
    """Each maker's latest forecast (the last one it announced, in the table's order)."""
    forecasts = costs[costs["kind"] == "forecast"]
    return forecasts.groupby("company", sort=False).tail(1)


def largest_forecast(costs: pd.DataFrame) -> pd.Series:
    """The largest of the makers' latest forecasts."""
    latest = latest_forecasts(costs)
    return latest.loc[latest["value_jpy_bn"].idxmax()]


def seven_makers(costs: pd.DataFrame) -> pd.DataFrame:
    """The seven makers' combined figures."""
    return costs[costs["company"] == SEVEN_MAKERS]


def single_makers(costs: pd.DataFrame) -> pd.DataFrame:
    """Each maker's own figures (the combined total left out)."""
    return costs[costs["company"] != SEVEN_MAKERS]


def latest_forecast_and_actual(costs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The latest forecast and the latest actual figure among ``costs`` (in the table's order)."""
    return costs[costs["kind"] == "forecast"].iloc[-1], costs[costs["kind"] == "actual"].iloc[-1]


# The chapter's sources


def sources_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The chapter's sources as readers see them: who produced the figures and where they were read, the
    title and the data's as-of date; no source keys (the references page has every detail)."""
    shown = pd.DataFrame(
        {
            "produced_by": [produced_by(row) for _, row in sources.iterrows()],
            "title": sources["title"].map(lambda title: shortened(title, CELL_CHARS * 2 // 3)),  # a title as published
            "as_of": sources["as_of"].map(as_of_date),
        }
    )
    return data.derived_from(shown.reset_index(drop=True), sources)


def as_of_date(as_of: object) -> object:
    """The date an ``as_of`` cell starts with ('2016-11 (data through Nov 2016)' -> '2016-11'), the note left to the
    references page; a cell without a date as it is (its words translated: 'n.d.')."""
    found = data.AS_OF_DATE.match(as_of) if isinstance(as_of, str) else None
    return found.group(0) if found else translated(as_of)
