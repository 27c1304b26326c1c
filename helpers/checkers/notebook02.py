"""Checkers for the exercises of notebook 02: notebooks/02_sequence_output.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    BARE_HEAD,
    as_whole_number,
    call_model,
    ends_in_recurrent_layer,
    far_above,
    predict,
)
from helpers.checks import exercise


def _last_step_model():
    import keras

    inputs = keras.Input(shape=(None, 5))
    hidden = keras.layers.LSTM(8)(inputs)
    return keras.Model(inputs, keras.layers.Dense(3)(hidden))


@exercise("02.1", typical_wrong_answer=_last_step_model,
           praise="(batch, timesteps, 3): a prediction of 3 numbers at every timestep.")
def _sequence_model(answer):
    output, hint = call_model(answer, np.zeros((2, 7, 5), dtype="float32"))
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


@exercise("02.2", typical_wrong_answer=20 * (8 * 3 + 3),
           praise="8·3 + 3 = 27: one Dense, shared by every timestep.")
def _dense_head_params(answer):
    answer = as_whole_number(answer)
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


@exercise("02.3", typical_wrong_answer=_per_step_classifier_without_softmax,
           praise="(batch, timesteps, 3) with a softmax over the last axis: a probability "
                  "distribution over the 3 states at every minute.")
def _per_step_classifier(answer):
    output, hint = call_model(answer, np.linspace(-1, 1, 2 * 7 * 8, dtype="float32")
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


@exercise("02.4", typical_wrong_answer=_without_head,
           praise="at every timestep of 500 fresh sequences, its slow average is close to the "
                  "noise-free one.")
def _per_step_forecaster(answer):
    x, clean = _smoothed_held_out()
    output, hint = predict(answer, x, "sequences of 3 features, shape (500, 20, 3)")
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
    if ends_in_recurrent_layer(answer):
        return BARE_HEAD
    error = float(np.mean((output - clean) ** 2))
    if error < 0.05:
        return None
    return far_above(error, 0.05, float(np.mean(clean**2)), "always predicting 0")
