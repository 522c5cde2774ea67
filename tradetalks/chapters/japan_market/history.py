"""Over time: the barrier argument (the claims table placed on a timeline) and Jeep's, GM's and Ford's sales in Japan."""

from __future__ import annotations

import pandas as pd

from tradetalks import data, figures
from tradetalks.i18n import N_, tr

from . import words
from .tables import CADILLAC, CHEVROLET, FORD, GM_BRANDS, JEEP, REPORTED, TARGET, brand_name, reported_by

# nontariff_barrier_claims.stance -> the words readers see (a legend entry, a table cell), and as counted in a sentence:
# (one entry, several entries). A stance the page does not know reads as its words, never as its code. Both are messages,
# translated where shown; a count is a whole message ('{count} assert a barrier'), so a language words it its own way.
STANCE_LABELS = {
    "asserts_barrier": N_("asserts a barrier"),
    "disputes_barrier": N_("disputes a barrier"),
    "policy_action": N_("policy action"),
    "agreement_term": N_("agreement term"),
    "data_point": N_("background evidence"),
}
STANCE_COUNTED = {
    "asserts_barrier": (N_("{count} asserts a barrier"), N_("{count} assert a barrier")),
    "disputes_barrier": (N_("{count} disputes one"), N_("{count} dispute one")),
    "policy_action": (N_("{count} is a policy action"), N_("{count} are policy actions")),
    "agreement_term": (N_("{count} is an agreement term"), N_("{count} are agreement terms")),
    "data_point": (N_("{count} is background evidence"), N_("{count} are background evidence")),
}


def stance_words(stance: str) -> str:
    """A stance code in words: 'asserts_barrier' -> 'asserts a barrier' (in the page's language)."""
    return tr(STANCE_LABELS.get(stance) or stance.replace("_", " "))


# nontariff_barrier_claims.actor_group -> the timeline's row title, in the chart's order.
ACTOR_GROUPS = {
    "us_government": N_("U.S. government"),
    "us_business": N_("U.S. business"),
    "both_governments": N_("Both governments"),
    "japan_government": N_("Japan government"),
    "japanese_industry": N_("Japanese industry"),
    "analysts_media": N_("Analysts and media"),
}
ACTORS = list(ACTOR_GROUPS.values())
US_ACTOR_GROUPS = ("us_government", "us_business")  # whose claims are the U.S. side's
# The three changes the chapter follows (issue 3): the 2013 certification cap, the 2025 agreement,
# the 2026 recognition of U.S. safety certification.
MILESTONES = {
    "C06": N_("Small-volume certification cap raised"),
    "C31": N_("U.S.–Japan agreement"),
    "C34": N_("U.S. safety certification recognised"),
}
FORD_EXIT_CLAIM = "C08"  # Ford's 2016 statement announcing its exit
YEAR_GAP = 0.8  # space between two years' groups, in point widths
GM_NAME = N_("GM")  # the history's name for GM's brands together; each row's own label says what its figure covers
FORD_EXIT = N_("Ford announces exit")


# --------------------------------------------------------------------------- claims over time


def claims_timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a start date (the first date in the cell: a period is placed at its start), actor group and stance label
    (the labels in the page's language)."""
    table = claims.copy()
    first = table["date"].str.extract(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
    table["start"] = pd.to_datetime(first[0] + "-" + first[1].fillna("01") + "-" + first[2].fillna("01"))
    table["year"] = table["start"].dt.year
    table["actor"] = table["actor_group"].map(ACTOR_GROUPS).map(tr)  # the chart shows the group's title, not its id
    table["stance_label"] = table["stance"].map(stance_words)
    table["milestone"] = table["claim_id"].map(MILESTONES).map(tr, na_action="ignore").fillna("")
    table = table.sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)
    table["slot"] = table.groupby(["year", "actor"]).cumcount()
    # Each year gets as many positions as its busiest actor needs; points of one actor and year are centred in it.
    widths = table.groupby("year")["slot"].max() + 1
    starts = (widths + YEAR_GAP).cumsum() - widths - YEAR_GAP
    centre = starts + widths / 2
    crowd = table.groupby(["year", "actor"])["slot"].transform("count")
    table["position"] = table["year"].map(centre) + table["slot"] - (crowd - 1) / 2
    return table


def actors() -> list[str]:
    """The timeline's rows, in the chart's order, in the page's language."""
    return [tr(actor) for actor in ACTORS]


def claims_in_words(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims table's words as the page shows them: claimant, claim and evidence translated in a translated edition
    (a date with words in it, '2025 (repeat)', too)."""
    shown = claims
    for name in ("claimant", "claim_summary", "evidence_or_figure"):
        shown = words.column(shown, name)
    return words.column(shown, "date", words.data_if_words)


def claims_table(timeline: pd.DataFrame) -> pd.DataFrame:
    """Each claim beside the evidence or figure its claimant gave, in date order, the stance in words (the source keys stay
    in ``source_key`` for the source line)."""
    shown = timeline[["date", "claimant", "stance_label", "claim_summary", "evidence_or_figure", "source_key"]]
    return data.derived_from(claims_in_words(shown), timeline)


CLAIM_CHARACTERS = 110  # a claim longer than this is shortened in the page's tables (a row stays within four lines)


def shorten(text: object, limit: int = CLAIM_CHARACTERS) -> object:
    """``text`` cut at the last word that fits in ``limit`` characters, with '…'; shorter text (or a gap) unchanged."""
    if not isinstance(text, str) or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def claims_for_readers(claims_shown: pd.DataFrame) -> pd.DataFrame:
    """The claims table for the page: long claims shortened (the chart's tooltips and the claims table in ``data/`` keep
    the whole text), no source keys (the source line under it names the publishers)."""
    shown = claims_shown.drop(columns=data.SOURCE_KEY_COLUMN).assign(claim_summary=claims_shown["claim_summary"].map(shorten))
    return data.derived_from(shown, claims_shown)


# --------------------------------------------------------------------------- Jeep, GM, Ford


def history_makers(by_brand: pd.DataFrame) -> dict[str, str]:
    """The makers the history follows, in legend order: brand_id -> name (a brand's own name; GM's brands together 'GM')."""
    return {JEEP: brand_name(by_brand, JEEP), GM_BRANDS: GM_NAME, FORD: brand_name(by_brand, FORD)}


def counted_words(counted: str, summed: bool = False) -> str:
    """What a history row counts, as the page shows it: 'GM (all brands)', or (``summed``) a sum this page made,
    'Chevrolet + Cadillac' (names from the data translated)."""
    parts = [str(words.data(part)) for part in (str(counted).split(" + ") if summed else [counted])]
    joined = parts[0]
    for part in parts[1:]:
        joined = tr("{brands} + {brand}").format(brands=joined, brand=part)
    return joined


def how_words(how: str) -> str:
    """How a history row's figure was obtained, as the page shows it: 'reported', or 'derived: Chevrolet + Cadillac'."""
    if how.startswith("derived: "):
        return tr("derived: {brands}").format(brands=counted_words(how.removeprefix("derived: "), summed=True))
    return tr(how)


def us_brand_history(by_brand: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year sales in Japan of Jeep, GM (all brands) and Ford, with each row's basis.

    GM's figure is a reported row for GM's brands together where one exists; otherwise, in a year with both Chevrolet
    and Cadillac figures, their sum (derived). Targets are left out; a year without a figure stays a gap.
    """
    makers = history_makers(by_brand)
    cy = by_brand[(by_brand["period_type"] == "CY") & by_brand["units"].notna() & (by_brand["counted"] != TARGET)].copy()
    cy["year"] = cy["period"].astype(int)
    rows = []

    def add(brand_id: str, found: pd.DataFrame, how: str = REPORTED) -> None:
        for _, row in found.iterrows():
            rows.append(
                {
                    "year": row["year"],
                    "maker": makers[brand_id],
                    "units": float(row["units"]),
                    "how": how,
                    "qualifier": row["qualifier"],
                    "counted": row["brand"],
                    "scope": row["scope"],
                    "source_key": row["source_key"],
                }
            )

    add(JEEP, cy[cy["brand_id"] == JEEP])
    add(FORD, cy[cy["brand_id"] == FORD])
    gm_reported = cy[cy["brand_id"] == GM_BRANDS]
    add(GM_BRANDS, gm_reported)
    for year in sorted(set(cy["year"]) - set(gm_reported["year"])):
        chevrolet = figures.best_row(cy[(cy["year"] == year) & (cy["brand_id"] == CHEVROLET)])
        cadillac = figures.best_row(cy[(cy["year"] == year) & (cy["brand_id"] == CADILLAC)])
        if chevrolet is None or cadillac is None:
            continue
        both = f"{chevrolet['brand']} + {cadillac['brand']}"
        rows.append(
            {
                "year": year,
                "maker": makers[GM_BRANDS],
                "units": float(chevrolet["units"] + cadillac["units"]),
                "how": f"derived: {both}",
                "counted": both,
                "qualifier": "exact" if all(str(r["qualifier"]).startswith("exact") for r in (chevrolet, cadillac)) else "approx",
                "scope": chevrolet["scope"],
                "source_key": ";".join(dict.fromkeys([chevrolet["source_key"], cadillac["source_key"]])),
            }
        )
    history = data.derived_from(pd.DataFrame(rows).sort_values(["maker", "year"], kind="stable").reset_index(drop=True), by_brand)
    history["approximate"] = ~history["qualifier"].fillna("").str.startswith("exact")
    history["reported_by"] = reported_by(history)
    return history


def history_for_readers(history: pd.DataFrame) -> pd.DataFrame:
    """The makers' sales under the chart: year, maker, vehicles, what each figure counts (a sum this page made says so),
    its qualifier and who reported it."""
    derived = history["how"].str.startswith("derived")
    counted = [
        tr("{brands} (added up here)").format(brands=counted_words(cell, summed=True)) if added else counted_words(cell)
        for cell, added in zip(history["counted"], derived, strict=True)
    ]
    shown = history[["year", "maker", "units", "qualifier", "reported_by"]].assign(
        counted=counted, maker=history["maker"].map(words.data), qualifier=history["qualifier"].map(words.data)
    )
    shown = shown[["year", "maker", "units", "counted", "qualifier", "reported_by"]].rename(
        columns={"year": "calendar_year", "maker": "us_maker", "units": "vehicles_sold"}
    )
    return data.derived_from(shown, history)


def exit_events(claims: pd.DataFrame) -> pd.DataFrame:
    """Ford's announced exit (its 2016 statement in the claims table, by claim_id), placed at the statement's year."""
    ford = data.rows_by_id(claims, "claim_id", FORD_EXIT_CLAIM)
    events = pd.DataFrame(
        {
            "year": ford["date"].str.slice(0, 4).astype(int),
            "event": FORD_EXIT,
            "source_key": ford["source_key"],
            "claim_id": ford["claim_id"],
        }
    )
    return data.derived_from(events, claims)
