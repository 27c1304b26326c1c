"""Checkers for the exercises of notebook 01: notebooks/01_sequences_with_many_features.ipynb."""


import numpy as np

from helpers.checkers.common import as_array, as_pair, as_shape, as_whole_number
from helpers.checks import exercise
from helpers.data import describe

_PRACTICE_BATCH = np.arange(24).reshape(2, 4, 3)  # the batch the exercise 01.1 cell builds


@exercise("01.1", typical_wrong_answer=_PRACTICE_BATCH[1, :, -1],
           praise="x[sample, timestep] is the feature vector: x[1, -1] has shape (features,).")
def _feature_vector(answer):
    answer = as_array(answer)
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


@exercise("01.2", typical_wrong_answer=((32, 8), (32, 10, 8)),
           praise="return_sequences=True keeps the timesteps axis; False drops it.")
def _lstm_output_shapes(answer):
    pair = as_pair(answer)
    if pair is None:
        return "expected a pair: (shape with return_sequences=True, shape with False)."
    if any(isinstance(s, (tuple, list)) and any(d is None for d in s) for s in pair):
        return ("the batch here has 32 sequences, so write 32 where model.output_shape shows None "
                "(a model leaves the batch size open; a batch of data does not).")
    sequences, last = (as_shape(s) for s in pair)
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


@exercise("01.3", typical_wrong_answer=(3 * _U * (_F + _U + 1), 4 * _U * (_F + _U + 1)),
           praise="3·u·(F+u+2) for Keras's GRU, 4·u·(F+u+1) for the LSTM; T appears in neither.")
def _param_counts(answer):
    pair = as_pair(answer)
    if pair is None:
        return "expected a pair of ints: (GRU weights, LSTM weights)."
    gru, lstm = (as_whole_number(n) for n in pair)
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


@exercise("01.4", typical_wrong_answer=_NUMERIC + _WORDS,
           praise="StringLookup keeps column 0 for '[UNK]', the out-of-vocabulary token.")
def _one_hot_width(answer):
    width = as_whole_number(answer)
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


@exercise("01.5", typical_wrong_answer=((_WINDOWS, _WINDOW, _SENSORS),
                                         (_WINDOWS, _WINDOW, _FORECAST),
                                         (_WINDOWS, 1, _FORECAST)),
           praise="rows - 1 - T + 1 windows; targets keep a timesteps axis only for "
                  "return_sequences=True.")
def _table_to_windows(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        return "expected three shapes: (x's shape, y's shape per step, y's shape per window)."
    shapes = [as_shape(s) for s in answer]
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
