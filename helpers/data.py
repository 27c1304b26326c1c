"""The course's data, and the checks every helper runs on what it is given.

Arrays of sequences are always ``(samples, timesteps, features)``. A helper given the wrong type
or shape raises a ``ValueError`` that says what it expected and what it got.
"""

from collections.abc import Mapping

import numpy as np

SEQUENCE_AXES = "(samples, timesteps, features)"


def describe(value):
    """What arrived, for an error message: a short repr and its type, e.g. ``'0.3' (str)``."""
    try:
        text = repr(value)
    except Exception:  # a repr that fails still gets described
        text = object.__repr__(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def is_int(value):
    """True for a Python or NumPy int; False for bools (an int subclass), floats and strings."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def is_positive_int(value):
    """True for 1, 2, … as a Python or NumPy int; False for bools, floats, strings and 0."""
    return is_int(value) and bool(value >= 1)


def check_int(value, name, minimum=1):
    """``value`` as an int if it is a Python or NumPy int ``>= minimum``, else ``ValueError``.

    Example: ``check_int(seed, "seed", minimum=0)``
    """
    if is_int(value) and value >= minimum:
        return int(value)
    what = "a positive int" if minimum == 1 else f"an int >= {minimum}"
    raise ValueError(f"expected {name} as {what}, got {describe(value)}")


def check_number(value, name, positive=False):
    """``value`` as a float if it is one finite real number (``positive``: above 0).

    A Python or NumPy number, or a 0-d array of one, is accepted; a string, a bool, an array
    of several numbers or anything else is a ``ValueError``.

    Example: ``noise = check_number(noise, "noise", positive=True)``
    """
    try:
        array = np.asarray(value) if not isinstance(value, (str, bytes)) else None
    except (ValueError, TypeError):  # nested lists of different lengths
        array = None
    if array is None or array.ndim != 0 or array.dtype.kind not in "iuf" or \
            not np.isfinite(array) or (positive and not array > 0):
        what = "a positive number" if positive else "a finite number"
        raise ValueError(f"expected {name} as {what}, got {describe(value)}")
    return float(array)


def check_mapping(value, name, of="values"):
    """``value`` if it is a non-empty dict (or other mapping), else ``ValueError``.

    Example: ``check_mapping(errors, "errors", of="error curves")``
    """
    if not isinstance(value, Mapping) or not value:
        raise ValueError(f"expected {name} as a non-empty dict of label -> {of}, "
                         f"got {describe(value)}")
    return value


def check_text(value, name):
    """``value`` if it is a string, else ``ValueError``. Example: ``check_text(label, "label")``"""
    if not isinstance(value, str):
        raise ValueError(f"expected {name} as a string, got {describe(value)}")
    return value


def check_numeric_array(value, name):
    """``value`` as a non-empty float64 NumPy array of real numbers, else ``ValueError``.

    Example: ``y = check_numeric_array(y, "targets")``
    """
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):  # NumPy refuses nested lists of different lengths
        raise ValueError(f"expected {name} as an array of numbers, got nested sequences of "
                         f"different lengths: {describe(value)}") from None
    if array.dtype.kind not in "biuf":
        raise ValueError(f"expected {name} as an array of numbers, got {describe(value)} "
                         f"(dtype {array.dtype})")
    if array.size == 0:
        raise ValueError(f"expected non-empty {name}, got shape {array.shape}")
    return array.astype("float64")


def check_sequences(x, y=None, *, features=None, name="x"):
    """Check that ``x`` is a batch of sequences and return it as a NumPy array.

    ``x`` must be a non-empty, numeric, 3-D array ``(samples, timesteps, features)``. If
    ``features`` is given, the last axis must have that size. If targets ``y`` are given, they
    must have one row per sample: ``len(y) == len(x)``. Anything else raises a ``ValueError``
    that names the expected and the received shape.

    Example: ``x = check_sequences(np.zeros((2, 5, 3)))``
    """
    check_text(name, "name")
    try:
        x = np.asarray(x)
    except (ValueError, TypeError):  # NumPy refuses nested lists of different lengths
        raise ValueError(
            f"expected {name} as a 3-D array {SEQUENCE_AXES}, got nested sequences of different "
            "lengths; pad them to one length first"
        ) from None
    if x.ndim != 3:
        raise ValueError(f"expected {name} as a 3-D array {SEQUENCE_AXES}, got shape {x.shape}")
    if x.dtype.kind not in "biuf":  # bool, int, unsigned, float (not complex, dates, text)
        raise ValueError(
            f"expected {name} as a numeric 3-D array {SEQUENCE_AXES}, got dtype {x.dtype} "
            f"with shape {x.shape}; turn categories into numbers first (e.g. StringLookup)"
        )
    if 0 in x.shape:
        raise ValueError(
            f"expected {name} as a non-empty 3-D array {SEQUENCE_AXES}, got shape {x.shape}"
        )
    if features is not None:
        check_int(features, "features")
    if features is not None and x.shape[2] != features:
        raise ValueError(
            f"expected {name} with {features} features, {SEQUENCE_AXES} = "
            f"({x.shape[0]}, {x.shape[1]}, {features}), got shape {x.shape}"
        )
    if y is not None:
        try:
            y = np.asarray(y)
        except (ValueError, TypeError):  # NumPy refuses nested lists of different lengths
            y = np.empty(())
        if y.ndim == 0 or len(y) != len(x):
            raise ValueError(
                f"expected targets with one row per sample of {name} {SEQUENCE_AXES} = "
                f"{x.shape}, i.e. shape ({x.shape[0]}, ...), got targets of shape {y.shape}"
            )
    return x


def seed_data():
    """The source answer's two examples as float32 arrays: ``(x, y_sequence, y_last)``.

    ``x`` is ``(2, 2, 3)`` = (samples, timesteps, features): features 1..12 in order.
    ``y_sequence`` is ``(2, 2, 4)``, a target vector at every timestep (101..108, 201..208);
    ``y_last`` is ``(2, 4)``, the targets at the last timestep only.

    Example: ``x, y_sequence, y_last = seed_data()``
    """
    x = np.arange(1, 13, dtype="float32").reshape(2, 2, 3)
    first_target = np.array([[101], [201]], dtype="float32")  # sample 0 counts from 101, 1 from 201
    y_sequence = (first_target + np.arange(8, dtype="float32")).reshape(2, 2, 4)
    return x, y_sequence, y_sequence[:, -1, :]


def _noisy(clean, noise, rng):
    """Add Gaussian noise of standard deviation ``noise``; return (targets, noise variance)."""
    noise = check_number(noise, "noise", positive=True)
    targets = rng.normal(scale=noise, size=clean.shape)
    targets += clean  # in place: the same sums as clean + noise, without a third array
    return targets.astype("float32"), noise**2


def _check_sizes(samples, timesteps, seed):
    for name, value in (("samples", samples), ("timesteps", timesteps)):
        check_int(value, name)
    check_int(seed, "seed", minimum=0)


def _running_averages(x):
    """(samples, timesteps, 2): the fast average of feature 0, 3 × the slow one of f1 − f2."""
    samples, timesteps, _ = x.shape
    fast, slow = np.zeros(samples), np.zeros(samples)
    clean = np.zeros((samples, timesteps, 2))
    for t in range(timesteps):  # the recurrence the model has to discover
        fast = 0.5 * fast + 0.5 * x[:, t, 0]
        slow = 0.9 * slow + 0.1 * (x[:, t, 1] - x[:, t, 2])
        clean[:, t, 0], clean[:, t, 1] = fast, 3 * slow
    return clean


def smoothed_signals(samples, timesteps=20, noise=0.3, seed=0):
    """A per-timestep task: ``(x, y, noise_variance)``, two running averages of the features.

    ``x`` is ``(samples, timesteps, 3)`` of standard normal features. ``y`` is
    ``(samples, timesteps, 2)``: at each step t, a *fast* exponential average of feature 0
    (half of the weight on the newest step) and a *slow* one of feature 1 minus feature 2
    (a tenth on the newest step, scaled by 3), each depending on steps 0..t only, plus Gaussian
    noise of standard deviation ``noise``. ``noise_variance`` = ``noise**2``.

    Example: ``x, y, noise_variance = smoothed_signals(1000, timesteps=20, seed=1)``
    """
    _check_sizes(samples, timesteps, seed)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, timesteps, 3)).astype("float32")
    y, noise_variance = _noisy(_running_averages(x), noise, rng)
    return x, y, noise_variance


def smoothed_targets(x):
    """The noise-free targets of ``smoothed_signals`` for ``x``: ``(samples, timesteps, 2)``.

    ``x`` is ``(samples, timesteps, 3)``, of any length. The two running averages start from 0
    at step 0, as in ``smoothed_signals``, whose ``y`` is these plus the noise. Use it
    to measure a model's error above the noise floor: ``mse(smoothed_targets(x), prediction)``.

    Example: ``clean = smoothed_targets(x)``
    """
    x = check_sequences(x, features=3)
    return _running_averages(x)


def ragged_readings(samples, min_timesteps=4, max_timesteps=20, noise=0.3, seed=0):
    """Sequences of different lengths, one target each: ``(sequences, y, noise_variance)``.

    ``sequences`` is a list of ``samples`` arrays ``(timesteps_i, 3)`` of standard normal
    features, ``timesteps_i`` drawn from ``min_timesteps … max_timesteps``. ``y`` is
    ``(samples, 1)``: at the sequence's **last real step**, the fast average of feature 0 plus
    3 × the slow average of feature 1 − feature 2 (those of ``smoothed_signals``, summed), plus
    Gaussian noise of standard deviation ``noise``. The slow average starts from 0, so a short
    sequence has had less time to build it up: the length matters. ``noise_variance`` =
    ``noise**2``.

    Example: ``sequences, y, noise_variance = ragged_readings(1000, seed=1)``
    """
    _check_sizes(samples, 1, seed)
    for name, value in (("min_timesteps", min_timesteps), ("max_timesteps", max_timesteps)):
        check_int(value, name)
    if min_timesteps > max_timesteps:
        raise ValueError(f"expected min_timesteps <= max_timesteps, got {min_timesteps} > "
                         f"{max_timesteps}")
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, max_timesteps, 3)).astype("float32")
    lengths = rng.integers(min_timesteps, max_timesteps + 1, size=samples)
    clean = _running_averages(x).sum(axis=2)[np.arange(samples), lengths - 1, None]
    y, noise_variance = _noisy(clean, noise, rng)
    return [x[i, :length] for i, length in enumerate(lengths)], y, noise_variance


def comovement(samples, timesteps=20, noise=0.7, seed=0):
    """A many-to-one regression: ``(x, y, noise_variance)``, how much two features move together.

    ``x`` is ``(samples, timesteps, 3)`` of standard normal features. ``y`` is ``(samples, 1)``:
    the sum over all timesteps of feature 0 × feature 1, divided by sqrt(timesteps) (so its
    spread is about 1 for any length), plus Gaussian noise of standard deviation ``noise``.
    Feature 2 is a distractor. ``noise_variance`` = ``noise**2``.

    Example: ``x, y, noise_variance = comovement(1000, seed=1)``
    """
    _check_sizes(samples, timesteps, seed)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(samples, timesteps, 3)).astype("float32")
    y, noise_variance = _noisy(_comovement(x), noise, rng)
    return x, y, noise_variance


def _comovement(x):
    return (x[:, :, 0] * x[:, :, 1]).sum(axis=1, keepdims=True) / np.sqrt(x.shape[1])


def comovement_targets(x):
    """The noise-free targets of ``comovement`` for ``x``: ``(samples, 1)``.

    ``x`` is ``(samples, timesteps, 3)``; ``comovement``'s ``y`` is these plus the noise. Use it
    to measure a model's error above the noise floor: ``mse(comovement_targets(x), prediction)``.

    Example: ``clean = comovement_targets(x)``
    """
    return _comovement(check_sequences(x, features=3))


def bump_patterns(samples, timesteps=20, amplitude=1.5, noise=1.0, width=3, seed=0,
                  details=False):
    """A many-to-one classification: ``(x, labels, best_accuracy)``: which feature has a bump?

    ``x`` is ``(samples, timesteps, 3)`` of Gaussian noise (standard deviation ``noise``); in
    feature ``label`` a bump of height ``amplitude`` lasts ``width`` steps, starting at a random
    timestep. ``labels`` is ``(samples,)`` of ints 0, 1, 2. ``best_accuracy`` is the accuracy on
    these samples of the Bayes classifier, which knows the rule and the noise: no model can
    expect to do better. With ``details=True`` a fourth item is a dict: ``"starts"``, each
    bump's first timestep ``(samples,)``, and ``"bayes_correct"``, whether the Bayes classifier
    gets each sample right ``(samples,)``; the first three items are the same.

    Example: ``x, labels, best_accuracy = bump_patterns(1000, seed=1)``
    """
    if not isinstance(details, (bool, np.bool_)):
        raise ValueError(f"expected details as True or False, got {describe(details)}")
    _check_sizes(samples, timesteps, seed)
    noise = check_number(noise, "noise", positive=True)
    amplitude = check_number(amplitude, "amplitude")
    if abs(amplitude) > 1e6:  # its square must stay a float
        raise ValueError(f"expected amplitude from -1e6 to 1e6, got {describe(amplitude)}")
    if not is_positive_int(width) or width > timesteps:
        raise ValueError(f"expected a bump width from 1 to timesteps={timesteps}, got "
                         f"{describe(width)}")
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=noise, size=(samples, timesteps, 3))
    labels = rng.integers(0, 3, size=samples)
    starts = rng.integers(0, timesteps - width + 1, size=samples)
    steps = starts[:, None] + np.arange(width)
    x[np.arange(samples)[:, None], steps, labels[:, None]] += amplitude
    # Bayes: the log-likelihood of "bump in feature k" sums the evidence over every start.
    windows = np.stack([x[:, s:s + width].sum(axis=1) for s in range(timesteps - width + 1)], 1)
    log_evidence = (amplitude * windows - width * amplitude**2 / 2) / noise**2  # (N, starts, 3)
    best = np.logaddexp.reduce(log_evidence, axis=1).argmax(axis=1)
    result = x.astype("float32"), labels, float((best == labels).mean())
    if details:
        return (*result, {"starts": starts, "bayes_correct": best == labels})
    return result


def marked_step(samples, timesteps=60, classes=3, amplitude=2.5, noise=1.0, seed=0,
                details=False):
    """A classification decided at one marked step: ``(x, labels, best_accuracy)``.

    ``x`` is ``(samples, timesteps, classes + 1)``. Feature 0 is a marker: 1 at exactly one
    timestep of each sample, drawn uniformly (so it may be the first or the last), 0 elsewhere.
    Features 1 … ``classes`` are Gaussian noise (standard deviation ``noise``) at every step; at
    the marked step, feature ``1 + label`` is raised by ``amplitude``. No other step says
    anything about the label. ``labels`` is ``(samples,)`` of ints 0 … ``classes - 1``.
    ``best_accuracy`` is the accuracy on these samples of the Bayes classifier, which knows the
    rule and the noise: it reads the marked step and picks the class whose feature is largest
    there (with equal noise on every feature, the most likely class), so no model can expect to
    do better. Its expectation over fresh samples is ∫ φ(z) Φ(z + amplitude / noise)^(classes − 1)
    dz: 0.931 for the defaults. With ``details=True`` a fourth item is a dict: ``"positions"``,
    each sample's marked timestep ``(samples,)``, and ``"bayes_correct"``, whether the Bayes
    classifier gets each sample right ``(samples,)``; the first three items are the same.

    Example: ``x, labels, best_accuracy = marked_step(1000, seed=1)``
    """
    if not isinstance(details, (bool, np.bool_)):
        raise ValueError(f"expected details as True or False, got {describe(details)}")
    _check_sizes(samples, timesteps, seed)
    classes = check_int(classes, "classes", minimum=2)
    noise = check_number(noise, "noise", positive=True)
    amplitude = check_number(amplitude, "amplitude")
    if abs(amplitude) > 1e6:
        raise ValueError(f"expected amplitude from -1e6 to 1e6, got {describe(amplitude)}")
    rng = np.random.default_rng(seed)
    x = np.zeros((samples, timesteps, classes + 1))
    x[:, :, 1:] = rng.normal(scale=noise, size=(samples, timesteps, classes))
    labels = rng.integers(0, classes, size=samples)
    positions = rng.integers(0, timesteps, size=samples)
    rows = np.arange(samples)
    x[rows, positions, 0] = 1.0
    x[rows, positions, 1 + labels] += amplitude
    # Bayes: only the marked step depends on the label; the likeliest class has the largest
    # feature there (the sign flips for a negative amplitude).
    at_mark = x[rows, positions, 1:] * np.sign(amplitude or 1.0)
    bayes_correct = at_mark.argmax(axis=1) == labels
    result = x.astype("float32"), labels, float(bayes_correct.mean())
    if details:
        return (*result, {"positions": positions, "bayes_correct": bayes_correct})
    return result


OSCILLATOR_DAMPING = 0.7  # the swing left after one step: 0.7 ** 10 ≈ 3 % after 10 steps
OSCILLATOR_FREQUENCIES = (0.3, 0.9)  # radians per step: periods of 7 to 21 steps
OSCILLATOR_BURN_IN = 20  # steps run before the window, so that it starts in motion


def driven_oscillators(samples, timesteps=30, horizon=10, noise=0.5, seed=0, details=False):
    """Forecast the next ``horizon`` steps: ``(x_past, u_future, y_future, noise_variance)``.

    Two coupled series ``a`` and ``b`` form a damped oscillator pushed by an on/off schedule
    ``u`` (0 or 1, switching with probability 0.25 per step): at every step the point ``(a, b)``
    turns by the sample's own angle ``ω`` (drawn from 0.3 to 0.9 radians, its *frequency*),
    shrinks by 0.7, and ``u`` at that step is added to ``a``. A model can work ``ω`` out only
    from how the past moved, not from the last step alone.

    ``x_past`` is ``(samples, timesteps, 3)``: ``(a, b, u)`` at each past step, without noise.
    ``u_future`` is ``(samples, horizon, 1)``: the schedule of the next ``horizon`` steps, known
    in advance (like a calendar). ``y_future`` is ``(samples, horizon, 2)``: ``(a, b)`` at those
    steps plus Gaussian noise of standard deviation ``noise``. The past and the schedule fix the
    future exactly, so the best possible test MSE is ``noise_variance`` = ``noise**2`` at every
    horizon. With ``details=True`` a fifth item is a dict: ``"clean"``, the targets without
    their noise ``(samples, horizon, 2)``, and ``"frequency"``, each sample's ``ω``
    ``(samples,)``; the first four items are the same.

    Example: ``x_past, u_future, y_future, noise_variance = driven_oscillators(2000, seed=1)``
    """
    if not isinstance(details, (bool, np.bool_)):
        raise ValueError(f"expected details as True or False, got {describe(details)}")
    _check_sizes(samples, timesteps, seed)
    horizon = check_int(horizon, "horizon")
    noise = check_number(noise, "noise", positive=True)
    rng = np.random.default_rng(seed)
    steps = OSCILLATOR_BURN_IN + timesteps + horizon
    frequency = rng.uniform(*OSCILLATOR_FREQUENCIES, size=samples)
    first = rng.integers(0, 2, size=(samples, 1))
    switches = rng.random((samples, steps - 1)) < 0.25
    u = (first + np.cumsum(np.concatenate([first * 0, switches], axis=1), axis=1)) % 2
    cos, sin = np.cos(frequency), np.sin(frequency)
    a, b = np.zeros(samples), np.zeros(samples)
    path = np.zeros((samples, steps, 2))
    for t in range(steps):  # the rule the model has to discover
        a, b = (OSCILLATOR_DAMPING * (cos * a - sin * b) + u[:, t],
                OSCILLATOR_DAMPING * (sin * a + cos * b))
        path[:, t, 0], path[:, t, 1] = a, b
    path, u = path[:, OSCILLATOR_BURN_IN:], u[:, OSCILLATOR_BURN_IN:].astype("float64")
    x_past = np.concatenate([path[:, :timesteps], u[:, :timesteps, None]], axis=2)
    clean = path[:, timesteps:]
    y_future, noise_variance = _noisy(clean, noise, rng)
    result = (x_past.astype("float32"), u[:, timesteps:, None].astype("float32"), y_future,
              noise_variance)
    if details:
        return (*result, {"clean": clean, "frequency": frequency})
    return result


SENSOR_NOISE = 1.0  # kW: the standard deviation of the load's news each hour, so its variance
#                      is the best possible MSE of a next-hour forecast
SENSOR_COLUMNS = ("temperature", "humidity", "load")


def _sensor_arrays(series, steps, seed):
    """(levels, temperature, humidity, load, the expected next load): arrays (series, steps),
    but levels (series,)."""
    rng = np.random.default_rng(seed)
    levels = rng.uniform(40, 70, size=series)  # each sensor's own typical load, kW
    phase = rng.uniform(0, 2 * np.pi, size=(series, 1))
    hours = np.arange(steps)
    weather = np.zeros((series, steps))  # how far the day runs warmer or colder than usual
    for t in range(1, steps):
        weather[:, t] = 0.95 * weather[:, t - 1] + rng.normal(scale=0.5, size=series)
    temperature = 20 + 5 * np.sin(2 * np.pi * hours / 24 + phase) + weather
    humidity = 60 - 2 * (temperature - 20) + rng.normal(scale=3.0, size=(series, steps))
    load = np.zeros((series, steps))
    expected = np.zeros((series, steps))  # the noise-free load of the *next* hour
    load[:, 0] = levels
    for t in range(steps):  # the rule a model has to discover
        expected[:, t] = (levels + 0.7 * (load[:, t] - levels) + 0.8 * (temperature[:, t] - 20)
                          - 0.1 * (humidity[:, t] - 60))
        if t + 1 < steps:
            load[:, t + 1] = expected[:, t] + rng.normal(scale=SENSOR_NOISE, size=series)
    return levels, temperature, humidity, load, expected


def sensor_table(series=3, steps=500, seed=0):
    """Hourly readings of several sensors in one long table, as a CSV export would give them.

    A pandas ``DataFrame`` with one row per sensor and hour, sorted by time (the sensors'
    rows interleaved): ``time`` (hourly timestamps from 2026-01-01), ``sensor`` (an id: "A",
    "B", …), ``temperature`` (°C, a daily cycle plus spells of warmer or colder weather),
    ``humidity`` (%) and ``load`` (kW, the target). Each sensor's load has its own level (40 to
    70 kW); the next hour's load is a fixed rule of this hour's load, temperature and humidity
    and of the sensor's level (not a column: a model learns it from the sensor's past), plus
    Gaussian noise of standard deviation ``SENSOR_NOISE`` = 1 kW, so no forecast of it can
    expect a test MSE below 1 kW².

    Example: ``table = sensor_table(series=3, steps=500, seed=0)``
    """
    import pandas as pd

    _check_sizes(check_int(series, "series"), check_int(steps, "steps", minimum=2), seed)
    if series > 26:
        raise ValueError(f"expected at most 26 series (ids A to Z), got {series}")
    _, temperature, humidity, load, _ = _sensor_arrays(series, steps, seed)
    ids = [chr(ord("A") + s) for s in range(series)]
    frame = pd.DataFrame({
        "time": np.tile(pd.date_range("2026-01-01", periods=steps, freq="h"), series),
        "sensor": np.repeat(ids, steps),
        "temperature": temperature.ravel().round(2),
        "humidity": humidity.ravel().round(1),
        "load": load.ravel().round(2),
    })
    return frame.sort_values(["time", "sensor"], ignore_index=True)
