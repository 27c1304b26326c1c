"""Errors that refuse to broadcast, the comparison with the best possible error, and an interval
for the difference between two forecasts' errors."""

from statistics import NormalDist

import numpy as np

from helpers.data import check_int, check_number, check_numeric_array, check_text, describe, is_int


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


def floor_band(noise_variance, n_errors, level=0.95):
    """Where a *perfect* model's test MSE falls, as a ratio to the noise floor: ``(low, high)``.

    The noise floor is an expectation. A test MSE is a mean of ``n_errors`` squared noise draws,
    so even the generator's exact rule scores a little above or below it. For Gaussian noise the
    relative standard deviation of that mean is ``sqrt(2 / n_errors)``; the band is
    ``1 ± z · sqrt(2 / n_errors)`` with ``z`` the normal quantile for ``level``. It answers "could
    a perfect model score this on a random test set of this size?": a point below 1.00× is luck
    in the test noise, not skill. Whether *this* model is perfect is better measured against the
    noise-free targets on the same samples, when the generator knows them.

    Example: ``floor_band(0.09, 40_000)`` returns about ``(0.986, 1.014)``.
    """
    check_number(noise_variance, "noise_variance", positive=True)
    n_errors = check_int(n_errors, "n_errors")
    level = check_number(level, "level", positive=True)
    if not level < 1:
        raise ValueError(f"expected level between 0 and 1 (e.g. 0.95), got {level!r}")
    half_width = NormalDist().inv_cdf(0.5 + level / 2) * np.sqrt(2 / n_errors)
    return max(0.0, float(1 - half_width)), float(1 + half_width)


def noise_floor_ratio(test_mse, noise_variance, label="test MSE", n_errors=None):
    """Print ``test_mse`` against the best possible error, the noise variance; return the ratio.

    A model that knew the generator's exact rule would still score ``noise_variance`` on fresh
    data, on average, because the noise cannot be predicted. 1.00× is the best possible.
    ``n_errors``, when given, is how many squared errors the test MSE averages (e.g.
    ``y_test.size``); then the line also gives ``floor_band``: where that perfect model's own
    test MSE would fall, 95 % of the time.

    Example: ``noise_floor_ratio(0.0915, 0.09)`` prints
    ``test MSE 0.0915 = 1.02× the noise floor (0.0900)`` and returns ``1.0166…``; with
    ``n_errors=40_000`` the line ends ``; a perfect model: 0.99–1.01×``.
    """
    noise_variance = check_number(noise_variance, "noise_variance", positive=True)
    test_mse = check_number(test_mse, "test_mse")
    check_text(label, "label")
    ratio = test_mse / noise_variance
    line = f"{label} {test_mse:.4f} = {ratio:.2f}× the noise floor ({noise_variance:.4f})"
    if n_errors is not None:
        low, high = floor_band(noise_variance, n_errors)
        line += f"; a perfect model: {low:.2f}–{high:.2f}×"
    print(line)
    return ratio


def difference_interval(errors_a, errors_b, lags, level=0.95):
    """Mean of ``errors_a - errors_b`` and its interval, for errors that are correlated in time.

    The errors are two forecasts' losses (e.g. absolute errors) on the same days, in time order.
    This is the Diebold–Mariano comparison: the variance of the mean difference is the
    Newey–West (HAC) long-run variance, with Bartlett weights ``1 - k / (lags + 1)`` on the
    autocovariances at lags ``k = 1 … lags``, so that neighbouring days that are alike do not
    count as independent evidence. With ``lags=0`` it is the usual ``mean ± z·s/√n``. Returns
    ``(mean, low, high)``; an interval below zero means forecast ``a`` is better.

    Example: ``difference_interval(np.abs(y - model), np.abs(y - persistence), lags=13)``
    """
    errors_a, errors_b = _same_shape(errors_a, errors_b, None)
    if errors_a.ndim != 1:
        raise ValueError(f"expected one error per day, shape (days,), got shape {errors_a.shape}")
    if not is_int(lags) or not 0 <= lags < len(errors_a):
        raise ValueError(f"expected lags as an int from 0 to {len(errors_a) - 1} (days - 1), "
                         f"got {describe(lags)}")
    level = check_number(level, "level", positive=True)
    if level >= 1:
        raise ValueError(f"expected level between 0 and 1 (e.g. 0.95), got {level!r}")
    difference = errors_a - errors_b
    days, mean = len(difference), float(difference.mean())
    deviation = difference - mean
    variance = deviation @ deviation / days
    for lag in range(1, int(lags) + 1):
        variance += 2 * (1 - lag / (lags + 1)) * (deviation[lag:] @ deviation[:-lag]) / days
    half_width = NormalDist().inv_cdf(0.5 + level / 2) * np.sqrt(max(variance, 0.0) / days)
    return mean, mean - half_width, mean + half_width
