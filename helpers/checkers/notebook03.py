"""Checkers for the exercises of notebook 03: notebooks/03_last_timestep_output.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    BARE_HEAD,
    as_array,
    as_shape,
    call_model,
    ends_in_recurrent_layer,
    far_above,
    predict,
)
from helpers.checks import exercise

_PER_STEP_TARGETS = np.arange(4000).reshape(100, 20, 2)  # the array the exercise 03.1 cell builds


@exercise("03.1", typical_wrong_answer=_PER_STEP_TARGETS[:, :, -1],
           praise="y[:, -1] keeps every sample and every output, at the last timestep only.")
def _last_step_targets(answer):
    answer = as_array(answer)
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


@exercise("03.2", typical_wrong_answer=_sequence_classifier,
           praise="one probability vector over 5 classes per sequence: (batch, 5).")
def _classifier(answer):
    out, hint = call_model(answer, np.random.default_rng(0).normal(size=(2, 9, 4)).astype("f4"))
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


@exercise("03.3", typical_wrong_answer=((_RECORDINGS, _READINGS, _AXES),
                                         (_RECORDINGS, _READINGS),
                                         (_RECORDINGS, _READINGS, _ACTIVITIES),
                                         "sparse_categorical_crossentropy"),
           praise="one label per recording: (800,) integer labels, a (batch, 6) softmax from the "
                  "last output, sparse categorical cross-entropy.")
def _activity_setting(answer):
    if not isinstance(answer, (tuple, list)) or len(answer) != 4:
        return "expected four items: (x's shape, y's shape, the output's shape, the loss's name)."
    x, y, out = (as_shape(s) for s in answer[:3])
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


@exercise("03.4", typical_wrong_answer=_sensor_copycat,
           praise="from windows in the table's own units, its forecasts of the next hour's "
                  "load on 4 new sensors, in kW, are far better than persistence's.")
def _sensor_forecaster(answer):
    x, clean, last = _sensor_held_out()
    output, hint = predict(answer, x, f"windows of the table's 3 columns in their own units, "
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
    if ends_in_recurrent_layer(answer):
        return BARE_HEAD
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
    return far_above(error, _SENSOR_GOOD, persistence, "persistence", " kW²")
