"""The teacher's edition (tools/teacher.py, README "For teachers").

The first tests read the nbgrader source versions that tools/teacher.py builds; they run in plain
`pytest`. The end-to-end test needs nbgrader and takes about ten minutes, so it carries the
`teacher` mark and runs on its own, in the teacher's environment:

    .venv-teacher/bin/python -m pytest -m teacher -n 0 tests/test_teacher.py

It generates the course into a temporary folder, checks the student release (no solution, every
exercise cell the published one), then hands in three copies of every notebook and autogrades
them with nbgrader: one with each exercise's published solution (full marks), one untouched, with
`None` everywhere (zero), and one with each exercise's registered typical wrong answer (zero);
the feedback files must carry the checkers' messages. It fails, never skips, without nbgrader.
"""

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import checks

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import teacher  # noqa: E402

EXERCISE = re.compile(r"exercise_(\d\d)_(\d+)")
TRAINING = {"02.4", "03.4", "04.4", "05.4", "06.5", "07.4", "08.3", "09.4"}  # 2 points each
STUDENTS = ("solutions", "untouched", "typical")


def _exercise_id(cell):
    match = EXERCISE.fullmatch(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
    return f"{match[1]}.{match[2]}" if match else None


def _exercise_ids(path):
    """The ids of a published notebook's exercises, in order, read off its solution blocks."""
    nb = nbformat.read(path, as_version=4)
    found = (teacher.SOLUTION.search(c.source) for c in nb.cells if c.cell_type == "markdown")
    return [teacher.CHECK_CALL.search(m[1])[1] for m in found if m]


def _released(cell):
    """What teacher/nbgrader_config.py makes of an answer cell: the solution region replaced by
    the exercise's own `answer = None` line."""
    return re.sub(r"### BEGIN SOLUTION\n.*?### END SOLUTION",
                  cell.metadata["answer_line"].replace("\\", "\\\\"), cell.source,
                  flags=re.DOTALL)


def _solved(cell):
    """An answer cell of the source version as a student who solved it hands it in."""
    return "\n".join(line for line in cell.source.split("\n")
                     if line not in ("### BEGIN SOLUTION", "### END SOLUTION"))


@pytest.mark.parametrize("path", teacher.NOTEBOOKS, ids=lambda p: p.name[:2])
def test_the_source_version_grades_every_exercise_and_locks_the_rest(path):
    published = nbformat.read(path, as_version=4)
    exercises = [c for c in published.cells
                 if c.cell_type == "code" and teacher.CHECK_CALL.search(c.source)]
    nb = teacher.source_version(path)
    answers = [c for c in nb.cells if _exercise_id(c)]
    assert [_exercise_id(c) for c in answers] == [
        teacher.CHECK_CALL.search(c.source)[1] for c in exercises]
    for answer, exercise in zip(answers, exercises, strict=True):
        assert answer.metadata.nbgrader["solution"] and not answer.metadata.nbgrader["locked"]
        assert _released(answer) == exercise.source
        test = nb.cells[nb.cells.index(answer) + 1]
        exercise_id = _exercise_id(answer)
        assert test.metadata.nbgrader["grade"] and test.metadata.nbgrader["locked"]
        assert f'checks.grade("{exercise_id}", answer)' in test.source
        assert test.metadata.nbgrader["points"] == (2 if exercise_id in TRAINING else 1)
    blocks = [c for c in nb.cells if teacher.SOLUTION_TAG in c.metadata.get("tags", [])]
    assert len(blocks) == len(exercises)
    assert all(c.source.startswith("<details>") and c.source.endswith("</details>")
               for c in blocks)
    rest = [c for c in nb.cells if c not in blocks and "nbgrader" in c.metadata
            and not c.metadata.nbgrader["solution"] and not c.metadata.nbgrader["grade"]]
    assert all(c.metadata.nbgrader["locked"] for c in rest)
    assert len(rest) + len(blocks) + 2 * len(answers) == len(nb.cells)
    # nothing of the lesson is lost: every published cell's text is in the source version
    text = "\n".join(c.source for c in nb.cells)
    for cell in published.cells:
        if cell not in exercises:
            assert all(part.strip() in text for part in cell.source.split("</details>")), \
                cell.source[:80]


def test_the_course_is_worth_45_points():
    """37 exercises, 8 of which train a model (2 points each)."""
    tests = [c for path in teacher.NOTEBOOKS for c in teacher.source_version(path).cells
             if c.metadata.get("nbgrader", {}).get("grade")]
    assert (len(tests), sum(c.metadata.nbgrader["points"] for c in tests)) == (37, 45)


def test_a_notebook_whose_exercise_lost_its_solution_is_refused(tmp_path):
    nb = nbformat.read(teacher.NOTEBOOKS[0], as_version=4)
    nb.cells = [c for c in nb.cells if not teacher.SOLUTION.search(c.source)]
    path = tmp_path / teacher.NOTEBOOKS[0].name
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match="is not followed by its solution block"):
        teacher.source_version(path)


# ---- End to end: generate, release, hand in, autograde, feedback (needs nbgrader) ---------------


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The whole course generated, handed in three times and autograded, in a temporary folder."""
    try:
        from nbgrader.api import Gradebook  # noqa: F401
    except ImportError:  # fail, never skip
        pytest.fail("nbgrader is not installed: run this test in the teacher's environment, "
                    ".venv-teacher (README, 'For teachers')")
    folder = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "teacher" / "nbgrader_config.py", folder)
    teacher.generate(course=folder)
    for path in teacher.NOTEBOOKS:
        source = teacher.source_version(path)
        solved = {_exercise_id(c): _solved(c) for c in source.cells if _exercise_id(c)}
        for student in STUDENTS:
            nb = nbformat.read(folder / "release" / path.stem / path.name, as_version=4)
            for cell in nb.cells:
                exercise_id = _exercise_id(cell)
                if exercise_id and student == "solutions":
                    cell.source = solved[exercise_id]
                elif exercise_id and student == "typical":
                    cell.source = (f'answer = checks.EXERCISES["{exercise_id}"].wrong_answer()\n'
                                   f'checks.check("{exercise_id}", answer)')
            handed_in = folder / "submitted" / student / path.stem
            handed_in.mkdir(parents=True)
            nbformat.write(nb, handed_in / path.name)
        teacher.nbgrader("autograde", path.stem, "--create", "--force", course=folder)
        teacher.nbgrader("generate_feedback", path.stem, "--force", course=folder)
    return folder


def _feedback(course, student, path):
    page = (course / "feedback" / student / path.stem / path.with_suffix(".html").name)
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


@pytest.mark.teacher
@pytest.mark.parametrize("path", teacher.NOTEBOOKS, ids=lambda p: p.name[:2])
def test_the_release_is_the_published_notebook_without_solutions(course, path):
    release = nbformat.read(course / "release" / path.stem / path.name, as_version=4)
    text = "\n".join(c.source for c in release.cells)
    assert "<details>" not in text and "BEGIN SOLUTION" not in text
    published = nbformat.read(path, as_version=4)
    exercises = [c for c in published.cells
                 if c.cell_type == "code" and teacher.CHECK_CALL.search(c.source)]
    answers = [c for c in release.cells if _exercise_id(c)]
    assert [c.source for c in answers] == [c.source for c in exercises]
    assert [c.outputs for c in answers] == [c.outputs for c in exercises]  # "not attempted yet"
    for answer in answers:  # each followed by its test cell, locked, with its points
        test = release.cells[release.cells.index(answer) + 1].metadata.nbgrader
        exercise_id = _exercise_id(answer)
        assert test["grade_id"] == f"exercise_{exercise_id.replace('.', '_')}_test"
        assert test["locked"] and test["points"] == (2 if exercise_id in TRAINING else 1)
    figures = sum("image/png" in o.get("data", {}) for c in published.cells
                  if c.cell_type == "code" for o in c.outputs)
    assert figures == sum("image/png" in o.get("data", {}) for c in release.cells
                          if c.cell_type == "code" for o in c.outputs)


@pytest.mark.teacher
@pytest.mark.parametrize("path", teacher.NOTEBOOKS, ids=lambda p: p.name[:2])
def test_autograding_gives_solutions_full_marks_and_slips_none(course, path):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {student: (submission.score, submission.max_score) for student in STUDENTS
                  for submission in [gradebook.find_submission(path.stem, student)]}
    exercise_ids = _exercise_ids(path)
    full = sum(2 if exercise_id in TRAINING else 1 for exercise_id in exercise_ids)
    assert scores == {"solutions": (full, full), "untouched": (0, full), "typical": (0, full)}


def _test_errors(course, student, path):
    """{exercise id: the error its test cell raised in the graded hand-in, or None}."""
    graded = nbformat.read(course / "autograded" / student / path.stem / path.name, as_version=4)
    errors = {}
    for cell in graded.cells:
        match = re.fullmatch(r"exercise_(\d\d)_(\d+)_test",
                             cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        if match:
            raised = [o for o in cell.outputs if o.output_type == "error"]
            errors[f"{match[1]}.{match[2]}"] = (
                f"{raised[0].ename}: {raised[0].evalue}" if raised else None)
    return errors


@pytest.mark.teacher
@pytest.mark.parametrize("path", teacher.NOTEBOOKS, ids=lambda p: p.name[:2])
def test_the_feedback_carries_the_checkers_messages(course, path):
    """Each test cell fails with its checker's own message, which the feedback page shows."""
    exercise_ids = _exercise_ids(path)
    solved = _feedback(course, "solutions", path)
    assert _test_errors(course, "solutions", path) == dict.fromkeys(exercise_ids)
    for exercise_id in exercise_ids:  # what each exercise cell printed
        assert f"Exercise {exercise_id}: correct." in solved
    _, not_attempted = checks.grade(exercise_ids[0], None)
    assert _test_errors(course, "untouched", path) == {
        exercise_id: f"AssertionError: {not_attempted}" for exercise_id in exercise_ids}
    errors, typical = _test_errors(course, "typical", path), _feedback(course, "typical", path)
    for exercise_id in exercise_ids:
        exercise = checks.EXERCISES[exercise_id]
        _, message = checks.grade(exercise_id, exercise.wrong_answer())
        if callable(exercise.typical_wrong_answer):  # an untrained model: its numbers vary
            message = re.split(r"\d", message)[0]
        assert errors[exercise_id].startswith(f"AssertionError: {message}"), (
            exercise_id, errors[exercise_id], message)
        assert errors[exercise_id][:120] in typical, exercise_id
    assert f"AssertionError: {not_attempted}" in _feedback(course, "untouched", path)
