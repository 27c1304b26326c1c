"""The teacher's edition: an nbgrader course in teacher/, generated from the published notebooks.

    .venv-teacher/bin/python tools/teacher.py            every notebook
    .venv-teacher/bin/python tools/teacher.py 04 07      some of them

(README, "For teachers".) The published notebooks stay the only source. For each one it writes
the nbgrader *source* version, teacher/source/<NN_name>/<NN_name>.ipynb, then runs
``nbgrader generate_assignment`` in teacher/, which writes the *student release* to
teacher/release/<NN_name>/. In the source version:

- each exercise cell is an autograded-answer cell whose `answer = None` line is replaced by the
  published solution between ``### BEGIN SOLUTION`` and ``### END SOLUTION``; in the release,
  nbgrader writes `answer = None` back and teacher/nbgrader_config.py restores the rest of that
  line (its comment, kept in the cell's metadata), so the learner's cell is the published one;
- after it comes one locked, autograded test cell, ``checks.grade`` on the learner's answer,
  worth 1 point, or 2 for an exercise that trains a model; the checker's message is the
  feedback;
- the published solution block (``<details>``) becomes a cell of its own, tagged
  ``solution-block``, which the release drops (the prose that shared its cell stays);
- every other cell is read-only (locked): nbgrader restores it before grading.

The stored outputs are kept, so the release reads like the published notebook.
"""

import argparse
import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
COURSE = ROOT / "teacher"  # holds nbgrader_config.py; the rest of it is generated (git-ignored)
CHECK_CALL = re.compile(r"""^checks\.check\("(\d\d\.\d+)", answer\)$""", re.MULTILINE)
SOLUTION = re.compile(r"<details><summary>Solution</summary>.*?```python\n(.*?)```", re.DOTALL)
PLACEHOLDER = re.compile(r"^answer = None(?:\s*#.*)?$")  # its comment, if any, says what to give
SOLUTION_TAG = "solution-block"
TEST = 'status, message = checks.grade("{id}", answer)\nassert status == "correct", message'


def _nbgrader(cell, grade_id, *, solution=False, grade=False, locked=False, points=None):
    cell.metadata["nbgrader"] = {"grade": grade, "grade_id": grade_id, "locked": locked,
                                 "schema_version": 3, "solution": solution, "task": False,
                                 **({"points": points} if grade else {})}
    return cell


def points(solution):
    """2 points for an exercise whose solution trains a model, else 1."""
    return 2 if ".fit(" in solution else 1


def answer_cell(exercise_cell, solution, name):
    """The exercise cell with the published solution in place of its `answer = None` line, which
    the cell's metadata keeps for the release (`answer_line`)."""
    lines = exercise_cell.source.split("\n")
    found = [i for i, line in enumerate(lines) if PLACEHOLDER.match(line)]
    if len(found) != 1:
        raise ValueError(f"{name}: expected one `answer = None` line in an exercise cell, found "
                         f"{len(found)} in:\n{exercise_cell.source}")
    (where,) = found
    body = [line for line in solution.rstrip("\n").split("\n") if not CHECK_CALL.match(line)]
    region = ["### BEGIN SOLUTION", *body, "### END SOLUTION"]
    cell = copy.deepcopy(exercise_cell)
    cell.source = "\n".join([*lines[:where], *region, *lines[where + 1:]])
    cell.metadata["answer_line"] = lines[where]
    return cell


def source_version(path):
    """The nbgrader source version of the published notebook at `path`."""
    nb = nbformat.read(path, as_version=4)
    number = path.name[:2]
    cells = []
    for index, cell in enumerate(nb.cells):
        exercise = CHECK_CALL.search(cell.source) if cell.cell_type == "code" else None
        if cell.cell_type == "markdown" and SOLUTION.search(cell.source):
            # the solution block alone, tagged, and any prose around it in cells of its own
            start = cell.source.index("<details>")
            end = cell.source.index("</details>", start) + len("</details>")
            parts = (cell.source[:start], cell.source[start:end], cell.source[end:])
            for part_index, part in enumerate(parts):
                if not part.strip():
                    continue
                piece = nbformat.v4.new_markdown_cell(part.strip("\n"))
                if part_index == 1:
                    piece.metadata["tags"] = [SOLUTION_TAG]
                    cells.append(piece)
                else:
                    cells.append(_nbgrader(piece, f"cell_{number}_{index:03d}_{part_index}",
                                           locked=True))
        elif exercise:
            exercise_id = exercise[1]
            following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
            found = SOLUTION.search(following.source) if following else None
            checked = CHECK_CALL.search(found[1]) if found else None
            if not checked or checked[1] != exercise_id:
                raise ValueError(f"{path.name}: exercise {exercise_id} is not followed by its "
                                 f'solution block, which ends with checks.check("{exercise_id}", '
                                 f"answer)")
            key = exercise_id.replace(".", "_")
            cells.append(_nbgrader(answer_cell(cell, found[1], path.name), f"exercise_{key}",
                                   solution=True))
            test = nbformat.v4.new_code_cell(TEST.format(id=exercise_id))
            cells.append(_nbgrader(test, f"exercise_{key}_test", grade=True, locked=True,
                                   points=points(found[1])))
        else:
            cells.append(_nbgrader(copy.deepcopy(cell), f"cell_{number}_{index:03d}",
                                   locked=True))
    for position, cell in enumerate(cells):
        cell.id = f"{number}-{position:03d}"  # unique, and the same at every generation
    nb.cells = cells
    return nb


def generate(paths=NOTEBOOKS, course=COURSE):
    """Write the source version of each notebook and generate its student release; a notebook
    nbgrader refuses (one with hand-ins whose cells changed) does not stop the others."""
    refused = []
    for path in paths:
        folder = course / "source" / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(source_version(path), folder / path.name)
        try:
            nbgrader("generate_assignment", path.stem, "--force", "--create", course=course)
        except subprocess.CalledProcessError:
            refused.append(path.stem)
    if refused:
        raise RuntimeError(f"nbgrader refused to generate {refused}: see its messages above")


def nbgrader(*args, course=COURSE):
    """Run an nbgrader command in the course folder with this environment's nbgrader (whose
    database upgrade calls the `alembic` command of the same environment)."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, check=True,
                   env={**os.environ, "PATH": path})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="two-digit numbers (default: all)")
    args = parser.parse_args(argv)
    numbers = [p.name[:2] for p in NOTEBOOKS]
    unknown = [number for number in args.notebooks if number not in numbers]
    if unknown:
        parser.error(f"no notebook numbered {unknown}; expected some of {numbers}")
    chosen = [p for p in NOTEBOOKS if not args.notebooks or p.name[:2] in args.notebooks]
    try:
        generate(chosen)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"source versions in {COURSE / 'source'}, student releases in {COURSE / 'release'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
