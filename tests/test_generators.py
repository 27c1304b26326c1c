"""The synthetic tasks: shapes, the rules they claim, and their noise floors."""

import numpy as np
import pytest

from helpers import data

TINY = 1e-9  # noise so small that y is the clean rule


def test_smoothed_signals_follow_their_recurrence():
    x, y, variance = data.smoothed_signals(50, timesteps=12, noise=TINY, seed=3)
    assert x.shape == (50, 12, 3) and y.shape == (50, 12, 2) and x.dtype == np.float32
    fast, slow = np.zeros(50), np.zeros(50)
    for t in range(12):
        fast = 0.5 * fast + 0.5 * x[:, t, 0]
        slow = 0.9 * slow + 0.1 * (x[:, t, 1] - x[:, t, 2])
        np.testing.assert_allclose(y[:, t, 0], fast, atol=1e-5)
        np.testing.assert_allclose(y[:, t, 1], 3 * slow, atol=1e-5)
    assert variance == pytest.approx(TINY**2)


def test_smoothed_targets_are_the_signals_without_their_noise():
    x, y, variance = data.smoothed_signals(3000, timesteps=12, noise=0.5, seed=3)
    clean = data.smoothed_targets(x)
    assert clean.shape == (3000, 12, 2) and clean.dtype == np.float64
    np.testing.assert_allclose(clean, data.smoothed_signals(3000, 12, noise=TINY, seed=3)[1],
                               atol=1e-5)
    assert np.var(y - clean) == pytest.approx(variance, rel=0.05)
    # the averages start from 0 at step 0 of whatever is passed: a prefix gives the same targets
    np.testing.assert_array_equal(data.smoothed_targets(x[:, :5]), clean[:, :5])
    with pytest.raises(ValueError, match=r"expected x with 3 features.*got shape \(2, 4, 2\)"):
        data.smoothed_targets(np.zeros((2, 4, 2)))


@pytest.mark.parametrize("generator", [data.smoothed_signals, data.comovement])
def test_the_noise_has_the_variance_reported(generator):
    x_clean, y_clean, _ = generator(4000, noise=TINY, seed=7)
    x, y, variance = generator(4000, noise=0.5, seed=7)
    np.testing.assert_array_equal(x, x_clean)  # same seed, same inputs
    assert variance == pytest.approx(0.25)
    assert np.var(y - y_clean) == pytest.approx(variance, rel=0.05)


def test_generators_repeat_with_a_seed_and_differ_without():
    a, b, c = (data.comovement(20, seed=s)[0] for s in (1, 1, 2))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_comovement_is_the_scaled_sum_of_products():
    x, y, _ = data.comovement(30, timesteps=16, noise=TINY, seed=2)
    assert y.shape == (30, 1)
    np.testing.assert_allclose(y[:, 0], (x[:, :, 0] * x[:, :, 1]).sum(axis=1) / 4, atol=1e-5)


def test_bump_patterns_hold_one_bump_in_the_labelled_feature():
    x, labels, best = data.bump_patterns(60, timesteps=10, amplitude=2.0, noise=1e-3, seed=5)
    assert x.shape == (60, 10, 3) and labels.shape == (60,)
    assert set(labels) <= {0, 1, 2}
    raised = x > 1.0  # only the bump steps
    for sample, label in enumerate(labels):
        steps = np.flatnonzero(raised[sample, :, label])
        assert len(steps) == 3 and np.all(np.diff(steps) == 1)
        assert raised[sample].sum() == 3
    assert best == 1.0  # with almost no noise the Bayes classifier is always right


def test_bump_patterns_details_give_each_bump_start_and_the_bayes_verdict():
    x, labels, best, info = data.bump_patterns(60, timesteps=10, amplitude=2.0, noise=1e-3,
                                               seed=5, details=True)
    same = data.bump_patterns(60, timesteps=10, amplitude=2.0, noise=1e-3, seed=5)
    np.testing.assert_array_equal(x, same[0])
    assert best == same[2] == info["bayes_correct"].mean() == 1.0
    for sample, start in enumerate(info["starts"]):  # the bump sits where "starts" says
        assert np.all(x[sample, start:start + 3, labels[sample]] > 1.0)
    with pytest.raises(ValueError, match="expected details as True or False, got 'yes'"):
        data.bump_patterns(5, details="yes")


def test_bump_patterns_best_accuracy_falls_to_chance_in_heavy_noise():
    _, _, best = data.bump_patterns(3000, amplitude=0.01, noise=5.0, seed=1)
    assert 0.28 < best < 0.39


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"samples": 0}, "expected samples as a positive int"),
        ({"samples": 10, "timesteps": "20"}, "expected timesteps as a positive int"),
        ({"samples": 10, "noise": 0}, r"expected noise as a positive number, got 0 \(int\)"),
    ],
)
@pytest.mark.parametrize("generator", [data.smoothed_signals, data.comovement, data.bump_patterns])
def test_generators_refuse_bad_sizes(generator, kwargs, message):
    with pytest.raises(ValueError, match=message):
        generator(**kwargs)


def test_bump_amplitude_must_square_to_a_float():
    with pytest.raises(ValueError, match=r"expected amplitude from -1e6 to 1e6, got 1e\+200"):
        data.bump_patterns(10, amplitude=1e200)


def test_bump_wider_than_the_sequence_is_refused():
    with pytest.raises(ValueError, match="expected a bump width from 1 to timesteps=5, got 6"):
        data.bump_patterns(10, timesteps=5, width=6)


def test_ragged_readings_end_at_each_sequence_s_last_real_step():
    sequences, y, variance = data.ragged_readings(40, min_timesteps=3, max_timesteps=9,
                                                  noise=TINY, seed=4)
    lengths = [len(s) for s in sequences]
    assert len(sequences) == 40 and y.shape == (40, 1) and variance == pytest.approx(TINY**2)
    assert min(lengths) >= 3 and max(lengths) <= 9 and len(set(lengths)) > 3
    for sequence, target in zip(sequences, y, strict=True):
        assert sequence.shape[1] == 3 and sequence.dtype == np.float32
        fast = slow = 0.0
        for step in sequence:  # the rule, run over the real steps only
            fast = 0.5 * fast + 0.5 * step[0]
            slow = 0.9 * slow + 0.1 * (step[1] - step[2])
        assert target[0] == pytest.approx(fast + 3 * slow, abs=1e-5)


def test_ragged_readings_noise_and_bad_lengths():
    _, clean, _ = data.ragged_readings(4000, noise=TINY, seed=8)
    _, y, variance = data.ragged_readings(4000, noise=0.5, seed=8)
    assert np.var(y - clean) == pytest.approx(variance, rel=0.05)
    with pytest.raises(ValueError, match="expected min_timesteps <= max_timesteps, got 9 > 3"):
        data.ragged_readings(10, min_timesteps=9, max_timesteps=3)
    with pytest.raises(ValueError, match="expected min_timesteps as a positive int, got 0"):
        data.ragged_readings(10, min_timesteps=0)
    with pytest.raises(ValueError, match="expected samples as a positive int"):
        data.ragged_readings(0)


def test_comovement_targets_are_the_targets_without_their_noise():
    x, y, noise_variance = data.comovement(20_000, timesteps=8, noise=0.5, seed=3)
    clean = data.comovement_targets(x)
    assert clean.shape == y.shape == (20_000, 1)
    assert np.mean((y - clean) ** 2) == pytest.approx(noise_variance, rel=0.03)
    with pytest.raises(ValueError, match="3 features"):
        data.comovement_targets(np.zeros((2, 4, 2)))


def test_marked_step_marks_one_step_and_raises_the_label_feature_there():
    x, labels, best, info = data.marked_step(80, timesteps=12, classes=4, amplitude=3.0,
                                             noise=1e-3, seed=5, details=True)
    assert x.shape == (80, 12, 5) and x.dtype == np.float32 and labels.shape == (80,)
    assert set(labels) <= {0, 1, 2, 3}
    rows = np.arange(80)
    np.testing.assert_array_equal(x[:, :, 0].sum(axis=1), 1.0)  # one marker per sample
    np.testing.assert_array_equal(x[rows, info["positions"], 0], 1.0)
    raised = x[:, :, 1:] > 1.0  # only the label's feature at the marked step
    assert raised.sum() == 80 and raised[rows, info["positions"], labels].all()
    assert best == 1.0 and info["bayes_correct"].all()  # almost no noise: Bayes is always right
    same = data.marked_step(80, timesteps=12, classes=4, amplitude=3.0, noise=1e-3, seed=5)
    np.testing.assert_array_equal(x, same[0])
    assert best == same[2]


def test_marked_step_bayes_accuracy_is_the_rule_and_matches_its_expectation():
    x, labels, best, info = data.marked_step(20000, timesteps=5, seed=2, details=True)
    rows = np.arange(len(x))
    rule = x[rows, info["positions"], 1:].argmax(axis=1) == labels
    np.testing.assert_array_equal(rule, info["bayes_correct"])
    assert best == rule.mean()
    # the docstring's expectation: ∫ φ(z) Φ(z + 2.5)² dz = 0.931 for the defaults
    z = np.linspace(-10, 10, 4001)
    phi = np.exp(-z**2 / 2) / np.sqrt(2 * np.pi)
    big_phi = np.cumsum(phi) * (z[1] - z[0])  # Φ(z) on the same grid
    expected = np.sum(phi * np.interp(z + 2.5, z, big_phi) ** 2) * (z[1] - z[0])
    assert expected == pytest.approx(0.931, abs=0.001)
    assert best == pytest.approx(expected, abs=0.01)  # 20,000 samples: a standard error of 0.002
    assert np.bincount(info["positions"], minlength=5).min() > 3500  # uniform over the steps


def test_marked_step_refuses_bad_arguments():
    with pytest.raises(ValueError, match="expected classes as an int >= 2, got 1"):
        data.marked_step(5, classes=1)
    with pytest.raises(ValueError, match="expected details as True or False, got 'yes'"):
        data.marked_step(5, details="yes")
    with pytest.raises(ValueError, match="expected amplitude from -1e6 to 1e6"):
        data.marked_step(5, amplitude=1e9)


def test_driven_oscillators_shapes_and_the_schedule():
    x, u, y, variance = data.driven_oscillators(40, timesteps=12, horizon=5, noise=0.5, seed=3)
    assert x.shape == (40, 12, 3) and u.shape == (40, 5, 1) and y.shape == (40, 5, 2)
    assert x.dtype == u.dtype == y.dtype == np.float32
    assert variance == pytest.approx(0.25)
    assert set(np.unique(x[..., 2])) == {0.0, 1.0} and set(np.unique(u)) <= {0.0, 1.0}
    again = data.driven_oscillators(40, timesteps=12, horizon=5, noise=0.5, seed=3)
    for first, second in zip((x, u, y), again[:3], strict=True):
        np.testing.assert_array_equal(first, second)  # the same seed, the same data
    assert not np.array_equal(x, data.driven_oscillators(40, 12, 5, noise=0.5, seed=4)[0])


def test_driven_oscillators_past_and_schedule_fix_the_future():
    x, u, y, _, info = data.driven_oscillators(200, timesteps=30, horizon=10, noise=1e-9,
                                               seed=5, details=True)
    frequency = info["frequency"]
    assert info["clean"].shape == (200, 10, 2) and frequency.shape == (200,)
    assert 0.3 <= frequency.min() and frequency.max() <= 0.9
    np.testing.assert_allclose(y, info["clean"], atol=1e-5)  # no noise: y is the rule
    # the rule, stepped on from the last past step with the known schedule
    cos, sin = np.cos(frequency), np.sin(frequency)
    a, b = x[:, -1, 0].astype("float64"), x[:, -1, 1].astype("float64")
    for k in range(10):
        a, b = 0.7 * (cos * a - sin * b) + u[:, k, 0], 0.7 * (sin * a + cos * b)
        np.testing.assert_allclose(info["clean"][:, k], np.stack([a, b], axis=1), atol=1e-5)
    # and inside the past too: each step follows from the one before
    turned = 0.7 * (cos[:, None] * x[:, :-1, 0] - sin[:, None] * x[:, :-1, 1]) + x[:, 1:, 2]
    np.testing.assert_allclose(x[:, 1:, 0], turned, atol=1e-5)


def test_driven_oscillators_noise_has_the_variance_reported():
    _, _, y, variance, info = data.driven_oscillators(4000, noise=0.5, seed=6, details=True)
    assert np.var(y - info["clean"]) == pytest.approx(variance, rel=0.05)
    assert abs(np.mean(y - info["clean"])) < 0.02


def test_driven_oscillators_refuses_bad_arguments():
    with pytest.raises(ValueError, match="expected horizon as a positive int, got 0"):
        data.driven_oscillators(5, horizon=0)
    with pytest.raises(ValueError, match="expected noise as a positive number"):
        data.driven_oscillators(5, noise=0)
    with pytest.raises(ValueError, match="expected details as True or False, got 'yes'"):
        data.driven_oscillators(5, details="yes")
