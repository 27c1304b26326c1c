"""Checkers for the exercises of notebook 06: notebooks/06_variable_length_sequences.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    BARE_HEAD,
    as_array,
    as_pair,
    as_real,
    as_shape,
    as_whole_number,
    ends_in_recurrent_layer,
    far_above,
    one_lstm_regressor,
    predict,
)
from helpers.checks import exercise
from helpers.data import describe

_POST_PADDED_MASK = np.array([[1, 1, 1, 0], [1, 0, 0, 0], [1, 1, 0, 0]], dtype=bool)


@exercise("06.1", typical_wrong_answer=_POST_PADDED_MASK[:, ::-1],
           praise="post-padding puts the padding, and the False entries, at the end of each row.")
def _padding_mask(answer):
    answer = as_array(answer)
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


@exercise("06.2", typical_wrong_answer=(32, 15, 8),
           praise="both directions return 8 numbers at every step, concatenated: (32, 15, 16).")
def _bidirectional_shape(answer):
    shape = as_shape(answer)
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


@exercise("06.3", typical_wrong_answer=(1.0, 1.0),
           praise="the mask averages over the 6 real steps; default sample weights over all 12.")
def _padded_loss(answer):
    masked, weighted = (as_real(value) for value in as_pair(answer) or (None, None))
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
    shape = as_shape(answer)
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
    count = as_whole_number(answer)
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
    shape = as_shape(answer)
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
    index = as_whole_number(answer)
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


@exercise("06.4", typical_wrong_answer=((3, 30, 3), 41, (3, 10), 29),
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


@exercise("06.5", typical_wrong_answer=one_lstm_regressor,
           praise="its answer does not change with the amount of padding, and it is close to "
                  "the noise-free targets of 500 fresh sequences.")
def _masked_regressor(answer):
    (short, long), clean = _ragged_held_out()
    outputs = []
    for padded in (short, long):
        output, hint = predict(answer, padded, f"post-padded sequences of 3 features, shape "
                                                f"{padded.shape}")
        if hint:
            return hint
        outputs.append(output)
    if outputs[0].ndim == 3:
        return ("your model returns a row per timestep: one target per sequence needs the "
                "last real step's output (return_sequences=False).")
    if outputs[0].shape != (500, 1):
        return f"on {short.shape} it should return (500, 1); yours returns {outputs[0].shape}."
    if ends_in_recurrent_layer(answer):
        return BARE_HEAD
    if not np.allclose(outputs[0], outputs[1], atol=1e-3):
        return ("its answer changes when the same sequences get 10 more padding steps: the "
                "LSTM reads the padding. Put layers.Masking(mask_value=0.0) first.")
    error = float(np.mean((outputs[0][:, 0] - clean) ** 2))
    if error < 0.15:
        return None
    return far_above(error, 0.15, float(np.mean(clean**2)), "always predicting 0")
