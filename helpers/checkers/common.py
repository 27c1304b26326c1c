"""What several notebooks' checkers share: answers read as shapes, numbers or arrays (``None``
when they are not one), a learner's model called without letting it raise, and the hints about
recurrent heads that notebooks 02, 03, 04 and 06 all give."""

import warnings

import numpy as np


def as_shape(value):
    """A shape-like answer (tuple, list, 1-D array, TensorShape) as a tuple of ints, else None.

    Only these types, never any iterable: a generator or an endless iterator is not a shape.
    """
    if hasattr(value, "as_list"):  # TensorFlow's TensorShape
        value = value.as_list()
    if isinstance(value, np.ndarray):
        value = value.tolist() if value.ndim == 1 else None
    if not isinstance(value, (tuple, list)) or len(value) > 16:
        return None
    dims = [as_whole_number(d) for d in value]
    return None if None in dims else tuple(dims)


def as_pair(answer):
    """A two-item answer (tuple, list or array) as a tuple, else None."""
    if isinstance(answer, (tuple, list)) or (isinstance(answer, np.ndarray) and answer.ndim):
        return tuple(answer) if len(answer) == 2 else None
    return None


def as_real(answer):
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


def as_whole_number(answer):
    """A number with an integer value (7, 7.0, np.int64(7), np.array(7)) as an int, else None."""
    value = as_real(answer)
    return int(value) if value is not None and value.is_integer() else None


def wrong_entries(answer, truth):
    """The keys of ``truth`` whose value ``answer`` gets wrong, or None if the keys differ.

    A value is right when it is the same True or False (Python's or NumPy's).
    """
    if not isinstance(answer, dict) or set(answer) != set(truth):
        return None
    return [key for key, value in truth.items()
            if not (isinstance(answer[key], (bool, np.bool_)) and bool(answer[key]) == value)]


def call_model(answer, probe):
    """``(output as an array, None)``, or ``(None, hint)`` when ``answer`` cannot take ``probe``."""
    return predict(answer, probe, f"sequences of {probe.shape[2]} features of any length, "
                                   f"shape {probe.shape}")


def as_array(answer):
    """``answer`` as a NumPy array, or None for ragged nested lists that NumPy refuses."""
    try:
        return np.asarray(answer)
    except (ValueError, TypeError):  # ragged nested lists
        return None


def predict(answer, inputs, shape_text):
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


def recurrent_layers(model):
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


def ends_in_recurrent_layer(model):
    """True when ``model``'s last layer is a recurrent layer: its outputs are bounded by tanh."""
    return bool(model.layers) and any(model.layers[-1] is layer
                                      for layer in recurrent_layers(model))


BARE_HEAD = ("the last layer is the recurrent layer itself, whose tanh output stays inside "
              "(−1, 1): add a Dense head after it.")


def far_above(error, good, reference, reference_name, units=""):
    """A hint for an error above ``good``, set against a reference any working model beats."""
    return (f"your model's error on fresh data is {error:.3g}{units}, above the {good:g}{units} "
            f"a trained model reaches in seconds ({reference_name}: {reference:.3g}{units}). "
            f"Train longer (more epochs), check that x and y line up, and that the loss is mse.")

def one_lstm_regressor():
    """One LSTM, then a head: no stack (exercise 04.4) and no mask (exercise 06.5)."""
    import keras

    return keras.Sequential([keras.Input(shape=(None, 3)), keras.layers.LSTM(4),
                             keras.layers.Dense(1)])
