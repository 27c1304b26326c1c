"""Checkers for the exercises of notebook 07: notebooks/07_streaming.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    as_pair,
    as_shape,
    as_whole_number,
    recurrent_layers,
)
from helpers.checks import exercise
from helpers.data import describe


@exercise("07.1", typical_wrong_answer=(None, 1, 3),
           praise="a stateful layer keeps one state per batch row: the batch size must be fixed.")
def _stateful_batch_shape(answer):
    if isinstance(answer, (tuple, list)) and len(answer) == 3 and answer[0] is None:
        return ("a stateful layer keeps one state per row of the batch, so the batch size "
                "cannot be None: it must be the number of streams, 8.")
    if isinstance(answer, (tuple, list)) and len(answer) == 3 and answer[1] is None and \
            as_shape([answer[0], answer[2]]) == (8, 3):
        return None  # any number of timesteps per call works too; only the batch must be fixed
    shape = as_shape(answer)
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


@exercise("07.2", typical_wrong_answer=(2500, 50),
           praise="re-running costs 1 + 2 + … + 50 = 1275 cell updates; stepping costs 50.")
def _update_counts(answer):
    pair = as_pair(answer)
    if pair is None:
        return "expected a pair (cell updates re-running, cell updates stepping), e.g. (10, 5)."
    rerun, stepping = (as_whole_number(value) for value in pair)
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
    feed = as_shape(value)
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
    returns = as_shape(value)
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


@exercise("07.3", typical_wrong_answer={"feed": (3,), "returns": (1, 4), "reset": False},
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


@exercise("07.4", typical_wrong_answer=_stateless_chunk_model,
           praise="fed 10 steps at a time, it carries each stream's past from chunk to chunk: "
                  "close to the noise-free targets on 8 fresh streams of 400 steps.")
def _stateful_chunks(answer):
    import keras

    x, clean, noise_variance = _streams_held_out()
    if not isinstance(answer, keras.Model):
        return f"expected a keras.Model, got {type(answer).__name__}."
    stateful = [layer for layer in recurrent_layers(answer) if getattr(layer, "stateful", False)]
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
