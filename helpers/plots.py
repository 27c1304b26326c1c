"""Figures for the course. Every function returns its matplotlib ``Figure``."""

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.ticker import MaxNLocator

from helpers.data import (
    check_mapping,
    check_number,
    check_numeric_array,
    check_sequences,
    check_text,
    describe,
    is_int,
    is_positive_int,
)
from helpers.metrics import floor_band

RETURNED = "#e8743b"  # orange: what the layer returns
SKIPPED = "#c9c9c9"  # grey: computed, then thrown away
CELL = "#4a7ebb"  # blue: the one recurrent cell, reused at every timestep
INPUT = "#dbe6f4"  # pale blue: one feature of an input x_t


def plot_batch(x, feature_names=None, max_samples=6, titles=None, highlight=None):
    """Draw each sample of ``x`` ``(samples, timesteps, features)`` as a timesteps × features grid.

    Rows are timesteps, columns are features, and every cell shows its value, so the picture
    reads like the array. All panels share one colour scale. ``titles`` (one string per sample)
    is added to each panel's title, e.g. its label; ``highlight``, a boolean array of ``x``'s
    shape, outlines the cells where it is True in red, e.g. where a pattern was planted.

    Example: ``fig = plot_batch(np.arange(12).reshape(2, 2, 3))``
    """
    x = check_sequences(x)
    samples, timesteps, features = x.shape
    if titles is not None:
        titles = _names(titles, samples, f"titles for x of shape {x.shape}")
    if highlight is not None:
        mask = np.asarray(highlight) if isinstance(highlight, np.ndarray) else None
        if mask is None or mask.dtype != bool or mask.shape != x.shape:
            raise ValueError(f"expected highlight as a boolean array of x's shape {x.shape}, "
                             f"got {describe(highlight)}")
    if not is_positive_int(max_samples):
        raise ValueError(f"expected max_samples as a positive int, got {max_samples!r}")
    if features > 40:
        raise ValueError(
            f"expected at most 40 features (samples, timesteps, features) to draw, got shape "
            f"{x.shape}; pass a slice such as x[..., :40]"
        )
    if samples > max_samples:
        raise ValueError(
            f"expected at most {max_samples} samples (samples, timesteps, features) to draw, "
            f"got shape {x.shape}; pass a slice such as x[:{max_samples}]"
        )
    if feature_names is None:
        feature_names = [f"feature {f}" for f in range(features)]
    feature_names = _names(feature_names, features, f"feature names for x of shape {x.shape}")
    fig, axes = plt.subplots(
        1, samples, figsize=(1.0 + 1.1 * features * samples, 0.9 + min(0.55 * timesteps, 4.2)),
        squeeze=False, layout="constrained",
    )
    low, high = float(x.min()), float(x.max())
    for s, ax in enumerate(axes[0]):
        image = ax.imshow(x[s], cmap="Blues", vmin=low, vmax=high, aspect="auto")
        ax.set_title(f"sample {s}:  x[{s}]  {x[s].shape}"
                     + ("" if titles is None else f"\n{titles[s]}"), fontsize=10)
        if highlight is not None:
            for t, f in zip(*np.nonzero(mask[s]), strict=True):
                ax.add_patch(plt.Rectangle((f - 0.5, t - 0.5), 1, 1, fill=False, edgecolor="red",
                                           linewidth=1.5))
        ax.set_xticks(range(features), feature_names, rotation=30 if features > 4 else 0)
        step = 1 if timesteps <= 10 else 5 * (1 + timesteps // 50)  # at most ~10 labels
        ticks = range(0, timesteps, step)
        ax.set_yticks(ticks, [f"t={t}" for t in ticks])
        ax.set_xlabel("features")
        if s == 0:
            ax.set_ylabel("timesteps")
        if timesteps * features <= 40:  # values written in the cells while they stay legible
            for t in range(timesteps):
                for f in range(features):
                    value = x[s, t, f]
                    dark = (value - low) > 0.6 * (high - low)
                    ax.text(f, t, f"{value:g}", ha="center", va="center", fontsize=9,
                            color="white" if dark else "black")
    fig.colorbar(image, ax=axes[0].tolist(), shrink=0.8, label="value")
    fig.suptitle(f"A batch of shape {x.shape} = (samples, timesteps, features)", fontsize=11)
    return fig


def _names(names, count, what):
    """``names`` as a list of ``count`` strings; refuse anything else."""
    if not isinstance(names, (list, tuple, np.ndarray, pd.Index)) or len(names) != count or \
            not all(isinstance(name, str) for name in names):
        raise ValueError(f"expected {count} {what} as a list of strings, got {describe(names)}")
    return list(names)


def _box(ax, xy, text, face, dashed=False, alpha=1.0, bold=False, color="black"):
    x, y = xy
    ax.add_patch(FancyBboxPatch(
        (x - 0.32, y - 0.22), 0.64, 0.44, boxstyle="round,pad=0.02", facecolor=face,
        edgecolor="black", linestyle="--" if dashed else "-", alpha=alpha, linewidth=1.2,
    ))
    ax.text(x, y, text, ha="center", va="center", fontsize=10, alpha=max(alpha, 0.6),
            fontweight="bold" if bold else "normal", color=color)


def _arrow(ax, start, end, color="black", alpha=1.0):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12,
                                 color=color, alpha=alpha, linewidth=1.2))


def _feature_column(ax, t, features, top, height):
    """The input ``x_t`` as a column of ``features`` stacked cells, its top edge at ``top``."""
    for f in range(features):  # feature 0 on top, as a column vector reads
        ax.add_patch(plt.Rectangle((t - 0.11, top - (f + 1) * height), 0.22, height,
                                   facecolor=INPUT, edgecolor="black", linewidth=1.0))
    ax.text(t - 0.17, top - features * height / 2, f"$x_{{{t}}}$", ha="right", va="center",
            fontsize=10)


def plot_unrolled_rnn(timesteps=4, settings=(True, False), features=3):
    """Draw a recurrent layer unrolled over ``timesteps``, one panel per ``return_sequences``.

    The same cell (blue) reads the input ``x_t`` and its own previous output at every timestep.
    Each ``x_t`` is drawn as a column of ``features`` cells: one timestep of a sample of shape
    ``(timesteps, features)``, its feature vector. Orange outputs are the ones the layer
    returns; grey ones are computed and discarded.

    Example: ``fig = plot_unrolled_rnn(timesteps=4, settings=(True, False), features=3)``
    """
    if not is_positive_int(timesteps) or timesteps > 8:
        raise ValueError(f"expected timesteps as an int from 1 to 8, got {timesteps!r}")
    if not isinstance(settings, (tuple, list)) or not settings or any(
        not isinstance(s, (bool, np.bool_)) for s in settings
    ):
        raise ValueError(f"expected settings as a tuple of True/False, got {settings!r}")
    if not is_positive_int(features) or features > 8:
        raise ValueError(f"expected features as an int from 1 to 8, got {features!r}")
    settings = [bool(s) for s in settings]
    features = int(features)
    height = min(0.16, 0.96 / features)  # one feature's cell; a column at most 0.96 tall
    top = 0.22  # the column's top edge, where the arrow into the cell starts
    bottom = top - features * height
    fig, axes = plt.subplots(
        1, len(settings), figsize=(1.3 + 1.35 * timesteps * len(settings), 3.5 - bottom),
        squeeze=False, layout="constrained",
    )
    last = timesteps - 1  # 0-based, like NumPy: the last output is output[:, -1]
    for n, (ax, return_sequences) in enumerate(zip(axes[0], settings, strict=True)):
        for t in range(timesteps):
            returned = return_sequences or t == last
            _feature_column(ax, t, features, top, height)
            _box(ax, (t, 1), "cell", CELL, alpha=0.9, color="white")
            _box(ax, (t, 2), f"$h_{{{t}}}$", RETURNED if returned else SKIPPED,
                 dashed=not returned, alpha=1.0 if returned else 0.55, bold=returned)
            _arrow(ax, (t, top), (t, 0.78))
            _arrow(ax, (t, 1.22), (t, 1.78), alpha=1.0 if returned else 0.4)
            if t < last:
                _arrow(ax, (t + 0.32, 1), (t + 0.68, 1), color=CELL)
        if n == 0:  # once: a bracket that says what the cells of a column are
            middle = (top + bottom) / 2
            ax.plot([0.13, 0.16, 0.16, 0.13], [top, top, bottom, bottom], color="black",
                    linewidth=0.8)
            ax.text(0.2, middle, f"{features}\nfeature{'s' if features > 1 else ''}",
                    ha="left", va="center", fontsize=8)
        if return_sequences:
            shape, what = "(batch, timesteps, units)", "every $h_t$"
        else:
            shape, what = "(batch, units)", f"only the last, $h_{{{last}}}$"
        ax.set_title(f"return_sequences={return_sequences}\nreturns {what}: {shape}",
                     fontsize=11)
        ax.text(-0.55, 1, "state\n→", ha="center", va="center", fontsize=8, color=CELL)
        ax.set_xlim(-0.8, timesteps - 0.4)
        ax.set_ylim(bottom - 0.2, 2.45)
        ax.set_yticks([(top + bottom) / 2, 1, 2], ["inputs", "layer", "outputs"])
        ax.set_xticks(range(timesteps), [f"t={t}" for t in range(timesteps)])
        ax.tick_params(length=0)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
    return fig


def plot_history(histories, metric="loss", log=True, noise_variance=None, ylabel=None,
                 split="training", best=None, markers=False):
    """Plot ``metric`` per epoch for one or more Keras ``History`` objects, one line each.

    ``histories`` maps a label to ``model.fit(...)``'s return value (or its ``.history`` dict).
    ``split`` names the data the ``metric`` curves were measured on, for the legend: "training"
    for what ``fit`` records; pass e.g. "test" for curves you measured yourself.
    ``best``, when given, is the best possible value of the metric (e.g. the Bayes accuracy),
    drawn as a dotted line.
    Validation curves (``val_<metric>``), when present, are drawn dashed in the same colour;
    ``noise_variance``, when given, is drawn as the noise floor of an MSE loss. ``ylabel``
    (default: the metric's name) labels the vertical axis, e.g. with units. ``markers=True``
    gives each label's curves a marker of their own (hollow for validation), so that curves lying
    on top of one another stay visible.

    Example: ``fig = plot_history({"LSTM": history})``
    """
    check_mapping(histories, "histories", of="History (what model.fit returns)")
    check_text(metric, "metric")
    check_text(split, "split")
    if best is not None:
        best = check_number(best, "best")
    if not isinstance(log, bool):
        raise ValueError(f"expected log as True or False, got {describe(log)}")
    if not isinstance(markers, bool):
        raise ValueError(f"expected markers as True or False, got {describe(markers)}")
    _check_floor_and_label(noise_variance, ylabel)
    fig, ax = plt.subplots(figsize=(6.4, 3.4), layout="constrained")
    for index, (label, history) in enumerate(histories.items()):
        marker = "os^Dv<>p"[index % 8] if markers else None
        logs = getattr(history, "history", history)
        if not isinstance(logs, dict):
            raise ValueError(f"expected the history of {label!r} as what model.fit returns (or "
                             f"its .history dict), got {describe(history)}")
        if metric not in logs:
            raise ValueError(f"expected '{metric}' in the history of {label!r}, got {sorted(logs)}")
        training = _curve(logs[metric], f"'{metric}' of {label!r}", "epoch")
        epochs = np.arange(1, len(training) + 1)
        (line,) = ax.plot(epochs, training, marker=marker, markersize=6,
                          label=f"{label}: {split}")
        if f"val_{metric}" in logs:
            validation = _curve(logs[f"val_{metric}"], f"'val_{metric}' of {label!r}", "epoch")
            if validation.shape != training.shape:
                raise ValueError(f"expected 'val_{metric}' of {label!r} with one value per "
                                 f"epoch, {training.shape}, got shape {validation.shape}")
            ax.plot(epochs, validation, "--", color=line.get_color(), marker=marker,
                    markersize=6, markerfacecolor="none", label=f"{label}: validation")
    if noise_variance is not None:
        ax.axhline(noise_variance, color="black", linestyle=":", label="noise floor")
    if best is not None:
        ax.axhline(best, color="black", linestyle=":", label=f"best possible ({best:.3f})")
    ax.set_xlabel("epoch")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(metric if ylabel is None else ylabel)
    if log:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    return fig


def _check_floor_and_label(noise_variance, ylabel):
    """Refuse a noise floor that is not a positive number, a label that is not a string."""
    if noise_variance is not None:
        check_number(noise_variance, "noise_variance", positive=True)
    if ylabel is not None:
        check_text(ylabel, "ylabel")


def _curve(values, name, per):
    """``values`` as a 1-D array of numbers, one per ``per``; refuse anything else."""
    values = check_numeric_array(values, name)
    if values.ndim != 1:
        raise ValueError(f"expected one value per {per}, shape ({per}s,), for {name}, "
                         f"got shape {values.shape}")
    return values


def _check_band_needs_floor(noise_variance, n_errors):
    """Refuse ``n_errors`` without ``noise_variance``: the band is drawn around the floor."""
    if n_errors is not None and noise_variance is None:
        raise ValueError(f"expected noise_variance with n_errors (the band is around the noise "
                         f"floor), got noise_variance None and n_errors {describe(n_errors)}")


def _mean_and_range(ax, x, values, mean_label, range_label, style="-"):
    """Draw the mean of ``values`` ``(runs, points)`` as a line and their min–max as a band."""
    (line,) = ax.plot(x, values.mean(axis=0), "o" + style, markersize=3, label=mean_label)
    ax.fill_between(x, values.min(axis=0), values.max(axis=0), color=line.get_color(),
                    alpha=0.2, label=range_label)


def _floor_and_band(ax, noise_variance, n_errors):
    """Draw the noise floor and, with ``n_errors``, where a perfect model's values fall."""
    if noise_variance is not None:
        ax.axhline(noise_variance, color="black", linestyle=":", label="noise floor")
    if n_errors is not None:
        low, high = floor_band(noise_variance, n_errors)
        ax.axhspan(low * noise_variance, high * noise_variance, color="grey", alpha=0.2,
                   label="a perfect model, 95 %")


def plot_error_by_timestep(errors, noise_variance=None, n_errors=None, ylabel=None):
    """Plot the test MSE at each timestep, one line per label, against the noise floor.

    ``errors`` maps a label to a 1-D array of length ``timesteps`` (e.g.
    ``mse(y, p, axis=(0, 2))`` for ``(samples, timesteps, outputs)``), or to a 2-D array
    ``(runs, timesteps)``, one row per training run: then the line is the runs' mean and their
    range (min to max) is shaded. ``n_errors``, with ``noise_variance``, is how many squared
    errors each point averages (samples × outputs): the band where a perfect model's points
    would fall 95 % of the time is shaded (``metrics.floor_band``). ``ylabel`` (default
    "test MSE at step t") labels the vertical axis, e.g. for errors divided by the noise floor.

    Example: ``fig = plot_error_by_timestep({"LSTM": per_step}, noise_variance=0.09)``
    """
    curves = _curves_or_runs(errors, "errors", "error", "timestep")
    _check_floor_and_label(noise_variance, ylabel)
    _check_band_needs_floor(noise_variance, n_errors)
    fig, ax = plt.subplots(figsize=(6.4, 3.2), layout="constrained")
    for label, values in curves.items():
        steps = np.arange(values.shape[-1])
        if values.ndim == 1:
            ax.plot(steps, values, "o-", markersize=3, label=label)
            continue
        runs = len(values)
        _mean_and_range(ax, steps, values, f"{label}: mean of {runs} runs",
                        f"{label}: min–max of {runs} runs")
    _floor_and_band(ax, noise_variance, n_errors)
    ax.set_xlabel("timestep t")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("test MSE at step t" if ylabel is None else ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8)
    return fig


def plot_seed_spread(curves, ylabel="test MSE", split="test", noise_variance=None,
                     n_errors=None, ymax=None, rows="seeds"):
    """Plot a metric per epoch over several seeds: the mean as a line, the seeds' range shaded.

    ``curves`` maps a label to an array of shape ``(seeds, epochs)``: a row per training run
    (runs that differ in their initialisation, say), a column per epoch. The line is the mean
    over the seeds; the band runs from their minimum to their maximum. ``split`` names the data
    the values were measured on, for the legend. ``noise_variance`` draws the noise floor; with
    ``n_errors`` (how many squared errors each value averages), the band where a perfect model's
    value would fall 95 % of the time is shaded grey (``metrics.floor_band``). ``ymax`` cuts the
    vertical axis (linear) at that value, to show the later epochs closely. ``rows`` names the
    rows in the legend: "seeds", or e.g. "runs" for runs that differ in more than a seed.

    Example: ``fig = plot_seed_spread({"per-step": ratios}, ylabel="test MSE / noise floor")``
    """
    check_mapping(curves, "curves", of="(seeds, epochs) array")
    spreads = {}
    for label, values in curves.items():
        values = check_numeric_array(values, repr(label))
        if values.ndim != 2:
            raise ValueError(f"expected one row per seed and one column per epoch, shape "
                             f"(seeds, epochs), for {label!r}, got shape {values.shape}")
        spreads[label] = values
    check_text(ylabel, "ylabel")
    check_text(split, "split")
    check_text(rows, "rows")
    _check_floor_and_label(noise_variance, None)
    _check_band_needs_floor(noise_variance, n_errors)
    if n_errors is not None:
        floor_band(noise_variance, n_errors)  # refuse a bad count before drawing anything
    if ymax is not None:
        ymax = check_number(ymax, "ymax")
    fig, ax = plt.subplots(figsize=(6.4, 3.4), layout="constrained")
    for label, values in spreads.items():
        seeds, epochs = values.shape
        _mean_and_range(ax, np.arange(1, epochs + 1), values,
                        f"{label}: {split}, mean of {seeds} {rows}",
                        f"{label}: min–max of {seeds} {rows}")
    _floor_and_band(ax, noise_variance, n_errors)
    ax.set_xlabel("epoch")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    if ymax is not None:
        ax.set_ylim(top=ymax)
    ax.legend(fontsize=8)
    return fig


def _curves_or_runs(curves, name, what, axis):
    """``curves`` (label -> 1-D ``(axis,)`` or 2-D ``(runs, axis)`` array) checked, as arrays."""
    check_mapping(curves, name, of=f"one {what} per {axis}")
    checked = {}
    for label, curve in curves.items():
        curve = check_numeric_array(curve, repr(label))
        if curve.ndim not in (1, 2):
            raise ValueError(f"expected one {what} per {axis}, shape ({axis}s,), or one row per "
                             f"run, shape (runs, {axis}s), for {label!r}, got shape "
                             f"{curve.shape}")
        checked[label] = curve
    return checked


def plot_by_timestep(values, xlabel, ylabel, chance=None, steps=None):
    """Plot one value per timestep (e.g. accuracy by where a pattern starts), one line per label.

    ``values`` maps a label to a 1-D array ``(timesteps,)``, or to a 2-D array
    ``(runs, timesteps)``, one row per training run: then the line is the runs' mean and their
    range (min to max) is shaded. Values are drawn at x = 0, 1, ... or at ``steps`` (a 1-D array
    with one entry per value, e.g. the middle of each group of timesteps); ``chance``, when
    given, is drawn as a dotted line (e.g. 1/3 for three balanced classes).

    Example: ``fig = plot_by_timestep({"GRU": [0.7, 0.8]}, "bump starts at", "test accuracy")``
    """
    curves = _curves_or_runs(values, "values", "value", "timestep")
    check_text(xlabel, "xlabel")
    check_text(ylabel, "ylabel")
    if chance is not None:
        chance = check_number(chance, "chance")
    lengths = {curve.shape[-1] for curve in curves.values()}
    if steps is not None:
        steps = _curve(steps, "steps", "value")
        if {len(steps)} != lengths:
            raise ValueError(f"expected steps with one entry per value, {sorted(lengths)}, got "
                             f"{len(steps)}")
    banded = any(curve.ndim == 2 for curve in curves.values())  # then the legend goes outside
    fig, ax = plt.subplots(figsize=(8.6 if banded else 6.4, 3.2), layout="constrained")
    for label, curve in curves.items():
        x = np.arange(curve.shape[-1]) if steps is None else steps
        if curve.ndim == 1:
            ax.plot(x, curve, "o-", markersize=3, label=label)
            continue
        runs = len(curve)
        _mean_and_range(ax, x, curve, f"{label}: mean of {runs} runs",
                        f"{label}: min–max of {runs} runs")
    if chance is not None:
        ax.axhline(chance, color="black", linestyle=":", label=f"chance ({chance:.2f})")
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, **({"loc": "upper left", "bbox_to_anchor": (1.01, 1)} if banded else {}))
    return fig


def plot_attention(weights, marked=None, titles=None):
    """Draw attention weights ``(samples, timesteps)`` as a heat map, one row per sample.

    Row s holds sample s's weights over the timesteps (they sum to 1); the darker a cell, the
    more of the context comes from that step. ``marked``, one timestep per sample (e.g. where
    the informative step is), outlines that cell in red, so you can see whether the weight sits
    there. ``titles`` (one string per sample) labels the rows. For the ``(samples, 1,
    timesteps)`` weights of ``layers.Attention``, pass ``weights[:, 0]``.

    Example: ``fig = plot_attention(np.full((2, 5), 0.2), marked=[1, 3])``
    """
    weights = check_numeric_array(weights, "attention weights")
    if weights.ndim != 2:
        raise ValueError(f"expected attention weights as a 2-D array (samples, timesteps), got "
                         f"shape {weights.shape}; for layers.Attention's (samples, 1, timesteps)"
                         f" pass weights[:, 0]")
    samples, timesteps = weights.shape
    if samples > 20 or not np.isfinite(weights).all():
        raise ValueError(f"expected at most 20 samples of finite weights (samples, timesteps), "
                         f"got shape {weights.shape}; pass a slice such as weights[:6]")
    if marked is not None:
        steps = marked.tolist() if isinstance(marked, np.ndarray) else marked
        if not isinstance(steps, (list, tuple)) or len(steps) != samples or not all(
                is_int(t) and 0 <= t < timesteps for t in steps):
            raise ValueError(f"expected marked as {samples} timesteps from 0 to {timesteps - 1}, "
                             f"one per sample, got {describe(marked)}")
    names = [f"sample {s}" for s in range(samples)] if titles is None else _names(
        titles, samples, f"titles for weights of shape {weights.shape}")
    fig, ax = plt.subplots(figsize=(8, 1.1 + 0.4 * samples), layout="constrained")
    image = ax.imshow(weights, cmap="Blues", vmin=0, aspect="auto")
    if marked is not None:
        for s, t in enumerate(steps):
            ax.add_patch(plt.Rectangle((t - 0.5, s - 0.5), 1, 1, fill=False, edgecolor="red",
                                       linewidth=1.5))
    ax.set_title("attention weights over the timesteps"
                 + ("; outlined in red: the marked step" if marked is not None else ""),
                 fontsize=10)
    ax.set_yticks(range(samples), names)
    ax.set_xlabel("timestep t")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.colorbar(image, ax=ax, label="attention weight")
    return fig


def plot_sequences(y_true, y_pred, samples=(0, 1, 2), output_names=None, y_clean=None):
    """Plot true and predicted sequences ``(samples, timesteps, outputs)``: a row per sample.

    ``y_clean``, when given (same shape), is the noise-free signal behind ``y_true``, drawn as a
    black line: what a perfect model would predict.

    Example: ``fig = plot_sequences(y_test, model.predict(x_test), samples=(0, 1))``
    """
    y_true = check_numeric_array(y_true, "true sequences")
    y_pred = check_numeric_array(y_pred, "predicted sequences")
    if y_true.ndim != 3 or y_true.shape != y_pred.shape:
        raise ValueError(
            "expected true and predicted sequences of one shape (samples, timesteps, outputs), "
            f"got {y_true.shape} and {y_pred.shape}"
        )
    if y_clean is not None:
        y_clean = check_numeric_array(y_clean, "noise-free sequences")
        if y_clean.shape != y_true.shape:
            raise ValueError(f"expected noise-free sequences of the targets' shape "
                             f"{y_true.shape}, got {y_clean.shape}")
    outputs = y_true.shape[2]
    if output_names is None:
        output_names = [f"output {k}" for k in range(outputs)]
    output_names = _names(output_names, outputs, "output names")
    if not isinstance(samples, (list, tuple, range)) or not samples or not all(
            is_int(s) and 0 <= s < len(y_true) for s in samples):
        raise ValueError(f"expected a list of sample indices from 0 to {len(y_true) - 1}, got "
                         f"{describe(samples)}")
    fig, axes = plt.subplots(len(samples), outputs, figsize=(3.4 * outputs, 1.9 * len(samples)),
                             squeeze=False, sharex=True, layout="constrained")
    steps = np.arange(y_true.shape[1])
    for row, s in enumerate(samples):
        for k in range(outputs):
            ax = axes[row, k]
            ax.plot(steps, y_true[s, :, k], "o", markersize=3, color="grey", label="target")
            if y_clean is not None:
                ax.plot(steps, y_clean[s, :, k], "-", color="black", linewidth=1,
                        label="noise-free signal")
            ax.plot(steps, y_pred[s, :, k], "--", color=RETURNED, label="prediction")
            if row == 0:
                ax.set_title(output_names[k], fontsize=10)
            if k == 0:
                ax.set_ylabel(f"sample {s}")
    for ax in axes[-1]:
        ax.set_xlabel("timestep t")
    fig.legend(*axes[0, -1].get_legend_handles_labels(), loc="outside lower center", ncols=3,
               fontsize=8)
    return fig


def plot_splits(splits, column="temp_max", ylabel="maximum temperature (°C)"):
    """Plot one column of a daily series, each split in its own colour, boundaries marked.

    ``splits`` maps a split's name to a frame with a ``date`` column, in time order (as
    ``weather.split_by_year`` returns them).

    Example: ``fig = plot_splits(weather.split_by_year(frame))``
    """
    check_mapping(splits, "splits", of="DataFrame")
    check_text(column, "column")
    check_text(ylabel, "ylabel")
    fig, ax = plt.subplots(figsize=(9, 3), layout="constrained")
    for name, frame in splits.items():
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(f"expected split {name!r} as a pandas DataFrame, got "
                             f"{describe(frame)}")
        if frame.empty or "date" not in frame or column not in frame:
            raise ValueError(f"expected days with columns 'date' and {column!r} in split "
                             f"{name!r}, got {len(frame)} rows of {list(frame.columns)}")
        ax.plot(frame["date"], frame[column], linewidth=0.8, label=f"{name} ({len(frame)} days)")
        if ax.lines[:-1]:  # a boundary where each later split starts
            ax.axvline(frame["date"].iloc[0], color="black", linewidth=0.6, linestyle=":")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, loc="lower right")
    return fig


def plot_forecasts(dates, truth, forecasts, ylabel="maximum temperature (°C)"):
    """Plot the truth and one or more forecasts over the same days.

    ``dates`` and ``truth`` have shape ``(days,)``; ``forecasts`` maps a label to an array of
    shape ``(days,)``.

    Example: ``fig = plot_forecasts(dates, y_true, {"LSTM": y_pred})``
    """
    truth = _curve(truth, "truth", "day")
    try:
        days = np.asarray(dates)  # dates, or day numbers
    except (ValueError, TypeError):  # nested lists of different lengths
        days = np.empty(())
    if days.dtype.kind not in "Miuf" or days.shape != truth.shape:
        got = f"dates {days.shape} of dtype {days.dtype}" if days.ndim else describe(dates)
        raise ValueError(f"expected dates (datetime64 or day numbers) and truth of one shape "
                         f"(days,), got {got} and truth {truth.shape}")
    check_mapping(forecasts, "forecasts", of="forecast of shape (days,)")
    check_text(ylabel, "ylabel")
    fig, ax = plt.subplots(figsize=(9, 3), layout="constrained")
    ax.plot(days, truth, "o-", color="black", markersize=3, linewidth=1, label="observed")
    for label, forecast in forecasts.items():
        forecast = check_numeric_array(forecast, f"the forecast {label!r}")
        if forecast.shape != truth.shape:
            raise ValueError(f"expected the forecast {label!r} with shape {truth.shape} "
                             f"(days,), got shape {forecast.shape}")
        ax.plot(days, forecast, linewidth=1.5, label=label)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    fig.autofmt_xdate()
    return fig


def plot_error_by_horizon(errors, ylabel="test MAE (°C)", noise_variance=None, n_errors=None,
                          xlabel="days ahead", styles=None):
    """Plot an error per forecast horizon (1, 2, … days ahead), one line per label.

    ``errors`` maps a label to a 1-D array of shape ``(horizons,)``, or to a 2-D array
    ``(runs, horizons)``, one row per training run: then the line is the runs' mean and their
    range (min to max) is shaded. ``noise_variance`` draws the noise floor and, with
    ``n_errors`` (how many squared errors each point averages), the band where a perfect
    model's points would fall 95 % of the time (``metrics.floor_band``); with a floor the
    vertical axis is not pinned at 0, so that errors close to it stay apart. ``xlabel`` names
    the horizons' unit, e.g. "steps ahead". ``styles`` maps some labels to a colour and a line
    style, e.g. ``{"seq2seq": "C2-", "seq2seq, teacher forced": "C2--"}``, to keep a colour
    per model from one figure to the next.

    Example: ``fig = plot_error_by_horizon({"persistence": [2.3, 3.2], "LSTM": [2.1, 2.8]})``
    """
    curves = _curves_or_runs(errors, "errors", "error", "horizon")
    check_text(ylabel, "ylabel")
    check_text(xlabel, "xlabel")
    styles = {} if styles is None else check_mapping(styles, "styles", of='style such as "C2--"')
    for label, style in styles.items():
        if label not in curves or not isinstance(style, str) or not re.fullmatch(
                r"(C\d)?(--|-\.|-|:)", style):
            raise ValueError(f"expected styles as label of errors -> colour and line style such "
                             f"as \"C2--\", got {label!r} -> {describe(style)}")
    _check_floor_and_label(noise_variance, None)
    _check_band_needs_floor(noise_variance, n_errors)
    if n_errors is not None:
        floor_band(noise_variance, n_errors)  # refuse a bad count before drawing anything
    runs_drawn = any(values.ndim == 2 for values in curves.values())  # a longer legend
    fig, ax = plt.subplots(figsize=(9.6 if runs_drawn else 6.4, 3.4), layout="constrained")
    for label, values in curves.items():
        horizons = np.arange(1, values.shape[-1] + 1)
        if values.ndim == 1:
            ax.plot(horizons, values, "o" + styles.get(label, "-"), markersize=4, label=label)
            continue
        runs = len(values)
        _mean_and_range(ax, horizons, values, f"{label}: mean of {runs} runs",
                        f"{label}: min–max of {runs} runs", styles.get(label, "-"))
    _floor_and_band(ax, noise_variance, n_errors)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    if noise_variance is None:
        ax.set_ylim(bottom=0)
    if runs_drawn:  # beside the axes, where it hides no curve
        fig.legend(loc="outside right upper", fontsize=8)
    else:
        ax.legend(fontsize=8)
    return fig


def plot_difference_by_horizon(intervals, ylabel="test MAE difference (°C)"):
    """Plot a difference in error per horizon with its interval as a band, one per label.

    ``intervals`` maps a label to an array of shape ``(horizons, 3)``: the mean difference and
    the low and high ends of its interval at each horizon (rows of
    ``metrics.difference_interval``). Below the dotted zero line the model does better; where a
    band crosses zero, the data cannot tell the two apart.

    Example: ``plot_difference_by_horizon({"linear": [[-0.2, -0.3, -0.1], [0.1, -0.1, 0.3]]})``
    """
    check_mapping(intervals, "intervals", of="(horizons, 3) arrays of mean, low, high")
    bands = {}
    for label, rows in intervals.items():
        rows = check_numeric_array(rows, repr(label))
        if rows.ndim != 2 or rows.shape[1] != 3 or not (rows[:, 1] <= rows[:, 2]).all():
            raise ValueError(f"expected rows of (mean, low, high) with low <= high, shape "
                             f"(horizons, 3), for {label!r}, got shape {rows.shape}")
        bands[label] = rows
    check_text(ylabel, "ylabel")
    fig, ax = plt.subplots(figsize=(6.4, 3.4), layout="constrained")
    for label, rows in bands.items():
        days = np.arange(1, len(rows) + 1)
        (line,) = ax.plot(days, rows[:, 0], "o-", markersize=4, label=label)
        ax.fill_between(days, rows[:, 1], rows[:, 2], color=line.get_color(), alpha=0.15)
    ax.axhline(0, color="black", linestyle=":", linewidth=1)
    ax.set_xlabel("days ahead")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    return fig


def plot_runs(runs, ylabel, log=False, reference=None, reference_label=None):
    """Every stored run of an experiment as a dot: one column of dots per design, TensorFlow's
    runs as circles and JAX's as triangles, and each design's median as a bar.

    ``runs`` is ``evidence.table(name, metric)``: a DataFrame with a row per (backend, seed) and
    a column per design. ``log`` draws the values on a log scale; ``reference`` draws a
    horizontal dashed line there (a bound, a noise floor), labelled ``reference_label``.

    Example: ``fig = plot_runs(evidence.table("lstm_head_and_scaling", "mse"), "MSE", log=True)``
    """
    if not isinstance(runs, pd.DataFrame) or list(runs.index.names) != ["backend", "seed"]:
        raise ValueError("expected evidence.table(...): a DataFrame indexed by (backend, seed), "
                         f"got {describe(runs)}")
    if not isinstance(log, bool):
        raise ValueError(f"expected log as True or False, got {describe(log)}")
    values = check_numeric_array(runs.to_numpy(), "runs")
    if values.size == 0 or (log and not (values > 0).all()):
        raise ValueError(f"expected {'positive ' if log else ''}values in runs, got "
                         f"{values.size} values, smallest {values.min() if values.size else None}")
    check_text(ylabel, "ylabel")
    if reference is not None:
        reference = check_number(reference, "reference")
        check_text(reference_label, "reference_label")
    fig, ax = plt.subplots(figsize=(6.4, 3.4), layout="constrained")
    backends = runs.index.get_level_values("backend")
    for column, design in enumerate(runs.columns):
        for backend, marker, color in (("tensorflow", "o", CELL), ("jax", "^", RETURNED)):
            own = runs[design][backends == backend].to_numpy()
            offsets = np.linspace(-0.15, 0.15, len(own)) if len(own) > 1 else np.zeros(1)
            label = f"{backend}: {len(own)} runs" if column == 0 and len(own) else None
            ax.scatter(column + offsets, own, marker=marker, s=18, color=color, alpha=0.8,
                       label=label, zorder=3)
        median = float(np.median(runs[design]))
        ax.plot([column - 0.3, column + 0.3], [median, median], color="black", lw=1.5,
                label="median of all runs" if column == 0 else None)
    if reference is not None:
        ax.axhline(reference, color="grey", ls="--", lw=1, label=reference_label)
    ax.set_xticks(range(len(runs.columns)), [re.sub(r" \+ ", " +\n", d) for d in runs.columns],
                  fontsize=8)
    ax.set_ylabel(ylabel)
    if log:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    return fig
