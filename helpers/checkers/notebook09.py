"""Checkers for the exercises of notebook 09: notebooks/09_attention_and_pooling.ipynb."""

import functools

import numpy as np

from helpers import data
from helpers.checkers.common import (
    as_array,
    as_pair,
    as_shape,
    predict,
)
from helpers.checks import exercise
from helpers.data import describe

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


@exercise("09.1", typical_wrong_answer=((32, 50, 16), (32, 1, 16), (32, 50), (32, 16),
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
    shapes = [as_shape(s) for s in answer]
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
    array = as_array(value)
    if array is None or array.dtype.kind not in "biuf" or array.size > 1000:
        return None
    return array.astype(float).ravel()


@exercise("09.2", typical_wrong_answer=_log_attention(np.ones(5, dtype=bool)),
           praise="scores q · h_t, −∞ on the padding, a softmax over the real steps, and the "
                  "weighted average of the outputs: attention pooling by hand.")
def _log_attention_answer(answer):
    pair = as_pair(answer)
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


@exercise("09.3", typical_wrong_answer=(_PRE_PADDED_MASKED, _PRE_PADDED_MASKED),
           praise="GlobalMaxPooling1D reads the padding's zeros (0.0 for the second sequence); "
                  "the masked maximum reads the real steps only (−0.4).")
def _max_over_padding(answer):
    pair = as_pair(answer)
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


@exercise("09.4", typical_wrong_answer=_last_step_classifier,
           praise="it finds the marked step wherever it sits: within a few hundredths of the "
                  "best possible accuracy on 1,000 fresh sequences.")
def _marked_classifier(answer):
    x, labels, best, positions = _marked_held_out()
    output, hint = predict(answer, x, "sequences of 4 features, shape (1000, 60, 4)")
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
