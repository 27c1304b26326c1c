import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import FancyBboxPatch

from helpers import metrics, plots


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_batch_draws_one_labelled_grid_per_sample():
    x = np.arange(12, dtype="float32").reshape(2, 2, 3)
    fig = plots.plot_batch(x, feature_names=["a", "b", "c"])
    grids = [ax for ax in fig.axes if ax.images]
    assert len(grids) == 2
    assert grids[1].get_title() == "sample 1:  x[1]  (2, 3)"
    assert [t.get_text() for t in grids[0].get_xticklabels()] == ["a", "b", "c"]
    assert [t.get_text() for t in grids[0].get_yticklabels()] == ["t=0", "t=1"]
    np.testing.assert_array_equal(grids[1].images[0].get_array(), x[1])
    assert sorted(t.get_text() for t in grids[0].texts) == ["0", "1", "2", "3", "4", "5"]


def test_plot_batch_refuses_bad_shapes_and_names():
    with pytest.raises(ValueError, match=r"\(samples, timesteps, features\), got shape \(2, 3\)"):
        plots.plot_batch(np.zeros((2, 3)))
    names = r"expected 3 feature names .*\(2, 2, 3\) as a list of strings, got \['a', 'b'\]"
    with pytest.raises(ValueError, match=names):
        plots.plot_batch(np.zeros((2, 2, 3)), feature_names=["a", "b"])
    with pytest.raises(ValueError, match=r"at most 6 samples .*got shape \(40, 2, 3\)"):
        plots.plot_batch(np.zeros((40, 2, 3)))


def _returned_outputs(ax):
    return [p for p in ax.patches
            if isinstance(p, FancyBboxPatch) and to_hex(p.get_facecolor()) == plots.RETURNED]


@pytest.mark.parametrize("timesteps", [1, 3, 5])
def test_unrolled_rnn_highlights_what_each_setting_returns(timesteps):
    fig = plots.plot_unrolled_rnn(timesteps=timesteps, settings=(True, False))
    sequences, last = fig.axes
    assert len(_returned_outputs(sequences)) == timesteps
    assert len(_returned_outputs(last)) == 1
    # the one returned output of the last-timestep panel is the rightmost
    (only,) = _returned_outputs(last)
    assert only.get_x() == max(p.get_x() for p in last.patches if isinstance(p, FancyBboxPatch))
    assert "(batch, timesteps, units)" in sequences.get_title()
    assert "(batch, units)" in last.get_title()


@pytest.mark.parametrize("timesteps", [0, 9, 2.5, True, "4"])
def test_unrolled_rnn_refuses_bad_timesteps(timesteps):
    with pytest.raises(ValueError, match="expected timesteps as an int from 1 to 8"):
        plots.plot_unrolled_rnn(timesteps=timesteps)


@pytest.mark.parametrize("settings", [(), ("yes",), (1, 0), True, 5, {True}])
def test_unrolled_rnn_refuses_bad_settings(settings):
    with pytest.raises(ValueError, match="expected settings as a tuple of True/False"):
        plots.plot_unrolled_rnn(settings=settings)


def test_plot_batch_titles_and_highlights():
    x = np.zeros((2, 4, 3))
    mark = np.zeros(x.shape, dtype=bool)
    mark[1, 2:4, 0] = True
    fig = plots.plot_batch(x, titles=["label 0", "label 2"], highlight=mark)
    assert fig.axes[1].get_title().endswith("\nlabel 2")
    outlined = [p.get_xy() for p in fig.axes[1].patches if isinstance(p, plt.Rectangle)]
    assert sorted(outlined) == [(-0.5, 1.5), (-0.5, 2.5)]
    assert not [p for p in fig.axes[0].patches if isinstance(p, plt.Rectangle)]
    with pytest.raises(ValueError, match=r"boolean array of x's shape \(2, 4, 3\)"):
        plots.plot_batch(x, highlight=mark[0])
    with pytest.raises(ValueError, match="expected 2 titles"):
        plots.plot_batch(x, titles=["one"])


def test_plot_history_draws_the_best_possible_value():
    fig = plots.plot_history({"m": {"accuracy": [0.5, 0.7]}}, metric="accuracy", log=False,
                             best=0.781)
    assert fig.axes[0].get_lines()[-1].get_label() == "best possible (0.781)"
    with pytest.raises(ValueError, match="expected best as a finite number"):
        plots.plot_history({"m": {"loss": [1.0]}}, best="high")


def test_plot_batch_refuses_bad_options():
    x = np.zeros((2, 2, 3))
    with pytest.raises(ValueError, match=r"feature names .* of strings, got 'abc' \(str\)"):
        plots.plot_batch(x, feature_names="abc")
    for bad in (0, -1, None, "2"):
        with pytest.raises(ValueError, match="expected max_samples as a positive int"):
            plots.plot_batch(x, max_samples=bad)
    with pytest.raises(ValueError, match=r"at most 40 features .*\(1, 2, 500\)"):
        plots.plot_batch(np.zeros((1, 2, 500)))


def test_plot_batch_keeps_long_sequences_legible():
    fig = plots.plot_batch(np.zeros((1, 1000, 3)))
    (grid,) = [ax for ax in fig.axes if ax.images]
    assert len(grid.get_yticks()) <= 12


@pytest.mark.parametrize("features", [1, 3, 8])
def test_unrolled_rnn_draws_each_input_as_a_column_of_features(features):
    fig = plots.plot_unrolled_rnn(timesteps=4, settings=(True, False), features=features)
    for ax in fig.axes:
        cells = [p for p in ax.patches if isinstance(p, plt.Rectangle)]
        assert len(cells) == 4 * features  # one cell per feature, at each of the 4 timesteps
        assert len({round(p.get_x(), 6) for p in cells}) == 4  # one column per timestep
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert {"$x_{0}$", "$x_{3}$"} <= set(labels)
    assert labels.count(f"{features}\nfeature{'s' if features > 1 else ''}") == 1  # once
    assert not any("feature" in t.get_text() for t in fig.axes[1].texts)


def test_unrolled_rnn_draws_three_features_by_default():
    fig = plots.plot_unrolled_rnn(timesteps=2)
    assert len([p for p in fig.axes[0].patches if isinstance(p, plt.Rectangle)]) == 2 * 3


@pytest.mark.parametrize("features", [0, 9, -1, 2.0, True, "3", None, np.array([3])])
def test_unrolled_rnn_refuses_bad_features(features):
    with pytest.raises(ValueError, match="expected features as an int from 1 to 8, got "):
        plots.plot_unrolled_rnn(features=features)


def test_unrolled_rnn_accepts_numpy_bools():
    fig = plots.plot_unrolled_rnn(timesteps=2, settings=[np.True_])
    assert len(_returned_outputs(fig.axes[0])) == 2


def test_plot_history_draws_training_validation_and_floor():
    history = {"loss": [1.0, 0.5, 0.3], "val_loss": [1.1, 0.6, 0.4]}
    fig = plots.plot_history({"model": history}, noise_variance=0.25)
    (ax,) = fig.axes
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["model: training", "model: validation", "noise floor"]
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(), history["loss"])


def test_plot_history_markers_tell_curves_on_top_of_each_other_apart():
    same = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.6]}
    fig = plots.plot_history({"a": same, "b": same}, markers=True)
    lines = fig.axes[0].get_lines()
    assert [line.get_marker() for line in lines] == ["o", "o", "s", "s"]
    assert [line.get_markerfacecolor() for line in lines[1::2]] == ["none", "none"]
    plain = plots.plot_history({"a": same})
    assert {line.get_marker() for line in plain.axes[0].get_lines()} == {"None"}
    with pytest.raises(ValueError, match="expected markers as True or False, got 1"):
        plots.plot_history({"a": same}, markers=1)


def test_plot_history_names_the_split_it_was_given():
    fig = plots.plot_history({"per-step": {"mse": [2.0, 1.0]}}, metric="mse", split="test")
    assert [line.get_label() for line in fig.axes[0].get_lines()] == ["per-step: test"]
    with pytest.raises(ValueError, match="expected split as a string, got 3"):
        plots.plot_history({"m": {"loss": [1.0]}}, split=3)


def test_plot_history_refuses_a_missing_metric():
    expected = r"expected 'accuracy' in the history of 'm', got \['loss'\]"
    with pytest.raises(ValueError, match=expected):
        plots.plot_history({"m": {"loss": [1.0]}}, metric="accuracy")
    with pytest.raises(ValueError, match="expected histories as a non-empty dict"):
        plots.plot_history({})


def test_plot_error_by_timestep_shades_the_band_of_a_perfect_model():
    fig = plots.plot_error_by_timestep({"a": np.ones(5)}, noise_variance=0.5, n_errors=2000)
    (band,) = fig.axes[0].patches
    low, high = metrics.floor_band(0.5, 2000)
    bottom, top = band.get_y(), band.get_y() + band.get_height()
    np.testing.assert_allclose([bottom, top], [0.5 * low, 0.5 * high])
    with pytest.raises(ValueError, match="expected noise_variance with n_errors"):
        plots.plot_error_by_timestep({"a": np.ones(5)}, n_errors=2000)


def test_plot_error_by_timestep_needs_one_error_per_step():
    fig = plots.plot_error_by_timestep({"a": np.ones(5)}, noise_variance=0.5)
    assert len(fig.axes[0].get_lines()) == 2
    expected = r"shape \(runs, timesteps\), for 'a', got shape \(5, 2, 2\)"
    with pytest.raises(ValueError, match=expected):
        plots.plot_error_by_timestep({"a": np.ones((5, 2, 2))})


def test_plot_error_by_timestep_draws_the_mean_and_the_range_of_runs():
    errors = np.array([[7.0, 5.0, 3.0], [8.0, 4.0, 2.0]])  # (runs, timesteps)
    fig = plots.plot_error_by_timestep({"copied": errors}, noise_variance=1.0,
                                       ylabel="test MSE / noise floor at step t")
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "copied: mean of 2 runs", "copied: min–max of 2 runs", "noise floor"]
    mean, floor = ax.get_lines()
    np.testing.assert_array_equal(mean.get_xdata(), [0, 1, 2])
    np.testing.assert_allclose(mean.get_ydata(), [7.5, 4.5, 2.5])
    spread = ax.collections[0].get_paths()[0].vertices[:, 1]  # the band's outline
    assert spread.min() == 2.0 and spread.max() == 8.0
    assert ax.get_ylabel() == "test MSE / noise floor at step t"


def test_plot_seed_spread_draws_the_mean_and_the_range_of_the_seeds():
    ratios = np.array([[2.0, 1.2, 1.0], [3.0, 1.4, 1.1], [2.5, 1.0, 1.3]])  # (seeds, epochs)
    fig = plots.plot_seed_spread({"per-step": ratios, "last-step": ratios + 1},
                                 ylabel="test MSE / noise floor", noise_variance=1.0,
                                 n_errors=2000, ymax=2.5)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "per-step: test, mean of 3 seeds", "per-step: min–max of 3 seeds",
        "last-step: test, mean of 3 seeds", "last-step: min–max of 3 seeds", "noise floor",
        "a perfect model, 95 %"]
    mean, _, floor = ax.get_lines()
    np.testing.assert_array_equal(mean.get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(mean.get_ydata(), ratios.mean(axis=0))
    assert list(floor.get_ydata()) == [1.0, 1.0]
    spread = ax.collections[0].get_paths()[0].vertices[:, 1]  # the band's outline
    assert spread.min() == 1.0 and spread.max() == 3.0
    (band,) = ax.patches
    np.testing.assert_allclose([band.get_y(), band.get_y() + band.get_height()],
                               metrics.floor_band(1.0, 2000))
    assert ax.get_ylim()[1] == 2.5 and ax.get_yscale() == "linear"
    assert ax.get_ylabel() == "test MSE / noise floor"


def test_plot_seed_spread_names_the_split_and_refuses_bad_curves():
    fig = plots.plot_seed_spread({"a": np.ones((2, 4))}, split="validation")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["a: validation, mean of 2 seeds", "a: min–max of 2 seeds"]
    fig = plots.plot_seed_spread({"a": np.ones((2, 4))}, rows="runs")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["a: test, mean of 2 runs", "a: min–max of 2 runs"]
    with pytest.raises(ValueError, match=r"shape \(seeds, epochs\), for 'a', got shape \(4,\)"):
        plots.plot_seed_spread({"a": np.ones(4)})
    with pytest.raises(ValueError, match="expected noise_variance with n_errors"):
        plots.plot_seed_spread({"a": np.ones((2, 4))}, n_errors=2000)
    with pytest.raises(ValueError, match="expected curves as a non-empty dict"):
        plots.plot_seed_spread({})


def test_plot_sequences_draws_a_row_per_sample_and_a_column_per_output():
    y = np.zeros((4, 6, 2))
    fig = plots.plot_sequences(y, y + 1, samples=(0, 3), output_names=["a", "b"])
    assert len(fig.axes) == 4
    assert fig.axes[1].get_title() == "b"
    expected = r"\(samples, timesteps, outputs\), got \(4, 6, 2\) and \(4, 6\)"
    with pytest.raises(ValueError, match=expected):
        plots.plot_sequences(y, y[..., 0])
    with pytest.raises(ValueError, match="sample indices from 0 to 3"):
        plots.plot_sequences(y, y, samples=(4,))


def test_plot_sequences_draws_the_noise_free_signal_when_given():
    y = np.zeros((2, 5, 1))
    fig = plots.plot_sequences(y, y + 1, samples=(1,), y_clean=y + 0.5)
    lines = fig.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["target", "noise-free signal", "prediction"]
    np.testing.assert_array_equal(lines[1].get_ydata(), np.full(5, 0.5))
    with pytest.raises(ValueError, match=r"noise-free sequences of the targets' shape"):
        plots.plot_sequences(y, y, y_clean=y[:1])


def test_plot_splits_draws_each_split_and_marks_where_it_starts():
    days = pd.date_range("2012-01-01", periods=6, freq="D")
    frame = pd.DataFrame({"date": days, "temp_max": np.arange(6.0)})
    fig = plots.plot_splits({"train": frame[:4], "test": frame[4:]})
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["train (4 days)",
                                                                   "test (2 days)"]
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), [4.0, 5.0])
    boundaries = ax.lines[2:]  # one dotted line, where the second split starts
    assert len(boundaries) == 1 and boundaries[0].get_linestyle() == ":"
    assert pd.Timestamp(boundaries[0].get_xdata()[0]) == days[4]
    with pytest.raises(ValueError, match=r"days with columns 'date' and 'wind' in split 'train'"):
        plots.plot_splits({"train": frame}, column="wind")
    with pytest.raises(ValueError, match="expected splits as a non-empty dict"):
        plots.plot_splits({})


def test_plot_forecasts_draws_truth_and_each_forecast():
    dates = pd.date_range("2015-03-01", periods=5, freq="D")
    fig = plots.plot_forecasts(dates, np.arange(5.0), {"a": np.ones(5), "b": np.zeros(5)})
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines] == ["observed", "a", "b"]
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), np.ones(5))
    with pytest.raises(ValueError, match=r"forecast 'a' with shape \(5,\) \(days,\), got shape "
                                         r"\(5, 1\)"):
        plots.plot_forecasts(dates, np.arange(5.0), {"a": np.ones((5, 1))})
    with pytest.raises(ValueError, match=r"got dates \(5,\) .* and truth \(4,\)"):
        plots.plot_forecasts(dates, np.arange(4.0), {})


def test_plot_error_by_horizon_starts_at_one_day_ahead():
    fig = plots.plot_error_by_horizon({"persistence": [2.0, 3.0, 3.5]})
    line = fig.axes[0].lines[0]
    np.testing.assert_array_equal(line.get_xdata(), [1, 2, 3])
    assert fig.axes[0].get_xlabel() == "days ahead"
    with pytest.raises(ValueError, match=r"shape \(runs, horizons\), for 'x', got shape "
                                         r"\(2, 3, 1\)"):
        plots.plot_error_by_horizon({"x": np.zeros((2, 3, 1))})
    with pytest.raises(ValueError, match="expected errors as a non-empty dict"):
        plots.plot_error_by_horizon({})


def test_plot_error_by_horizon_draws_runs_against_the_noise_floor():
    ratios = np.array([[1.2, 1.1, 1.0], [1.4, 1.3, 1.2]])  # (runs, horizons)
    fig = plots.plot_error_by_horizon({"seq2seq": ratios}, ylabel="test MSE / noise floor",
                                      noise_variance=1.0, n_errors=4000, xlabel="steps ahead")
    (ax,) = fig.axes
    (legend,) = fig.legends  # beside the axes: with runs it is long
    assert [t.get_text() for t in legend.get_texts()] == [
        "seq2seq: mean of 2 runs", "seq2seq: min–max of 2 runs", "noise floor",
        "a perfect model, 95 %"]
    mean, floor = ax.get_lines()
    np.testing.assert_array_equal(mean.get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(mean.get_ydata(), [1.3, 1.2, 1.1])
    assert floor.get_ydata()[0] == 1.0 and ax.get_xlabel() == "steps ahead"
    assert ax.get_ylim()[0] > 0.5  # not pinned at 0: errors near the floor stay apart
    low, high = metrics.floor_band(1.0, 4000)
    (band,) = ax.patches
    np.testing.assert_allclose([band.get_y(), band.get_y() + band.get_height()], [low, high])
    with pytest.raises(ValueError, match="expected noise_variance with n_errors"):
        plots.plot_error_by_horizon({"a": np.ones(3)}, n_errors=4000)


def test_plot_error_by_horizon_keeps_a_colour_per_model():
    runs = np.ones((2, 3))
    fig = plots.plot_error_by_horizon({"a": runs, "a, forced": runs, "b": np.ones(3)},
                                      styles={"a": "C2-", "a, forced": "C2--"})
    free, forced, other = fig.axes[0].get_lines()
    assert free.get_color() == forced.get_color() != other.get_color()
    assert (free.get_linestyle(), forced.get_linestyle()) == ("-", "--")
    with pytest.raises(ValueError, match=r"such as \"C2--\", got 'c' -> "):
        plots.plot_error_by_horizon({"a": runs}, styles={"c": "C2--"})
    with pytest.raises(ValueError, match=r"got 'a' -> 'red dotted' \(str\)"):
        plots.plot_error_by_horizon({"a": runs}, styles={"a": "red dotted"})


def test_plots_refuse_what_would_fail_inside_matplotlib_or_pandas():
    days = pd.DataFrame({"date": pd.date_range("2015-03-01", periods=3), "temp_max": [1, 2, 3.0]})
    with pytest.raises(ValueError, match=r"split 'test', got 0 rows"):
        plots.plot_splits({"train": days, "test": days.iloc[:0]})
    with pytest.raises(ValueError, match=r"'val_loss' of 'm' with one value per epoch, \(2,\)"):
        plots.plot_history({"m": {"loss": [1.0, 0.5], "val_loss": [1.0]}})
    with pytest.raises(ValueError, match=r"'val_loss' of 'm' as an array of numbers"):
        plots.plot_history({"m": {"loss": [1.0, 0.5], "val_loss": {"a": 1}}})
    with pytest.raises(ValueError, match=r"got dates \(2,\) of dtype <U10 and truth \(2,\)"):
        plots.plot_forecasts(np.array(["2015-03-01", "2015-03-02"]), [1.0, 2.0], {"m": [1, 2]})


def test_plot_difference_by_horizon_draws_each_band_around_its_line():
    rows = np.array([[-0.2, -0.3, -0.1], [0.1, -0.1, 0.3]])
    fig = plots.plot_difference_by_horizon({"linear": rows})
    (ax,) = fig.axes
    line, zero = ax.lines
    np.testing.assert_array_equal(line.get_xdata(), [1, 2])
    np.testing.assert_array_equal(line.get_ydata(), rows[:, 0])
    assert list(zero.get_ydata()) == [0, 0]
    (band,) = ax.collections
    vertical = band.get_paths()[0].vertices[:, 1]
    assert vertical.min() == pytest.approx(-0.3) and vertical.max() == pytest.approx(0.3)
    assert to_hex(band.get_facecolor()[0][:3]) == to_hex(line.get_color())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["linear"]


@pytest.mark.parametrize("rows", [np.zeros((2, 2)), np.zeros(3), [[0.0, 0.2, 0.1]]])
def test_plot_difference_by_horizon_refuses_rows_that_are_not_mean_low_high(rows):
    with pytest.raises(ValueError, match=r"rows of \(mean, low, high\) with low <= high"):
        plots.plot_difference_by_horizon({"m": rows})


def test_plot_by_timestep_draws_each_curve_and_chance():
    fig = plots.plot_by_timestep({"a": [0.5, 0.6, 0.7], "b": [0.4, 0.4, 0.4]}, "start",
                                 "accuracy", chance=1 / 3)
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["a", "b", "chance (0.33)"]
    assert ax.get_xlabel() == "start" and ax.get_ylabel() == "accuracy"
    with pytest.raises(ValueError, match=r"one row per run, shape \(runs, timesteps\), for 'a'"):
        plots.plot_by_timestep({"a": np.ones((2, 2, 2))}, "x", "y")
    fig = plots.plot_by_timestep({"a": [0.5, 0.6]}, "x", "y", steps=[5, 15])
    np.testing.assert_array_equal(fig.axes[0].get_lines()[0].get_xdata(), [5, 15])
    with pytest.raises(ValueError, match="expected steps with one entry per value"):
        plots.plot_by_timestep({"a": [0.5, 0.6]}, "x", "y", steps=[1, 2, 3])


def test_plot_by_timestep_draws_the_mean_and_the_range_of_runs():
    runs = np.array([[0.9, 0.5], [0.7, 0.3], [0.8, 0.4]])  # (runs, groups)
    fig = plots.plot_by_timestep({"pooled": runs, "best": [0.95, 0.95]}, "distance", "accuracy",
                                 steps=[4.5, 14.5])
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "pooled: mean of 3 runs", "pooled: min–max of 3 runs", "best"]
    mean, best = ax.get_lines()
    np.testing.assert_array_equal(mean.get_xdata(), [4.5, 14.5])
    np.testing.assert_allclose(mean.get_ydata(), [0.8, 0.4])
    spread = ax.collections[0].get_paths()[0].vertices[:, 1]  # the band's outline
    assert spread.min() == pytest.approx(0.3) and spread.max() == pytest.approx(0.9)
    with pytest.raises(ValueError, match="expected steps with one entry per value"):
        plots.plot_by_timestep({"a": np.ones((3, 2))}, "x", "y", steps=[1, 2, 3])


def test_plot_attention_draws_a_row_per_sample_and_outlines_the_marked_steps():
    weights = np.array([[0.1, 0.8, 0.1, 0.0], [0.25, 0.25, 0.25, 0.25]])
    fig = plots.plot_attention(weights, marked=np.array([1, 3]), titles=["a", "b"])
    ax = fig.axes[0]
    np.testing.assert_array_equal(ax.images[0].get_array(), weights)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert [(p.get_x(), p.get_y()) for p in ax.patches] == [(0.5, -0.5), (2.5, 0.5)]
    assert "marked step" in ax.get_title()
    fig = plots.plot_attention(weights)  # no outlines, default row names
    assert not fig.axes[0].patches
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["sample 0", "sample 1"]


def test_plot_attention_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError, match=r"pass weights\[:, 0\]"):
        plots.plot_attention(np.ones((2, 1, 4)) / 4)
    with pytest.raises(ValueError, match="expected at most 20 samples"):
        plots.plot_attention(np.ones((30, 4)) / 4)
    with pytest.raises(ValueError, match="expected marked as 2 timesteps from 0 to 3"):
        plots.plot_attention(np.ones((2, 4)) / 4, marked=[1, 4])
    with pytest.raises(ValueError, match="expected marked as 2 timesteps"):
        plots.plot_attention(np.ones((2, 4)) / 4, marked=[1.0, 2.0])
