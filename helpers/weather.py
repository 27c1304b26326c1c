"""Notebook 05's real data: Seattle's daily weather 2012–2015, and windows cut from it.

The data ships inside the ``vega_datasets`` package (NOAA daily summaries for Seattle): nothing is
downloaded. One row per day: precipitation (mm), maximum and minimum temperature (°C), wind (m/s)
and a ``weather`` category (sun, fog, rain, drizzle, snow).
"""

import numpy as np
import pandas as pd

from helpers.data import check_int, check_text, describe, is_positive_int

COLUMNS = ("date", "precipitation", "temp_max", "temp_min", "wind", "weather")
NUMERIC = ("precipitation", "temp_max", "temp_min", "wind")
FIRST_DAY, LAST_DAY = pd.Timestamp("2012-01-01"), pd.Timestamp("2015-12-31")
SPLITS = {"train": (2012, 2013), "validation": (2014, 2014), "test": (2015, 2015)}


def check_weather(frame):
    """Check a Seattle weather frame and return it: 1461 rows, one per day, no missing value.

    Expects the columns of ``COLUMNS``, dates parsed as datetimes from 2012-01-01 to 2015-12-31
    without a gap, numeric measurements and text categories. Anything else is a ``ValueError``
    saying what was expected and what arrived.

    Example: ``frame = check_weather(frame)``
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [column for column in COLUMNS if column not in frame.columns]
    if missing:
        raise ValueError(f"expected columns {list(COLUMNS)}, got {list(frame.columns)} "
                         f"(missing {missing})")
    expected_days = (LAST_DAY - FIRST_DAY).days + 1
    if len(frame) != expected_days:
        raise ValueError(f"expected {expected_days} rows (one per day, {FIRST_DAY:%Y-%m-%d} to "
                         f"{LAST_DAY:%Y-%m-%d}), got {len(frame)} rows")
    if not pd.api.types.is_datetime64_any_dtype(frame["date"]):
        raise ValueError(f"expected parsed dates (datetime64) in 'date', got dtype "
                         f"{frame['date'].dtype}; parse them with pd.to_datetime")
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    if not np.array_equal(frame["date"].to_numpy(), days.to_numpy()):
        wrong = int(np.argmax(frame["date"].to_numpy() != days.to_numpy()))
        raise ValueError(f"expected one row per day in order, row {wrong} should be "
                         f"{days[wrong]:%Y-%m-%d}, got {frame['date'].iloc[wrong]}")
    for column in NUMERIC:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            raise ValueError(f"expected numbers in '{column}', got dtype {frame[column].dtype}")
    empty = frame[list(COLUMNS)].isna().sum()
    if empty.any():
        raise ValueError(f"expected no missing values, got {empty[empty > 0].to_dict()}")
    if not all(isinstance(value, str) for value in frame["weather"]):
        raise ValueError("expected text categories in 'weather', got other values")
    return frame


def load_seattle_weather():
    """The Seattle weather frame from ``vega_datasets``, with parsed dates, checked.

    Example: ``frame = load_seattle_weather()`` gives 1461 rows and the columns of ``COLUMNS``.
    """
    from vega_datasets import local_data

    frame = local_data.seattle_weather()
    frame["date"] = pd.to_datetime(frame["date"])
    return check_weather(frame.reset_index(drop=True))


def split_by_year(frame):
    """Split in time order: 2012–2013 train, 2014 validation, 2015 test; a dict of frames.

    Example: ``splits = split_by_year(frame); splits["test"]`` holds the 365 days of 2015.
    """
    frame = check_weather(frame)
    years = frame["date"].dt.year
    return {name: frame[(years >= first) & (years <= last)].reset_index(drop=True)
            for name, (first, last) in SPLITS.items()}


def make_windows(frame, *, length, horizons=(1,), columns=None, target="temp_max"):
    """Cut one split's days into input windows and the targets that come after them.

    Window ``i`` holds the days ``i … i+length-1`` and ends on day ``t = i+length-1``:

    - ``inputs[column]`` has shape ``(samples, length)`` for each of ``columns``;
    - ``y[i, k]`` is ``target`` on day ``t + horizons[k]``: shape ``(samples, len(horizons))``;
    - ``y_steps[i, s, k]`` is ``target`` on day ``i + s + horizons[k]``, the same targets for
      every step ``s`` of the window: shape ``(samples, length, len(horizons))``, and
      ``y_steps[:, -1] == y``.

    Every window and every target lies inside ``frame``, so windows cut from one split never
    cross into another. ``keras.utils.timeseries_dataset_from_array`` cuts the windows (of the
    day numbers, so that text columns can be windowed too). Text columns come back as NumPy
    arrays of ``str`` (not of Python objects, which Keras refuses: ``Invalid dtype: object``);
    ``StringLookup`` turns them into indices on every Keras backend.

    Example: ``inputs, y, y_steps = make_windows(train, length=14, horizons=[1])``
    """
    import keras

    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"expected a pandas DataFrame of days, got {type(frame).__name__}")
    if columns is not None and (not isinstance(columns, (list, tuple)) or not columns
                                or not all(isinstance(column, str) for column in columns)):
        raise ValueError(f"expected columns as a non-empty list of column names, got "
                         f"{describe(columns)}")
    columns = list(frame.columns) if columns is None else list(columns)
    check_text(target, "target")
    unknown = [column for column in [*columns, target] if column not in frame.columns]
    if unknown:
        raise ValueError(f"expected columns of the frame {list(frame.columns)}, got {unknown}")
    check_int(length, "length")
    if isinstance(horizons, np.ndarray):
        horizons = horizons.tolist()  # a 0-d array becomes one int, a 1-D one a list
    if isinstance(horizons, (int, np.integer)):
        horizons = [horizons]
    if not isinstance(horizons, (list, tuple, range, np.ndarray)) or len(horizons) == 0 or \
            not all(is_positive_int(h) for h in horizons):
        raise ValueError(f"expected horizons as positive ints (days ahead), got "
                         f"{describe(horizons)}")
    horizons = list(horizons)
    samples = len(frame) - length - max(horizons) + 1
    if samples < 1:
        raise ValueError(f"expected at least length + max(horizons) = "
                         f"{length + max(horizons)} days, got {len(frame)} days")
    # The last usable start day leaves room for the window and its furthest target.
    windows = keras.utils.timeseries_dataset_from_array(
        np.arange(len(frame) - max(horizons)), None, sequence_length=length,
        batch_size=len(frame))
    days = np.concatenate(list(windows.as_numpy_iterator()))  # (samples, length) day numbers
    assert days.shape == (samples, length)
    values = frame[target].to_numpy()  # the target, day by day
    inputs = {column: frame[column].to_numpy()[days] for column in columns}
    for column, values_in_windows in inputs.items():
        if values_in_windows.dtype == object:  # text
            inputs[column] = values_in_windows.astype(str)
    y_steps = np.stack([values[days + h] for h in horizons], axis=-1)
    return inputs, y_steps[:, -1], y_steps
