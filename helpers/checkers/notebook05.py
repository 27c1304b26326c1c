"""Checkers for the exercises of notebook 05:
notebooks/05_numeric_and_categorical_features.ipynb."""

import functools

import numpy as np

from helpers.checkers.common import (
    as_whole_number,
    predict,
    wrong_entries,
)
from helpers.checks import exercise
from helpers.data import describe

KNOWN_IN_ADVANCE = {
    "day_of_year": True,
    "temp_max": False,
    "weather": False,
    "public_holiday": True,
    "precipitation": False,
}


@exercise("05.1", typical_wrong_answer={column: True for column in KNOWN_IN_ADVANCE},
           praise="the calendar is known for any future day; the weather only once it happened.")
def _known_in_advance(answer):
    wrong = wrong_entries(answer, KNOWN_IN_ADVANCE)
    if wrong is None:
        return ("expected a dict with the five columns (copy them from the cell) as keys and "
                "True (known in advance) or False (known only in the past) as values.")
    if not wrong:
        return None
    column = wrong[0]
    why = ("it follows from the date alone, so it is known for every future day"
           if KNOWN_IN_ADVANCE[column]
           else "nobody knows it for a day before that day has happened")
    return f"{len(wrong)} of 5 to rethink; for example '{column}': {why}."


@exercise("05.2", typical_wrong_answer=336,
           praise="365 − 30 − 3 + 1 = 333: the last window must end 3 days before the year does.")
def _window_count(answer):
    count = as_whole_number(answer)
    if count is None:
        return f"expected a whole number of windows, got {describe(answer)}."
    if count == 336:
        return ("that leaves no room for the targets: a window ending on the year's last day has "
                "no target 1–3 days later inside the year.")
    if count == 335:
        return "that leaves room for 1 day ahead, but the furthest target is 3 days ahead."
    if count == 334:
        return "close: count the start days. The first window starts on day 0, the last on …?"
    if count != 333:
        return (f"{count} is not it: a window of 30 days plus 3 days of targets needs 33 days; "
                "count how many start days leave room for that in 365.")
    return None


@exercise("05.3", typical_wrong_answer=13,
           praise="4 numbers + 1 departure + 3 embedding values + 2 calendar values = 10.")
def _embedding_width(answer):
    width = as_whole_number(answer)
    if width is None:
        return f"expected a whole number of features per timestep, got {describe(answer)}."
    if width == 13:
        return "13 is the one-hot width: the 6 one-hot columns become 3 embedding values."
    if width == 9:
        return "count the departure from normal too: 4 numeric + 1 departure + 3 + 2."
    if width == 11:
        return "the embedding replaces the one-hot columns; it does not come on top of the index."
    if width != 10:
        return f"{width} is not it: add the widths of the four parts (see section 3's table)."
    return None


WEATHER_NUMERIC = ("temp_max", "temp_min", "precipitation", "wind")


@functools.cache
def _weather_held_out():
    """Exercise 05.4's 2015 windows (14 days, raw units) and the next day's temp_max."""
    from helpers import weather

    test = weather.split_by_year(weather.load_seattle_weather())["test"]
    inputs, y, _ = weather.make_windows(test, length=14, columns=list(WEATHER_NUMERIC))
    x = np.stack([inputs[column] for column in WEATHER_NUMERIC], axis=-1).astype("float32")
    return x, y[:, 0].astype("float64")


def _weather_copycat():
    import keras

    inputs = keras.Input(shape=(14, 4))
    return keras.Model(inputs, keras.layers.Lambda(lambda x: x[:, -1, :1])(inputs))


@exercise("05.4", typical_wrong_answer=_weather_copycat,
           praise="in °C from raw columns, and its mean absolute error on 2015 is below "
                  "persistence's (tomorrow = today).")
def _weather_forecaster(answer):
    x, y = _weather_held_out()
    n = len(x)
    output, hint = predict(answer, x, f"14-day windows of {list(WEATHER_NUMERIC)} in their own "
                                       f"units, shape {x.shape}")
    if hint:
        return hint
    if output.ndim == 3:
        return ("your model returns a row per day of the window: tomorrow's forecast is one "
                "number per window (return_sequences=False on the last LSTM).")
    if output.shape not in ((n, 1), (n,)):
        return f"on {x.shape} it should return ({n}, 1); yours returns {output.shape}."
    forecast = output.reshape(n)
    if abs(forecast.mean()) < 3 and y.mean() > 8:
        return (f"your forecasts average {forecast.mean():.2f} while 2015's maxima average "
                f"{y.mean():.1f} °C: they are in scaled units. End the model with "
                f"layers.Rescaling(std, offset=mean) of temp_max's training statistics.")
    if forecast.std() < 0.2 * y.std() or abs(forecast.mean() - y.mean()) > y.std() or \
            forecast.std() > 2 * y.std():
        return (f"your forecasts average {forecast.mean():.1f} °C with a spread of "
                f"{forecast.std():.1f}, 2015's maxima {y.mean():.1f} °C with a spread of "
                f"{y.std():.1f}: check the scaling inside the model. First Normalization, "
                f"adapted on the training years' {', '.join(WEATHER_NUMERIC)}, in that order; "
                f"last Rescaling(std, offset=mean) with temp_max's mean and standard deviation.")
    error = float(np.mean(np.abs(forecast - y)))
    persistence = float(np.mean(np.abs(x[:, -1, 0] - y)))
    if np.mean(np.abs(forecast - x[:, -1, 0])) < 0.1 * error:
        return ("your forecast is today's maximum, copied (persistence): check that the target "
                "is the day after the window, not its last day.")
    if error < persistence:
        return None  # a trained model reaches about 2.1 °C, persistence 2.25 °C
    return (f"its mean absolute error on 2015 is {error:.2f} °C, not below persistence's "
            f"{persistence:.2f} °C (tomorrow = today). Train longer, scale inputs and target "
            f"with the training years' statistics, and check that the target is the next day.")
