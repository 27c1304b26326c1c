"""Exercise checkers: specific feedback for an answer, and "not attempted yet" for ``None``.

In a notebook: ``checks.check("01.2", answer)`` prints the feedback. ``grade()`` returns it as
``(status, message)`` with status ``"not attempted"``, ``"correct"`` or ``"wrong"``; the tests use
it to run every published solution through its checker. Each exercise is registered with a typical
wrong answer, so the tests can also prove that its checker rejects one.
"""

import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers import data
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


def _exercise(exercise_id, typical_wrong_answer, praise):
    def register(feedback):
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


def _as_shape(value):
    """A shape-like answer (tuple, list, 1-D array, TensorShape) as a tuple of ints, else None.

    Only these types, never any iterable: a generator or an endless iterator is not a shape.
    """
    if hasattr(value, "as_list"):  # TensorFlow's TensorShape
        value = value.as_list()
    if isinstance(value, np.ndarray):
        value = value.tolist() if value.ndim == 1 else None
    if not isinstance(value, (tuple, list)) or len(value) > 16:
        return None
    dims = [_as_whole_number(d) for d in value]
    return None if None in dims else tuple(dims)


def _as_pair(answer):
    """A two-item answer (tuple, list or array) as a tuple, else None."""
    if isinstance(answer, (tuple, list)) or (isinstance(answer, np.ndarray) and answer.ndim):
        return tuple(answer) if len(answer) == 2 else None
    return None


def _as_real(answer):
    """One finite real number (0.5, 7, np.float32(0.5), np.array(0.5)) as a float, else None.

    Text, bytes and booleans are not numbers here, even when NumPy would convert them.
    """
    if isinstance(answer, (bool, np.bool_, str, bytes, bytearray)):
        return None
    try:
        array = np.asarray(answer)
        if array.ndim:  # [0.5] holds a number, it is not one (NumPy 2.4 says so; 2.1 only warns)
            return None
        value = float(array)
    except (TypeError, ValueError, OverflowError):  # not one number, or beyond a float
        return None
    return value if np.isfinite(value) else None


def _as_whole_number(answer):
    """A number with an integer value (7, 7.0, np.int64(7), np.array(7)) as an int, else None."""
    value = _as_real(answer)
    return int(value) if value is not None and value.is_integer() else None


def _wrong_entries(answer, truth):
    """The keys of ``truth`` whose value ``answer`` gets wrong, or None if the keys differ.

    A value is right when it is the same True or False (Python's or NumPy's).
    """
    if not isinstance(answer, dict) or set(answer) != set(truth):
        return None
    return [key for key, value in truth.items()
            if not (isinstance(answer[key], (bool, np.bool_)) and bool(answer[key]) == value)]


def _call_model(answer, probe):
    """``(output as an array, None)``, or ``(None, hint)`` when ``answer`` cannot take ``probe``."""
    return _predict(answer, probe, f"sequences of {probe.shape[2]} features of any length, "
                                   f"shape {probe.shape}")


def _as_array(answer):
    """``answer`` as a NumPy array, or None for ragged nested lists that NumPy refuses."""
    try:
        return np.asarray(answer)
    except (ValueError, TypeError):  # ragged nested lists
        return None


def _predict(answer, inputs, shape_text):
    """``(output as an array, None)``, or ``(None, hint)`` when ``answer`` cannot read ``inputs``.

    ``inputs`` is one array or a list of arrays (a model with several inputs); ``shape_text``
    says in words what they are, for the hint.
    """
    import keras

    if not isinstance(answer, keras.Model):
        return None, f"expected a keras.Model, got {type(answer).__name__}."
    try:
        with warnings.catch_warnings():  # Keras's warnings may print whole tensors
            warnings.simplefilter("ignore")
            output = np.asarray(keras.ops.convert_to_numpy(answer(inputs)), dtype="float64")
    except Exception as error:  # any failure to read the held-out data is the learner's hint
        return None, (f"your model cannot read {shape_text}: {type(error).__name__}: "
                      f"{str(error).splitlines()[0][:160]}")
    if not np.all(np.isfinite(output)):
        return None, ("its outputs contain NaN or infinity: training diverged. Lower the "
                      "learning rate, and check the inputs and targets for NaN.")
    return output, None


def _recurrent_layers(model):
    """The recurrent layers of ``model``, in nested models too; a ``Bidirectional`` counts once.

    Keras 3 has no public walk through nested layers: this one follows ``.layers``.
    """
    import keras

    found, waiting = [], list(getattr(model, "layers", []))
    while waiting:
        layer = waiting.pop(0)
        if isinstance(layer, (keras.layers.RNN, keras.layers.Bidirectional)):
            found.append(layer)
        else:
            waiting.extend(getattr(layer, "layers", []))  # a model inside the model
    return found


def _ends_in_recurrent_layer(model):
    """True when ``model``'s last layer is a recurrent layer: its outputs are bounded by tanh."""
    return bool(model.layers) and any(model.layers[-1] is layer
                                      for layer in _recurrent_layers(model))


_BARE_HEAD = ("the last layer is the recurrent layer itself, whose tanh output stays inside "
              "(−1, 1): add a Dense head after it.")


def _far_above(error, good, reference, reference_name, units=""):
    """A hint for an error above ``good``, set against a reference any working model beats."""
    return (f"your model's error on fresh data is {error:.3g}{units}, above the {good:g}{units} "
            f"a trained model reaches in seconds ({reference_name}: {reference:.3g}{units}). "
            f"Train longer (more epochs), check that x and y line up, and that the loss is mse.")


# ---- Notebook 01 -------------------------------------------------------------------------------

_PRACTICE_BATCH = np.arange(24).reshape(2, 4, 3)  # the batch the exercise 01.1 cell builds


@_exercise("01.1", typical_wrong_answer=_PRACTICE_BATCH[1, :, -1],
           praise="x[sample, timestep] is the feature vector: x[1, -1] has shape (features,).")
def _feature_vector(answer):
    answer = _as_array(answer)
    if answer is None:
        return "expected an array of numbers, shape (3,); you gave nested lists of uneven lengths."
    batch = _PRACTICE_BATCH
    if answer.shape == (3,) and np.array_equal(answer, batch[1, -1]):
        return None
    if answer.shape == (4,) and np.array_equal(answer, batch[1, :, -1]):
        return ("that is the last *feature* at every timestep, shape (timesteps,). The feature "
                "vector of one timestep is batch[sample, timestep], shape (features,) = (3,).")
    if answer.shape == (3,) and np.array_equal(answer, batch[0, -1]):
        return "that is sample 0; samples are counted from 0, so the second sample is batch[1]."
    if answer.shape == (3,) and any(np.array_equal(answer, batch[1, t]) for t in range(3)):
        return "right sample, wrong timestep: the last timestep is index -1 (or 3)."
    if answer.shape == (2, 3) and np.array_equal(answer, batch[:, -1]):
        return "that is the last timestep of *every* sample, (samples, features); pick sample 1."
    if answer.shape == (4, 3):
        return "that is the whole of one sample, (timesteps, features); pick one timestep of it."
    if answer.shape == (3,):
        return "right shape (features,), but not the values of sample 1 at its last timestep."
    return (f"expected the 3 features of sample 1 at its last timestep, shape (3,); you gave "
            f"shape {answer.shape}.")


@_exercise("01.2", typical_wrong_answer=((32, 8), (32, 10, 8)),
           praise="return_sequences=True keeps the timesteps axis; False drops it.")
def _lstm_output_shapes(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair: (shape with return_sequences=True, shape with False)."
    if any(isinstance(s, (tuple, list)) and any(d is None for d in s) for s in pair):
        return ("the batch here has 32 sequences, so write 32 where model.output_shape shows None "
                "(a model leaves the batch size open; a batch of data does not).")
    sequences, last = (_as_shape(s) for s in pair)
    if sequences is None or last is None:
        return "expected each shape as a tuple of ints, e.g. (32, 8)."
    if (sequences, last) == ((32, 10, 8), (32, 8)):
        return None
    if (sequences, last) == ((32, 8), (32, 10, 8)):
        return "the two are swapped: the sequence output is the one that keeps the timesteps."
    if 5 in (sequences[-1:] + last[-1:]):
        return (f"the last axis of an LSTM's output is its units (8), not the input features "
                f"(5): you gave {sequences} and {last}.")
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


_F, _U = 5, 12  # the sizes exercise 01.3 asks about


@_exercise("01.3", typical_wrong_answer=(3 * _U * (_F + _U + 1), 4 * _U * (_F + _U + 1)),
           praise="3·u·(F+u+2) for Keras's GRU, 4·u·(F+u+1) for the LSTM; T appears in neither.")
def _param_counts(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair of ints: (GRU weights, LSTM weights)."
    gru, lstm = (_as_whole_number(n) for n in pair)
    if gru is None or lstm is None:
        return (f"expected two whole numbers, (GRU weights, LSTM weights); you gave "
                f"{describe(answer)}.")
    want_gru, want_lstm = _rnn_param_counts(features=_F, units=_U)
    if (gru, lstm) == (want_lstm, want_gru):
        return "the two are swapped: the LSTM, with 4 blocks of weights, is the larger."
    hints = []
    if gru == 3 * _U * (_F + _U + 1):
        hints.append("your GRU count is the reset_after=False formula; Keras 3's default GRU has "
                     "two bias vectors per block: 3·u·(F + u + 2)")
    elif gru != want_gru:
        hints.append(f"a GRU has 3 blocks (2 gates and a candidate), each with an (F, u) kernel, "
                     f"a (u, u) recurrent kernel and 2·u biases; you gave {gru}")
    if lstm == 4 * _U * (_F + _U):
        hints.append("your LSTM count leaves out the biases: 4·u·(F + u + 1)")
    elif lstm != want_lstm:
        hints.append(f"an LSTM has 4 blocks (3 gates and a candidate), each with an (F, u) "
                     f"kernel, a (u, u) recurrent kernel and u biases; you gave {lstm}")
    return "; ".join(hints) + "." if hints else None


_NUMERIC, _WORDS = 3, 5  # exercise 01.4: 3 numeric features, a 5-word vocabulary


@_exercise("01.4", typical_wrong_answer=_NUMERIC + _WORDS,
           praise="StringLookup keeps column 0 for '[UNK]', the out-of-vocabulary token.")
def _one_hot_width(answer):
    width = _as_whole_number(answer)
    if width is None:
        return f"expected a whole number of features per timestep; you gave {describe(answer)}."
    if width == _NUMERIC + _WORDS + 1:
        return None
    if width == _NUMERIC + _WORDS:
        return ("close: 3 numbers + 5 weather words, but StringLookup adds one more column, "
                "index 0, for words it has never seen ('[UNK]').")
    if width in (_WORDS, _WORDS + 1):
        return "that counts the one-hot columns only; the 3 numeric features are there too."
    if width in (_NUMERIC + 1, 2):
        return "a one-hot code has one column per vocabulary entry, not a single column."
    return f"expected 3 numeric features plus the one-hot columns; you gave {width}."


_ROWS, _SENSORS, _WINDOW, _FORECAST = 1440, 6, 60, 2  # exercise 01.5: a day of minutes
_WINDOWS = _ROWS - 1 - _WINDOW + 1  # windows of table[:-1]: each needs the minute after it


@_exercise("01.5", typical_wrong_answer=((_WINDOWS, _WINDOW, _SENSORS),
                                         (_WINDOWS, _WINDOW, _FORECAST),
                                         (_WINDOWS, 1, _FORECAST)),
           praise="rows - 1 - T + 1 windows; targets keep a timesteps axis only for "
                  "return_sequences=True.")
def _table_to_windows(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return "expected three shapes: (x's shape, y's shape per step, y's shape per window)."
    shapes = [_as_shape(s) for s in answer]
    if None in shapes:
        return "expected each of the three shapes as a tuple of ints, e.g. (10, 4, 3)."
    x, per_step, per_window = shapes
    want = ((_WINDOWS, _WINDOW, _SENSORS), (_WINDOWS, _WINDOW, _FORECAST),
            (_WINDOWS, _FORECAST))
    if (x, per_step, per_window) == want:
        return None
    counts = {s[0] for s in shapes}
    if counts == {_ROWS - _WINDOW + 1}:
        return (f"{_ROWS - _WINDOW + 1} windows would fit in 1,440 rows, but the last one has no "
                f"next minute to forecast: cut the windows from table[:-1].")
    if counts == {_ROWS // _WINDOW} or counts == {(_ROWS - 1) // _WINDOW}:
        return ("that counts windows that do not overlap; here a window starts every minute, "
                "so consecutive windows share 59 rows.")
    if x in ((_WINDOWS, _SENSORS, _WINDOW),) or per_step == (_WINDOWS, _FORECAST, _WINDOW):
        return ("the last two axes are swapped: sliding_window_view puts the window axis last; "
                "move it to axis 1 (np.moveaxis(w, -1, 1)) to get (samples, timesteps, features).")
    if per_window == (_WINDOWS, 1, _FORECAST):
        return ("per window is (samples, outputs): y[:, -1] drops the timesteps axis, while "
                "y[:, -1:] keeps it as a length-1 axis, (N, 1, 2), which a last-step model "
                "does not output.")
    if per_step == (_WINDOWS, _WINDOW) or per_window == (_WINDOWS,):
        return ("two sensors are forecast, so the targets keep an outputs axis of 2: (N, 60, 2) "
                "per step, (N, 2) per window.")
    if x[1:] != (_WINDOW, _SENSORS):
        return f"each window is 60 timesteps of 6 sensors, so x is (N, 60, 6); you gave {x}."
    return (f"expected x (N, 60, 6), per-step targets (N, 60, 2) and per-window targets (N, 2), "
            f"with N the number of windows; you gave {x}, {per_step}, {per_window}.")


# ---- Notebook 02 -------------------------------------------------------------------------------


def _last_step_model():
    import keras

    inputs = keras.Input(shape=(None, 5))
    hidden = keras.layers.LSTM(8)(inputs)
    return keras.Model(inputs, keras.layers.Dense(3)(hidden))


@_exercise("02.1", typical_wrong_answer=_last_step_model,
           praise="(batch, timesteps, 3): a prediction of 3 numbers at every timestep.")
def _sequence_model(answer):
    output, hint = _call_model(answer, np.zeros((2, 7, 5), dtype="float32"))
    if hint:
        return hint
    out = output.shape
    if out == (2, 7, 3):
        return None
    if out == (2, 3):
        return ("your model returns only the last timestep, (batch, 3): give its recurrent layer "
                "return_sequences=True.")
    if len(out) == 3 and out[:2] == (2, 7):
        return f"it returns {out[2]} numbers per timestep; the head should output 3."
    return f"on input (2, 7, 5) it should return (2, 7, 3); yours returns {out}."


@_exercise("02.2", typical_wrong_answer=20 * (8 * 3 + 3),
           praise="8·3 + 3 = 27: one Dense, shared by every timestep.")
def _dense_head_params(answer):
    answer = _as_whole_number(answer)
    if answer is None:
        return "expected a whole number of weights."
    if answer == 27:
        return None
    if answer == 20 * 27:
        return ("the Dense head does not get a copy per timestep: the same 8·3 weights and 3 "
                "biases act at all 20 of them.")
    if answer == 24:
        return "add the 3 biases: 8·3 + 3."
    if answer in (5 * 3 + 3, 18):
        return "the head reads the LSTM's 8 units, not the 5 input features."
    return f"the head maps 8 numbers to 3 at each timestep, with shared weights; you gave {answer}."


def _per_step_classifier_without_softmax():
    import keras

    inputs = keras.Input(shape=(None, 8))
    hidden = keras.layers.GRU(8, return_sequences=True)(inputs)
    return keras.Model(inputs, keras.layers.Dense(3)(hidden))


@_exercise("02.3", typical_wrong_answer=_per_step_classifier_without_softmax,
           praise="(batch, timesteps, 3) with a softmax over the last axis: a probability "
                  "distribution over the 3 states at every minute.")
def _per_step_classifier(answer):
    output, hint = _call_model(answer, np.linspace(-1, 1, 2 * 7 * 8, dtype="float32")
                               .reshape(2, 7, 8))
    if hint:
        return hint
    out = output.shape
    if out == (2, 3):
        return ("your model returns one answer per sequence, (batch, 3): a label per minute needs "
                "return_sequences=True on the recurrent layer.")
    if len(out) != 3 or out[:2] != (2, 7):
        return f"on input (2, 7, 8) it should return (2, 7, 3), a row per minute; yours: {out}."
    if out[2] != 3:
        return f"it returns {out[2]} numbers per minute; there are 3 states to score."
    if not np.all(np.isfinite(output)) or output.min() < 0:
        return "some outputs are negative: end with a softmax, Dense(3, activation='softmax')."
    if np.allclose(output.sum(axis=1), 1, atol=1e-4) and not np.allclose(output.sum(-1), 1,
                                                                          atol=1e-4):
        return ("the probabilities sum to 1 over the timesteps; the softmax must run over the "
                "last axis, the 3 states, at each minute (Dense's activation does this).")
    if not np.allclose(output.sum(axis=-1), 1, atol=1e-4):
        return ("the 3 numbers at each minute are not probabilities (they do not sum to 1): "
                "end with Dense(3, activation='softmax').")
    return None


@functools.cache
def _smoothed_held_out():
    """Fresh sequences for exercise 02.4, and their noise-free slow average (target 1)."""
    x, _, _ = data.smoothed_signals(500, seed=2024)
    return x, data.smoothed_targets(x)[:, :, 1:]


def _without_head():
    import keras

    return keras.Sequential([keras.Input(shape=(None, 3)),
                             keras.layers.LSTM(1, return_sequences=True)])


@_exercise("02.4", typical_wrong_answer=_without_head,
           praise="at every timestep of 500 fresh sequences, its slow average is close to the "
                  "noise-free one.")
def _per_step_forecaster(answer):
    x, clean = _smoothed_held_out()
    output, hint = _predict(answer, x, "sequences of 3 features, shape (500, 20, 3)")
    if hint:
        return hint
    if output.ndim == 2:
        return (f"your model returns one row per sequence, {output.shape}: the target has a "
                f"value at every timestep, so give the recurrent layer return_sequences=True.")
    if output.ndim != 3 or output.shape[:2] != (500, 20):
        return f"on (500, 20, 3) it should return (500, 20, 1); yours returns {output.shape}."
    if output.shape[2] != 1:
        return (f"it returns {output.shape[2]} numbers per timestep: this exercise asks for the "
                f"slow average only, y[:, :, 1:], so a Dense(1) head.")
    if _ends_in_recurrent_layer(answer):
        return _BARE_HEAD
    error = float(np.mean((output - clean) ** 2))
    if error < 0.05:
        return None
    return _far_above(error, 0.05, float(np.mean(clean**2)), "always predicting 0")


# ---- Notebook 03 -------------------------------------------------------------------------------

_PER_STEP_TARGETS = np.arange(4000).reshape(100, 20, 2)  # the array the exercise 03.1 cell builds


@_exercise("03.1", typical_wrong_answer=_PER_STEP_TARGETS[:, :, -1],
           praise="y[:, -1] keeps every sample and every output, at the last timestep only.")
def _last_step_targets(answer):
    answer = _as_array(answer)
    if answer is None:
        return "expected an array (samples, outputs); you gave nested lists of uneven lengths."
    expected = _PER_STEP_TARGETS[:, -1]
    if answer.shape == expected.shape and np.array_equal(answer, expected):
        return None
    if answer.shape == (100, 20):
        return ("that is the last *output* at every timestep, (samples, timesteps). A "
                "last-timestep model needs (samples, outputs): index the timesteps axis, y[:, -1].")
    if answer.shape == (20, 2):
        return "that is one sample's whole sequence; keep all 100 samples: (samples, outputs)."
    if answer.shape == (100, 2):
        return "right shape, wrong values: take the *last* timestep, index -1 on axis 1."
    return f"expected shape (samples, outputs) = (100, 2); you gave {answer.shape}."


def _sequence_classifier():
    import keras

    inputs = keras.Input(shape=(None, 4))
    hidden = keras.layers.GRU(8, return_sequences=True)(inputs)
    return keras.Model(inputs, keras.layers.Dense(5, activation="softmax")(hidden))


@_exercise("03.2", typical_wrong_answer=_sequence_classifier,
           praise="one probability vector over 5 classes per sequence: (batch, 5).")
def _classifier(answer):
    out, hint = _call_model(answer, np.random.default_rng(0).normal(size=(2, 9, 4)).astype("f4"))
    if hint:
        return hint
    if out.shape == (2, 9, 5):
        return ("it returns 5 numbers at every timestep, (batch, timesteps, 5): one label per "
                "sequence needs return_sequences=False (the default) on the last recurrent layer.")
    if out.shape != (2, 5):
        return f"on input (2, 9, 4) it should return (2, 5); yours returns {out.shape}."
    if not (np.all(out >= 0) and np.allclose(out.sum(axis=1), 1, atol=1e-4)):
        return "the shape is right, but the rows are not probabilities: use activation='softmax'."
    return None


_RECORDINGS, _READINGS, _AXES, _ACTIVITIES = 800, 500, 3, 6  # exercise 03.3: 10 s at 50 Hz


@_exercise("03.3", typical_wrong_answer=((_RECORDINGS, _READINGS, _AXES),
                                         (_RECORDINGS, _READINGS),
                                         (_RECORDINGS, _READINGS, _ACTIVITIES),
                                         "sparse_categorical_crossentropy"),
           praise="one label per recording: (800,) integer labels, a (batch, 6) softmax from the "
                  "last output, sparse categorical cross-entropy.")
def _activity_setting(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return "expected four items: (x's shape, y's shape, the output's shape, the loss's name)."
    x, y, out = (_as_shape(s) for s in answer[:3])
    loss = answer[3]
    if None in (x, y, out):
        return "expected the first three items as shapes, tuples of ints, e.g. (800, 500, 3)."
    if not isinstance(loss, str):
        return "expected the loss's name as a string, e.g. 'mse'."
    hints = []
    if x == (_RECORDINGS, _AXES, _READINGS):
        hints.append("x has its last two axes swapped: (samples, timesteps, features) = "
                     "(800, 500, 3)")
    elif x == (_RECORDINGS, 10, _AXES):
        hints.append("a timestep is one reading, not one second: 10 s at 50 Hz is 500 timesteps")
    elif x != (_RECORDINGS, _READINGS, _AXES):
        hints.append(f"x is (recordings, readings, axes) = (800, 500, 3); you gave {x}")
    if y == (_RECORDINGS, _READINGS):
        hints.append("y has one label per recording, not per reading: (800,)")
    elif y == (_RECORDINGS, _ACTIVITIES):
        hints.append("(800, 6) is one-hot; integer labels are (800,)")
    elif y not in ((_RECORDINGS,), (_RECORDINGS, 1)):
        hints.append(f"integer labels, one per recording, are (800,); you gave {y}")
    if len(out) == 3:
        hints.append("the output has a timesteps axis: that is return_sequences=True; one "
                     "answer per recording is (800, 6)")
    elif out[-1:] != (_ACTIVITIES,) or len(out) != 2:
        hints.append(f"the softmax output is (batch, classes) = (800, 6); you gave {out}")
    if loss.strip().lower().replace(" ", "_") not in ("sparse_categorical_crossentropy",
                                                      "sparsecategoricalcrossentropy"):
        hints.append("integer labels go with 'sparse_categorical_crossentropy' (plain "
                     "'categorical_crossentropy' wants one-hot labels)"
                     if "categorical" in loss.lower() else
                     f"a class label calls for a cross-entropy loss, not {loss[:40]!r}")
    return "; ".join(hints) + "." if hints else None


SENSOR_WINDOW = 12
_SENSOR_GOOD = 2.0  # kW², against the noise-free load: the published solution gets 0.4 to 1.0


@functools.cache
def _sensor_held_out():
    """Exercise 03.4's fresh windows (raw units), their noise-free next loads, this hour's load."""
    table = data.sensor_table(series=4, steps=300, seed=3034)  # the exercise trains on seed 2
    _, _, _, _, expected = data._sensor_arrays(4, 300, 3034)
    xs, clean, last = [], [], []
    for s, (_, rows) in enumerate(table.groupby("sensor")):
        values = rows.sort_values("time")[list(data.SENSOR_COLUMNS)].to_numpy("float32")
        for end in range(SENSOR_WINDOW - 1, len(values) - 1):  # rows end-11 … end, then end+1
            xs.append(values[end - SENSOR_WINDOW + 1:end + 1])
            clean.append(expected[s, end])
            last.append(values[end, 2])
    return np.stack(xs), np.array(clean), np.array(last)


def _sensor_copycat():
    import keras

    inputs = keras.Input(shape=(SENSOR_WINDOW, 3))
    last_load = keras.layers.Lambda(lambda x: x[:, -1, 2:3])(inputs)
    return keras.Model(inputs, last_load)


@_exercise("03.4", typical_wrong_answer=_sensor_copycat,
           praise="from windows in the table's own units, its forecasts of the next hour's "
                  "load on 4 new sensors, in kW, are far better than persistence's.")
def _sensor_forecaster(answer):
    x, clean, last = _sensor_held_out()
    output, hint = _predict(answer, x, f"windows of the table's 3 columns in their own units, "
                                       f"shape {x.shape}")
    if hint:
        return hint
    n = len(x)
    if output.ndim == 3 and output.shape[:2] == (n, SENSOR_WINDOW):
        return ("your model returns a row per timestep: a forecast of the next hour is one "
                "number per window, so the LSTM needs return_sequences=False (the default).")
    if output.shape not in ((n, 1), (n,)):
        return f"on {x.shape} it should return ({n}, 1), a load per window; yours: {output.shape}."
    forecast = output.reshape(n)
    if _ends_in_recurrent_layer(answer):
        return _BARE_HEAD
    if abs(forecast.mean()) < 5 and clean.mean() > 30:
        return (f"your forecasts average {forecast.mean():.2f}, the load averages "
                f"{clean.mean():.0f} kW: they are still in scaled units. End the model with the "
                f"way back to kW (step 6): layers.Rescaling(std, offset=mean).")
    if forecast.std() < 0.2 * clean.std():
        return (f"your forecasts hardly move (spread {forecast.std():.2f} kW against the load's "
                f"{clean.std():.1f}): does the model scale its inputs? Put the Normalization "
                f"layer adapted on the training rows first (step 3).")
    if abs(forecast.mean() - clean.mean()) > clean.std() or forecast.std() > 2 * clean.std():
        return (f"your forecasts average {forecast.mean():.3g} kW with a spread of "
                f"{forecast.std():.3g}, the load {clean.mean():.0f} kW with a spread of "
                f"{clean.std():.0f}. Check the scaling inside the model: first Normalization, "
                f"adapted on temperature, humidity, load in that order; last Rescaling(std, "
                f"offset=mean) with the load's mean and standard deviation (the square root of "
                f"norm.variance). And cut each sensor's windows on its own.")
    error = float(np.mean((forecast - clean) ** 2))
    persistence = float(np.mean((last - clean) ** 2))
    if error < _SENSOR_GOOD:
        return None
    if float(np.mean((forecast - last) ** 2)) < 0.1 * error or error > 0.8 * persistence:
        return (f"its error, {error:.3g} kW², is about persistence's ({persistence:.3g}): check "
                f"that each target is exactly the row after its window (data[:-1], "
                f"targets=data[window:]), neither the window's own last row (the model learns "
                f"to copy it) nor a later one.")
    return _far_above(error, _SENSOR_GOOD, persistence, "persistence", " kW²")


# ---- Notebook 04 -------------------------------------------------------------------------------


def _all_return_sequences():
    import keras

    inputs = keras.Input(shape=(None, 3))
    hidden = keras.layers.LSTM(16, return_sequences=True)(inputs)
    return keras.Model(inputs, keras.layers.LSTM(8, return_sequences=True)(hidden))


@_exercise("04.1", typical_wrong_answer=_all_return_sequences,
           praise="every recurrent layer but the top returns sequences; the top gives (batch, 8).")
def _stack(answer):
    import keras

    if not isinstance(answer, keras.Model):
        return f"expected a keras.Model, got {type(answer).__name__}."
    recurrent = [layer for layer in answer.layers if isinstance(layer, keras.layers.RNN)]
    if len(recurrent) < 2:
        return f"expected two stacked recurrent layers; your model has {len(recurrent)}."
    output, hint = _call_model(answer, np.zeros((2, 7, 3), "float32"))
    if hint:
        return hint
    out = output.shape
    if out == (2, 7, 8):
        return ("the top layer also returns sequences, (batch, timesteps, 8): give only the "
                "lower layer return_sequences=True.")
    if out != (2, 8):
        return f"on input (2, 7, 3) it should return (2, 8), the top's last output; got {out}."
    return None


SETTING_TASKS = {
    "tag every word of a sentence with its part of speech": True,
    "decide whether a whole review is positive": False,
    "the lower layer of two stacked LSTMs": True,
    "forecast tomorrow's temperature from the last 30 days, one target per window": False,
}
_SETTING_NOTES = {  # what the generic reason leaves out
    "forecast tomorrow's temperature from the last 30 days, one target per window": (
        "with one target per window, the other 29 outputs would have nothing to learn from "
        "(trained on every day's next value instead, True works too: section 6's table)"),
}


@_exercise("04.2", typical_wrong_answer={task: True for task in SETTING_TASKS},
           praise="one output per timestep → True; one output per sequence → False.")
def _settings(answer):
    wrong = _wrong_entries(answer, SETTING_TASKS)
    if wrong is None:
        return "expected a dict with the four tasks (copy them from the cell) as keys, True/False."
    if not wrong:
        return None
    task = wrong[0]
    why = _SETTING_NOTES.get(task, "it needs an output at every timestep" if SETTING_TASKS[task]
                             else "it needs one output for the whole sequence")
    return (f"{len(wrong)} of 4 to rethink; for example '{task}': {why}, so "
            f"return_sequences={SETTING_TASKS[task]}.")


# Exercise 04.3: 500 windows of 60 one-second readings of 6 sensors, 2 numbers to predict.
SENSOR_TASKS = {
    "per second": {"x": (500, 60, 6), "y": (500, 60, 2), "return_sequences": True},
    "per window": {"x": (500, 60, 6), "y": (500, 2), "return_sequences": False},
}


def _sensor_x_hint(x):
    """What is wrong with an answer for X's shape, (500, 60, 6); None if nothing."""
    if isinstance(x, (tuple, list)) and len(x) <= 16 and any(d is None for d in x):
        return "a batch of data has a size on every axis: write 500 (windows) where None is."
    shape = _as_shape(x)
    if shape is None:
        return f"expected X's shape as a tuple of ints, got {describe(x)}."
    if shape == (500, 60, 6):
        return None
    if sorted(shape) == [6, 60, 500]:
        return (f"right sizes, wrong order: {shape}. The axes are (samples, timesteps, "
                "features) = (windows, seconds, sensors).")
    if shape == (500, 60):
        return "a recurrent layer reads 3-D input: keep the features axis, the 6 sensors."
    if shape in ((30_000, 6), (60, 6)):
        return (f"{shape} is not a batch of windows: X is (windows, seconds, sensors), the "
                "30,000 readings cut into 500 windows of 60.")
    return f"expected X as (windows, seconds, sensors); you gave {shape}."


def _sensor_y_hint(task, y):
    """What is wrong with an answer for y's shape in ``task``; None if nothing."""
    shape = _as_shape(y)
    if shape is None:
        return f"expected y's shape as a tuple of ints, got {describe(y)}."
    right = SENSOR_TASKS[task]["y"]
    if shape == right:
        return None
    if task == "per window" and shape == (500, 1, 2):
        return ("y[:, -1:] keeps a seconds axis of length 1, (500, 1, 2), but a last-step model "
                "outputs (windows, outputs): take y[:, -1], (500, 2).")
    if task == "per window" and shape == (500, 60, 2):
        return ("that is a label per second, but only each window's last second is labelled: "
                "one label per window has no seconds axis.")
    if task == "per second" and shape == (500, 2):
        return "that is one label per window; a label per second keeps the seconds axis."
    if shape in ((500, 60), (500,)):
        return f"each label is 2 numbers: keep the outputs axis, {right}."
    if sorted(shape) == sorted(right):
        return f"right sizes, wrong order: the axes of y are {right}'s."
    axes = "(windows, seconds, outputs)" if len(right) == 3 else "(windows, outputs)"
    return f"expected y as {axes}; you gave {shape}."


@_exercise("04.3", typical_wrong_answer={
    "per second": SENSOR_TASKS["per second"],
    "per window": {**SENSOR_TASKS["per window"], "y": (500, 1, 2)}},
    praise="X is (windows, seconds, sensors) in both; y keeps the seconds axis, and the layer "
           "returns sequences, only with a label per second.")
def _sensor_shapes(answer):
    if not isinstance(answer, dict) or set(answer) != set(SENSOR_TASKS):
        return ("expected a dict with the keys 'per second' and 'per window' (copy the cell), "
                "each a dict with the keys 'x', 'y' and 'return_sequences'.")
    for task, truth in SENSOR_TASKS.items():
        given = answer[task]
        if not isinstance(given, dict) or set(given) != set(truth):
            return (f"expected answer['{task}'] as a dict with the keys 'x', 'y' and "
                    f"'return_sequences', got {describe(given)}.")
        flag = given["return_sequences"]
        if not isinstance(flag, (bool, np.bool_)):
            flag_hint = f"expected return_sequences as True or False, got {describe(flag)}."
        elif bool(flag) != truth["return_sequences"]:
            flag_hint = ("a label per second needs an output at every step: True." if
                         truth["return_sequences"] else
                         "only the last second is labelled, so the other 59 outputs would have "
                         "nothing to learn from: return only the last step's output, False.")
        else:
            flag_hint = None
        hint = _sensor_x_hint(given["x"]) or _sensor_y_hint(task, given["y"]) or flag_hint
        if hint:
            return f"'{task}': {hint}"
    return None


@functools.cache
def _comovement_held_out():
    x, _, _ = data.comovement(1000, seed=4044)
    return x, data.comovement_targets(x)


def _one_lstm_regressor():
    """One LSTM, then a head: no stack (exercise 04.4) and no mask (exercise 06.5)."""
    import keras

    return keras.Sequential([keras.Input(shape=(None, 3)), keras.layers.LSTM(4),
                             keras.layers.Dense(1)])


@_exercise("04.4", typical_wrong_answer=_one_lstm_regressor,
           praise="two recurrent layers, the lower one returning every step, and an error on "
                  "1,000 fresh sequences close to the best possible.")
def _stacked_regressor(answer):
    x, clean = _comovement_held_out()
    output, hint = _predict(answer, x, "sequences of 3 features, shape (1000, 20, 3)")
    if hint:
        return hint
    if output.ndim == 3:
        return ("your model returns a row per timestep: the top recurrent layer should return "
                "only its last output (return_sequences=False) for one answer per sequence.")
    if output.shape != (1000, 1):
        return f"on (1000, 20, 3) it should return (1000, 1); yours returns {output.shape}."
    recurrent = _recurrent_layers(answer)
    if len(recurrent) < 2 or not any(getattr(layer, "return_sequences", False)
                                     for layer in recurrent):
        return (f"it has {len(recurrent)} recurrent layer(s), none returning sequences: stack "
                f"two, the first with return_sequences=True so that the second reads its "
                f"sequence.")
    if _ends_in_recurrent_layer(answer):
        return _BARE_HEAD
    error = float(np.mean((output - clean) ** 2))
    if error < 0.25:
        return None
    return _far_above(error, 0.25, float(np.mean(clean**2)), "always predicting 0")


# ---- Notebook 05 -------------------------------------------------------------------------------

KNOWN_IN_ADVANCE = {
    "day_of_year": True,
    "temp_max": False,
    "weather": False,
    "public_holiday": True,
    "precipitation": False,
}


@_exercise("05.1", typical_wrong_answer={column: True for column in KNOWN_IN_ADVANCE},
           praise="the calendar is known for any future day; the weather only once it happened.")
def _known_in_advance(answer):
    wrong = _wrong_entries(answer, KNOWN_IN_ADVANCE)
    if wrong is None:
        return ("expected a dict with the five columns (copy them from the cell) as keys and "
                "True (known in advance) or False (known only in the past) as values.")
    if not wrong:
        return None
    column = wrong[0]
    why = ("it follows from the date alone, so it is known for every future day"
           if KNOWN_IN_ADVANCE[column]
           else "nobody knows it for a day before that day has happened")
    return f"{len(wrong)} of 5 to rethink; for example '{column}': {why}."


@_exercise("05.2", typical_wrong_answer=336,
           praise="365 − 30 − 3 + 1 = 333: the last window must end 3 days before the year does.")
def _window_count(answer):
    count = _as_whole_number(answer)
    if count is None:
        return f"expected a whole number of windows, got {describe(answer)}."
    if count == 336:
        return ("that leaves no room for the targets: a window ending on the year's last day has "
                "no target 1–3 days later inside the year.")
    if count == 335:
        return "that leaves room for 1 day ahead, but the furthest target is 3 days ahead."
    if count == 334:
        return "close: count the start days. The first window starts on day 0, the last on …?"
    if count != 333:
        return (f"{count} is not it: a window of 30 days plus 3 days of targets needs 33 days; "
                "count how many start days leave room for that in 365.")
    return None


@_exercise("05.3", typical_wrong_answer=13,
           praise="4 numbers + 1 departure + 3 embedding values + 2 calendar values = 10.")
def _embedding_width(answer):
    width = _as_whole_number(answer)
    if width is None:
        return f"expected a whole number of features per timestep, got {describe(answer)}."
    if width == 13:
        return "13 is the one-hot width: the 6 one-hot columns become 3 embedding values."
    if width == 9:
        return "count the departure from normal too: 4 numeric + 1 departure + 3 + 2."
    if width == 11:
        return "the embedding replaces the one-hot columns; it does not come on top of the index."
    if width != 10:
        return f"{width} is not it: add the widths of the four parts (see section 3's table)."
    return None


WEATHER_NUMERIC = ("temp_max", "temp_min", "precipitation", "wind")


@functools.cache
def _weather_held_out():
    """Exercise 05.4's 2015 windows (14 days, raw units) and the next day's temp_max."""
    from helpers import weather

    test = weather.split_by_year(weather.load_seattle_weather())["test"]
    inputs, y, _ = weather.make_windows(test, length=14, columns=list(WEATHER_NUMERIC))
    x = np.stack([inputs[column] for column in WEATHER_NUMERIC], axis=-1).astype("float32")
    return x, y[:, 0].astype("float64")


def _weather_copycat():
    import keras

    inputs = keras.Input(shape=(14, 4))
    return keras.Model(inputs, keras.layers.Lambda(lambda x: x[:, -1, :1])(inputs))


@_exercise("05.4", typical_wrong_answer=_weather_copycat,
           praise="in °C from raw columns, and its mean absolute error on 2015 is below "
                  "persistence's (tomorrow = today).")
def _weather_forecaster(answer):
    x, y = _weather_held_out()
    n = len(x)
    output, hint = _predict(answer, x, f"14-day windows of {list(WEATHER_NUMERIC)} in their own "
                                       f"units, shape {x.shape}")
    if hint:
        return hint
    if output.ndim == 3:
        return ("your model returns a row per day of the window: tomorrow's forecast is one "
                "number per window (return_sequences=False on the last LSTM).")
    if output.shape not in ((n, 1), (n,)):
        return f"on {x.shape} it should return ({n}, 1); yours returns {output.shape}."
    forecast = output.reshape(n)
    if abs(forecast.mean()) < 3 and y.mean() > 8:
        return (f"your forecasts average {forecast.mean():.2f} while 2015's maxima average "
                f"{y.mean():.1f} °C: they are in scaled units. End the model with "
                f"layers.Rescaling(std, offset=mean) of temp_max's training statistics.")
    if forecast.std() < 0.2 * y.std() or abs(forecast.mean() - y.mean()) > y.std() or \
            forecast.std() > 2 * y.std():
        return (f"your forecasts average {forecast.mean():.1f} °C with a spread of "
                f"{forecast.std():.1f}, 2015's maxima {y.mean():.1f} °C with a spread of "
                f"{y.std():.1f}: check the scaling inside the model. First Normalization, "
                f"adapted on the training years' {', '.join(WEATHER_NUMERIC)}, in that order; "
                f"last Rescaling(std, offset=mean) with temp_max's mean and standard deviation.")
    error = float(np.mean(np.abs(forecast - y)))
    persistence = float(np.mean(np.abs(x[:, -1, 0] - y)))
    if np.mean(np.abs(forecast - x[:, -1, 0])) < 0.1 * error:
        return ("your forecast is today's maximum, copied (persistence): check that the target "
                "is the day after the window, not its last day.")
    if error < persistence:
        return None  # a trained model reaches about 2.1 °C, persistence 2.25 °C
    return (f"its mean absolute error on 2015 is {error:.2f} °C, not below persistence's "
            f"{persistence:.2f} °C (tomorrow = today). Train longer, scale inputs and target "
            f"with the training years' statistics, and check that the target is the next day.")


# ---- Notebook 06 -------------------------------------------------------------------------------

_POST_PADDED_MASK = np.array([[1, 1, 1, 0], [1, 0, 0, 0], [1, 1, 0, 0]], dtype=bool)


@_exercise("06.1", typical_wrong_answer=_POST_PADDED_MASK[:, ::-1],
           praise="post-padding puts the padding, and the False entries, at the end of each row.")
def _padding_mask(answer):
    answer = _as_array(answer)
    if answer is None or answer.dtype.kind not in "biu":
        return "expected an array of booleans (or 0/1), shape (3, 4): one row per sequence."
    if answer.shape != (3, 4):
        return (f"the mask has one entry per (sample, timestep): shape (3, 4) for 3 sequences "
                f"padded to 4 steps; you gave shape {answer.shape}.")
    answer = answer.astype(bool)
    if np.array_equal(answer, _POST_PADDED_MASK):
        return None
    if np.array_equal(answer, _POST_PADDED_MASK[:, ::-1]):
        return ("that is the mask of pre-padding (padding first). With padding='post' the real "
                "steps come first, then the padding.")
    if np.array_equal(answer, ~_POST_PADDED_MASK):
        return "True marks the real steps the layer should read, False the padding: flip it."
    return "row i should hold lengths[i] True values, then False for the padding."


@_exercise("06.2", typical_wrong_answer=(32, 15, 8),
           praise="both directions return 8 numbers at every step, concatenated: (32, 15, 16).")
def _bidirectional_shape(answer):
    shape = _as_shape(answer)
    if shape is None:
        return f"expected a shape such as (32, 15, 16), got {describe(answer)}."
    if shape == (32, 15, 16):
        return None
    if shape == (32, 15, 8):
        return ("that is one direction. Bidirectional concatenates the forward and the backward "
                "outputs (merge_mode='concat'): 2 × 8 numbers per step.")
    if shape == (32, 16):
        return ("that would be return_sequences=False. With True, every one of the 15 steps "
                "keeps its output.")
    return "on (batch, timesteps, features) = (32, 15, 4): which axes stay, and what is the last?"


@_exercise("06.3", typical_wrong_answer=(1.0, 1.0),
           praise="the mask averages over the 6 real steps; default sample weights over all 12.")
def _padded_loss(answer):
    masked, weighted = (_as_real(value) for value in _as_pair(answer) or (None, None))
    if masked is None or weighted is None:
        return "expected a pair of numbers (with a mask, with sample weights), e.g. (2.0, 1.5)."
    if np.isclose(masked, 1.0) and np.isclose(weighted, 0.5):
        return None
    if not np.isclose(masked, 1.0):
        if np.isclose(masked, 3.0):
            return "3.0 averages over all 12 steps: a mask keeps only the 6 real ones."
        return "with a mask, Keras averages the squared errors over the real steps only."
    if np.isclose(weighted, 1.0):
        return ("the default reduction divides the weighted sum by all 12 steps, not by the 6 "
                "real ones: 6 × 1 / 12.")
    if np.isclose(weighted, 3.0):
        return "the weights zero the padded steps' errors before the sum: 6 × 1 + 6 × 0."
    return "with weights 1/0, the default divides the weighted sum by the number of steps, 12."


def _padded_logs_hint(answer):
    """Hint on 06.4 (a), the post-padded batch's shape, or None when it is (3, 30, 3)."""
    shape = _as_shape(answer)
    if shape is None:
        return f"expected a shape tuple of ints, got {describe(answer)}."
    if shape == (3, 30, 3):
        return None
    if sorted(shape) == [3, 3, 30]:
        return f"order the axes (samples, timesteps, features) = (3, 30, 3); you gave {shape}."
    if len(shape) == 3 and shape[1] in (7, 12, 16):
        return ("pad_sequences pads every log up to the longest, 30 steps (unless maxlen says "
                f"otherwise); you gave {shape[1]} timesteps.")
    return f"3 logs, padded to the longest (30 steps), 3 sensors each; you gave {shape}."


def _padded_steps_hint(answer):
    """Hint on 06.4 (b), the number of False entries in the (3, 30) mask, or None when 41."""
    count = _as_whole_number(answer)
    if count is None:
        return f"expected a whole number of False entries, got {describe(answer)}."
    if count == 41:
        return None
    if count == 49:
        return "49 = 12 + 30 + 7 counts the real steps (True); False marks the padded ones."
    if count == 123:
        return "the mask has one entry per (sample, timestep), not per sensor: shape (3, 30)."
    if count == 90:
        return "90 is every entry of the (3, 30) mask; only the padded steps are False."
    return f"count the padding in each row: 30 − 12, 30 − 30, 30 − 7; you gave {count}."


def _gru_logs_hint(answer):
    """Hint on 06.4 (c), the output shape of GRU(10) with return_sequences=False, or None."""
    shape = _as_shape(answer)
    if shape is None:
        return f"expected a shape tuple of ints, got {describe(answer)}."
    if shape == (3, 10):
        return None
    if len(shape) == 3:
        return ("return_sequences=False drops the time axis: one output per log, (3, 10); "
                f"you gave {shape}.")
    if shape == (3, 3):
        return "the output has the layer's 10 units, not the 3 sensors: (3, 10)."
    if shape == (10,):
        return "the batch axis stays: one output per log, (3, 10)."
    return f"one vector of 10 units per log: (samples, units); you gave {shape}."


def _last_read_hint(answer):
    """Hint on 06.4 (d), the index of the last step the masked GRU reads for the 7-step log."""
    index = _as_whole_number(answer)
    if index is None:
        return f"expected a whole-number timestep index (0-based), got {describe(answer)}."
    if index == 6:
        return None
    if index == 7:
        return "7 steps are indices 0 to 6: Python counts from 0."
    if index == 29:
        return ("29 is the last padded step: with the mask the GRU skips the padding, so its "
                "output is the state after the log's last real step.")
    if index == 22:
        return "22 is where pre-padding would put the real steps; these logs are post-padded."
    return f"post-padded, the 7 real steps come first, then padding; you gave {index}."


@_exercise("06.4", typical_wrong_answer=((3, 30, 3), 41, (3, 10), 29),
           praise="(3, 30, 3); 18 + 0 + 23 = 41 padded steps; one 10-vector per log; and the short "
                  "log's output is its state after step 6, as if it had been alone.")
def _sensor_logs(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return ("expected four items: (padded shape, number of False entries in the mask, "
                "GRU output shape, last timestep index read for the 7-step log).")
    hints = {"(a)": _padded_logs_hint(answer[0]), "(b)": _padded_steps_hint(answer[1]),
             "(c)": _gru_logs_hint(answer[2]), "(d)": _last_read_hint(answer[3])}
    wrong = [part for part, hint in hints.items() if hint is not None]
    if not wrong:
        return None
    return f"{len(wrong)} of 4 to rethink; {wrong[0]}: {hints[wrong[0]]}"


@functools.cache
def _ragged_held_out():
    """Exercise 06.5's fresh sequences padded after their end to 20 and to 30 steps."""
    import keras

    sequences, _, _ = data.ragged_readings(500, seed=6065)
    clean = np.array([data.smoothed_targets(s[None]).sum(axis=2)[0, -1] for s in sequences])
    padded = [keras.utils.pad_sequences(sequences, maxlen=length, dtype="float32",
                                        padding="post") for length in (20, 30)]
    return padded, clean


@_exercise("06.5", typical_wrong_answer=_one_lstm_regressor,
           praise="its answer does not change with the amount of padding, and it is close to "
                  "the noise-free targets of 500 fresh sequences.")
def _masked_regressor(answer):
    (short, long), clean = _ragged_held_out()
    outputs = []
    for padded in (short, long):
        output, hint = _predict(answer, padded, f"post-padded sequences of 3 features, shape "
                                                f"{padded.shape}")
        if hint:
            return hint
        outputs.append(output)
    if outputs[0].ndim == 3:
        return ("your model returns a row per timestep: one target per sequence needs the "
                "last real step's output (return_sequences=False).")
    if outputs[0].shape != (500, 1):
        return f"on {short.shape} it should return (500, 1); yours returns {outputs[0].shape}."
    if _ends_in_recurrent_layer(answer):
        return _BARE_HEAD
    if not np.allclose(outputs[0], outputs[1], atol=1e-3):
        return ("its answer changes when the same sequences get 10 more padding steps: the "
                "LSTM reads the padding. Put layers.Masking(mask_value=0.0) first.")
    error = float(np.mean((outputs[0][:, 0] - clean) ** 2))
    if error < 0.15:
        return None
    return _far_above(error, 0.15, float(np.mean(clean**2)), "always predicting 0")


# ---- Notebook 07 -------------------------------------------------------------------------------


@_exercise("07.1", typical_wrong_answer=(None, 1, 3),
           praise="a stateful layer keeps one state per batch row: the batch size must be fixed.")
def _stateful_batch_shape(answer):
    if isinstance(answer, (tuple, list)) and len(answer) == 3 and answer[0] is None:
        return ("a stateful layer keeps one state per row of the batch, so the batch size "
                "cannot be None: it must be the number of streams, 8.")
    if isinstance(answer, (tuple, list)) and len(answer) == 3 and answer[1] is None and \
            _as_shape([answer[0], answer[2]]) == (8, 3):
        return None  # any number of timesteps per call works too; only the batch must be fixed
    shape = _as_shape(answer)
    if shape is None:
        return (f"expected a shape tuple such as (batch, timesteps, features), got "
                f"{describe(answer)}.")
    if shape == (8, 1, 3):
        return None
    if shape == (1, 3):
        return "batch_shape includes the batch axis: (batch, timesteps, features)."
    if shape == (8, 3):
        return "the layer still reads sequences: (batch, timesteps, features), one timestep each."
    if shape in ((1, 8, 3), (8, 3, 1), (3, 1, 8)):
        return "order the axes (batch, timesteps, features): 8 streams, 1 step a call, 3 features."
    return "8 streams at once, 1 timestep per call, 3 features: (batch, timesteps, features)."


@_exercise("07.2", typical_wrong_answer=(2500, 50),
           praise="re-running costs 1 + 2 + … + 50 = 1275 cell updates; stepping costs 50.")
def _update_counts(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair (cell updates re-running, cell updates stepping), e.g. (10, 5)."
    rerun, stepping = (_as_whole_number(value) for value in pair)
    if rerun is None or stepping is None:
        return f"expected two whole numbers, got {describe(answer)}."
    if stepping != 50:
        return "stepping updates the state once per new timestep: 50 timesteps, 50 updates."
    if rerun == 2500:
        return ("the history grows: at timestep t re-running reads t steps, not 50; add "
                "1 + 2 + … + 50.")
    if rerun != 1275:
        return (f"{rerun} is not it: at the t-th new timestep the history holds t steps; add "
                "them up.")
    return None


STATION_STREAM = {"feed": (1, 1, 3), "returns": (1, 1, 4), "reset": True}


def _station_feed_hint(value):
    if isinstance(value, (tuple, list)) and len(value) == 3 and value[0] is None:
        return "batch_shape fixes the batch: 1 station, so 1, not None."
    feed = _as_shape(value)
    if feed is None:
        return f"expected a shape tuple of ints, got {describe(value)}."
    if feed == (1, 1, 3):
        return None
    if feed == (3,):
        return ("a reading of shape (3,) has no batch axis and no time axis; the layer reads "
                "(batch, timesteps, features): reading.reshape(1, 1, 3).")
    if feed == (1, 3):
        return "(1, 3) has no time axis: one reading is one timestep, so (1, 1, 3)."
    if sorted(feed) == [1, 1, 3]:
        return "order the axes (batch, timesteps, features): 1 station, 1 reading, 3 features."
    return f"it must match batch_shape=(1, 1, 3), one reading per call; you gave {feed}."


def _station_returns_hint(value):
    returns = _as_shape(value)
    if returns is None:
        return f"expected a shape tuple of ints, got {describe(value)}."
    if returns == (1, 1, 4):
        return None
    if returns == (1, 4):
        return ("with return_sequences=True the time axis stays: (1, 1, 4); (1, 4) is what "
                "return_sequences=False gives.")
    if returns == (4,):
        return "the batch and time axes come back too: (batch, timesteps, 4) = (1, 1, 4)."
    if len(returns) == 3 and returns[:2] == (1, 1):
        return f"the last axis is the Dense head's 4 units, not {returns[2]}."
    return f"one reading gives (batch, timesteps, head units) = (1, 1, 4); you gave {returns}."


@_exercise("07.3", typical_wrong_answer={"feed": (3,), "returns": (1, 4), "reset": False},
           praise="one reading is (1, 1, 3); return_sequences keeps the time axis; and a new "
                  "stream starts from reset_state().")
def _station_stream(answer):
    if not isinstance(answer, dict) or set(answer) != set(STATION_STREAM):
        return ("expected a dict with the keys 'feed', 'returns' and 'reset', e.g. "
                "{'feed': (2, 2, 2), 'returns': (2, 2, 2), 'reset': False}.")
    hints = {"feed": _station_feed_hint(answer["feed"]),
             "returns": _station_returns_hint(answer["returns"]), "reset": None}
    reset = answer["reset"]
    if not isinstance(reset, (bool, np.bool_)):
        hints["reset"] = f"expected True or False, got {describe(reset)}."
    elif not reset:
        hints["reset"] = ("a stateful layer starts each call from the state the last call left: "
                          "without reset_state() the next station continues the last one's "
                          "history.")
    wrong = [key for key, hint in hints.items() if hint is not None]
    if not wrong:
        return None
    return f"{len(wrong)} of 3 to rethink; '{wrong[0]}': {hints[wrong[0]]}"


@functools.cache
def _streams_held_out():
    """Exercise 07.4's 8 fresh streams of 400 steps, their clean targets, the noise variance."""
    x, _, noise_variance = data.smoothed_signals(8, timesteps=400, seed=7074)
    return x, data.smoothed_targets(x), noise_variance


def _stream_in_chunks(model, x, stateful_layers, reset_every_chunk):
    """The model's outputs for the streams ``x``, fed 10 steps per direct call: (8, 400, 2)."""
    import keras

    for layer in stateful_layers:
        layer.reset_state()
    outputs = []
    for start in range(0, x.shape[1], 10):
        if reset_every_chunk:
            for layer in stateful_layers:
                layer.reset_state()
        outputs.append(keras.ops.convert_to_numpy(model(x[:, start:start + 10])))
    return np.concatenate(outputs, axis=1)


def _stateless_chunk_model():
    import keras

    return keras.Sequential([keras.Input(batch_shape=(8, 10, 3)),
                             keras.layers.LSTM(8, return_sequences=True), keras.layers.Dense(2)])


@_exercise("07.4", typical_wrong_answer=_stateless_chunk_model,
           praise="fed 10 steps at a time, it carries each stream's past from chunk to chunk: "
                  "close to the noise-free targets on 8 fresh streams of 400 steps.")
def _stateful_chunks(answer):
    import keras

    x, clean, noise_variance = _streams_held_out()
    if not isinstance(answer, keras.Model):
        return f"expected a keras.Model, got {type(answer).__name__}."
    stateful = [layer for layer in _recurrent_layers(answer) if getattr(layer, "stateful", False)]
    if not stateful:
        return ("none of its recurrent layers is stateful: each call starts from zeros and "
                "forgets the chunk before. Give the LSTM stateful=True, with "
                "keras.Input(batch_shape=(8, 10, 3)).")
    try:
        carried = _stream_in_chunks(answer, x, stateful, reset_every_chunk=False)
    except Exception as error:  # a batch shape that is not (8, 10, 3), say
        return (f"your model cannot read chunks of shape (8, 10, 3): {type(error).__name__}: "
                f"{str(error).splitlines()[0][:160]}")
    if carried.shape != (8, 400, 2):
        return (f"fed chunks (8, 10, 3) it should return (8, 10, 2), a prediction at every step "
                f"(return_sequences=True and Dense(2)); yours returns {carried.shape[0]} rows "
                f"of shape {carried.shape[1:]} over 40 chunks.")
    error = float(np.mean((carried - clean) ** 2)) / noise_variance
    if error < 0.5:
        return None
    reset = _stream_in_chunks(answer, x, stateful, reset_every_chunk=True)
    without_past = float(np.mean((reset - clean) ** 2)) / noise_variance
    jax = (" On JAX, fit does not carry a stateful layer's state: train it on TensorFlow."
           if keras.backend.backend() == "jax" else "")
    return (f"its error is {error:.2f} × the noise variance, above the 0.5 a model that uses "
            f"the state it carries reaches (with its state reset before every chunk: "
            f"{without_past:.2f}). Train it on chunks ordered so that batch k holds chunk k of "
            f"every stream, with shuffle=False, batch_size=8 and reset_state() as each epoch "
            f"starts, for a few epochs.{jax}")


# ---- Notebook 08 -------------------------------------------------------------------------------

BUILDING_SHAPES = {  # 48 hours of 5 sensors -> 12 hours of 2 targets, LSTM(64), batch 32
    "past": (32, 48, 5),
    "state_h": (32, 64),
    "decoder_inputs": (32, 12, 3),
    "decoder_outputs": (32, 12, 64),
    "forecast": (32, 12, 2),
}
_BUILDING_AXES = {
    "past": "(batch, past hours, sensors)",
    "state_h": "(batch, units)",
    "decoder_inputs": "(batch, future hours, numbers read per hour)",
    "decoder_outputs": "(batch, future hours, units)",
    "forecast": "(batch, future hours, targets)",
}
_BUILDING_SLIPS = {  # (key, wrong shape): what that shape means
    ("past", (32, 5, 48)): "order the axes (batch, timesteps, features): 48 hours of 5 sensors.",
    ("past", (32, 12, 5)): "the encoder reads the 48 past hours; the 12 are the decoder's.",
    ("state_h", (32, 48, 64)): "return_state gives the final state only: one vector per window.",
    ("state_h", (32, 5)): "a state has the layer's 64 units, not the 5 sensors.",
    ("decoder_inputs", (32, 12, 1)): "the decoder also reads the previous hour's 2 targets: "
                                     "2 + 1 schedule value = 3 numbers per hour.",
    ("decoder_inputs", (32, 12, 2)): "add that hour's schedule, known in advance: 2 + 1 = 3.",
    ("decoder_inputs", (32, 48, 3)): "the decoder runs over the 12 future hours, not the 48.",
    ("decoder_outputs", (32, 12, 2)): "that is after the Dense(2) head; the LSTM returns its "
                                      "64 units at every step.",
    ("decoder_outputs", (32, 64)): "return_sequences=True keeps the 12 steps: one output each.",
    ("forecast", (32, 2)): "the head acts on every future hour: (batch, 12, 2).",
    ("forecast", (32, 24)): "24 = 12 × 2 is a direct head's flat output; this head is Dense(2) "
                            "on each of the 12 decoder outputs.",
}


def _building_hint(key, value):
    """Hint on one shape of exercise 08.1, or None when it is right."""
    shape = _as_shape(value)
    if shape is None:
        return f"expected a shape tuple of ints, got {describe(value)}."
    right = BUILDING_SHAPES[key]
    if shape == right:
        return None
    if shape == right[1:]:
        return f"keep the batch axis: {right}."
    if (key, shape) in _BUILDING_SLIPS:
        return _BUILDING_SLIPS[key, shape]
    return f"expected {_BUILDING_AXES[key]}; you gave {shape}."


@_exercise("08.1", typical_wrong_answer={**BUILDING_SHAPES, "decoder_inputs": (32, 12, 1)},
           praise="(32, 48, 5) → states (32, 64) → the decoder reads (32, 12, 3) from them and "
                  "returns (32, 12, 64) → the head gives (32, 12, 2).")
def _building_shapes(answer):
    if not isinstance(answer, dict) or set(answer) != set(BUILDING_SHAPES):
        return ("expected a dict with the keys 'past', 'state_h', 'decoder_inputs', "
                "'decoder_outputs' and 'forecast', each a shape such as (32, 48, 5).")
    hints = {key: _building_hint(key, answer[key]) for key in BUILDING_SHAPES}
    wrong = [key for key, hint in hints.items() if hint is not None]
    if not wrong:
        return None
    return f"{len(wrong)} of 5 to rethink; '{wrong[0]}': {hints[wrong[0]]}"


_WINDOW_PAST = np.array([[[0.1, 0.2, 1.0], [0.3, 0.4, 0.0]]])  # the exercise 08.2 window
_WINDOW_TARGETS = np.array([[[0.5, 0.6], [0.7, 0.8], [0.9, 1.0]]])
_WINDOW_SCHEDULE = np.array([[[1.0], [1.0], [0.0]]])
TEACHER_INPUTS = np.concatenate([np.concatenate([_WINDOW_PAST[:, -1:, :2],
                                                 _WINDOW_TARGETS[:, :-1]], axis=1),
                                 _WINDOW_SCHEDULE], axis=2)  # (1, 3, 3)
_UNSHIFTED = np.concatenate([_WINDOW_TARGETS, _WINDOW_SCHEDULE], axis=2)


@_exercise("08.2", typical_wrong_answer=_UNSHIFTED,
           praise="step k reads (a, b) of step k − 1 and its own u: the targets shifted right by "
                  "one, so no step reads the answer it must predict.")
def _teacher_inputs(answer):
    array = _as_array(answer)
    if array is None or array.dtype.kind not in "iuf":
        return ("expected an array of numbers of shape (1, 3, 3): a row per future step, the "
                "previous a and b, then u.")
    if array.shape == (3, 3):
        return "keep the batch axis: shape (1, 3, 3), e.g. np.array([rows])."
    if array.shape != (1, 3, 3):
        return (f"expected shape (1, 3, 3) = (samples, future steps, previous a and b + u); you "
                f"gave {array.shape}.")
    if np.allclose(array, TEACHER_INPUTS):
        return None
    if np.allclose(array, _UNSHIFTED):
        return ("step k would read the target it must predict: the decoder learns to copy it, "
                "and at inference there is nothing to copy. Shift (a, b) right by one step: step "
                "0 reads the last past step's.")
    if np.allclose(array[..., :2], TEACHER_INPUTS[..., :2]):
        if np.allclose(array[0, :, 2], [0.0, 1.0, 1.0]):
            return ("u is known in advance: step k reads the schedule of step k itself, not of "
                    "the step before.")
        return "the a and b columns are right; the last column is u of each future step."
    if np.allclose(array[0, 0, :2], 0.0):
        return ("at step 0 the previous (a, b) is known: the last past step's, not zeros "
                "(x_past[:, -1, :2]).")
    return ("row k holds a and b of step k − 1 (for k = 0, the last past step's), then u of "
            "step k.")


@functools.cache
def _oscillator_held_out():
    x_past, u_future, _, _, details = data.driven_oscillators(500, seed=8083, details=True)
    return x_past, u_future, details["clean"]


def _schedule_blind():
    import keras

    past, schedule = keras.Input(shape=(30, 3)), keras.Input(shape=(10, 1))
    summary = keras.layers.LSTM(8)(past)
    outputs = keras.layers.Reshape((10, 2))(keras.layers.Dense(20)(summary))
    # connected to the schedule (Keras < 3.15 refuses an unused input) and ignoring it
    ignored = keras.layers.Lambda(lambda pair: pair[0] + 0.0 * pair[1][:, :1, :1])
    return keras.Model([past, schedule], ignored([outputs, schedule]))


@_exercise("08.3", typical_wrong_answer=_schedule_blind,
           praise="it reads the past and the schedule, and its 10-step forecasts of 500 fresh "
                  "oscillators are close to the noise-free future.")
def _oscillator_forecaster(answer):
    x_past, u_future, clean = _oscillator_held_out()
    inputs = getattr(answer, "inputs", None)
    if isinstance(inputs, (list, tuple)) and len(inputs) != 2:
        return (f"your model has {len(inputs)} input(s); it needs two, the past and the "
                f"schedule: keras.Model([past, schedule], outputs).")
    output, hint = _predict(answer, [x_past, u_future], "[the past (500, 30, 3), the schedule "
                                                        "(500, 10, 1)], in that order")
    if hint:
        return hint
    if output.shape != (500, 10, 2):
        return (f"it should return (500, 10, 2): 10 future steps of 2 targets; yours returns "
                f"{output.shape}.")
    flipped, _ = _predict(answer, [x_past, 1 - u_future], "")
    if flipped is not None and np.allclose(flipped, output, atol=1e-4):
        return ("its forecast does not change when the schedule does: the future's pushes come "
                "from u_future, so the decoder must read it (its second input).")
    moved, _ = _predict(answer, [x_past[::-1], u_future], "")  # another sample's past
    if moved is not None and np.allclose(moved, output, atol=1e-4):
        return ("its forecast does not change when the past does: the swing and the frequency "
                "come from x_past, so an encoder must read it (its first input).")
    error = float(np.mean((output - clean) ** 2))
    if error < 0.03:
        return None  # the published solution reaches 0.004 to 0.012
    return _far_above(error, 0.03, float(np.mean(clean**2)), "always predicting 0")


# ---- Notebook 09 -------------------------------------------------------------------------------

_ATTENTION_SHAPES = ((32, 50, 16), (32, 1, 16), (32, 1, 50), (32, 1, 16), (32, 16))
_ATTENTION_PARTS = ("the LSTM's output", "the query", "the weights", "the context",
                    "the flattened context")


def _attention_part_hint(index, shape):
    """Hint on one of exercise 09.1's five shapes, or None when it is right."""
    if shape == _ATTENTION_SHAPES[index]:
        return None
    if index == 0 and shape == (32, 50, 6):
        return "the LSTM returns its 16 units at every step, not the 6 features: (32, 50, 16)."
    if index == 0 and shape == (32, 16):
        return "return_sequences=True keeps all 50 steps: (batch, timesteps, units)."
    if index == 1 and shape in ((32, 16), (16,), (1, 16), (1, 1, 16)):
        return ("the query is one vector of 16, repeated for each of the 32 samples, with an "
                "axis for the 1 query: (batch, 1, units) = (32, 1, 16).")
    if index == 2 and shape == (32, 50):
        return ("Attention returns its weights as (batch, queries, timesteps): one query, so "
                "(32, 1, 50): the query axis of 1 stays.")
    if index == 2 and len(shape) == 3 and shape[2] == 16:
        return "one weight per timestep, not per unit: (batch, queries, timesteps) = (32, 1, 50)."
    if index == 3 and shape == (32, 16):
        return "before Flatten the context keeps the query axis: (batch, queries, units)."
    if index == 3 and shape == (32, 50, 16):
        return "the context is one weighted average over the 50 steps, not a value per step."
    if index == 4 and shape in ((32, 1, 16), (32, 50)):
        return "Flatten merges the query axis of 1 into the units: (batch, units) = (32, 16)."
    return f"expected {_ATTENTION_SHAPES[index]}; you gave {shape}."


@_exercise("09.1", typical_wrong_answer=((32, 50, 16), (32, 1, 16), (32, 50), (32, 16),
                                        (32, 16)),
           praise="(batch, timesteps, units) -> query (batch, 1, units) -> weights (batch, 1, "
                  "timesteps) -> context (batch, 1, units) -> (batch, units).")
def _attention_shapes(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 5:
        return ("expected five shapes, in order: the LSTM's output, the query, the attention "
                "weights, the context, the flattened context.")
    if any(isinstance(s, (tuple, list)) and any(d is None for d in s) for s in answer):
        return ("the batch here has 32 sequences, so write 32 where a model's shape shows None "
                "(a batch of data has a size).")
    shapes = [_as_shape(s) for s in answer]
    if None in shapes:
        return "expected each of the five as a shape tuple of ints, e.g. (32, 50, 16)."
    hints = [_attention_part_hint(i, shape) for i, shape in enumerate(shapes)]
    wrong = [i for i, hint in enumerate(hints) if hint is not None]
    if not wrong:
        return None
    return f"{len(wrong)} of 5 to rethink; {_ATTENTION_PARTS[wrong[0]]}: {hints[wrong[0]]}"


_LOG_OUTPUTS = np.array([[0.5, -0.5], [0.0, 0.0], [1.0, 0.0], [0.3, 0.3], [0.9, -0.9]])
_LOG_REAL = np.array([True, True, True, False, False])  # exercise 09.2: the last 2 are padding
_LOG_QUERY = np.array([1.0, -1.0])


def _log_attention(real):
    """Exercise 09.2's weights (5,) and context (2,), with ``real`` as the mask."""
    scores = np.where(real, _LOG_OUTPUTS @ _LOG_QUERY, -np.inf)
    weights = np.exp(scores - scores.max())
    weights /= weights.sum()
    return weights, weights @ _LOG_OUTPUTS


def _as_numbers(value):
    """``value`` as a flat float array (numbers or booleans only), else None."""
    array = _as_array(value)
    if array is None or array.dtype.kind not in "biuf" or array.size > 1000:
        return None
    return array.astype(float).ravel()


@_exercise("09.2", typical_wrong_answer=_log_attention(np.ones(5, dtype=bool)),
           praise="scores q · h_t, −∞ on the padding, a softmax over the real steps, and the "
                  "weighted average of the outputs: attention pooling by hand.")
def _log_attention_answer(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair (weights, context): 5 weights and a context of 2 numbers."
    weights, context = (_as_numbers(part) for part in pair)
    if weights is None or context is None:
        return f"expected two arrays of numbers (weights, context), got {describe(answer)}."
    if weights.size != 5:
        return (f"expected 5 weights, one per step, padded steps included (as 0); you gave "
                f"{weights.size} numbers.")
    if context.size != 2:
        return (f"the context is a weighted average of the outputs, which have 2 units: 2 "
                f"numbers; you gave {context.size}.")
    right_weights, right_context = _log_attention(_LOG_REAL)
    if np.allclose(weights, right_weights, atol=1e-3):
        if np.allclose(context, right_context, atol=1e-3):
            return None
        return ("the weights are right; the context is their weighted sum of the outputs, "
                "weights @ outputs[0]: sum over t of w_t · h_t.")
    if np.abs(weights[~_LOG_REAL]).max() > 1e-3:
        return ("the padded steps got weight. With the mask their scores are set to −∞ (Keras "
                "subtracts 1e9) before the softmax, so their weights are exactly 0.")
    if not np.isclose(weights.sum(), 1, atol=1e-3):
        return f"softmax weights sum to 1 over the real steps; yours sum to {weights.sum():.3g}."
    if np.allclose(weights[_LOG_REAL], 1 / 3, atol=1e-3):
        return ("equal weights are average pooling; the scores q · h_t differ from step to "
                "step: take their softmax.")
    return ("score each step by q · h_t (a dot product over the 2 units), set the padded "
            "steps to −∞, take the softmax of the 5 scores.")


_PRE_PADDED_PLAIN = np.array([-0.1, 0.0, 0.5])  # exercise 09.3: the zeros of padding count
_PRE_PADDED_MASKED = np.array([-0.1, -0.4, 0.5])  # the real steps only
_POST_READING = np.array([-0.1, 0.0, 0.2])  # the masked maximum if the padding came last


@_exercise("09.3", typical_wrong_answer=(_PRE_PADDED_MASKED, _PRE_PADDED_MASKED),
           praise="GlobalMaxPooling1D reads the padding's zeros (0.0 for the second sequence); "
                  "the masked maximum reads the real steps only (−0.4).")
def _max_over_padding(answer):
    pair = _as_pair(answer)
    if pair is None:
        return "expected a pair (plain, masked), each 3 numbers: one per sequence."
    plain, masked = (_as_numbers(part) for part in pair)
    if plain is None or masked is None:
        return f"expected two arrays of 3 numbers (plain, masked), got {describe(answer)}."
    if plain.size != 3 or masked.size != 3:
        return (f"expected 3 numbers each, one per sequence (1 unit); you gave {plain.size} "
                f"and {masked.size}.")
    plain_right = np.allclose(plain, _PRE_PADDED_PLAIN, atol=1e-6)
    masked_right = np.allclose(masked, _PRE_PADDED_MASKED, atol=1e-6)
    if plain_right and masked_right:
        return None
    if np.allclose(plain, _PRE_PADDED_MASKED, atol=1e-6) and \
            np.allclose(masked, _PRE_PADDED_PLAIN, atol=1e-6):
        return "the two are swapped: the plain layer is the one that reads the padding."
    if not plain_right:
        if np.allclose(plain, _PRE_PADDED_MASKED, atol=1e-6):
            return ("GlobalMaxPooling1D ignores the mask: it takes the maximum over all 4 steps, "
                    "the padding's zeros included (the second sequence: 0.0, not −0.4).")
        return "the plain layer's answer is the maximum of each row over all 4 steps."
    if np.allclose(masked, _POST_READING, atol=1e-6):
        return ("pre-padded means the padding comes first: a sequence of length 2 is its last "
                "2 steps, [-0.4, -0.6].")
    return "the masked maximum reads only the real steps: the last 4, 2 and 3 of each row."



@functools.cache
def _marked_held_out():
    x, labels, best, details = data.marked_step(1000, seed=9094, details=True)
    return x, labels, best, details["positions"]


def _last_step_classifier():
    import keras

    return keras.Sequential([keras.Input(shape=(None, 4)), keras.layers.LSTM(8),
                             keras.layers.Dense(3, activation="softmax")])


@_exercise("09.4", typical_wrong_answer=_last_step_classifier,
           praise="it finds the marked step wherever it sits: within a few hundredths of the "
                  "best possible accuracy on 1,000 fresh sequences.")
def _marked_classifier(answer):
    x, labels, best, positions = _marked_held_out()
    output, hint = _predict(answer, x, "sequences of 4 features, shape (1000, 60, 4)")
    if hint:
        return hint
    if output.ndim == 3:
        return ("your model returns a row per timestep: pool the LSTM's outputs over time "
                "(layers.GlobalMaxPooling1D()) before the softmax, one answer per sequence.")
    if output.shape != (1000, 3):
        return f"on (1000, 60, 4) it should return (1000, 3); yours returns {output.shape}."
    if output.min() < 0 or not np.allclose(output.sum(axis=1), 1, atol=1e-3):
        return "its outputs are not probabilities: end with Dense(3, activation='softmax')."
    correct = output.argmax(axis=1) == labels
    accuracy = float(correct.mean())
    by_sixth = [float(correct[positions // 10 == sixth].mean()) for sixth in range(6)]
    if accuracy >= 0.88 and min(by_sixth) >= 0.75:
        return None  # the published solution reaches 0.92 to 0.93
    if max(by_sixth) - min(by_sixth) > 0.15:
        where = ", ".join(f"{value:.2f}" for value in by_sixth)
        return (f"accuracy {accuracy:.2f} (best possible {best:.2f}), by where the mark sits "
                f"(steps 0-9, 10-19, …, 50-59): {where}. A last output forgets early marks, an "
                f"average dilutes every mark: use return_sequences=True and a max pooling or "
                f"attention over every step.")
    return (f"accuracy {accuracy:.2f}, below the 0.88 a trained model reaches in seconds (best "
            f"possible {best:.2f}, chance 0.33): train longer, or pool every step's output.")
