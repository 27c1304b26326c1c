"""Checkers for the exercises of notebook 08: notebooks/08_encoder_decoder.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    as_array,
    as_shape,
    far_above,
    predict,
)
from helpers.checks import exercise
from helpers.data import describe

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
    shape = as_shape(value)
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


@exercise("08.1", typical_wrong_answer={**BUILDING_SHAPES, "decoder_inputs": (32, 12, 1)},
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


@exercise("08.2", typical_wrong_answer=_UNSHIFTED,
           praise="step k reads (a, b) of step k − 1 and its own u: the targets shifted right by "
                  "one, so no step reads the answer it must predict.")
def _teacher_inputs(answer):
    array = as_array(answer)
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


@exercise("08.3", typical_wrong_answer=_schedule_blind,
           praise="it reads the past and the schedule, and its 10-step forecasts of 500 fresh "
                  "oscillators are close to the noise-free future.")
def _oscillator_forecaster(answer):
    x_past, u_future, clean = _oscillator_held_out()
    inputs = getattr(answer, "inputs", None)
    if isinstance(inputs, (list, tuple)) and len(inputs) != 2:
        return (f"your model has {len(inputs)} input(s); it needs two, the past and the "
                f"schedule: keras.Model([past, schedule], outputs).")
    output, hint = predict(answer, [x_past, u_future], "[the past (500, 30, 3), the schedule "
                                                        "(500, 10, 1)], in that order")
    if hint:
        return hint
    if output.shape != (500, 10, 2):
        return (f"it should return (500, 10, 2): 10 future steps of 2 targets; yours returns "
                f"{output.shape}.")
    flipped, _ = predict(answer, [x_past, 1 - u_future], "")
    if flipped is not None and np.allclose(flipped, output, atol=1e-4):
        return ("its forecast does not change when the schedule does: the future's pushes come "
                "from u_future, so the decoder must read it (its second input).")
    moved, _ = predict(answer, [x_past[::-1], u_future], "")  # another sample's past
    if moved is not None and np.allclose(moved, output, atol=1e-4):
        return ("its forecast does not change when the past does: the swing and the frequency "
                "come from x_past, so an encoder must read it (its first input).")
    error = float(np.mean((output - clean) ** 2))
    if error < 0.03:
        return None  # the published solution reaches 0.004 to 0.012
    return far_above(error, 0.03, float(np.mean(clean**2)), "always predicting 0")
