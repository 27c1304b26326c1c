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
