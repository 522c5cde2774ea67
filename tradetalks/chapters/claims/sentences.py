"""Page 'The claims, checked': the words of the page, computed from its tables.

The verdicts chart's title, subtitle and description, the figures on the cards as prose gives them
(``tradetalks.text``'s rounding policy: a source's figure with its qualifier, a derived one to two
significant figures), and the cards themselves (their colours come from the site's CSS roles).
"""

from __future__ import annotations

import html
import re

import pandas as pd
from docutils.nodes import make_id

from tradetalks import text

from .charts import VERDICT_ORDER

# How a verdict reads in a sentence about a count of claims, by the claims table's verdict
# (and the page's own "pending"): (one claim, several claims).
VERDICT_WORDS = {
    "supported": ("is supported", "are supported"),
    "partly supported": ("is partly supported", "are partly supported"),
    "not supported": ("is not supported", "are not supported"),
    "opinion (not checkable)": ("is an opinion no figure can check", "are opinions no figure can check"),
    "pending": ("is pending", "are pending"),
}
SUPPORTED = "supported"
# The card's lines on each side of a claim: the checked table's column -> the label readers see.
CARD_SIDES = {
    "strongest for": "Strongest evidence for",
    "strongest against": "Strongest evidence against",
    "what would change the verdict": "What would change the verdict",
}


# --- figures as prose gives them ---------------------------------------------------------------------


def stated_qualifier(qualifier: object) -> str | None:
    """The source's own qualifier at the start of a ``qualifier`` cell ("'roughly 3.3 million a year'" -> 'roughly'),
    'about' for an approximation the cell abbreviates ('approx'), None for an exact figure or none at all."""
    cell = str(qualifier).strip().strip("'\"").lower() if qualifier is not None and not pd.isna(qualifier) else ""
    if not cell or cell.startswith("exact"):
        return None
    if cell.startswith("approx") or cell.startswith("~"):
        return "about"
    return next((known for known in sorted(text.QUALIFIERS, key=len, reverse=True) if re.match(rf"{known}\b", cell)), None)


def is_exact(qualifier: object) -> bool:
    """Whether the source marks its figure exact (a registration count, say)."""
    return isinstance(qualifier, str) and qualifier.strip().strip("'\"").lower().startswith("exact")


def count_as_stated(value: float, qualifier: object = None, unit: str = "") -> str:
    """A count as its source stated it: exact where the source marks it exact ('16,707', as the chapters give
    it), else to two significant figures with the source's qualifier ('roughly 3.3 million') or 'about'."""
    said = stated_qualifier(qualifier)
    if is_exact(qualifier):
        return text.units(value) + (f" {unit}" if unit else "")
    if said is None:
        return text.about(value, unit)
    return text.qualified(said, text.rounded(value) + (f" {unit}" if unit else ""))


# --- the verdicts chart -------------------------------------------------------------------------------


def _count_of(counts: pd.DataFrame, made_in: str, verdict: str | None = None) -> int:
    rows = counts[counts["from"] == made_in]
    return int(rows["claims"].sum() if verdict is None else rows.loc[rows["verdict"] == verdict, "claims"].sum())


def _texts(counts: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(counts["from"]))


def verdict_counts_in_words(counts: pd.DataFrame, made_in: str) -> str:
    """'6 are supported and 1 is not supported' for one text, verdicts in the page's order."""
    rows = counts[counts["from"] == made_in].set_index("verdict")["claims"]
    parts = [f"{count} {VERDICT_WORDS[verdict][count != 1]}" for verdict in VERDICT_ORDER if (count := int(rows.get(verdict, 0))) > 0]
    return text.listed(parts)


def verdict_title(counts: pd.DataFrame) -> str:
    """The takeaway: 'News report: 6 of 7 are supported; opinion essay: 3 of 10' (the subtitle says they are claims)."""
    parts = []
    for made_in in _texts(counts):
        supported, total = _count_of(counts, made_in, SUPPORTED), _count_of(counts, made_in)
        share = f"all {total}" if supported == total else f"{'none' if supported == 0 else supported} of {total}"
        parts.append((made_in, share))
    (name, share), rest = parts[0], parts[1:]
    head = f"{name[:1].upper()}{name[1:]}: {share} are supported"
    return "; ".join([head, *(f"{name}: {share}" for name, share in rest)])


def verdict_subtitle(counts: pd.DataFrame) -> str:
    """The measure and unit: 'Claims of the news report and the opinion essay, by verdict (number of claims)'."""
    return f"Checkable claims of the {' and the '.join(_texts(counts))}, by verdict (number of claims)"


def verdict_description(counts: pd.DataFrame) -> str:
    """One sentence with every bar's figures."""
    parts = [
        f"of the {made_in}'s {_count_of(counts, made_in)} claims, {verdict_counts_in_words(counts, made_in)}" for made_in in _texts(counts)
    ]
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."


# --- the cards ----------------------------------------------------------------------------------------


def verdict_basis_html(row: pd.Series) -> str:
    """How the card's verdict was reached: the rule in words with its threshold from data (and, when the figures moved
    past it, the recorded verdict and why the rule now gives another), or the label of an editorial judgement."""
    rule, note = str(row.get("verdict rule", "") or ""), str(row.get("verdict note", "") or "")
    if rule:
        return f'<p class="tt-claim-rule"><strong>Verdict rule:</strong> {html.escape(rule)}</p>' + (
            f'<p class="tt-claim-rule-change"><strong>Verdict changed by the rule:</strong> {html.escape(note)}</p>' if note else ""
        )
    return f'<p class="tt-claim-rule"><strong>Verdict:</strong> {html.escape(note)}</p>' if note else ""


def cards_html(table: pd.DataFrame) -> str:
    """One card per claim: verdict, the claim, the figures, why, and a link to the evidence."""
    cards = []
    for _, row in table.iterrows():
        slug = make_id(row["verdict"])
        link = (
            f'<a class="tt-claim-link" href="{html.escape(row["evidence"])}">See the evidence: {html.escape(row["section"])}</a>'
            if row["evidence"]
            else ""
        )
        cards.append(
            f'<article class="tt-claim tt-verdict-{slug}">'
            f'<p class="tt-claim-head"><span class="tt-badge tt-badge-{slug}">{html.escape(row["verdict"])}</span> '
            f'<span class="tt-claim-from">{html.escape(row["from"])}</span></p>'
            f'<p class="tt-claim-text">{html.escape(row["claim"])}</p>'
            f'<p class="tt-claim-figures"><strong>The figures:</strong> {html.escape(row["the figures that decide it"])}</p>'
            f'<p class="tt-claim-why"><strong>Why:</strong> {html.escape(row["why"])}</p>'
            + verdict_basis_html(row)
            + "".join(
                f'<p class="tt-claim-side"><strong>{label}:</strong> {html.escape(str(row[column]))}</p>'
                for column, label in CARD_SIDES.items()
                if str(row.get(column, "") or "")
            )
            + f"{link}</article>"
        )
    return '<div class="tt-claims">' + "".join(cards) + "</div>"
