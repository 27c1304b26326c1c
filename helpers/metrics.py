"""Errors that refuse to broadcast, and the comparison with the best possible error."""

import numpy as np

from helpers.data import check_number, check_numeric_array, check_text, describe, is_int


def _same_shape(y_true, y_pred, axis):
    y_true = check_numeric_array(y_true, "targets")
    y_pred = check_numeric_array(y_pred, "predictions")
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"expected targets and predictions of the same shape, got targets {y_true.shape} "
            f"and predictions {y_pred.shape}; reshape one (e.g. y[:, None] or y.squeeze(-1)) "
            "instead of letting NumPy broadcast them"
        )
    axes = axis if isinstance(axis, tuple) else (axis,)
    if axis is not None and not all(is_int(a) and -y_true.ndim <= a < y_true.ndim for a in axes):
        raise ValueError(f"expected axis as None, an int or a tuple of ints below "
                         f"{y_true.ndim} for arrays of shape {y_true.shape}, got {describe(axis)}")
    return y_true, y_pred


def mse(y_true, y_pred, axis=None):
    """Mean squared error of two arrays **of the same shape**; a mismatch is a ``ValueError``.

    NumPy would broadcast targets ``(batch,)`` against predictions ``(batch, 1)`` to
    ``(batch, batch)`` and return a wrong number without a word; this refuses instead. ``axis``
    is passed to ``np.mean``: ``axis=(0, 2)`` on ``(samples, timesteps, outputs)`` gives the
    error at each timestep.

    Example: ``mse(y_test, model.predict(x_test, verbose=0))``
    """
    y_true, y_pred = _same_shape(y_true, y_pred, axis)
    return np.mean((y_true - y_pred) ** 2, axis=axis)


def mae(y_true, y_pred, axis=None):
    """Mean absolute error of two arrays of the same shape, in the targets' units (as ``mse``).

    ``axis=0`` on ``(samples, horizons)`` gives the error at each horizon.

    Example: ``mae(y_test, model.predict(x_test, verbose=0), axis=0)``
    """
    y_true, y_pred = _same_shape(y_true, y_pred, axis)
    return np.mean(np.abs(y_true - y_pred), axis=axis)


def noise_floor_ratio(test_mse, noise_variance, label="test MSE"):
    """Print ``test_mse`` against the best possible error, the noise variance; return the ratio.

    A model that knew the generator's exact rule would still score ``noise_variance`` on fresh
    data, on average, because the noise cannot be predicted. 1.00× is the best possible.

    Example: ``noise_floor_ratio(0.0915, 0.09)`` prints
    ``test MSE 0.0915 = 1.02× the noise floor (0.0900)`` and returns ``1.0166…``.
    """
    noise_variance = check_number(noise_variance, "noise_variance", positive=True)
    test_mse = check_number(test_mse, "test_mse")
    check_text(label, "label")
    ratio = test_mse / noise_variance
    print(f"{label} {test_mse:.4f} = {ratio:.2f}× the noise floor ({noise_variance:.4f})")
    return ratio
