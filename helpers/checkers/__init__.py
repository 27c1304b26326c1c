"""Each notebook's exercise checkers, one module per notebook: ``notebook01`` ... ``notebook09``.

A checker is a function ``feedback(answer) -> None if right, else a hint``, registered with
``@exercise("NN.k", typical_wrong_answer, praise)`` from ``helpers.checks``, which holds the
registry and ``check``/``grade``, the two functions notebooks and tests call. ``common`` holds
what several notebooks' checkers share: reading a shape or a number out of any answer, and
calling a learner's model without letting it raise.

To add an exercise to notebook NN: write its checker in ``notebookNN.py`` under the decorator,
with a typical wrong answer the tests will run through it; its solution in the notebook is then
checked by ``tests/test_notebooks.py`` like every other. A new notebook gets a new module,
``notebookNN.py``: ``helpers.checks`` imports every ``notebook*`` module here by itself.
"""
