"""Every public helper refuses a wrong type with a clear ValueError; every checker answers anything.

For each helper, each argument in turn is replaced by values of the wrong type or shape. The
helper must raise a ``ValueError`` that says what it expected and what it got, never a
``TypeError`` or ``AttributeError`` from deep inside NumPy or pandas. Each exercise checker, given
any answer at all, must answer with feedback of its own and never raise.
"""

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import checks, data, evidence, metrics, plots, setup, weather
from helpers.checkers import notebook04, notebook05

JUNK = {
    "a string": "0.3",
    "bytes": b"3",
    "a set": {1, 2},
    "a function": print,
    "a ragged list": [[1, 2], [3]],
    "an empty list": [],
    "NaN": float("nan"),
    "None": None,
    "a dict": {"a": 1},
    "a bool": True,
    "a 4-D array": np.zeros((2, 2, 2, 2)),
}
TEXT, OPTIONAL = {"a string"}, {"None"}  # junk that is valid for a text or an optional argument

RUNS = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]},
                    index=pd.MultiIndex.from_tuples([("tensorflow", 0), ("jax", 0)],
                                                    names=["backend", "seed"]))
DAYS = pd.DataFrame({"date": pd.date_range("2015-03-01", periods=5, freq="D"),
                     "temp_max": np.arange(5.0)})

# (helper, valid keyword arguments, {argument: junk it accepts}). Every argument is fuzzed.
HELPERS = [
    (data.check_sequences, {"x": np.zeros((2, 3, 3)), "y": np.zeros(2), "features": 3,
                            "name": "x"},
     {"y": OPTIONAL | {"a 4-D array"}, "features": OPTIONAL, "name": TEXT}),
    (data.smoothed_signals, {"samples": 4, "timesteps": 3, "noise": 0.3, "seed": 0}, {}),
    (data.smoothed_targets, {"x": np.zeros((2, 3, 3))}, {}),
    (data.ragged_readings, {"samples": 4, "min_timesteps": 2, "max_timesteps": 3, "noise": 0.3,
                            "seed": 0}, {}),
    (data.comovement, {"samples": 4, "timesteps": 3, "noise": 0.7, "seed": 0}, {}),
    (data.comovement_targets, {"x": np.zeros((2, 3, 3))}, {}),
    (data.sensor_table, {"series": 2, "steps": 3, "seed": 0}, {}),
    (data.bump_patterns, {"samples": 4, "timesteps": 5, "amplitude": 1.5, "noise": 1.0,
                          "width": 3, "seed": 0, "details": True}, {"details": {"a bool"}}),
    (data.driven_oscillators, {"samples": 4, "timesteps": 5, "horizon": 3, "noise": 0.5,
                               "seed": 0, "details": True}, {"details": {"a bool"}}),
    (data.marked_step, {"samples": 4, "timesteps": 5, "classes": 3, "amplitude": 2.5,
                        "noise": 1.0, "seed": 0, "details": True}, {"details": {"a bool"}}),
    (metrics.mse, {"y_true": np.zeros(3), "y_pred": np.ones(3), "axis": 0}, {"axis": OPTIONAL}),
    (metrics.mae, {"y_true": np.zeros(3), "y_pred": np.ones(3), "axis": 0}, {"axis": OPTIONAL}),
    (metrics.noise_floor_ratio, {"test_mse": 0.1, "noise_variance": 0.09, "label": "MSE",
                                 "n_errors": 100}, {"label": TEXT, "n_errors": OPTIONAL}),
    (metrics.floor_band, {"noise_variance": 0.09, "n_errors": 100, "level": 0.95}, {}),
    (plots.plot_batch, {"x": np.zeros((2, 2, 3)), "feature_names": ["a", "b", "c"],
                        "max_samples": 6, "titles": ["a", "b"],
                        "highlight": np.zeros((2, 2, 3), dtype=bool)},
     {"feature_names": OPTIONAL, "titles": OPTIONAL, "highlight": OPTIONAL}),
    (plots.plot_unrolled_rnn, {"timesteps": 3, "settings": (True, False), "features": 3}, {}),
    (plots.plot_history, {"histories": {"m": {"loss": [1.0, 0.5]}}, "metric": "loss",
                          "log": True, "noise_variance": 0.1, "ylabel": "MSE", "split": "test",
                          "best": 0.5, "markers": True},
     {"metric": TEXT, "log": {"a bool"}, "noise_variance": OPTIONAL,
      "ylabel": TEXT | OPTIONAL, "split": TEXT, "best": OPTIONAL, "markers": {"a bool"}}),
    (plots.plot_error_by_timestep, {"errors": {"m": [1.0, 0.5]}, "noise_variance": 0.1,
                                    "n_errors": 100, "ylabel": "MSE"},
     {"n_errors": OPTIONAL, "ylabel": TEXT | OPTIONAL}),
    (plots.plot_seed_spread, {"curves": {"m": [[1.0, 0.5], [1.2, 0.6]]}, "ylabel": "MSE",
                              "split": "test", "noise_variance": 0.1, "n_errors": 100,
                              "ymax": 2.0, "rows": "runs"},
     {"ylabel": TEXT, "split": TEXT, "noise_variance": OPTIONAL, "n_errors": OPTIONAL,
      "ymax": OPTIONAL, "rows": TEXT}),
    (plots.plot_by_timestep, {"values": {"m": [0.5, 0.6]}, "xlabel": "t", "ylabel": "acc",
                              "chance": 0.3, "steps": [0, 1]},
     {"xlabel": TEXT, "ylabel": TEXT, "chance": OPTIONAL, "steps": OPTIONAL}),
    (plots.plot_attention, {"weights": np.full((2, 4), 0.25), "marked": [0, 3],
                            "titles": ["a", "b"]}, {"marked": OPTIONAL, "titles": OPTIONAL}),
    (plots.plot_sequences, {"y_true": np.zeros((3, 4, 2)), "y_pred": np.zeros((3, 4, 2)),
                            "samples": (0, 1), "output_names": ["a", "b"],
                            "y_clean": np.zeros((3, 4, 2))},
     {"output_names": OPTIONAL, "y_clean": OPTIONAL}),
    (plots.plot_splits, {"splits": {"train": DAYS}, "column": "temp_max", "ylabel": "°C"},
     {"column": TEXT, "ylabel": TEXT}),
    (plots.plot_forecasts, {"dates": DAYS["date"], "truth": np.zeros(5),
                            "forecasts": {"m": np.ones(5)}, "ylabel": "°C"}, {"ylabel": TEXT}),
    (plots.plot_error_by_horizon, {"errors": {"m": [[2.0, 3.0], [2.5, 3.5]]}, "ylabel": "MAE",
                                   "noise_variance": 0.1, "n_errors": 100, "xlabel": "steps",
                                   "styles": {"m": "C2--"}},
     {"ylabel": TEXT, "noise_variance": OPTIONAL, "n_errors": OPTIONAL, "xlabel": TEXT,
      "styles": OPTIONAL}),
    (plots.plot_difference_by_horizon, {"intervals": {"m": [[0.1, 0.0, 0.2]]}, "ylabel": "MAE"},
     {"ylabel": TEXT}),
    (plots.plot_runs, {"runs": RUNS, "ylabel": "MSE", "log": True, "reference": 1.0,
                       "reference_label": "bound"},
     {"ylabel": TEXT, "log": {"a bool"}, "reference": OPTIONAL, "reference_label": TEXT}),
    (evidence.load, {"name": "lstm_head_and_scaling"}, {}),
    (evidence.provenance, {"name": "lstm_head_and_scaling"}, {}),
    (evidence.table, {"name": "lstm_head_and_scaling", "metric": "mse", "backend": "jax"},
     {"backend": OPTIONAL}),
    (metrics.difference_interval, {"errors_a": np.zeros(3), "errors_b": np.ones(3), "lags": 1,
                                   "level": 0.95}, {}),
    (setup.setup_course, {"seed": 42}, {}),
    (weather.check_weather, {"frame": DAYS}, {}),
    (weather.split_by_year, {"frame": DAYS}, {}),
    (weather.make_windows, {"frame": DAYS, "length": 2, "horizons": (1,), "columns": ["date"],
                            "target": "temp_max"}, {"columns": OPTIONAL, "target": TEXT}),
    (checks.grade, {"exercise_id": "01.1", "answer": None}, {"answer": set(JUNK)}),
]


def _cases():
    for helper, valid, accepts in HELPERS:
        for argument in valid:
            for junk in sorted(JUNK.keys() - accepts.get(argument, set())):
                yield pytest.param(helper, {**valid, argument: JUNK[junk]},
                                   id=f"{helper.__name__}-{argument}-{junk}")


@pytest.mark.parametrize("helper, kwargs", list(_cases()))
def test_a_wrong_type_or_shape_is_a_value_error_that_says_what_was_expected(helper, kwargs):
    try:
        helper(**kwargs)
    except ValueError as error:
        message = str(error)
        assert message.startswith("expected ") and "got" in message, message
    else:
        # Only DAYS-based calls may succeed here: they are refused for the wrong *content*.
        pytest.fail(f"{helper.__name__} accepted {kwargs}")
    finally:
        plt.close("all")


def test_every_helper_runs_with_its_valid_arguments(capsys):
    """The fuzzing above starts from calls that work, so each refusal is the junk's doing."""
    for helper, valid, _ in HELPERS:
        if helper in (weather.check_weather, weather.split_by_year, setup.setup_course):
            continue  # a whole year's frame (tests/test_weather.py); TensorFlow (test_setup.py)
        if helper is weather.make_windows:
            valid = {**valid, "frame": DAYS.assign(day=range(5))}
        helper(**valid)
        plt.close("all")


class _Unprintable:
    def __repr__(self):
        raise RuntimeError("no repr")


CHECKER_ANSWERS = {**JUNK, "a huge array": np.zeros(2_000_000), "an infinity": float("inf"),
                   "a complex number": 1j, "a nested ragged list": [[[1], [2, 3]], [[4]]],
                   "a class": int, "an object": object(), "a negative number": -7,
                   "a tuple of strings": ("a", "b"), "a 0-d array": np.array(5),
                   "a huge list": list(range(300_000)), "a huge string": "x" * 300_000,
                   "a huge int": 10**400, "a pair of huge ints": (10**400, 1),
                   "an endless iterator": itertools.count(), "a generator": (n for n in (1, 2)),
                   "arrays in a list": [np.array([8, 1]), 1, 3],
                   "a pair of numbers as text": ("1", "0.5"),
                   "an unprintable object": _Unprintable()}
CHECKER_ANSWERS.pop("None")  # None is "not attempted yet", tested in test_checks.py


@pytest.mark.parametrize("exercise_id", sorted(checks.EXERCISES))
@pytest.mark.parametrize("answer", list(CHECKER_ANSWERS), ids=list(CHECKER_ANSWERS))
def test_every_checker_answers_any_answer_with_its_own_feedback(exercise_id, answer, capsys):
    status, message = checks.grade(exercise_id, CHECKER_ANSWERS[answer])
    assert status == checks.WRONG
    assert message.startswith("not yet: ") and 20 < len(message) < 400, message
    assert "could not be checked" not in message, message  # the checker's own words, not ours
    checks.check(exercise_id, CHECKER_ANSWERS[answer])
    assert capsys.readouterr().out.startswith(f"Exercise {exercise_id}: not yet: ")


def test_grade_turns_a_failing_checker_into_feedback(monkeypatch):
    def crashes(answer):
        raise TypeError("a bug in a checker")

    exercise = checks.Exercise(crashes, typical_wrong_answer=0, praise="")
    monkeypatch.setitem(checks.EXERCISES, "99.1", exercise)
    status, message = checks.grade("99.1", {1, 2})
    assert status == checks.WRONG
    assert "could not be checked (TypeError)" in message and "{1, 2} (set)" in message


def test_numpy_booleans_and_numbers_count_like_python_ones():
    for exercise_id, truth in (("04.2", notebook04.SETTING_TASKS),
                               ("05.1", notebook05.KNOWN_IN_ADVANCE)):
        answer = {key: np.bool_(value) for key, value in truth.items()}
        assert checks.grade(exercise_id, answer)[0] == checks.CORRECT
        answer = {key: int(value) for key, value in truth.items()}  # 1/0 are not True/False
        assert checks.grade(exercise_id, answer)[0] == checks.WRONG
    assert checks.grade("06.3", (np.float32(1), np.array(0.5)))[0] == checks.CORRECT
    assert checks.grade("07.1", [np.int64(8), None, 3])[0] == checks.CORRECT
    assert checks.grade("06.2", np.array([32, 15, 16]))[0] == checks.CORRECT
    assert checks.grade("06.2", (32, 15.5, 16))[0] == checks.WRONG  # no silent truncation
