import numpy as np
import pytest

from helpers import metrics


def test_mse_of_equal_shapes_and_per_axis():
    y = np.zeros((2, 3, 1))
    p = np.ones((2, 3, 1)) * np.array([1, 2, 3])[None, :, None]
    assert metrics.mse(y, p) == pytest.approx((1 + 4 + 9) / 3)
    np.testing.assert_allclose(metrics.mse(y, p, axis=(0, 2)), [1, 4, 9])


@pytest.mark.parametrize(
    "true_shape, pred_shape", [((4,), (4, 1)), ((2, 2, 4), (2, 4)), ((3,), (4,))]
)
def test_mse_refuses_to_broadcast(true_shape, pred_shape):
    with pytest.raises(ValueError) as error:
        metrics.mse(np.zeros(true_shape), np.zeros(pred_shape))
    assert f"got targets {true_shape} and predictions {pred_shape}" in str(error.value)


def test_numpy_alone_would_broadcast_silently():
    # the bug metrics.mse exists to catch: (batch,) - (batch, 1) is (batch, batch)
    assert (np.zeros(4) - np.zeros((4, 1))).shape == (4, 4)


def test_mse_refuses_empty_arrays():
    with pytest.raises(ValueError, match=r"non-empty targets, got shape \(0, 2\)"):
        metrics.mse(np.zeros((0, 2)), np.zeros((0, 2)))


def test_noise_floor_ratio_prints_one_line(capsys):
    ratio = metrics.noise_floor_ratio(0.0105, 0.01)
    assert ratio == pytest.approx(1.05)
    assert capsys.readouterr().out == "test MSE 0.0105 = 1.05× the noise floor (0.0100)\n"


def test_noise_floor_ratio_prints_the_band_of_a_perfect_model(capsys):
    metrics.noise_floor_ratio(0.0915, 0.09, n_errors=40_000)
    assert capsys.readouterr().out == ("test MSE 0.0915 = 1.02× the noise floor (0.0900); "
                                       "a perfect model: 0.99–1.01×\n")


def test_floor_band_is_where_the_exact_rule_scores():
    low, high = metrics.floor_band(0.09, 2000)
    assert (low, high) == pytest.approx((1 - 1.959964 * 0.0316228, 1 + 1.959964 * 0.0316228))
    # Simulate: the MSE of a perfect model is a mean of n squared Gaussian noise draws.
    rng = np.random.default_rng(0)
    ratios = (rng.normal(0, 0.3, size=(4000, 2000)) ** 2).mean(axis=1) / 0.09
    inside = np.mean((ratios > low) & (ratios < high))
    assert 0.94 < inside < 0.96
    assert metrics.floor_band(1.0, 1) == pytest.approx((0.0, 1 + 1.959964 * np.sqrt(2)))


@pytest.mark.parametrize("n_errors", [0, 2.5, -3])
def test_floor_band_needs_a_count(n_errors):
    with pytest.raises(ValueError, match="expected n_errors as a positive int"):
        metrics.floor_band(0.09, n_errors)
    with pytest.raises(ValueError, match="expected level between 0 and 1"):
        metrics.floor_band(0.09, 10, level=1.5)


@pytest.mark.parametrize("variance", [0, -1.0])
def test_noise_floor_ratio_needs_a_positive_variance(variance):
    with pytest.raises(ValueError, match="expected noise_variance as a positive number"):
        metrics.noise_floor_ratio(1.0, variance)


def test_mae_per_horizon_and_refusals():
    y = np.zeros((2, 3))
    p = np.array([[1.0, -2.0, 3.0], [1.0, 2.0, -3.0]])
    assert metrics.mae(y, p) == pytest.approx(2.0)
    np.testing.assert_allclose(metrics.mae(y, p, axis=0), [1, 2, 3])
    with pytest.raises(ValueError, match=r"got targets \(4,\) and predictions \(4, 1\)"):
        metrics.mae(np.zeros(4), np.zeros((4, 1)))
    with pytest.raises(ValueError, match=r"non-empty targets, got shape \(0,\)"):
        metrics.mae(np.zeros(0), np.zeros(0))


def test_difference_interval_by_hand():
    # d = 1, 3, 2, 4: mean 2.5, deviations -1.5, .5, -.5, 1.5
    # autocovariance at lag 0: 5/4 = 1.25; at lag 1: (-.75 - .25 - .75) / 4 = -0.4375
    # Newey–West with 1 lag: 1.25 + 2 * (1 - 1/2) * -0.4375 = 0.8125; variance of the mean / 4
    z = 1.959963984540054
    mean, low, high = metrics.difference_interval([1.0, 3.0, 2.0, 4.0], np.zeros(4), lags=1)
    assert mean == pytest.approx(2.5)
    assert (low, high) == pytest.approx((2.5 - z * np.sqrt(0.8125 / 4),
                                         2.5 + z * np.sqrt(0.8125 / 4)))
    # no lags: the textbook interval mean ± z·s/√n with the population standard deviation
    _, _, high_0 = metrics.difference_interval([1.0, 3.0, 2.0, 4.0], np.zeros(4), lags=0)
    assert high_0 - 2.5 == pytest.approx(z * np.sqrt(1.25 / 4))
    # a 90 % interval is narrower, and the order of the forecasts flips the sign
    _, low_90, high_90 = metrics.difference_interval([1.0, 3.0, 2.0, 4.0], np.zeros(4), lags=1,
                                                     level=0.9)
    assert low < low_90 < high_90 < high
    assert metrics.difference_interval(np.zeros(4), [1.0, 3.0, 2.0, 4.0], lags=1) == \
        pytest.approx((-2.5, -high, -low))


def test_difference_interval_covers_the_truth_for_correlated_days():
    # AR(1) differences with phi = 0.5 around a true mean of 0: neighbouring days are alike,
    # so an interval that treats them as independent (lags=0) is too narrow
    rng = np.random.default_rng(0)
    phi, days, runs = 0.5, 400, 600
    shocks = rng.normal(size=(runs, days))
    series = np.zeros((runs, days))
    for t in range(1, days):
        series[:, t] = phi * series[:, t - 1] + shocks[:, t]
    covered = {lags: np.mean([low <= 0 <= high for _, low, high in
                              (metrics.difference_interval(d, np.zeros(days), lags=lags)
                               for d in series)])
               for lags in (0, 12)}
    assert 0.90 <= covered[12] <= 0.98
    assert covered[0] < 0.85


@pytest.mark.parametrize("kwargs, message", [
    ({"errors_a": np.zeros((3, 2)), "errors_b": np.zeros((3, 2))}, r"shape \(days,\)"),
    ({"errors_a": np.zeros(3), "errors_b": np.zeros(4)}, "same shape"),
    ({"lags": 3}, "lags as an int from 0 to 2"),
    ({"lags": -1}, "lags as an int"),
    ({"level": 1.0}, "level between 0 and 1"),
    ({"level": 0}, "level as a positive number"),
])
def test_difference_interval_refusals(kwargs, message):
    arguments = {"errors_a": np.zeros(3), "errors_b": np.ones(3), "lags": 1, **kwargs}
    with pytest.raises(ValueError, match=message):
        metrics.difference_interval(**arguments)
