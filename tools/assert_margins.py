"""Record how close each inequality in a notebook's asserts came to failing (the stress harness).

The stress harness (``tools/notebooks.py stress``) runs ``install()`` in a notebook's kernel
before the notebook's first cell: an IPython AST transformer then rewrites every comparison
``a < b`` (``<``, ``<=``, ``>``, ``>=``, chains like ``a < b < c`` included) inside an
``assert`` into a call that evaluates both sides once, records its **margin**, and returns what
the comparison returns, so the assert passes or fails exactly as written. The notebook's source
is not changed. ``RECORDS`` then holds, per comparison, the smallest margin seen:

- ``margin``: how far the nearer side could move before the comparison flips (``b - a`` for
  ``a < b``); for an elementwise comparison, the smallest over its elements (the largest if it
  is the receiver of ``.any()``). Negative: it failed.
- ``relative``: that margin over the larger of the two sides' magnitudes, so a margin of 0.01
  between 0.5 and 0.51 reads as thin (0.02) and between 0.001 and 0.011 as wide (0.9).
"""

import ast
import math
import operator

import numpy as np

RECORDS = {}  # (cell, line, comparison) -> {"margin": float, "relative": float}
FAILED = {}  # (cell, line, assert) -> how often it failed, with keep_going
_FLIP = {"Lt": False, "LtE": False, "Gt": True, "GtE": True}  # True: the margin is a - b
_OPS = {"Lt": operator.lt, "LtE": operator.le, "Gt": operator.gt, "GtE": operator.ge}


def compare(key, reduce, operands, ops):
    """Evaluate ``operands[0] ops[0] operands[1] ...`` as Python would; record each margin.

    A chain ``a < b < c`` is ``(a < b) and (b < c)``: it stops at its first false link.
    """
    cell, line, links = key
    for i, op in enumerate(ops):
        _record((cell, line, links[i]), reduce, operands[i], operands[i + 1], op)
        result = _OPS[op](operands[i], operands[i + 1])
        if i < len(ops) - 1 and not result:
            return result
    return result


def _record(key, reduce, a, b, op):
    try:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        difference = a - b if _FLIP[op] else b - a
        scale = np.maximum(np.abs(a), np.abs(b))
    except (TypeError, ValueError):  # not numbers: nothing to measure
        return
    if difference.size == 0:
        return
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(scale > 0, difference / scale, 0.0)
    pick = np.argmax if reduce == "any" else np.argmin
    index = np.unravel_index(pick(difference), difference.shape) if difference.ndim else ()
    margin, relative = float(difference[index]), float(relative[index])
    if math.isnan(margin):
        return
    old = RECORDS.get(key)
    if old is None or margin < old["margin"]:
        RECORDS[key] = {"margin": margin, "relative": relative}


def failed(cell, line, text, value):
    """``keep_going``'s stand-in for ``assert value``: count a failure instead of raising."""
    try:
        holds = bool(value)
    except Exception:  # noqa: BLE001 - an assert that cannot be judged counts as failed
        holds = False
    if not holds:
        FAILED[cell, line, text] = FAILED.get((cell, line, text), 0) + 1


class _Rewrite(ast.NodeTransformer):
    """Inside ``assert`` statements only, turn inequality comparisons into ``compare(...)``.

    With ``keep_going``, each assert becomes a call to ``failed(...)``, which records a failure
    and goes on, so that one run measures every assert's margin, even after one has failed.
    """

    def __init__(self, cell, keep_going=False):
        self.cell = cell
        self.keep_going = keep_going
        self.parents = None  # set inside an assert only

    def visit_Assert(self, node):
        self.line = node.lineno
        self.parents = {}
        for parent in ast.walk(node):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
        text = ast.unparse(node.test)
        node.test = self.visit(node.test)
        self.parents = None
        if not self.keep_going:
            return node
        call = ast.Call(
            ast.Attribute(ast.Name("__assert_margins__", ast.Load()), "failed", ast.Load()),
            [ast.Constant(self.cell), ast.Constant(self.line), ast.Constant(text), node.test],
            [])
        return ast.copy_location(ast.Expr(call), node)

    def visit_Compare(self, node):
        node = self.generic_visit(node)
        names = [type(op).__name__ for op in node.ops]
        if self.parents is None or not all(name in _OPS for name in names):
            return node
        parent = self.parents.get(node)
        receiver_of = parent.attr if isinstance(parent, ast.Attribute) and parent.value is node \
            else None
        if receiver_of in ("mean", "sum"):  # counted, not claimed: the claim is on the count
            return node
        receiver_of_any = receiver_of == "any"
        operands = [node.left, *node.comparators]
        links = [ast.unparse(ast.Compare(operands[i], [op], [operands[i + 1]]))
                 for i, op in enumerate(node.ops)]  # a chain a < b < c: "a < b", "b < c"
        key = ast.Tuple([ast.Constant(self.cell), ast.Constant(self.line),
                         ast.Tuple([ast.Constant(link) for link in links], ast.Load())],
                        ast.Load())
        call = ast.Call(
            ast.Attribute(ast.Name("__assert_margins__", ast.Load()), "compare", ast.Load()),
            [key, ast.Constant("any" if receiver_of_any else "all"),
             ast.List(operands, ast.Load()),
             ast.List([ast.Constant(name) for name in names], ast.Load())], [])
        return ast.copy_location(call, node)


class _Transformer(ast.NodeTransformer):
    """The IPython AST transformer: one per kernel, numbering the cells it sees."""

    def __init__(self, shell, keep_going):
        self.shell = shell
        self.keep_going = keep_going

    def visit_Module(self, node):
        # IPython has already counted this cell when it transforms it, and install() ran
        # first: the notebook's own (stored) execution count is 2 less
        cell = self.shell.execution_count - 2
        rewritten = _Rewrite(cell, self.keep_going).visit(node)
        return ast.fix_missing_locations(rewritten)


def install(keep_going=False):
    """Register the transformer in the running IPython kernel (the harness's hidden first cell).

    ``keep_going``: a failed assert is recorded in ``FAILED`` and the cell goes on.
    """
    import sys

    from IPython import get_ipython

    shell = get_ipython()
    shell.user_ns["__assert_margins__"] = sys.modules[__name__]
    shell.ast_transformers.append(_Transformer(shell, keep_going))


def report():
    """RECORDS (and FAILED, under "failed") as a list of dicts, for the harness to read back."""
    return [{"cell": cell, "line": line, "text": text, **values}
            for (cell, line, text), values in RECORDS.items()] + [
        {"cell": cell, "line": line, "text": text, "failed": count}
        for (cell, line, text), count in FAILED.items()]
