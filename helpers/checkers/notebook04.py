"""Checkers for the exercises of notebook 04: notebooks/04_side_by_side.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    BARE_HEAD,
    as_shape,
    call_model,
    ends_in_recurrent_layer,
    far_above,
    one_lstm_regressor,
    predict,
    recurrent_layers,
    wrong_entries,
)
from helpers.checks import exercise
from helpers.data import describe


def _all_return_sequences():
    import keras

    inputs = keras.Input(shape=(None, 3))
    hidden = keras.layers.LSTM(16, return_sequences=True)(inputs)
    return keras.Model(inputs, keras.layers.LSTM(8, return_sequences=True)(hidden))


@exercise("04.1", typical_wrong_answer=_all_return_sequences,
           praise="every recurrent layer but the top returns sequences; the top gives (batch, 8).")
def _stack(answer):
    import keras

    if not isinstance(answer, keras.Model):
        return f"expected a keras.Model, got {type(answer).__name__}."
    recurrent = [layer for layer in answer.layers if isinstance(layer, keras.layers.RNN)]
    if len(recurrent) < 2:
        return f"expected two stacked recurrent layers; your model has {len(recurrent)}."
    output, hint = call_model(answer, np.zeros((2, 7, 3), "float32"))
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


@exercise("04.2", typical_wrong_answer={task: True for task in SETTING_TASKS},
           praise="one output per timestep → True; one output per sequence → False.")
def _settings(answer):
    wrong = wrong_entries(answer, SETTING_TASKS)
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
    shape = as_shape(x)
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
    shape = as_shape(y)
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


@exercise("04.3", typical_wrong_answer={
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




@exercise("04.4", typical_wrong_answer=one_lstm_regressor,
           praise="two recurrent layers, the lower one returning every step, and an error on "
                  "1,000 fresh sequences close to the best possible.")
def _stacked_regressor(answer):
    x, clean = _comovement_held_out()
    output, hint = predict(answer, x, "sequences of 3 features, shape (1000, 20, 3)")
    if hint:
        return hint
    if output.ndim == 3:
        return ("your model returns a row per timestep: the top recurrent layer should return "
                "only its last output (return_sequences=False) for one answer per sequence.")
    if output.shape != (1000, 1):
        return f"on (1000, 20, 3) it should return (1000, 1); yours returns {output.shape}."
    recurrent = recurrent_layers(answer)
    if len(recurrent) < 2 or not any(getattr(layer, "return_sequences", False)
                                     for layer in recurrent):
        return (f"it has {len(recurrent)} recurrent layer(s), none returning sequences: stack "
                f"two, the first with return_sequences=True so that the second reads its "
                f"sequence.")
    if ends_in_recurrent_layer(answer):
        return BARE_HEAD
    error = float(np.mean((output - clean) ** 2))
    if error < 0.25:
        return None
    return far_above(error, 0.25, float(np.mean(clean**2)), "always predicting 0")
