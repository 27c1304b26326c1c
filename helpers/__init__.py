"""Helpers for the course *Recurrent networks on sequences with many features*.

One small module per job, each readable in a minute:

- ``helpers.setup``: ``setup_course()``, called first in every notebook (seeds, determinism,
  quiet logs).
- ``helpers.data``: the course's data, and ``check_sequences()``, which validates array shapes.
- ``helpers.plots``: the figures (batches as grids, unrolled RNN diagrams).
- ``helpers.checks``: ``check()`` and ``grade()``, which give an exercise's answer specific
  feedback, and the registry of exercises; each notebook's checkers live in
  ``helpers.checkers.notebookNN``.

Importing the package imports nothing heavy: Keras, its backend and TensorFlow are first imported
by ``setup_course()``, after it has set the environment variables that must be set before that
import.
"""
