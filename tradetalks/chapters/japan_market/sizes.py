"""Model sizes: footprints in millimetres from the ``model_size`` rows, and whether they fit the limits.

A model measured in inches only is converted to mm and marked derived; every comparison with a
limit (a typical mechanical-parking space, the kei and small-car classes) is derived here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from tradetalks import data, text
from tradetalks.i18n import N_, tr

from . import words

MM_PER_INCH = 25.4
# model_size metrics in mm that give a footprint: metric -> (dimension, approximate as the source gives it).
DIMENSIONS = {
    "length": ("length", False),
    "width": ("width", False),
    "height": ("height", False),
    "length_approx": ("length", True),
    "width_approx": ("width", True),
    "height_approx": ("height", True),
}
# A model measured in inches only: its length and width metrics (converted to mm, so derived).
INCH_LENGTH, INCH_WIDTH = "max_length", "width_without_mirrors"
USA = "US"  # country code of brand_origin and built_in

# structural_factors item_ids: the models drawn by default, and the limits they are held against.
DEFAULT_MODELS = ("honda_n_box", "toyota_yaris", "toyota_camry", "toyota_highlander", "toyota_tundra", "ford_f_150")
KEI_ITEM, SMALL_CAR_ITEM, PARKING_ITEM = "kei_car", "small_car", "mechanical_parking_typical"
LIMIT_FACTORS = ("parking", "vehicle_class_limits")  # structural_factors.factor of the limits' rows

# What a drawn model is, in the legend's order.
# (English keys the claims chapter compares too; translated where shown.)
JAPANESE_BESTSELLER, BUILT_IN_US, US_BRAND, OTHER_MODEL = N_("Japanese best-seller"), N_("built in the U.S."), N_("U.S. brand"), N_("other")
KINDS = (JAPANESE_BESTSELLER, BUILT_IN_US, US_BRAND, OTHER_MODEL)


def _footprints_in_mm(model_id: str, model: str, rows: pd.DataFrame) -> list[dict]:
    """One footprint per configuration (rows without a configuration apply to all); none without a length and a width."""
    configurations = list(dict.fromkeys(rows["configuration"].dropna())) or [None]
    found = []
    for configuration in configurations:
        chosen = rows[rows["configuration"].isna() | (rows["configuration"] == configuration)]
        size = {DIMENSIONS[metric][0]: float(value) for metric, value in zip(chosen["metric"], chosen["value"], strict=True)}
        if "length" not in size or "width" not in size:
            continue
        approximate = any(DIMENSIONS[metric][1] for metric in chosen["metric"])
        keys = [key for cell in chosen["source_key"] for key in data.split_source_keys(cell)]
        found.append(
            {
                "model_id": model_id,
                "model": model,
                "label": model if configuration is None else f"{model}, {configuration} configuration",
                "length_mm": size["length"],
                "width_mm": size["width"],
                "height_mm": size.get("height"),
                "approximate": approximate,
                "how": "reported" + (" (approximate)" if approximate else ""),
                "as_of": "; ".join(dict.fromkeys(chosen["as_of"])),
                "source_key": ";".join(dict.fromkeys(keys)),
                "notes": "; ".join(dict.fromkeys(chosen["notes"].dropna())),
            }
        )
    return found


def _footprint_in_inches(model_id: str, model: str, group: pd.DataFrame) -> list[dict]:
    length = group[(group["metric"] == INCH_LENGTH) & (group["unit"] == "inches")]
    width = group[(group["metric"] == INCH_WIDTH) & (group["unit"] == "inches")]
    if length.empty or width.empty:
        return []
    length_row, width_row = length.iloc[0], width.iloc[0]
    return [
        {
            "model_id": model_id,
            "model": model,
            "label": model,
            "length_mm": round(float(length_row["value"]) * MM_PER_INCH),
            "width_mm": round(float(width_row["value"]) * MM_PER_INCH),
            "height_mm": None,
            "approximate": False,
            "how": (
                f"derived: inches x {MM_PER_INCH} (length {length_row['value']} in, {length_row['as_of']}; "
                f"width without mirrors {width_row['value']} in, {width_row['as_of']})"
            ),
            "as_of": f"{length_row['as_of']}; {width_row['as_of']}",
            "source_key": f"{length_row['source_key']};{width_row['source_key']}",
            "notes": "; ".join(str(n) for n in (length_row["notes"], width_row["notes"]) if pd.notna(n)),
        }
    ]


def footprints(structural: pd.DataFrame) -> pd.DataFrame:
    """One row per drawable footprint (length and width in mm) from ``model_size`` rows, one per model (``model_id``,
    its item_id) and configuration.

    Dimensions are read from their own rows (``*_approx`` metrics mark approximate values); a model measured in inches
    only (the Ford F-150) is converted to mm and marked derived. Models with only one dimension, or only rough whole
    metres, are not drawable and are left out.
    """
    sizes = structural[structural["factor"] == "model_size"]
    rows = []
    for model_id, group in sizes.groupby("item_id", sort=False):
        first = group.iloc[0]
        in_mm = group[(group["unit"] == "mm") & group["metric"].isin(list(DIMENSIONS))]
        found = _footprints_in_mm(model_id, first["item"], in_mm) or _footprint_in_inches(model_id, first["item"], group)
        rows += [{**row, "brand_origin": first["brand_origin"], "built_in": first["built_in"]} for row in found]
    return data.derived_from(pd.DataFrame(rows), structural)


def valid_models(structural: pd.DataFrame) -> dict[str, str]:
    """The ``models`` parameter's choices, item_id -> name: the models with both a length and a width in the data."""
    shapes = footprints(structural)
    return dict(zip(shapes["model_id"], shapes["model"], strict=True))


def with_kinds(shapes: pd.DataFrame, bestsellers: pd.DataFrame) -> pd.DataFrame:
    """Label each footprint: a U.S. brand, a Japanese brand built in the U.S., a Japanese best-seller (its id in the
    best-seller table), or other."""
    best = set(bestsellers["model_id"])

    def kind(row: pd.Series) -> str:
        if row["brand_origin"] == USA:
            return US_BRAND
        if row["built_in"] == USA:
            return BUILT_IN_US
        return JAPANESE_BESTSELLER if row["model_id"] in best else OTHER_MODEL

    return data.derived_from(shapes.assign(kind=shapes.apply(kind, axis=1)), shapes, bestsellers)


def drawn_footprints(structural: pd.DataFrame, bestsellers: pd.DataFrame, models: Sequence[str]) -> pd.DataFrame:
    """The footprints of ``models`` (item_ids), with their kinds, in the data's order."""
    shapes = with_kinds(footprints(structural), bestsellers)
    return shapes[shapes["model_id"].isin(list(models))].reset_index(drop=True)


def undrawable_models(structural: pd.DataFrame) -> list[str]:
    """Models in ``model_size`` with too few dimensions to draw (a gap the page names)."""
    sizes = structural[structural["factor"] == "model_size"]
    drawable = set(footprints(structural)["model_id"])
    return list(dict.fromkeys(sizes.loc[~sizes["item_id"].isin(drawable), "item"]))


def limit_rows(structural: pd.DataFrame) -> pd.DataFrame:
    """The rows of the size limits: parking spaces and the vehicle classes."""
    return structural[structural["factor"].isin(LIMIT_FACTORS)]


def limit(structural: pd.DataFrame, factor: str, item_id: str) -> dict[str, float]:
    """A size limit's dimensions in mm: {'length': ..., 'width': ..., 'height': ...} (those in the data)."""
    rows = structural[(structural["factor"] == factor) & (structural["item_id"] == item_id) & (structural["unit"] == "mm")]
    return {metric.removeprefix("max_"): float(value) for metric, value in zip(rows["metric"], rows["value"], strict=True)}


def parking_space(structural: pd.DataFrame) -> dict[str, float]:
    """A typical mechanical-parking space's limits in mm."""
    return limit(structural, "parking", PARKING_ITEM)


def kei_class(structural: pd.DataFrame) -> dict[str, float]:
    """The kei class's size limits in mm."""
    return limit(structural, "vehicle_class_limits", KEI_ITEM)


DIMENSION_WORDS = {"length": "long", "width": "wide", "height": "tall"}  # '232 mm too wide'
DIMENSION_NAMES = {"length": N_("length"), "width": N_("width"), "height": N_("height")}
# A verdict's reasons in the page's language: with the millimetres (the parking space) and without (the classes).
TOO_MUCH = {"long": N_("{mm} mm too long"), "wide": N_("{mm} mm too wide"), "tall": N_("{mm} mm too tall")}
TOO_MUCH_SHORT = {"long": N_("too long"), "wide": N_("too wide"), "tall": N_("too tall")}
VERDICT_REASON = re.compile(r"(?:([\d,.]+) mm )?too (long|wide|tall)")


def overhangs(row: pd.Series, box: dict[str, float]) -> dict[str, float]:
    """By how many mm a model exceeds each of a limit's dimensions it exceeds (dimensions the data lack are skipped)."""
    return {
        dim: float(row[f"{dim}_mm"] - box[dim])
        for dim in ("length", "width", "height")
        if dim in box and pd.notna(row[f"{dim}_mm"]) and row[f"{dim}_mm"] > box[dim]
    }


def verdict(row: pd.Series, box: dict[str, float]) -> str:
    """'yes', 'yes (height not in the data)' or 'no: 1,414 mm too long, 232 mm too wide' (differences derived)."""
    over = overhangs(row, box)
    if over:
        return "no: " + ", ".join(f"{mm:,.0f} mm too {DIMENSION_WORDS[dim]}" for dim, mm in over.items())
    unknown = [dim for dim in ("length", "width", "height") if dim in box and pd.isna(row[f"{dim}_mm"])]
    return "yes" + (f" ({', '.join(unknown)} not in the data)" if unknown else "")


def verdict_words(verdict: str) -> str:
    """A verdict of ``verdict`` (or ``without_millimetres``) as the page shows it: the same words in English, translated
    in a translated edition ('no: 1,414 mm too long, 232 mm too wide' -> 'いいえ：1,414mm長すぎる、232mm幅が広すぎる')."""
    if verdict.startswith("yes"):
        unknown = re.fullmatch(r"yes \((.+) not in the data\)", verdict)
        if unknown is None:
            return tr("yes{note}").format(note="")
        dimensions = words.commas(tr(DIMENSION_NAMES[dim]) for dim in unknown[1].split(", "))
        return tr("yes{note}").format(note=tr(" ({dimensions} not in the data)").format(dimensions=dimensions))
    return tr("no: {reasons}").format(reasons=words.commas(reason_words(part) for part in verdict.removeprefix("no: ").split(", ")))


def reason_words(reason: str) -> str:
    """One reason a model does not fit: '1,414 mm too long' or 'too long', in the page's language."""
    found = VERDICT_REASON.fullmatch(reason)
    if found is None:
        return tr(reason)
    if found[1] is None:
        return tr(TOO_MUCH_SHORT[found[2]])
    return tr(TOO_MUCH[found[2]]).format(mm=found[1])


def label_words(label: str) -> str:
    """A footprint's label as the page shows it: 'Toyota Tundra, longer configuration' (a model's name from the data,
    its configuration in words) in the page's language."""
    configured = re.fullmatch(r"(.+), (.+) configuration", label)
    if configured is None:
        return str(words.data(label))
    return tr("{model}, {configuration} configuration").format(model=words.data(configured[1]), configuration=words.data(configured[2]))


def fit_table(shapes: pd.DataFrame, structural: pd.DataFrame) -> pd.DataFrame:
    """Does each model fit a typical mechanical-parking space, the kei class, the small-car class? (comparisons derived).

    ``too_long_mm``, ``too_wide_mm`` and ``too_tall_mm`` say by how much a model exceeds the parking space (0 if it does
    not; empty where the data lack the dimension), for the sentences and titles that compare them.
    """
    parking, small, kei = parking_space(structural), limit(structural, "vehicle_class_limits", SMALL_CAR_ITEM), kei_class(structural)
    table = shapes.astype({"length_mm": "Int64", "width_mm": "Int64", "height_mm": "Int64"}).assign(
        fits_mechanical_parking=shapes.apply(verdict, axis=1, box=parking),
        fits_kei_class=shapes.apply(verdict, axis=1, box=kei),
        fits_small_car_class=shapes.apply(verdict, axis=1, box=small),
    )
    for dim in ("length", "width", "height"):
        over = shapes[f"{dim}_mm"] - parking[dim] if dim in parking else pd.Series(float("nan"), index=shapes.index)
        table[f"too_{DIMENSION_WORDS[dim]}_mm"] = over.clip(lower=0)
    return table[
        [
            "model_id",
            "label",
            "kind",
            "length_mm",
            "width_mm",
            "height_mm",
            "fits_mechanical_parking",
            "fits_small_car_class",
            "fits_kei_class",
            "too_long_mm",
            "too_wide_mm",
            "too_tall_mm",
            "how",
            "as_of",
            "source_key",
        ]
    ]


def _size_words(row: pd.Series) -> str:
    """'3,395 × 1,475 × 1,790'; without a height '4,950 × 1,850 (no height in the data)'; '≈' for approximate sizes and
    'from inches' where the source gave inches (converted to mm)."""
    dims = [f"{row[f'{dim}_mm']:,.0f}" for dim in ("length", "width", "height") if pd.notna(row[f"{dim}_mm"])]
    derived = str(row["how"]).startswith("derived")
    notes = [tr("no height") if derived else tr("no height in the data")] if pd.isna(row["height_mm"]) else []
    if derived:
        notes.append(tr("from inches"))
    size = ("≈ " if "approximate" in str(row["how"]) else "") + " × ".join(dims)
    return tr("{size} ({notes})").format(size=size, notes=words.semicolons(notes)) if notes else size


def without_millimetres(verdict: str) -> str:
    """A class verdict in words only ('no: too long, too wide'): the table gives the millimetres for the parking space."""
    return re.sub(r"[\d,.]+ mm ", "", verdict)


def _years(as_of: str) -> str:
    """The years of a size's specification: 'MY2025 (King Ranch SuperCrew); MY2020 SuperCrew (measured)' -> '2020–2025'."""
    years = text.years_in([as_of])
    return text.year_span(years) if years else str(as_of)


def fits_for_readers(fits: pd.DataFrame) -> pd.DataFrame:
    """The fit table as readers see it, a row a model: kind, size in one cell, the three verdicts and the years of the
    specification (the dimensions as numbers, how each was obtained and its full date stay in ``fits``)."""
    shown = pd.DataFrame(
        {
            "model_drawn": fits["label"].map(label_words),
            "model_kind": fits["kind"].map(tr),
            "model_size_mm": fits.apply(_size_words, axis=1),
            "fits_parking_space": fits["fits_mechanical_parking"].map(verdict_words),
            "fits_small_car_class": fits["fits_small_car_class"].map(without_millimetres).map(verdict_words),
            "fits_kei_class": fits["fits_kei_class"].map(without_millimetres).map(verdict_words),
            "specification_years": fits["as_of"].map(_years),
        }
    )
    return data.derived_from(shown, fits)


def fit_evidence(fits: pd.DataFrame, structural: pd.DataFrame) -> pd.DataFrame:
    """The rows the fit table's verdicts rest on: the models' dimensions, then the limits (structural_factors alone)."""
    keys = pd.concat([fits[[data.SOURCE_KEY_COLUMN]], limit_rows(structural)[[data.SOURCE_KEY_COLUMN]]], ignore_index=True)
    return data.derived_from(keys, structural)
