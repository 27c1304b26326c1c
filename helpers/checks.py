"""Exercise checkers: specific feedback for an answer, and "not attempted yet" for ``None``.

In a notebook: ``checks.check("01.2", answer)`` prints the feedback. ``grade()`` returns it as
``(status, message)`` with status ``"not attempted"``, ``"correct"`` or ``"wrong"``; the tests use
it to run every published solution through its checker. Each exercise is registered with a typical
wrong answer, so the tests can also prove that its checker rejects one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpers.data import describe

NOT_ATTEMPTED = "not attempted"
CORRECT = "correct"
WRONG = "wrong"


@dataclass(frozen=True)
class Exercise:
    """A checker ``feedback(answer) -> None if right, else a hint``, and a typical wrong answer."""

    feedback: Callable[[Any], "str | None"]
    typical_wrong_answer: Any  # or a function that builds one (a model, say) when called
    praise: str

    def wrong_answer(self):
        """The typical wrong answer, built if it is given as a function."""
        wrong = self.typical_wrong_answer
        return wrong() if callable(wrong) else wrong


EXERCISES: dict[str, Exercise] = {}


def exercise(exercise_id, typical_wrong_answer, praise):
    """Register the decorated checker as exercise ``exercise_id`` (helpers/checkers/)."""

    def register(feedback):
        if exercise_id in EXERCISES:
            raise ValueError(f"exercise {exercise_id!r} is registered twice: by "
                             f"{EXERCISES[exercise_id].feedback.__module__} and by "
                             f"{feedback.__module__}")
        EXERCISES[exercise_id] = Exercise(feedback, typical_wrong_answer, praise)
        return feedback

    return register


def grade(exercise_id, answer):
    """Grade ``answer`` for exercise ``exercise_id``; return ``(status, message)``.

    Example: ``grade("01.2", ((32, 10, 8), (32, 8)))`` returns ``("correct", "...")``.
    """
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        raise ValueError(f"expected an exercise id from {sorted(EXERCISES)}, got "
                         f"{describe(exercise_id)}")
    if answer is None:
        return NOT_ATTEMPTED, (
            "not attempted yet: replace None with your answer, then run the cell."
        )
    exercise = EXERCISES[exercise_id]
    try:
        hint = exercise.feedback(answer)
    except Exception as error:  # a last resort: a checker answers any answer, never raises
        hint = (f"this answer could not be checked ({type(error).__name__}); compare its type "
                f"with the one the exercise asks for. You gave {describe(answer)}.")
    if hint is None:
        return CORRECT, f"correct. {exercise.praise}"
    return WRONG, f"not yet: {hint}"


def check(exercise_id, answer):
    """Print feedback on ``answer`` for exercise ``exercise_id`` (see ``grade``).

    Example: ``check("01.1", answer)`` prints ``Exercise 01.1: not attempted yet: ...``.
    """
    _, message = grade(exercise_id, answer)
    print(f"Exercise {exercise_id}: {message}")


def _register_every_notebook():
    """Import helpers/checkers/notebookNN.py for every NN there: importing a module registers its
    exercises. A new notebook's module needs no line here."""
    import importlib
    import pkgutil

    from helpers import checkers

    for module in pkgutil.iter_modules(checkers.__path__):
        if module.name.startswith("notebook"):
            importlib.import_module(f"helpers.checkers.{module.name}")


_register_every_notebook()
