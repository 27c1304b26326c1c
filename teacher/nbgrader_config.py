"""nbgrader's settings for the course (README, "For teachers"). Run nbgrader in this folder.

`tools/teacher.py` writes source/ from the published notebooks and runs
`nbgrader generate_assignment`; everything else in this folder is nbgrader's (git-ignored).
"""

from nbconvert.preprocessors import TagRemovePreprocessor
from nbgrader import preprocessors as nbgrader


class RestoreAnswerLine(nbgrader.NbGraderPreprocessor):
    """Put each exercise's own `answer = None  # what to give` line back where ClearSolutions
    wrote the bare `answer = None` (tools/teacher.py keeps the line in the cell's metadata)."""

    def preprocess_cell(self, cell, resources, index):
        line = cell.metadata.pop("answer_line", None)
        if line is not None:
            lines = cell.source.split("\n")
            lines[lines.index("answer = None")] = line
            cell.source = "\n".join(lines)
        return cell, resources


c = get_config()  # noqa: F821 (nbgrader's config loader defines it)

c.CourseDirectory.course_id = "rnn-many-features"

# The release: each solution region becomes the course's own placeholder line, so a learner's
# cell is the published one; the published solution blocks (tagged solution-block) are dropped;
# the stored outputs stay (nbgrader's default ClearOutput is left out of the list below), so the
# release reads like the published notebook.
c.ClearSolutions.code_stub = {"python": "answer = None"}
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_cell_tags = {"solution-block"}
c.GenerateAssignment.preprocessors = [  # nbgrader's own list, with ClearOutput left out
    TagRemovePreprocessor, nbgrader.IncludeHeaderFooter, nbgrader.InstantiateTests,
    nbgrader.LockCells, nbgrader.ClearSolutions, RestoreAnswerLine, nbgrader.CheckCellMetadata,
    nbgrader.ComputeChecksums, nbgrader.SaveCells, nbgrader.ClearHiddenTests,
    nbgrader.ClearMarkScheme, nbgrader.ComputeChecksums, nbgrader.CheckCellMetadata,
]

# A test cell a student deleted is put back before grading (instead of a "needs manual grade"
# flag the formgrader cannot clear).
c.OverwriteCells.add_missing_cells = True

# Grading runs every cell of a submission in order; a notebook whose exercises train models
# needs more than nbgrader's 30 s for a cell on a slow machine. (Per cell: a hand-in that loops
# forever costs this long at each such cell.)
c.Execute.timeout = 600
