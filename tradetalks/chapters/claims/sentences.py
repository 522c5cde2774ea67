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
from tradetalks.i18n import N_, tr

from .charts import VERDICT_ORDER, verdict_label

# How a verdict reads in a sentence about a count of claims, by the claims table's verdict
# (and the page's own "pending"): (one claim, several claims), each a whole message with the count.
VERDICT_COUNTED = {
    "supported": (N_("{count} is supported"), N_("{count} are supported")),
    "partly supported": (N_("{count} is partly supported"), N_("{count} are partly supported")),
    "not supported": (N_("{count} is not supported"), N_("{count} are not supported")),
    "opinion (not checkable)": (N_("{count} is an opinion no figure can check"), N_("{count} are opinions no figure can check")),
    "pending": (N_("{count} is pending"), N_("{count} are pending")),
}
SUPPORTED = "supported"
# The card's lines on each side of a claim: the checked table's column -> the label readers see.
CARD_SIDES = {
    "strongest for": N_("Strongest evidence for"),
    "strongest against": N_("Strongest evidence against"),
    "what would change the verdict": N_("What would change the verdict"),
}


def verdict_count(verdict: str, count: int) -> str:
    """'6 are supported', '1 is not supported' (Japanese: 裏付けありが6件)."""
    return tr(VERDICT_COUNTED[verdict][count != 1]).format(count=count)


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
        return with_unit(text.units(value), unit)
    if said is None:
        return text.about(value, unit)
    return text.qualified(said, with_unit(text.rounded(value), unit))


def with_unit(figure: str, unit: str) -> str:
    """A figure and its unit (a message: 'cars' is 台 in Japanese): '16,707 cars', Japanese '16,707台'."""
    return tr("{count} {unit}").format(count=figure, unit=tr(unit)) if unit else figure


# --- the verdicts chart -------------------------------------------------------------------------------


def _count_of(counts: pd.DataFrame, made_in: str, verdict: str | None = None) -> int:
    rows = counts[counts["from"] == made_in]
    return int(rows["claims"].sum() if verdict is None else rows.loc[rows["verdict"] == verdict, "claims"].sum())


def _texts(counts: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(counts["from"]))


def verdict_counts_in_words(counts: pd.DataFrame, made_in: str) -> str:
    """'6 are supported and 1 is not supported' for one text, verdicts in the page's order."""
    rows = counts[counts["from"] == made_in].set_index("verdict")["claims"]
    parts = [verdict_count(verdict, count) for verdict in VERDICT_ORDER if (count := int(rows.get(verdict, 0))) > 0]
    return text.listed(parts)


def verdict_title(counts: pd.DataFrame) -> str:
    """The takeaway: 'News report: 6 of 7 are supported; opinion essay: 3 of 10' (the subtitle says they are claims)."""
    parts = []
    for made_in in _texts(counts):
        supported, total = _count_of(counts, made_in, SUPPORTED), _count_of(counts, made_in)
        if supported == total:
            share = tr("all {total}").format(total=total)
        elif supported == 0:
            share = tr("none of {total}").format(total=total)
        else:
            share = tr("{supported} of {total}").format(supported=supported, total=total)
        parts.append((tr(made_in), share))
    (name, share), rest = parts[0], parts[1:]
    title = tr("{text}: {share} are supported").format(text=f"{name[:1].upper()}{name[1:]}", share=share)
    for name, share in rest:
        title = tr("{title}; {text}: {share}").format(title=title, text=name, share=share)
    return title


def verdict_subtitle(counts: pd.DataFrame) -> str:
    """The measure and unit: 'Claims of the news report and the opinion essay, by verdict (number of claims)'."""
    names = [tr(made_in) for made_in in _texts(counts)]
    texts = names[0]
    for name in names[1:]:
        texts = tr("{texts} and the {text}").format(texts=texts, text=name)
    return tr("Checkable claims of the {texts}, by verdict (number of claims)").format(texts=texts)


def verdict_description(counts: pd.DataFrame) -> str:
    """One sentence with every bar's figures."""
    parts = [
        (tr("Of the {text}'s {count} claims, {verdicts}") if index == 0 else tr("; of the {text}'s {count} claims, {verdicts}")).format(
            text=tr(made_in), count=_count_of(counts, made_in), verdicts=verdict_counts_in_words(counts, made_in)
        )
        for index, made_in in enumerate(_texts(counts))
    ]
    return tr("{clauses}.").format(clauses="".join(parts))


# --- the cards ----------------------------------------------------------------------------------------


def _label(words: str) -> str:
    """A card line's label, in bold (``words`` already in the reader's language)."""
    return f"<strong>{html.escape(words)}</strong>"


def verdict_basis_html(row: pd.Series) -> str:
    """How the card's verdict was reached: the rule in words with its threshold from data (and, when the figures moved
    past it, the recorded verdict and why the rule now gives another), or the label of an editorial judgement."""
    rule, note = str(row.get("verdict rule", "") or ""), str(row.get("verdict note", "") or "")
    if rule:
        rule_label, changed_label = _label(tr("Verdict rule:")), _label(tr("Verdict changed by the rule:"))
        return f'<p class="tt-claim-rule">{rule_label} {html.escape(rule)}</p>' + (
            f'<p class="tt-claim-rule-change">{changed_label} {html.escape(note)}</p>' if note else ""
        )
    verdict_label_ = _label(tr("Verdict:"))
    return f'<p class="tt-claim-rule">{verdict_label_} {html.escape(note)}</p>' if note else ""


def cards_html(table: pd.DataFrame) -> str:
    """One card per claim: verdict, the claim, the figures, why, and a link to the evidence (the table's words are in the
    reader's language; its verdict and text are codes, shown in words here)."""
    figures_label, why_label = _label(tr("The figures:")), _label(tr("Why:"))
    side_labels = {column: _label(tr("{card_side}:").format(card_side=tr(label))) for column, label in CARD_SIDES.items()}
    cards = []
    for _, row in table.iterrows():
        slug = make_id(row["verdict"])
        see, made_in = tr("See the evidence: {section}").format(section=row["section"]), tr(row["from"])
        link = f'<a class="tt-claim-link" href="{html.escape(row["evidence"])}">{html.escape(see)}</a>' if row["evidence"] else ""
        cards.append(
            f'<article class="tt-claim tt-verdict-{slug}">'
            f'<p class="tt-claim-head"><span class="tt-badge tt-badge-{slug}">{html.escape(verdict_label(row["verdict"]))}</span> '
            f'<span class="tt-claim-from">{html.escape(made_in)}</span></p>'
            f'<p class="tt-claim-text">{html.escape(row["claim"])}</p>'
            f'<p class="tt-claim-figures">{figures_label} {html.escape(row["the figures that decide it"])}</p>'
            f'<p class="tt-claim-why">{why_label} {html.escape(row["why"])}</p>'
            + verdict_basis_html(row)
            + "".join(
                f'<p class="tt-claim-side">{side_labels[column]} {html.escape(str(row[column]))}</p>'
                for column in CARD_SIDES
                if str(row.get(column, "") or "")
            )
            + f"{link}</article>"
        )
    return '<div class="tt-claims">' + "".join(cards) + "</div>"
