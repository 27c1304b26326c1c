"""nbgrader's settings for the course (README, "For teachers"). Run nbgrader in this folder.

`tools/teacher.py` writes source/ from the published notebooks and runs
`nbgrader generate_assignment`; everything else in this folder is nbgrader's (git-ignored).
"""

from nbconvert.preprocessors import TagRemovePreprocessor
from nbgrader import preprocessors as nbgrader

c = get_config()  # noqa: F821 (nbgrader's config loader defines it)

c.CourseDirectory.course_id = "rnn-many-features"

# The release: each solution region becomes the course's own placeholder, so a learner's cell is
# the published one (a comment that followed `answer = None` stands on the line above it); the
# published solution blocks (tagged solution-block) are dropped; the stored outputs stay
# (nbgrader's default ClearOutput is left out of the list below), so the release reads like the
# published notebook.
c.ClearSolutions.code_stub = {"python": "answer = None"}
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_cell_tags = {"solution-block"}
c.GenerateAssignment.preprocessors = [  # nbgrader's list, TagRemove first, ClearOutput left out
    TagRemovePreprocessor, nbgrader.IncludeHeaderFooter, nbgrader.InstantiateTests,
    nbgrader.LockCells, nbgrader.ClearSolutions, nbgrader.CheckCellMetadata,
    nbgrader.ComputeChecksums, nbgrader.SaveCells, nbgrader.ClearHiddenTests,
    nbgrader.ClearMarkScheme, nbgrader.ComputeChecksums, nbgrader.CheckCellMetadata,
]

# Grading runs every cell of a submission in order; a notebook whose exercises train models
# needs more than nbgrader's 30 s for a cell on a slow machine.
c.Execute.timeout = 600
