"""Checks on the notebook files themselves, and every published exercise solution.

nbval (plain `pytest`) re-runs the notebooks against their stored outputs; these tests read the
files: how they were saved, their anatomy, and whether each solution passes its checker.
"""

import contextlib
import io
import re
from pathlib import Path

import nbformat
import pytest

from helpers import checks

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
NBVAL_MARKERS = {
    "NBVAL_IGNORE_OUTPUT", "NBVAL_RAISES_EXCEPTION", "NBVAL_SKIP", "NBVAL_CHECK_OUTPUT",
}
SOLUTION = re.compile(r"<details>.*?```python\n(.*?)```.*?</details>", re.DOTALL)
CHECK_CALL = re.compile(r"""checks\.check\("([0-9.]+)", answer\)""")


def _read(path):
    return nbformat.read(path, as_version=4)


def _code(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _markdown(nb):
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks/NN_name.ipynb found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_from_one_clean_run(path):
    nb = _read(path)
    counts = [cell.execution_count for cell in _code(nb)]
    assert counts == list(range(1, len(counts) + 1)), "re-run top to bottom: tools/notebooks.py"
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in _code(nb):
        for output in cell.outputs:
            assert output.get("name") != "stderr", f"stderr stored in cell {cell.execution_count}"
            if output.output_type == "error":
                assert "NBVAL_RAISES_EXCEPTION" in cell.source, "an error nobody meant"
        lines = [line.strip() for line in cell.source.splitlines()]
        for i, line in enumerate(lines):
            if line.startswith("#") and "NBVAL_" in line:
                # nbval reads a marker only when it stands alone on its comment line
                assert line.lstrip("#").strip() in NBVAL_MARKERS, f"nbval ignores: {line}"
            if line == "# NBVAL_IGNORE_OUTPUT":
                reason = lines[i + 1] if i + 1 < len(lines) else ""
                assert re.fullmatch(r"#\s*\w.{9,}", reason), (
                    "say why the output is exempt, in a comment on the next line"
                )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_anatomy(path):
    nb = _read(path)
    number = path.name[:2]
    title = nb.cells[0].source
    assert title.startswith(f"# {number} · "), "title cell: '# NN · Title'"
    assert "**Learning goals.**" in title
    goals = title.split("**Learning goals.**")[1].split("**Builds on")[0]
    assert len(re.findall(r"^- ", goals, re.MULTILINE)) in range(3, 6), "3 to 5 learning goals"
    assert "**Navigation:**" in title and "README.md" in title
    setup = _code(nb)[0].source
    assert setup.startswith("from helpers.setup import setup_course\n\nsetup_course(")
    assert "from helpers import" in setup
    markdown = _markdown(nb)
    assert "## Recap" in markdown
    assert len(re.findall(r"^### Exercise \d+: ", markdown, re.MULTILINE)) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_exercise_starts_runnable_and_has_a_solution(path):
    nb = _read(path)
    exercise_cells = [c for c in _code(nb) if CHECK_CALL.search(c.source)]
    solutions = SOLUTION.findall(_markdown(nb))
    assert len(exercise_cells) >= 2
    assert [CHECK_CALL.search(c.source)[1] for c in exercise_cells] == [
        CHECK_CALL.search(s)[1] for s in solutions
    ], "every exercise cell has one solution, in the same order"
    for cell in exercise_cells:
        placeholder = re.search(r"^answer = None\b", cell.source, re.MULTILINE)
        assert placeholder, "exercise cells start runnable: answer = None"
        (output,) = cell.outputs
        assert "not attempted yet" in output.text


def _solutions():
    for path in NOTEBOOKS:
        nb = _read(path)
        for solution in SOLUTION.findall(_markdown(nb)):
            yield pytest.param(_code(nb)[0].source, solution,
                               id=f"{path.name[:2]}-{CHECK_CALL.search(solution)[1]}")


@pytest.mark.parametrize("setup, solution", list(_solutions()))
def test_published_solution_passes_its_checker(setup, solution):
    """Run the notebook's setup cell, then the solution, as a learner pasting it would."""
    exercise_id = CHECK_CALL.search(solution)[1]
    namespace = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(setup, namespace)
        exec(solution, namespace)
    status, message = checks.grade(exercise_id, namespace["answer"])
    assert status == checks.CORRECT, message
    assert printed.getvalue() == f"Exercise {exercise_id}: {message}\n"
    wrong = checks.EXERCISES[exercise_id].wrong_answer()
    assert checks.grade(exercise_id, wrong)[0] == checks.WRONG
