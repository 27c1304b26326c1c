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
from IPython.core.inputtransformer2 import TransformerManager

from helpers import checks

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
# nbval's comment markers still in use; a cell that raises on purpose carries the
# "raises-exception" *tag* instead, which JupyterLab's Run All, nbclient and nbval all read.
NBVAL_MARKERS = {"NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP", "NBVAL_CHECK_OUTPUT"}
RAISES = "raises-exception"
# A printed number: sign, digits with optional thousands commas, decimals, exponent.
NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d*)?(?:[eE][-+]?\d+)?")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ABSOLUTE_PATH = re.compile(r"^File (/|[A-Za-z]:\\)", re.MULTILINE)  # IPython's "File <path>:<line>"
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


def at_noise_scale(number):
    """True for a printed number finer than the course ever means, whose last digits change
    with the CPU: 7 or more significant digits after a decimal point or with an exponent
    (``26111.127``, ``0.12345678``, ``1.2345678e-03``), or a value below 1e-5 (``5.96e-08``,
    ``0.0000001234``) other than a bare power of ten, which is a tolerance (``1e-6``). Whole
    numbers are counts, and exact.
    """
    text = number.replace(",", "").lstrip("+-").lower()
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa and not exponent:
        return False
    digits = mantissa.replace(".", "").lstrip("0")
    tiny = 0 < float(text) < 1e-5 and digits.rstrip("0") != "1"
    return len(digits) >= 7 or tiny


def _printed(output):
    """The text of an output as a reader sees it (stream, result, display or error)."""
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":
        return f"{output.ename}: {output.evalue}"
    return "".join(output.get("data", {}).get(m, "") for m in ("text/plain", "text/html"))


def hygiene_problems(nb):
    """What is wrong with how a notebook file was saved: a list of sentences, empty if nothing.

    Saved from one clean top-to-bottom run (execution counts 1..N) with kernel ``python3``; no
    stderr; an error stored only in a cell tagged ``raises-exception`` (JupyterLab's Run All
    stops at any other), and every tagged cell stores one; no traceback naming this machine's
    folders; no number at floating-point-noise scale; nbval markers alone on their line, and
    each exempt output says why.
    """
    problems = []
    counts = [cell.execution_count for cell in _code(nb)]
    if counts != list(range(1, len(counts) + 1)):
        problems.append(f"execution counts {counts} are not 1..N: re-run it top to bottom "
                        "(tools/notebooks.py refresh)")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("the kernel is not python3")
    for n, cell in enumerate(_code(nb), start=1):
        tagged = RAISES in cell.metadata.get("tags", [])
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors and not tagged:
            problems.append(f"code cell {n} stores an error but has no {RAISES!r} tag: "
                            "JupyterLab's Run All stops there")
        if tagged and not errors:
            problems.append(f"code cell {n} is tagged {RAISES!r} but stores no error")
        for output in cell.outputs:
            if output.output_type == "error" and ABSOLUTE_PATH.search(
                    ANSI.sub("", "\n".join(output.traceback))):
                problems.append(f"code cell {n}'s traceback names this machine's folders: "
                                "refresh it with tools/notebooks.py, which shortens them")
            if output.get("name") == "stderr":
                problems.append(f"code cell {n} stores stderr: fix the warning at its source")
            noise = [m.group() for m in NUMBER.finditer(_printed(output))
                     if at_noise_scale(m.group())]
            if noise:
                problems.append(f"code cell {n} prints {noise[0]}, a number at floating-point "
                                "noise scale that differs by CPU: assert it, print what it means")
        lines = [line.strip() for line in cell.source.splitlines()]
        for i, line in enumerate(lines):
            if line.startswith("#") and "NBVAL_" in line and \
                    line.lstrip("#").strip() not in NBVAL_MARKERS:
                # nbval reads a marker only alone on its comment line; errors go by the tag
                problems.append(f"code cell {n}: nbval ignores {line!r} (for a cell that raises "
                                f"on purpose, use the {RAISES!r} tag)")
            if line == "# NBVAL_IGNORE_OUTPUT":
                reason = lines[i + 1] if i + 1 < len(lines) else ""
                if not re.fullmatch(r"#\s*\w.{9,}", reason):
                    problems.append(f"code cell {n}: say why the output is exempt, in a comment "
                                    "on the line after NBVAL_IGNORE_OUTPUT")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_from_one_clean_run(path):
    assert hygiene_problems(_read(path)) == []


def _fixture(*cells):
    """A one-kernel notebook of code cells ``(source, outputs, tags)``, numbered 1..N."""
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    for n, (source, outputs, tags) in enumerate(cells, start=1):
        nb.cells.append(nbformat.v4.new_code_cell(source, execution_count=n, outputs=outputs,
                                                  metadata={"tags": tags} if tags else {}))
    return nb


def _stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


ERROR = nbformat.v4.new_output("error", ename="ValueError", evalue="Input 0 expected ndim=3",
                               traceback=[])


def test_hygiene_passes_a_clean_fixture():
    nb = _fixture(("x = 1", [_stream("MSE 0.0105 = 1.05× the noise floor (0.0100)\n")], []),
                  ("1 / 0", [ERROR], [RAISES]),
                  ("print(1461)", [_stream("1461 rows, 1,234,567 weights, equal to within 1e-6\n")],
                   []),
                  ("t", [_stream("tolerances 0.000001, 1.0e-06 and 2.5e-3; a ratio of 1.02×\n")],
                   []))
    assert hygiene_problems(nb) == []


@pytest.mark.parametrize("cells, problem", [
    ([("1 / 0", [ERROR], [])], "code cell 1 stores an error but has no 'raises-exception' tag"),
    ([("# NBVAL_RAISES_EXCEPTION\n1 / 0", [ERROR], [])], "no 'raises-exception' tag"),
    ([("x = 1", [], [RAISES])], "tagged 'raises-exception' but stores no error"),
    ([("d", [_stream("max |difference|: 5.960464477539063e-08\n")], [])], "prints 5.96046447753"),
    ([("d", [_stream("difference 6.0e-08\n")], [])], "prints 6.0e-08"),
    ([("m", [_stream("bare LSTM   MSE  26111.127\n")], [])], "prints 26111.127"),
    ([("m", [_stream("loss 0.12345678\n")], [])], "prints 0.12345678"),
    ([("m", [_stream("mse 5.960464477539063e+02\n")], [])], "prints 5.960464477539063e+02"),
    ([("m", [_stream("mse 1.2345678e-03\n")], [])], "prints 1.2345678e-03"),
    ([("m", [_stream("gap 0.0000001234\n")], [])], "prints 0.0000001234"),
    ([("w", [_stream("warning\n", name="stderr")], [])], "code cell 1 stores stderr"),
    ([("1 / 0", [nbformat.v4.new_output(
        "error", ename="ValueError", evalue="no", traceback=[
            "\x1b[36mFile \x1b[39m\x1b[32m/home/ada/course/helpers/metrics.py:37\x1b[39m"])],
       [RAISES])], "code cell 1's traceback names this machine's folders"),
])
def test_hygiene_catches_what_breaks_run_all_or_another_cpu(cells, problem):
    problems = hygiene_problems(_fixture(*cells))
    assert any(problem in p for p in problems), problems


def test_hygiene_catches_a_notebook_not_run_top_to_bottom():
    nb = _fixture(("a", [], []), ("b", [], []))
    nb.cells[1].execution_count = 5
    assert hygiene_problems(nb) == [
        "execution counts [1, 5] are not 1..N: re-run it top to bottom (tools/notebooks.py "
        "refresh)"]


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
    assert "(glossary.md)" in title and "(cheat_sheet.md)" in title
    setup = _code(nb)[0].source
    # on Colab only, install the helpers (tests/test_links.py), then set up before any import
    colab, _, rest = setup.partition("\n\nfrom helpers.setup import setup_course\n\n")
    assert colab.startswith('import sys\n\nif "google.colab" in sys.modules:')
    assert rest.startswith("setup_course(")
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
        exec(TransformerManager().transform_cell(setup), namespace)  # IPython: the `!pip` line
        exec(solution, namespace)
    status, message = checks.grade(exercise_id, namespace["answer"])
    assert status == checks.CORRECT, message
    assert printed.getvalue() == f"Exercise {exercise_id}: {message}\n"
    wrong = checks.EXERCISES[exercise_id].wrong_answer()
    assert checks.grade(exercise_id, wrong)[0] == checks.WRONG


@pytest.mark.parametrize("name", ["glossary.md", "cheat_sheet.md"])
def test_glossary_and_cheat_sheet_link_to_what_exists(name):
    text = (NOTEBOOKS[0].parent / name).read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    assert targets, f"{name} links nowhere"
    missing = [t for t in targets if not t.startswith("http")
               and not (NOTEBOOKS[0].parent / t).exists()]
    assert not missing, f"{name} links to missing files: {missing}"
