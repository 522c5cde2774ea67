"""Page 'The claims, checked': each claim with its verdict, its figures and a link to the evidence."""

from __future__ import annotations

import re

import pandas as pd
from docutils.nodes import make_id

from tradetalks import data, grid
from tradetalks.i18n import N_, tr

from .charts import verdict_label
from .evidence import CLAIMS_TABLE, EVIDENCE, RULES, rule_threshold

NO_EVIDENCE = "none"
SIDES = ("for_it", "against_it", "would_change")  # the claims table's columns a card may compute instead
# What a card without a rule says of its verdict, so readers can tell the two kinds apart.
EDITORIAL = N_("An editorial judgement, recorded in the claims table beside its reasoning; no rule computes it from the figures.")
PENDING = N_("Pending: the chapter that checks this claim is not published yet.")
NO_FIGURE = N_("No figure can decide a motive or a forecast.")


def says_why(recorded: str, computed: str, because: str) -> str:
    """The card's sentence when a rerun moves a figure past a rule's threshold: the verdict follows the rule, and says so."""
    return tr("Recorded verdict: {recorded}. With these figures the rule gives {computed}, because {because}.").format(
        recorded=verdict_label(recorded), computed=verdict_label(computed), because=because
    )


def _words(cell: object) -> str:
    return "" if cell is None or pd.isna(cell) else str(cell)


def _said(cell: object) -> str:
    """A cell of the claims table's words in the reader's language ('' for none)."""
    return tr(_words(cell)) if _words(cell) else ""


def section_anchor(heading: str) -> str:
    """The id Sphinx gives a section with this heading."""
    return make_id(heading)


def published_pages() -> set[str]:
    """The pages the run grid publishes (traced: a change to the grid re-runs the page)."""
    return {run.page for run in grid.published_runs()}


def has_rule(claim: pd.Series) -> bool:
    return bool(_words(claim.get("rule")))


def check_table(claims: pd.DataFrame) -> list[str]:
    """Claims whose evidence id is unknown, or whose rule does not fit its evidence, lacks a threshold or (a categorical
    rule, decided from ids alone) carries one (a claim without a rule has none); the schema checks everything else."""
    problems = []
    for _, row in claims.iterrows():
        if row["evidence"] not in EVIDENCE | {NO_EVIDENCE: None}:
            problems.append(f"{row['claim_id']}: unknown evidence {row['evidence']!r}")
        if has_rule(row):
            if row["rule"] not in RULES or RULES[row["rule"]].evidence != row["evidence"]:
                problems.append(f"{row['claim_id']}: rule {row['rule']!r} is not the rule of evidence {row['evidence']!r}")
            elif RULES[row["rule"]].categorical:
                if not pd.isna(row.get("threshold")) or _words(row.get("threshold_unit")):
                    problems.append(f"{row['claim_id']}: rule {row['rule']!r} is categorical and takes no threshold or unit")
            elif pd.isna(row.get("threshold")) or not _words(row.get("threshold_unit")):
                problems.append(f"{row['claim_id']}: rule {row['rule']!r} needs a threshold and its unit")
        elif not pd.isna(row.get("threshold")):
            problems.append(f"{row['claim_id']}: a threshold without a rule")
    return problems


def rules_in_words(data_dir: object = None) -> dict[str, str]:
    """Each rule in words with its threshold from the claims table, by rule id (the page's "How fair is this page?")."""
    claims = data.load_table(CLAIMS_TABLE, data_dir)
    return {row["rule"]: rule_threshold(data_dir, row["claim_id"]).rule_words for _, row in claims.iterrows() if has_rule(row)}


def checked_claims(published_pages: set[str], data_dir: object = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each claim with its figures and a link to the evidence; claims whose chapter is not published say 'pending'.

    Returns the table for the page and the rows behind the figures (for the source line). Its words are in the reader's
    language; its verdicts and texts stay the claims table's codes (the cards and the chart word them).
    """
    claims = data.load_table(CLAIMS_TABLE, data_dir)
    problems = check_table(claims)
    if problems:
        raise ValueError("; ".join(problems))
    rows, used = [], []
    for _, claim in claims.iterrows():
        published = claim["chapter"] in published_pages
        words = {side: _said(claim.get(side)) for side in SIDES}
        rule, note = ("", "") if not published else ("", tr(EDITORIAL))
        if not published:
            figures, verdict = tr(PENDING), "pending"
        elif claim["evidence"] == NO_EVIDENCE:
            figures, verdict = tr(NO_FIGURE), claim["verdict"]
        else:
            evidence = EVIDENCE[claim["evidence"]](data_dir)
            if has_rule(claim) != (evidence.verdict is not None):
                raise ValueError(f"{claim['claim_id']}: the claims table's rule and the card's computed verdict disagree")
            figures, verdict = evidence.text, claim["verdict"]
            if evidence.verdict is not None:
                # the rule's verdict on these figures wins over the recorded one, and the card says why if they differ
                rule, note, verdict = evidence.rule, "", evidence.verdict
                if evidence.verdict != claim["verdict"]:
                    note = says_why(claim["verdict"], evidence.verdict, evidence.because)
            words |= {side: computed for side in SIDES if (computed := getattr(evidence, side))}
            used += [frame for frame in evidence.rows if "source_key" in frame.columns]
        rows.append(
            {
                "claim": tr(claim["claim"]),
                "from": claim["text"],
                "verdict": verdict,
                "recorded verdict": claim["verdict"],
                "verdict rule": rule,
                "verdict note": note,
                "the figures that decide it": figures,
                "why": tr(claim["reasoning"]),
                "strongest for": words["for_it"] if published else "",
                "strongest against": words["against_it"] if published else "",
                "what would change the verdict": words["would_change"] if published else "",
                "evidence": f"{claim['chapter']}.html#{section_anchor(claim['section'])}" if published else "",
                "section": tr(claim["section"]),  # the link's words; its anchor is the English heading's
            }
        )
    behind = pd.concat(used, ignore_index=True) if used else pd.DataFrame(columns=["source_key"])
    return pd.DataFrame(rows), data.derived_from(behind, claims)  # the source line: the figures' rows, from the claims table


def has_figure(text: str) -> bool:
    return bool(re.search(r"\d", text))


def rules_list(data_dir: object = None) -> str:
    """Every verdict rule as a Markdown list, one item per claim with a rule: the claim (in the table's words), then
    the rule with its threshold from the claims table, so the page lists each rule the code applies, and no other."""
    import html as html_

    claims = data.load_table(CLAIMS_TABLE, data_dir)
    items = []
    for _, row in claims.iterrows():
        if has_rule(row):
            claim, words = tr(str(row["claim"])), rule_threshold(data_dir, row["claim_id"]).rule_words
            items.append(f"- *{html_.escape(claim, quote=False)}* {html_.escape(words, quote=False)}")
    return "\n".join(items)


def card_verdict(claim_id: str, data_dir: object = None) -> str:
    """The verdict the claims page shows for ``claim_id``: its rule's on these figures, else the one recorded.

    Chapters that check a claim show this, so no page labels a claim differently from the claims page.
    """
    row = data.row_by_id(data.load_table(CLAIMS_TABLE, data_dir), "claim_id", claim_id)
    if has_rule(row):
        return str(EVIDENCE[row["evidence"]](data_dir).verdict)
    return str(row["verdict"])
