"""The house style: colours named by what they mean, type sizes and chart defaults, in one place.

Chart code names a role (``style.colour("japan")``), never a hex code or a palette position, so a
colour means the same thing on every page: Japan is always Japan's blue. The site's CSS variables
(the claims page's verdict colours, say) are generated from the same roles at build time.

The hues are Okabe and Ito's, chosen to stay distinct with the common forms of colour blindness.
A role belongs to one family; families that never share a chart (places, power sources, verdicts)
may reuse a hue, and the legend always names it.
"""

from __future__ import annotations

from collections.abc import Iterable

from tradetalks import i18n

# Okabe-Ito hues, and the greys and near-blacks of text, rules and context.
BLUE, ORANGE, GREEN, VERMILION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
PURPLE, SKY, YELLOW, BLACK = "#CC79A7", "#56B4E9", "#F0E442", "#000000"
INK, RULE, OUTLINE, MUTED, CONTEXT, GRID = "#333333", "#555555", "#777777", "#999999", "#d9d9d9", "#e6e6e6"

ROLES: dict[str, dict[str, str]] = {
    # Places and the brands, makers and figures that stand for them: one colour each, on every page.
    "places": {
        "united_states": VERMILION,
        "japan": BLUE,
        "china": PURPLE,
        "europe": ORANGE,  # Europe and the EU
        "germany": "#8C510A",  # Germany and German brands: Europe's orange, darkened to brown (the EU may be on the same chart)
        "korea": SKY,
        "norway": GREEN,
        "world": "#666666",  # the world (an average) in grey, as newsrooms draw it
        "other_place": MUTED,
        "us_built_japanese_brand": "#F4A582",  # a Japanese brand's car built in the U.S.: the U.S.'s vermilion, paler
    },
    # What a mark is, whatever it shows.
    "marks": {
        "neutral": "#4F6D8A",  # a single series whose colour means nothing (plain bars): a slate no place uses
        "emphasis": BLACK,  # the one figure the sentence beside the chart is about
        "context": MUTED,  # other figures shown for comparison: other sources, vintages, comparators
        "background": CONTEXT,  # a frame of reference drawn behind the data (a parking space)
        "annotation": INK,  # labels, reference rules and their text
        "reference_rule": RULE,  # dashed rules marking an event or a threshold
        "outline": OUTLINE,
        "gridline": GRID,
        "text": INK,
        "title": "#111111",
        "card": "#ffffff",  # the chart's own background (a light card on light and dark pages alike)
        "label_on_fill": "#ffffff",
        "estimate": SKY,  # a projection, forecast or estimate beside reported figures
        "derived": ORANGE,  # a figure computed here, beside reported ones
        "zero_rule": VERMILION,  # the zero of a difference, where the answer changes side (a rule the text calls red)
    },
    # Cars by what drives them.
    "powertrains": {
        "electric": GREEN,
        "electric_use_phase": SKY,
        "hybrid": VERMILION,
        "petrol": BLACK,
        "plug_in_hybrid": SKY,
    },
    # Where in a car's life its CO2 arises (the per-km bars: driving, and making the battery).
    "life_stages": {
        "use_phase": BLUE,
        "battery_manufacturing": ORANGE,
    },
    # Where electricity comes from (the generation mix).
    "power_sources": {
        "coal": BLACK,
        "gas": VERMILION,
        "oil": PURPLE,
        "nuclear": ORANGE,
        "hydro": BLUE,
        "solar": YELLOW,
        "wind": SKY,
        "bioenergy": GREEN,
        "other_renewables": MUTED,
    },
    # The claims check's verdicts: the page's cards and badges use the same roles (CSS variables).
    "verdicts": {
        "supported": GREEN,
        "partly_supported": ORANGE,
        "not_supported": VERMILION,
        "opinion": SKY,
        "pending": MUTED,
    },
    # Who says what about Japan's market, by stance.
    "stances": {
        "asserts_barrier": VERMILION,
        "disputes_barrier": BLUE,
        "policy_action": GREEN,
        "agreement_term": PURPLE,
        "background_evidence": MUTED,
    },
    # Companies that recur across charts.
    "companies": {
        "byd": BLUE,
        "byd_secondary": SKY,
        "tesla": GREEN,
        "toyota": VERMILION,
        "toyota_secondary": ORANGE,
        # Toyota's fellow Japanese makers (the tariff-costs chart): they share hues with BYD and Tesla,
        # which no chart draws beside them, and keep clear of Toyota's.
        "honda": BLUE,
        "mazda": ORANGE,
        "nissan": GREEN,
        "subaru": SKY,
        "suzuki": PURPLE,
        # The U.S. makers and brands the Japan-market page follows one by one (all U.S., so the place colour
        # cannot tell them apart); they share hues with makers no chart draws beside them.
        "jeep": GREEN,
        "ford": VERMILION,
        "gm": PURPLE,  # GM's brands together, in Chevrolet's purple: a chart shows GM or its brands, not both
        "chevrolet": PURPLE,
        "cadillac": "#6b4c9a",  # a darker purple: GM's other brand
    },
    # Parts of Japan's new-vehicle market (the nested split); Japanese and U.S. brands take their places' colours.
    "market_segments": {
        "kei_vehicles": SKY,  # nearly all Japanese: a paler Japan blue
        "foreign_brands": ORANGE,  # mostly European brands, so Europe's orange
        "other_foreign_brands": "#f5c26b",  # the foreign brands but the U.S. ones: a paler orange
        "other_us_brands": MUTED,  # the U.S. brands the split does not name (mostly Tesla)
    },
    # What a share of world supply counts (battery_supply_chain.measure_kind): where plants could produce,
    # where output was made, or which country's firms own the mines.
    "supply_measures": {
        "capacity_by_location": BLUE,
        "output_by_location": ORANGE,
        "ownership": PURPLE,
    },
}
# Places as the data and the chapters name them (proper names) -> their roles.
PLACE_NAMES = {
    "Japan": "japan",
    "United States": "united_states",
    "China": "china",
    "Europe": "europe",
    "European Union": "europe",
    "EU27": "europe",
    "Germany": "germany",
    "Korea": "korea",
    "Norway": "norway",
    "World": "world",
}
# Pale fills of the verdicts, for the claims page's badges (text stays dark on them).
VERDICT_BADGES = {
    "supported": "#A8E0CF",
    "partly_supported": "#F5D58F",
    "not_supported": "#F3B99A",
    "opinion": "#BFE2F6",
    "pending": "#DDDDDD",
}

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
# Japanese: a Japanese sans-serif first (Noto Sans CJK JP where the charts are drawn to files, the reader's system font in
# a browser). vl-convert draws a text in its first font that has every glyph, so a Latin font first would draw the
# Japanese, and the text around it, in a fallback serif.
FONT_JA = "Noto Sans CJK JP, Hiragino Sans, Hiragino Kaku Gothic ProN, Yu Gothic, Meiryo, Liberation Sans, Arial, sans-serif"
FONTS = {"en": FONT, "ja": FONT_JA}
TYPE_SIZES = {"title": 14, "axis": 12, "legend": 12, "label": 11}  # px
CHART_WIDTH, CHART_HEIGHT = 560, 300  # px; the site scales charts down to the column


def font() -> str:
    """The charts' font family in the current language."""
    return FONTS.get(i18n.current(), FONT)


def colour(role: str) -> str:
    """The colour of a role, by its name alone (roles are unique across families)."""
    for family in ROLES.values():
        if role in family:
            return family[role]
    known = ", ".join(sorted(name for family in ROLES.values() for name in family))
    raise KeyError(f"no colour role {role!r}; roles: {known}")


def place_role(name: str) -> str:
    """The colour role of a country or region by its name; a place without a role of its own is another place."""
    return PLACE_NAMES.get(name, "other_place")


def colours(roles: Iterable[str]) -> list[str]:
    """The colours of several roles, in order (a chart scale's range)."""
    return [colour(role) for role in roles]


def family(name: str) -> dict[str, str]:
    """A family of roles (``places``, ``power_sources``, ...), role -> colour."""
    return dict(ROLES[name])


def css_variables() -> str:
    """The roles as CSS custom properties (``--tt-verdict-supported``), and the rules that use them."""
    lines = ["/* Generated from tradetalks/style.py at build time: edit the roles there, not here. */", ":root {"]
    for family_name, roles in ROLES.items():
        prefix = {"verdicts": "verdict", "places": "place"}.get(family_name, family_name.rstrip("s"))
        lines += [f"  --tt-{prefix}-{role.replace('_', '-')}: {value};" for role, value in roles.items()]
    lines += [f"  --tt-badge-{role.replace('_', '-')}: {value};" for role, value in VERDICT_BADGES.items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _roles_are_unique() -> None:
    seen: dict[str, str] = {}
    for family_name, roles in ROLES.items():
        for role in roles:
            if role in seen:
                raise ValueError(f"colour role {role!r} is in both {seen[role]} and {family_name}")
            seen[role] = family_name


_roles_are_unique()
