"""The Seattle weather loader, the time-ordered split and the window alignment of notebook 05."""

import numpy as np
import pandas as pd
import pytest

from helpers import weather


@pytest.fixture(scope="module")
def frame():
    return weather.load_seattle_weather()


@pytest.fixture(scope="module")
def numbered(frame):
    """The real frame plus a column holding each row's day number, to trace where values go."""
    numbered = frame.copy()
    numbered["day"] = np.arange(len(frame))
    return numbered


def test_loader_returns_every_day_once_with_parsed_dates(frame):
    assert len(frame) == 1461
    assert list(frame.columns) == list(weather.COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["date"].iloc[0] == pd.Timestamp("2012-01-01")
    assert frame["date"].iloc[-1] == pd.Timestamp("2015-12-31")
    assert (frame["date"].diff().dropna() == pd.Timedelta(days=1)).all()
    assert set(frame["weather"]) == {"sun", "fog", "rain", "drizzle", "snow"}
    assert not frame.isna().any().any()


def _broken(frame, how):
    broken = frame.copy()
    if how == "missing day":
        return broken.drop(index=100).reset_index(drop=True)
    if how == "missing column":
        return broken.drop(columns="wind")
    if how == "text dates":
        broken["date"] = broken["date"].dt.strftime("%Y-%m-%d")
        return broken
    if how == "shuffled":
        return broken.iloc[::-1].reset_index(drop=True)
    if how == "gap":  # right length, but one day replaced by a later one
        broken.loc[10, "date"] = pd.Timestamp("2016-01-01")
        return broken
    if how == "missing value":
        broken.loc[5, "temp_max"] = np.nan
        return broken
    if how == "text numbers":
        broken["wind"] = broken["wind"].astype(str)
        return broken
    if how == "numeric category":
        broken["weather"] = 1
        return broken
    raise AssertionError(how)


# Text columns are dtype str on pandas 3, object on pandas 2 (Colab, requirements-colab.txt).
@pytest.mark.parametrize("how, message", [
    ("missing day", r"expected 1461 rows \(one per day, 2012-01-01 to 2015-12-31\), got 1460"),
    ("missing column", r"missing \['wind'\]"),
    ("text dates", r"expected parsed dates \(datetime64\) in 'date', got dtype (str|object)"),
    ("shuffled", r"row 0 should be 2012-01-01, got 2015-12-31"),
    ("gap", r"row 10 should be 2012-01-11, got 2016-01-01"),
    ("missing value", r"expected no missing values, got \{'temp_max': 1\}"),
    ("text numbers", r"expected numbers in 'wind', got dtype (str|object)"),
    ("numeric category", r"expected text categories in 'weather'"),
])
def test_check_weather_refuses_malformed_frames(frame, how, message):
    with pytest.raises(ValueError, match=message):
        weather.check_weather(_broken(frame, how))


def test_check_weather_refuses_what_is_not_a_frame(frame):
    with pytest.raises(ValueError, match="expected a pandas DataFrame, got ndarray"):
        weather.check_weather(frame.to_numpy())


def test_split_is_in_time_order_and_covers_every_day_once(frame):
    splits = weather.split_by_year(frame)
    assert list(splits) == ["train", "validation", "test"]
    assert [len(split) for split in splits.values()] == [731, 365, 365]
    assert splits["train"]["date"].iloc[-1] < splits["validation"]["date"].iloc[0]
    assert splits["validation"]["date"].iloc[-1] < splits["test"]["date"].iloc[0]
    pd.testing.assert_frame_equal(pd.concat(splits.values(), ignore_index=True), frame)


@pytest.mark.parametrize("horizon", [1, 7])
def test_window_ending_on_day_t_has_the_target_of_day_t_plus_h(numbered, horizon):
    length = 14
    inputs, y, y_steps = weather.make_windows(numbered, length=length, horizons=[horizon],
                                              columns=["day", "date", "temp_max"], target="day")
    samples = len(numbered) - length - horizon + 1
    assert inputs["day"].shape == (samples, length)
    assert y.shape == (samples, 1) and y_steps.shape == (samples, length, 1)
    t = inputs["day"][:, -1]
    np.testing.assert_array_equal(y[:, 0], t + horizon)  # the target is day t + h ...
    np.testing.assert_array_equal(inputs["day"], t[:, None] + np.arange(1 - length, 1))
    np.testing.assert_array_equal(y_steps[..., 0], inputs["day"] + horizon)  # ... at every step
    np.testing.assert_array_equal(inputs["day"][:, 0], np.arange(samples))  # every start, once
    dates = inputs["date"][:, -1]
    np.testing.assert_array_equal(inputs["temp_max"][:, -1], numbered["temp_max"].to_numpy()[t])
    assert (numbered["date"].to_numpy()[y[:, 0]] - dates == np.timedelta64(horizon, "D")).all()


def test_windows_of_the_real_target_hold_the_temperature_h_days_later(frame):
    inputs, y, y_steps = weather.make_windows(frame, length=3, horizons=[1, 7])
    temp = frame["temp_max"].to_numpy()
    np.testing.assert_array_equal(inputs["temp_max"][0], temp[0:3])
    np.testing.assert_array_equal(y[0], [temp[3], temp[9]])  # day t = 2: days 3 and 9
    np.testing.assert_array_equal(y_steps[:, -1], y)
    assert y.shape == (1461 - 3 - 7 + 1, 2)


@pytest.mark.parametrize("horizons", [[1], [7], range(1, 8)])
def test_no_window_crosses_a_split_boundary(numbered, horizons):
    splits = weather.split_by_year(numbered.drop(columns="day"))
    for name, split in splits.items():
        split = split.assign(day=split["date"])
        inputs, y, y_steps = weather.make_windows(split, length=14, horizons=horizons,
                                                  columns=["date"], target="day")
        first, last = split["date"].iloc[0], split["date"].iloc[-1]
        for days in (inputs["date"], y, y_steps):
            days = pd.DatetimeIndex(np.ravel(days))
            assert days.min() >= first and days.max() <= last, name
        # and nothing is lost: the last window's furthest target is the split's last day
        assert pd.Timestamp(y[-1, -1]) == last


def test_text_columns_come_as_numpy_str_arrays_string_lookup_reads(frame):
    import keras

    inputs, _, _ = weather.make_windows(frame, length=5, columns=["weather"])
    assert inputs["weather"].shape == (1461 - 5, 5)
    assert isinstance(inputs["weather"], np.ndarray) and inputs["weather"].dtype.kind == "U"
    assert inputs["weather"][0, 0] == frame["weather"].iloc[0]
    lookup = keras.layers.StringLookup(vocabulary=["sun", "rain"])
    index = keras.ops.convert_to_numpy(lookup(inputs["weather"]))  # any Keras backend
    assert index.shape == (1461 - 5, 5) and index[1, 0] == 2  # 2012-01-02 was "rain"


@pytest.mark.parametrize("kwargs, message", [
    ({"length": 0}, r"expected length as a positive int, got 0"),
    ({"length": 2.5}, r"expected length as a positive int, got 2.5"),
    ({"length": 5, "horizons": [0]}, r"expected horizons as positive ints \(days ahead\)"),
    ({"length": 5, "horizons": []}, r"expected horizons as positive ints"),
    ({"length": 5, "horizons": np.array(0)}, r"expected horizons as positive ints"),
    ({"length": 5, "columns": ["rain"]}, r"got \['rain'\]"),
    ({"length": 5, "target": "snow"}, r"got \['snow'\]"),
    ({"length": 1461}, r"expected at least length \+ max\(horizons\) = 1462 days, got 1461"),
])
def test_make_windows_refuses_bad_arguments(frame, kwargs, message):
    with pytest.raises(ValueError, match=message):
        weather.make_windows(frame, **kwargs)


def test_make_windows_refuses_what_is_not_a_frame():
    with pytest.raises(ValueError, match=r"expected a pandas DataFrame of days, got ndarray"):
        weather.make_windows(np.zeros((30, 3)), length=5)
