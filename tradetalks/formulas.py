"""Formulas written once, run in two places: Python (the notebooks, the tests) and Vega (the reader's browser).

A formula is arithmetic in the small language Python and Vega's expression language share: numbers,
names, ``+ - * /``, parentheses, unary minus, and ``min``/``max``. Python evaluates it by walking its
syntax tree (no ``eval``); the page hands the same text to Vega as a signal's expression. So the
calculator in the page cannot drift from ``tradetalks.calc``: there is only one formula.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

_OPERATORS = {ast.Add: float.__add__, ast.Sub: float.__sub__, ast.Mult: float.__mul__, ast.Div: float.__truediv__}
_FUNCTIONS = {"min": min, "max": max}


class FormulaError(ValueError):
    """A formula outside the shared language, or evaluated without a value for one of its names."""


def _check(node: ast.AST, expression: str) -> None:
    """Refuse anything Vega and Python would not read alike (powers, comparisons, attributes, strings …)."""
    for child in ast.walk(node):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd, ast.Name, ast.Load, ast.Call)
        if isinstance(child, ast.Constant):
            if isinstance(child.value, bool) or not isinstance(child.value, (int, float)):
                raise FormulaError(f"{expression!r}: only numbers may be constants, not {child.value!r}")
        elif isinstance(child, ast.BinOp):
            if type(child.op) not in _OPERATORS:
                raise FormulaError(f"{expression!r}: only + - * / are shared by Python and Vega")
        elif isinstance(child, ast.Call):
            if not isinstance(child.func, ast.Name) or child.func.id not in _FUNCTIONS or child.keywords:
                raise FormulaError(f"{expression!r}: the only functions are {', '.join(_FUNCTIONS)}")
        elif not isinstance(child, allowed + tuple(_OPERATORS)):
            raise FormulaError(f"{expression!r}: {type(child).__name__} is not part of the shared language")


@dataclass(frozen=True)
class Formula:
    """One formula, e.g. ``Formula("import_value * rate_pct / 100")``."""

    expression: str

    def __post_init__(self) -> None:
        try:
            tree = ast.parse(self.expression, mode="eval")
        except SyntaxError as error:
            raise FormulaError(f"{self.expression!r} is not a formula: {error.msg}") from None
        _check(tree, self.expression)

    @property
    def _tree(self) -> ast.Expression:
        return ast.parse(self.expression, mode="eval")

    @property
    def names(self) -> tuple[str, ...]:
        """The inputs the formula reads, in order of first use."""
        seen = [n.id for n in ast.walk(self._tree) if isinstance(n, ast.Name) and n.id not in _FUNCTIONS]
        return tuple(dict.fromkeys(seen))

    def __call__(self, **values: float) -> float:
        """The formula's value in Python for ``values`` (one per name; extra names are ignored)."""
        missing = [name for name in self.names if name not in values]
        if missing:
            raise FormulaError(f"{self.expression!r} needs a value for {', '.join(missing)}")
        return _evaluate(self._tree.body, {name: float(values[name]) for name in self.names})

    def using(self, **parts: Formula) -> Formula:
        """This formula with some names replaced by other formulas (in parentheses): one formula built of parts."""
        tree = _Substitute({name: ast.parse(part.expression, mode="eval").body for name, part in parts.items()}).visit(self._tree)
        return Formula(ast.unparse(tree))

    def vega(self, rename: Mapping[str, str] | None = None) -> str:
        """The formula as a Vega expression: the same text, names mapped to the page's signal names."""
        if not rename:
            return self.expression
        tree = _Rename(dict(rename)).visit(self._tree)
        return ast.unparse(tree)


class _Substitute(ast.NodeTransformer):
    def __init__(self, parts: dict[str, ast.AST]):
        self.parts = parts

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return self.parts.get(node.id, node)


class _Rename(ast.NodeTransformer):
    def __init__(self, names: dict[str, str]):
        self.names = names

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.Name(self.names.get(node.id, node.id), ast.Load()) if node.id not in _FUNCTIONS else node


def _evaluate(node: ast.AST, values: dict[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise FormulaError("division by zero")
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.Call):
        return float(_FUNCTIONS[node.func.id](*(_evaluate(arg, values) for arg in node.args)))  # type: ignore[attr-defined]
    raise FormulaError(f"cannot evaluate {ast.dump(node)}")
