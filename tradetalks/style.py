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
        "europe": ORANGE,  # Europe, the EU and Germany (German brands)
        "korea": SKY,
        "norway": GREEN,
        "world": "#666666",  # the world (an average) in grey, as newsrooms draw it
        "other_place": MUTED,
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
    },
    # Cars by what drives them.
    "powertrains": {
        "electric": GREEN,
        "electric_use_phase": SKY,
        "hybrid": VERMILION,
        "petrol": BLACK,
        "plug_in_hybrid": SKY,
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
    },
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
TYPE_SIZES = {"title": 14, "axis": 12, "legend": 12, "label": 11}  # px
CHART_WIDTH, CHART_HEIGHT = 560, 300  # px; the site scales charts down to the column


def colour(role: str) -> str:
    """The colour of a role, by its name alone (roles are unique across families)."""
    for family in ROLES.values():
        if role in family:
            return family[role]
    known = ", ".join(sorted(name for family in ROLES.values() for name in family))
    raise KeyError(f"no colour role {role!r}; roles: {known}")


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
