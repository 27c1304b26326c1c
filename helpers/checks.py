"""Exercise checkers: specific feedback for an answer, and "not attempted yet" for ``None``.

In a notebook: ``checks.check("01.2", answer)`` prints the feedback. ``grade()`` returns it as
``(status, message)`` with status ``"not attempted"``, ``"correct"`` or ``"wrong"``; the tests use
it to run every published solution through its checker. Each exercise is registered with a typical
wrong answer, so the tests can also prove that its checker rejects one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

NOT_ATTEMPTED = "not attempted"
CORRECT = "correct"
WRONG = "wrong"


@dataclass(frozen=True)
class Exercise:
    """A checker ``feedback(answer) -> None if right, else a hint``, and a typical wrong answer."""

    feedback: Callable[[Any], "str | None"]
    typical_wrong_answer: Any
    praise: str


EXERCISES: dict[str, Exercise] = {}


def _exercise(exercise_id, typical_wrong_answer, praise):
    def register(feedback):
        EXERCISES[exercise_id] = Exercise(feedback, typical_wrong_answer, praise)
        return feedback

    return register


def grade(exercise_id, answer):
    """Grade ``answer`` for exercise ``exercise_id``; return ``(status, message)``.

    Example: ``grade("01.2", ((32, 10, 8), (32, 8)))`` returns ``("correct", "...")``.
    """
    if exercise_id not in EXERCISES:
        raise ValueError(f"expected an exercise id from {sorted(EXERCISES)}, got {exercise_id!r}")
    if answer is None:
        return NOT_ATTEMPTED, (
            "not attempted yet: replace None with your answer, then run the cell."
        )
    exercise = EXERCISES[exercise_id]
    hint = exercise.feedback(answer)
    if hint is None:
        return CORRECT, f"correct. {exercise.praise}"
    return WRONG, f"not yet: {hint}"


def check(exercise_id, answer):
    """Print feedback on ``answer`` for exercise ``exercise_id`` (see ``grade``).

    Example: ``check("01.1", answer)`` prints ``Exercise 01.1: not attempted yet: ...``.
    """
    _, message = grade(exercise_id, answer)
    print(f"Exercise {exercise_id}: {message}")


def _as_shape(value):
    """A shape-like answer (tuple, list, TensorShape) as a tuple of ints, else None."""
    try:
        return tuple(int(d) for d in value)
    except (TypeError, ValueError):
        return None


def _as_pair(answer):
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return answer
    return None


# ---- Notebook 01 -------------------------------------------------------------------------------

_PRACTICE_BATCH = np.arange(24).reshape(2, 4, 3)  # the batch the exercise 01.1 cell builds


@_exercise("01.1", typical_wrong_answer=_PRACTICE_BATCH[1, :, -1],
           praise="x[sample, timestep] is the feature vector: x[1, -1] has shape (features,).")
def _feature_vector(answer):
    answer = np.asarray(answer)
    expected = _PRACTICE_BATCH[1, -1]
    if answer.shape == expected.shape and np.array_equal(answer, expected):
        return None
    if answer.shape == (4,) and np.array_equal(answer, _PRACTICE_BATCH[1, :, -1]):
        return ("that is the last *feature* at every timestep, shape (timesteps,). The feature "
                "vector of one timestep is batch[sample, timestep], shape (features,) = (3,).")
    if answer.shape == (3,) and np.array_equal(answer, _PRACTICE_BATCH[0, -1]):
        return "that is sample 0; samples are counted from 0, so the second sample is batch[1]."
    if answer.shape == (4, 3):
        return "that is the whole of one sample, (timesteps, features); pick one timestep of it."
    return (f"expected the 3 features of sample 1 at its last timestep, shape (3,); you gave "
            f"shape {answer.shape}.")


@_exercise("01.2", typical_wrong_answer=((32, 8), (32, 10, 8)),
           praise="return_sequences=True keeps the timesteps axis; False drops it.")
def _lstm_output_shapes(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair: (shape with return_sequences=True, shape with False)."
    sequences, last = (_as_shape(s) for s in pair)
    if sequences is None or last is None:
        return "expected each shape as a tuple of ints, e.g. (32, 8)."
    if (sequences, last) == ((32, 10, 8), (32, 8)):
        return None
    if (sequences, last) == ((32, 8), (32, 10, 8)):
        return "the two are swapped: the sequence output is the one that keeps the timesteps."
    if len(sequences) == 3 and sequences[-1] == 5:
        return (f"the last axis of an LSTM's output is its units (8), not the input features "
                f"(5): you gave {sequences}.")
    if len(sequences) != 3:
        return ("a sequence model outputs (batch, timesteps, units), one vector per timestep: "
                f"you gave {sequences}.")
    if len(last) != 2:
        return f"a last-timestep model outputs (batch, units): you gave {last}."
    return f"expected (batch, timesteps, units) and (batch, units); you gave {sequences}, {last}."


def _rnn_param_counts(features, units):
    gru = 3 * units * (features + units + 2)  # reset_after=True: two bias vectors
    lstm = 4 * units * (features + units + 1)
    return gru, lstm


@_exercise("01.3", typical_wrong_answer=(3 * 16 * (7 + 16 + 1), 4 * 16 * (7 + 16 + 1)),
           praise="3·u·(F+u+2) for Keras's GRU, 4·u·(F+u+1) for the LSTM; T appears in neither.")
def _param_counts(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair of ints: (GRU weights, LSTM weights)."
    try:
        gru, lstm = (int(round(float(n))) for n in pair)
    except (TypeError, ValueError):
        return f"expected two numbers, (GRU weights, LSTM weights); you gave {answer!r}."
    want_gru, want_lstm = _rnn_param_counts(features=7, units=16)
    hints = []
    if gru == 3 * 16 * (7 + 16 + 1):
        hints.append("your GRU count is the reset_after=False formula; Keras 3's default GRU has "
                     "two bias vectors per gate: 3·u·(F + u + 2)")
    elif gru != want_gru:
        hints.append(
            f"a GRU has 3 gates, each with F·u + u·u weights and 2·u biases; you gave {gru}"
        )
    if lstm == 4 * 16 * (7 + 16):
        hints.append("your LSTM count leaves out the biases: 4·u·(F + u + 1)")
    elif lstm != want_lstm:
        hints.append(f"an LSTM has 4 gates, each with F·u + u·u weights and u biases; you gave "
                     f"{lstm}")
    return "; ".join(hints) + "." if hints else None


@_exercise("01.4", typical_wrong_answer=6,
           praise="StringLookup keeps column 0 for '[UNK]', the out-of-vocabulary token.")
def _one_hot_width(answer):
    if isinstance(answer, bool) or not isinstance(answer, (int, np.integer)):
        return f"expected an int, the number of features per timestep; you gave {answer!r}."
    if answer == 7:
        return None
    if answer == 6:
        return ("close: 2 numbers + 4 weather words, but StringLookup adds one more column, "
                "index 0, for words it has never seen ('[UNK]').")
    if answer in (3, 5):
        return "a one-hot code has one column per vocabulary entry, not a single column."
    return f"expected 2 numeric features plus the one-hot columns; you gave {answer}."
