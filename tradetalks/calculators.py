"""Calculators that run in the reader's browser, on the formulas of ``tradetalks.calc``.

A ``Calculator`` is a set of labelled inputs (each with its unit, its sourced default, the range a
control accepts and the range the sources support), fixed values it does not let the reader move,
and outputs: formulas (``tradetalks.formulas.Formula``) with the decimals they are shown to. The
chapter draws a chart on the calculator's Vega signals (``params``); ``figure_html`` puts a form in
front of it, a sentence that states the result in words (updated as the inputs move, and announced
to screen readers), the chart, and a reset control. ``_static/tt-calculators.js`` wires them:

- every output is a Vega signal whose expression *is* the Python formula's text, and a second signal
  formats it (``format(value, ',.1f')``): the page's numbers are computed by Vega, from one formula;
- the inputs are written into the page's address (``?calculator.input=value``) as they move, and an
  address with them restores them;
- a value outside a control's range is refused with a message; one inside it but outside what the
  sources support is accepted and flagged in the sentence.

Without JavaScript the page shows the sentence and the chart (a static SVG) at the sourced defaults,
computed by Python with the same formulas and the same rounding.

The form's words come through ``tr`` (``tradetalks.i18n``): a chapter passes its labels, units, sentence and
note already translated; the words this module adds (the hint under a control, the reset button) are its own
messages. The script holds no words of its own: what it says (a refused value, a value outside the sources)
comes from the page, in a ``tt-calc-words`` block (``words_html``) the build adds to every page with a
calculator (``add_words``), in the page's language.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import altair as alt

from tradetalks import i18n
from tradetalks.formulas import Formula, FormulaError
from tradetalks.i18n import N_, tr

# Names Vega gives its own signals: a calculator's names must not shadow them.
RESERVED = frozenset({"width", "height", "padding", "autosize", "background", "cursor", "datum", "event", "item", "parent"})
NAME = re.compile(r"[a-z][a-z0-9_]*")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
MINUS = "\u2212"  # Vega's number format writes a minus sign, not a hyphen


@dataclass(frozen=True)
class Input:
    """A value the reader sets: ``default`` is the chapter's sourced value, ``source`` says whose it is."""

    name: str
    label: str
    unit: str
    default: float
    low: float
    high: float
    step: float
    source: str
    supported: tuple[float, float] | None = None  # the range the sources support (None: the whole control)
    decimals: int = 0  # how the default is written beside the control
    default_label: str = N_("Sourced value")  # an English message, translated where it is shown ("Your value" when a rerun set it)

    def __post_init__(self) -> None:
        if not self.low <= self.default <= self.high:
            raise ValueError(
                f"input {self.name}: the default {self.default:g} is outside its control's range {self.low:g} to {self.high:g}"
            )
        if self.supported and not (self.low <= self.supported[0] <= self.supported[1] <= self.high):
            raise ValueError(f"input {self.name}: the supported range must lie inside the control's range")


@dataclass(frozen=True)
class Output:
    """A result: ``formula`` over inputs, fixed values and earlier outputs, shown with ``decimals`` between ``prefix`` and ``suffix``.

    ``scale`` multiplies the value for showing only (the output's signal keeps the formula's value): a translated
    edition that counts in other units, e.g. billions of dollars shown as 億ドル (``scale=10``, suffix ``億ドル``)."""

    name: str
    formula: Formula
    decimals: int
    prefix: str = ""
    suffix: str = ""
    scale: float = 1.0

    @property
    def format(self) -> str:
        return f",.{self.decimals}f"

    def shown(self) -> str:
        """The Vega expression of the value as shown: the output's signal, scaled if the output is."""
        return self.name if self.scale == 1 else f"{self.name} * {self.scale:g}"


def fixed(value: float, decimals: int) -> str:
    """A number as Vega's ``format(value, ',.Nf')`` writes it: thousands commas, a minus sign (U+2212), no negative zero."""
    written = f"{value:,.{decimals}f}"
    if written.startswith("-"):
        written = written[1:] if float(written[1:].replace(",", "")) == 0 else MINUS + written[1:]
    return written


def limit(value: float, decimals: int) -> str:
    """A control's limit as the page writes it: whole numbers without decimals (0, 1,500), others to ``decimals``."""
    return fixed(value, 0) if float(value).is_integer() else fixed(value, decimals)


@dataclass(frozen=True)
class Calculator:
    """An in-page calculator: ``sentence`` states the result, with ``{output}`` placeholders."""

    name: str
    inputs: Sequence[Input]
    outputs: Sequence[Output]
    sentence: str
    fixed_values: Mapping[str, float] = field(default_factory=dict)
    fixed_note: str = ""  # what the fixed values are, in words, for the reader

    def __post_init__(self) -> None:
        names = [i.name for i in self.inputs] + list(self.fixed_values) + [o.name for o in self.outputs]
        problems = [n for n in names if not NAME.fullmatch(n) or n in RESERVED or n.endswith("_text")]
        if problems or len(set(names)) != len(names):
            raise ValueError(f"calculator {self.name}: names must be unique snake_case, not Vega's own; check {problems or names}")
        known = {i.name for i in self.inputs} | set(self.fixed_values)
        for output in self.outputs:
            unknown = [n for n in output.formula.names if n not in known]
            if unknown:
                raise FormulaError(f"calculator {self.name}: output {output.name} reads {', '.join(unknown)}, not defined before it")
            known.add(output.name)
        missing = [n for n in PLACEHOLDER.findall(self.sentence) if n not in {o.name for o in self.outputs}]
        if missing:
            raise ValueError(f"calculator {self.name}: the sentence names {', '.join(missing)}, which are not outputs")

    # --- Python: the same formulas, the same rounding -------------------------------------------------

    def defaults(self) -> dict[str, float]:
        return {i.name: float(i.default) for i in self.inputs}

    def evaluate(self, values: Mapping[str, float] | None = None) -> dict[str, float]:
        """Every output for ``values`` (missing inputs take their defaults)."""
        known = {**self.defaults(), **dict(values or {}), **{k: float(v) for k, v in self.fixed_values.items()}}
        for output in self.outputs:
            known[output.name] = output.formula(**known)
        return {o.name: known[o.name] for o in self.outputs}

    def texts(self, values: Mapping[str, float] | None = None) -> dict[str, str]:
        """Every output as the page writes it."""
        results = self.evaluate(values)
        return {o.name: f"{o.prefix}{fixed(results[o.name] * o.scale, o.decimals)}{o.suffix}" for o in self.outputs}

    def sentence_for(self, values: Mapping[str, float] | None = None) -> str:
        texts = self.texts(values)
        return PLACEHOLDER.sub(lambda m: texts[m.group(1)], self.sentence)

    # --- Vega: the signals a chart draws on ------------------------------------------------------------

    def params(self) -> list[alt.Parameter]:
        """The calculator's Vega-Lite parameters: inputs and fixed values (set by the page), outputs (their formulas)."""
        made = [alt.param(name=i.name, value=i.default) for i in self.inputs]
        made += [alt.param(name=name, value=value) for name, value in self.fixed_values.items()]
        for output in self.outputs:
            made.append(alt.param(name=output.name, expr=output.formula.vega()))
            text = f"{json.dumps(output.prefix)} + format({output.shown()}, '{output.format}') + {json.dumps(output.suffix)}"
            made.append(alt.param(name=f"{output.name}_text", expr=text))
        return made

    def config(self) -> dict:
        """What the page's script needs: each input's range, default and supported range; each output's text signal."""
        return {
            "name": self.name,
            "inputs": [
                {
                    "name": i.name,
                    "low": i.low,
                    "high": i.high,
                    "default": i.default,
                    "supported": list(i.supported) if i.supported else None,
                }
                for i in self.inputs
            ],
            "outputs": [o.name for o in self.outputs],
            "sentence": self.sentence,
        }


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"


def _gap() -> str:
    """What stands between two sentences: a space in English, nothing after Japanese 。 (``charts.punctuation``)."""
    from tradetalks import charts

    return charts.punctuation("gap")


def _control(calculator: Calculator, item: Input) -> str:
    element = f"{calculator.name}-{item.name}"
    unit = html.escape(item.unit)
    # 15.0%, but 140.5 yen per U.S. dollar; Japanese puts no space before a unit (140.5円)
    spaced = unit if unit == "%" or i18n.current() == "ja" else f" {unit}"
    label = html.escape(item.label)
    hint = tr("{label}: {value} ({source}).").format(
        label=html.escape(tr(item.default_label)), value=fixed(item.default, item.decimals) + spaced, source=html.escape(item.source)
    )
    hint += _gap() + tr("Accepts {low} to {high}.").format(low=limit(item.low, item.decimals), high=limit(item.high, item.decimals))
    if item.supported:
        low, high = (limit(value, item.decimals) for value in item.supported)
        hint += _gap() + tr("The sources support {low} to {high}.").format(low=low, high=high + spaced)
    bracketed = tr("({unit})").format(unit=unit)
    slider = tr("{label} ({unit}), slider").format(label=label, unit=unit)
    return (
        '<div class="tt-calc-input">'
        f'<label for="{element}">{label}{_gap()}<span class="tt-calc-unit">{bracketed}</span></label>'
        f'<input type="number" id="{element}" name="{item.name}" value="{_number(item.default)}" min="{_number(item.low)}" '
        f'max="{_number(item.high)}" step="any" inputmode="decimal" aria-describedby="{element}-hint">'
        f'<input type="range" aria-label="{slider}" data-for="{element}" value="{_number(item.default)}" '
        f'min="{_number(item.low)}" max="{_number(item.high)}" step="{_number(item.step)}">'
        f'<span class="tt-calc-hint" id="{element}-hint">{hint}</span>'
        "</div>"
    )


def _script_safe(value: object, *, ascii_only: bool = True) -> str:
    """JSON that cannot close the <script> element it sits in (``ascii_only``: other characters as \\u escapes)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=ascii_only)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# What the page's script says, with the fields it fills (the label is the control's label, its unit in brackets).
WORDS = {
    "invalid": N_("{label}: enter a number from {low} to {high}."),
    "outside": N_("{label} {value} is outside what the sources support ({low} to {high})."),
}
WORDS_CLASS = "tt-calc-words"
SECTION_TAG = re.compile(r'<section class="tt-calculator"[^>]*>')


def words() -> dict[str, str]:
    """The script's words in the current language, and ``gap``: what joins two of its sentences."""
    return {**{key: tr(message) for key, message in WORDS.items()}, "gap": _gap()}


def words_html() -> str:
    """The script's words as the page hands them over: a JSON block inside a calculator's section."""
    return f'<script type="application/json" class="{WORDS_CLASS}">{_script_safe(words(), ascii_only=False)}</script>'


def add_words(page_html: str) -> str:
    """The page with the script's words (``words_html``, in the current language) in every calculator that has none:
    the build adds them to each built page, so the chapters' outputs stay as they are."""
    block = words_html()
    return SECTION_TAG.sub(
        lambda tag: (
            tag.group(0)
            if page_html.startswith(f'<script type="application/json" class="{WORDS_CLASS}">', tag.end())
            else tag.group(0) + block
        ),
        page_html,
    )


def figure_html(calculator: Calculator, chart_html: str, *, heading: str) -> str:
    """The calculator: form, result sentence (at the defaults until the page's script runs), chart, reset control."""
    words()  # a translated run stops here if the script's words have no translation (the build adds them to the page)
    controls = "".join(_control(calculator, item) for item in calculator.inputs)
    note = f'<p class="tt-calc-fixed">{html.escape(calculator.fixed_note)}</p>' if calculator.fixed_note else ""
    sentence = PLACEHOLDER.sub(
        lambda m: f'<output data-output="{m.group(1)}">{html.escape(calculator.texts()[m.group(1)])}</output>',
        html.escape(calculator.sentence),
    )
    reset = html.escape(tr("Reset to sourced values"))
    return (
        f'<section class="tt-calculator" id="{calculator.name}" data-calculator="{calculator.name}" aria-label="{html.escape(heading)}">'
        f'<form class="tt-calc-form" novalidate>{controls}'
        f'<button type="button" class="tt-calc-reset">{reset}</button></form>'
        f'{note}<p class="tt-calc-result" aria-live="polite">{sentence}</p>'
        '<p class="tt-calc-status" role="status"></p>'
        f"{chart_html}"
        f'<script type="application/json" class="tt-calc-config">{_script_safe(calculator.config())}</script>'
        "</section>"
    )


def publish(calculator: Calculator, chart: alt.TopLevelMixin, *, heading: str, **published: object) -> object:
    """The calculator around its chart: the chart gets the calculator's parameters and is published as any chart
    (``charts.publish``: title, subtitle, description, sources, data), inside the calculator's form and result."""
    from tradetalks import charts

    figure = charts.publish(chart.add_params(*calculator.params()), **published)  # type: ignore[arg-type]
    return charts.Figure(figure_html(calculator, figure.body, heading=heading), figure.title)
