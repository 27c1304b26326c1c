import warnings

import numpy as np
import pytest

from helpers import checks
from helpers.checkers import notebook04, notebook08, notebook09


@pytest.mark.parametrize("exercise_id", sorted(checks.EXERCISES))
def test_placeholder_is_not_attempted_and_typical_wrong_answer_is_wrong(exercise_id):
    assert checks.grade(exercise_id, None)[0] == checks.NOT_ATTEMPTED
    status, message = checks.grade(exercise_id, checks.EXERCISES[exercise_id].wrong_answer())
    assert status == checks.WRONG
    assert message.startswith("not yet: ") and len(message) > 30


def test_unknown_exercise_is_a_value_error():
    with pytest.raises(ValueError, match="expected an exercise id from"):
        checks.grade("99.9", 1)


def test_check_prints_the_feedback(capsys):
    checks.check("01.2", None)
    assert capsys.readouterr().out == (
        "Exercise 01.2: not attempted yet: replace None with your answer, then run the cell.\n"
    )


def test_feature_vector_feedback():
    batch = np.arange(24).reshape(2, 4, 3)
    assert checks.grade("01.1", batch[1, -1])[0] == checks.CORRECT
    assert checks.grade("01.1", list(batch[1, -1]))[0] == checks.CORRECT
    assert "sample 0" in checks.grade("01.1", batch[0, -1])[1]
    assert "wrong timestep" in checks.grade("01.1", batch[1, 0])[1]
    assert "*every* sample" in checks.grade("01.1", batch[:, -1])[1]
    assert "(timesteps, features)" in checks.grade("01.1", batch[1])[1]
    assert "uneven" in checks.grade("01.1", [[1, 2], [3]])[1]


@pytest.mark.parametrize(
    "answer, hint",
    [
        (((1381, 60, 6), (1381, 60, 2), (1381, 2)), "no next minute to forecast"),
        (((24, 60, 6), (24, 60, 2), (24, 2)), "do not overlap"),
        (((1380, 6, 60), (1380, 60, 2), (1380, 2)), "np.moveaxis(w, -1, 1)"),
        (((1380, 60, 6), (1380, 60, 2), (1380, 1, 2)), "y[:, -1:] keeps it"),
        (((1380, 60, 6), (1380, 60), (1380,)), "outputs axis of 2"),
        (((1380, 60), (1380, 60, 2), (1380, 2)), "x is (N, 60, 6)"),
        (((1380, 60, 6), "(1380, 60, 2)", (1380, 2)), "tuple of ints"),
        ((1380, 60, 6), "tuple of ints"),
        ("x", "expected three shapes"),
    ],
)
def test_table_to_windows_feedback(answer, hint):
    status, message = checks.grade("01.5", answer)
    assert status == checks.WRONG and hint in message
    right = [(1380, 60, 6), np.array([1380, 60, 2]), [1380, 2]]
    assert checks.grade("01.5", right)[0] == checks.CORRECT


@pytest.mark.parametrize(
    "answer, hint",
    [
        (
            ((32, 10, 8), (32, 10, 8)),
            "a last-timestep model outputs (batch, units): you gave (32, 10, 8)",
        ),
        (((32, 8), (32, 8)), "a sequence model outputs (batch, timesteps, units)"),
        (((32, 10, 5), (32, 5)), "units (8), not the input features (5)"),
        (((32, 10, 8), (32, 5)), "units (8), not the input features (5)"),
        (((None, 10, 8), (None, 8)), "write 32 where model.output_shape shows None"),
        ((("a", "b"), (32, 8)), "tuple of ints"),
        ((32, 8), "tuple of ints"),
        ("(32, 10, 8)", "expected a pair"),
    ],
)
def test_output_shape_feedback_is_specific(answer, hint):
    status, message = checks.grade("01.2", answer)
    assert status == checks.WRONG
    assert hint in message


def test_output_shape_accepts_lists_and_numpy_ints():
    answer = ([np.int64(32), 10, 8], (32, np.int32(8)))
    assert checks.grade("01.2", answer)[0] == checks.CORRECT


def test_param_count_feedback():
    F, u = 5, 12
    right = (3 * u * (F + u + 2), 4 * u * (F + u + 1))
    assert right == (684, 864)
    assert checks.grade("01.3", right)[0] == checks.CORRECT
    assert checks.grade("01.3", np.array(right))[0] == checks.CORRECT
    assert checks.grade("01.3", (684.0, np.int64(864)))[0] == checks.CORRECT
    assert "swapped" in checks.grade("01.3", right[::-1])[1]
    assert "leaves out the biases" in checks.grade("01.3", (684, 4 * u * (F + u)))[1]
    assert "3 blocks" in checks.grade("01.3", (u * (F + u + 1), 864))[1]
    assert "whole numbers" in checks.grade("01.3", ("many", "more"))[1]
    assert "whole numbers" in checks.grade("01.3", (683.5, 864))[1]
    # A one-item list holds a number, it is not one: the same answer on every NumPy, with no
    # warning (NumPy 2.1, on Colab, converts it with a DeprecationWarning; 2.4 refuses it).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "whole numbers" in checks.grade("01.3", ([684], 864))[1]


def test_one_hot_width_feedback():
    for right in (9, np.int64(9), 9.0, np.float32(9), np.array(9)):
        assert checks.grade("01.4", right)[0] == checks.CORRECT
    assert "[UNK]" in checks.grade("01.4", 8)[1]
    assert "3 numeric features are there too" in checks.grade("01.4", 6)[1]
    assert "whole number" in checks.grade("01.4", "9")[1]
    assert "whole number" in checks.grade("01.4", True)[1]


def test_setting_feedback_explains_the_forecast_task():
    forecast = "forecast tomorrow's temperature from the last 30 days, one target per window"
    assert notebook04.SETTING_TASKS[forecast] is False
    message = checks.grade("04.2", {**notebook04.SETTING_TASKS, forecast: True})[1]
    assert message.startswith("not yet: 1 of 4 to rethink") and "29 outputs" in message, message
    assert "True works too" in message  # trained on every day's next value (section 6's table)
    review = checks.grade("04.2", {**notebook04.SETTING_TASKS,
                                   "decide whether a whole review is positive": True})[1]
    assert "one output for the whole sequence" in review


SENSORS = {"per second": {"x": (500, 60, 6), "y": (500, 60, 2), "return_sequences": True},
           "per window": {"x": (500, 60, 6), "y": (500, 2), "return_sequences": False}}


def test_sensor_shapes_accept_lists_arrays_and_numpy_values():
    assert checks.grade("04.3", SENSORS)[0] == checks.CORRECT
    answer = {"per second": {"x": [500, 60, np.int64(6)], "y": np.array([500, 60, 2]),
                             "return_sequences": np.True_},
              "per window": {"x": (500.0, 60, 6), "y": [500, 2], "return_sequences": False}}
    assert checks.grade("04.3", answer)[0] == checks.CORRECT


@pytest.mark.parametrize(
    "task, change, hint",
    [
        ("per window", {"y": (500, 1, 2)}, "take y[:, -1], (500, 2)"),
        ("per window", {"y": (500, 60, 2)}, "has no seconds axis"),
        ("per second", {"y": (500, 2)}, "keeps the seconds axis"),
        ("per second", {"y": (500, 60)}, "keep the outputs axis, (500, 60, 2)"),
        ("per window", {"y": (2, 500)}, "right sizes, wrong order"),
        ("per second", {"x": (500, 6, 60)}, "(windows, seconds, sensors)"),
        ("per window", {"x": (500, 60)}, "keep the features axis"),
        ("per second", {"x": (30_000, 6)}, "cut into 500 windows of 60"),
        ("per second", {"x": (None, 60, 6)}, "write 500 (windows) where None is"),
        ("per second", {"x": "(500, 60, 6)"}, "as a tuple of ints"),
        ("per second", {"return_sequences": False}, "an output at every step: True"),
        ("per window", {"return_sequences": True}, "59 outputs would have nothing to learn"),
        ("per window", {"return_sequences": 0}, "expected return_sequences as True or False"),
    ],
)
def test_sensor_shapes_feedback_names_the_slip(task, change, hint):
    answer = {**SENSORS, task: {**SENSORS[task], **change}}
    status, message = checks.grade("04.3", answer)
    assert status == checks.WRONG
    assert message.startswith(f"not yet: '{task}': ") and hint in message, message


def test_sensor_shapes_refuse_other_structures():
    assert "keys 'per second' and 'per window'" in checks.grade("04.3", {"per second": 1})[1]
    message = checks.grade("04.3", {**SENSORS, "per window": ((500, 60, 6), (500, 2), False)})[1]
    assert "answer['per window'] as a dict with the keys" in message


STATION = {"feed": (1, 1, 3), "returns": (1, 1, 4), "reset": True}


@pytest.mark.parametrize(
    "change, hint",
    [
        ({"feed": (3,)}, "no batch axis and no time axis"),
        ({"feed": (1, 3)}, "(1, 3) has no time axis"),
        ({"feed": (3, 1, 1)}, "order the axes (batch, timesteps, features)"),
        ({"feed": (None, 1, 3)}, "1, not None"),
        ({"feed": (8, 1, 3)}, "batch_shape=(1, 1, 3)"),
        ({"feed": "(1, 1, 3)"}, "expected a shape tuple of ints"),
        ({"returns": (1, 4)}, "return_sequences=True the time axis stays"),
        ({"returns": (4,)}, "the batch and time axes come back too"),
        ({"returns": (1, 1, 3)}, "4 units, not 3"),
        ({"returns": (1, 20, 4)}, "(1, 1, 4); you gave (1, 20, 4)"),
        ({"reset": False}, "without reset_state()"),
        ({"reset": "reset_state()"}, "expected True or False"),
    ],
)
def test_station_stream_feedback_names_the_slip(change, hint):
    status, message = checks.grade("07.3", {**STATION, **change})
    assert status == checks.WRONG
    assert message.startswith("not yet: 1 of 3 to rethink") and hint in message, message


def test_station_stream_accepts_lists_and_numpy_values_and_counts_the_slips():
    answer = {"feed": [1, np.int64(1), 3], "returns": np.array([1, 1, 4]), "reset": np.True_}
    assert checks.grade("07.3", answer)[0] == checks.CORRECT
    message = checks.grade("07.3", checks.EXERCISES["07.3"].wrong_answer())[1]
    assert message.startswith("not yet: 3 of 3 to rethink; 'feed'"), message
    assert "expected a dict with the keys" in checks.grade("07.3", {"feed": (1, 1, 3)})[1]


def test_per_step_classifier_feedback():
    import keras
    from keras import layers

    def model(return_sequences=True, head=None):
        inputs = keras.Input(shape=(None, 8))
        hidden = layers.GRU(4, return_sequences=return_sequences)(inputs)
        return keras.Model(inputs, (head or layers.Dense(3, activation="softmax"))(hidden))

    assert checks.grade("02.3", model())[0] == checks.CORRECT
    assert "return_sequences=True" in checks.grade("02.3", model(return_sequences=False))[1]
    assert "3 states" in checks.grade("02.3", model(head=layers.Dense(2)))[1]
    over_time = keras.Sequential([keras.Input(shape=(None, 8)),
                                  layers.GRU(4, return_sequences=True), layers.Dense(3),
                                  layers.Softmax(axis=1)])
    assert "over the timesteps" in checks.grade("02.3", over_time)[1]
    sigmoid = model(head=layers.Dense(3, activation="sigmoid"))
    assert "do not sum to 1" in checks.grade("02.3", sigmoid)[1]
    assert "keras.Model" in checks.grade("02.3", "a model")[1]


@pytest.mark.parametrize(
    "answer, hint",
    [
        (((800, 3, 500), (800,), (800, 6), "sparse_categorical_crossentropy"), "swapped"),
        (((800, 10, 3), (800,), (800, 6), "sparse_categorical_crossentropy"), "500 timesteps"),
        (((800, 500, 3), (800, 500), (800, 6), "sparse_categorical_crossentropy"),
         "not per reading"),
        (((800, 500, 3), (800, 6), (800, 6), "sparse_categorical_crossentropy"), "one-hot"),
        (((800, 500, 3), (800,), (800, 500, 6), "sparse_categorical_crossentropy"),
         "return_sequences=True"),
        (((800, 500, 3), (800,), (800, 6), "categorical_crossentropy"), "wants one-hot"),
        (((800, 500, 3), (800,), (800, 6), "mse"), "cross-entropy loss, not 'mse'"),
        (((800, 500, 3), (800,), (800, 6), 3), "as a string"),
        (("x", (800,), (800, 6), "mse"), "tuples of ints"),
        ((800, 500), "expected four items"),
    ],
)
def test_activity_setting_feedback(answer, hint):
    status, message = checks.grade("03.3", answer)
    assert status == checks.WRONG and hint in message
    for right_y in [(800,), (800, 1)]:
        right = ((800, 500, 3), right_y, [800, 6], "sparse_categorical_crossentropy")
        assert checks.grade("03.3", right)[0] == checks.CORRECT


SENSOR_LOGS = ((3, 30, 3), 41, (3, 10), 6)


@pytest.mark.parametrize(
    "part, value, hint",
    [
        (0, (3, 3, 30), "order the axes (samples, timesteps, features) = (3, 30, 3)"),
        (0, (3, 12, 3), "up to the longest, 30 steps"),
        (0, (30, 3), "padded to the longest (30 steps)"),
        (0, "(3, 30, 3)", "expected a shape tuple of ints"),
        (1, 49, "counts the real steps (True)"),
        (1, 123, "not per sensor"),
        (1, 90, "every entry of the (3, 30) mask"),
        (1, 40.5, "expected a whole number of False entries"),
        (2, (3, 30, 10), "return_sequences=False drops the time axis"),
        (2, (3, 3), "10 units, not the 3 sensors"),
        (2, (10,), "the batch axis stays"),
        (3, 7, "Python counts from 0"),
        (3, 29, "skips the padding"),
        (3, 22, "pre-padding"),
        (3, 5, "post-padded, the 7 real steps come first"),
    ],
)
def test_sensor_logs_feedback_names_the_slip(part, value, hint):
    answer = list(SENSOR_LOGS)
    answer[part] = value
    status, message = checks.grade("06.4", tuple(answer))
    assert status == checks.WRONG
    assert message.startswith(f"not yet: 1 of 4 to rethink; ({'abcd'[part]}): ") and hint in message


def test_sensor_logs_accept_lists_and_numpy_values_and_count_the_slips():
    assert checks.grade("06.4", SENSOR_LOGS)[0] == checks.CORRECT
    answer = [np.array([3, 30, 3]), np.int64(41), [3, 10.0], np.float32(6)]
    assert checks.grade("06.4", answer)[0] == checks.CORRECT
    message = checks.grade("06.4", ((3, 3, 30), 49, (3, 30, 10), 29))[1]
    assert message.startswith("not yet: 4 of 4 to rethink; (a): "), message
    assert "expected four items" in checks.grade("06.4", SENSOR_LOGS[:3])[1]


@pytest.mark.parametrize("change, hint", [
    ({"past": (32, 5, 48)}, "order the axes"),
    ({"past": (48, 5)}, "keep the batch axis"),
    ({"state_h": (32, 48, 64)}, "final state only"),
    ({"decoder_inputs": (32, 12, 1)}, "previous hour's 2 targets"),
    ({"decoder_inputs": (32, 12, 2)}, "add that hour's schedule"),
    ({"decoder_outputs": (32, 12, 2)}, "after the Dense(2) head"),
    ({"forecast": (32, 24)}, "a direct head's flat output"),
    ({"forecast": (32, 12, 3)}, "(batch, future hours, targets); you gave (32, 12, 3)"),
    ({"forecast": "(32, 12, 2)"}, "expected a shape tuple of ints"),
])
def test_building_shapes_feedback_names_the_slip(change, hint):
    status, message = checks.grade("08.1", {**notebook08.BUILDING_SHAPES, **change})
    assert status == checks.WRONG
    assert message.startswith("not yet: 1 of 5 to rethink") and hint in message, message
    answer = {key: list(shape) for key, shape in notebook08.BUILDING_SHAPES.items()}
    assert checks.grade("08.1", answer)[0] == checks.CORRECT
    assert "expected a dict with the keys" in checks.grade("08.1", {"past": (32, 48, 5)})[1]


def test_teacher_inputs_feedback_names_the_slip():
    right = notebook08.TEACHER_INPUTS
    np.testing.assert_array_equal(right[0, :, :2], [[0.3, 0.4], [0.5, 0.6], [0.7, 0.8]])
    assert checks.grade("08.2", right.tolist())[0] == checks.CORRECT
    u_shifted, zeros_first = right.copy(), right.copy()
    u_shifted[0, :, 2] = [0.0, 1.0, 1.0]
    zeros_first[0, 0, :2] = 0.0
    for answer, hint in [
        (checks.EXERCISES["08.2"].wrong_answer(), "the target it must predict"),
        (u_shifted, "u is known in advance"),
        (zeros_first, "not zeros"),
        (right[0], "keep the batch axis"),
        (right[:, :2], "expected shape (1, 3, 3)"),
        (right[..., ::-1], "row k holds a and b of step k − 1"),
        ("[[0.3, 0.4, 1.0]]", "expected an array of numbers"),
    ]:
        status, message = checks.grade("08.2", answer)
        assert status == checks.WRONG and hint in message, message


@pytest.mark.parametrize("answer, hint", [
    (((32, 50, 16), (32, 1, 16), (32, 50), (32, 1, 16), (32, 16)), "the query axis of 1 stays"),
    (((32, 50, 6), (32, 1, 16), (32, 1, 50), (32, 1, 16), (32, 16)), "not the 6 features"),
    (((32, 50, 16), (32, 16), (32, 1, 50), (32, 1, 16), (32, 16)), "the query is one vector"),
    (((32, 50, 16), (32, 1, 16), (32, 1, 16), (32, 1, 16), (32, 16)), "one weight per timestep"),
    (((32, 50, 16), (32, 1, 16), (32, 1, 50), (32, 16), (32, 16)), "keeps the query axis"),
    (((32, 50, 16), (32, 1, 16), (32, 1, 50), (32, 1, 16), (32, 1, 16)), "Flatten merges"),
    (((None, 50, 16), (32, 1, 16), (32, 1, 50), (32, 1, 16), (32, 16)), "write 32"),
    (((32, 50, 16),), "expected five shapes"),
])
def test_attention_shapes_feedback(answer, hint):
    status, message = checks.grade("09.1", answer)
    assert status == checks.WRONG and hint in message, message
    right = [np.array([32, 50, 16]), [32, 1, 16], (32, 1, 50), (32, 1, 16), (32, 16)]
    assert checks.grade("09.1", right)[0] == checks.CORRECT


def test_log_attention_feedback():
    weights, context = notebook09._log_attention(notebook09._LOG_REAL)
    np.testing.assert_allclose(weights[3:], 0)
    np.testing.assert_allclose(weights.sum(), 1)
    assert checks.grade("09.2", (weights, context))[0] == checks.CORRECT
    assert checks.grade("09.2", (weights[None, None], context[None]))[0] == checks.CORRECT
    for answer, hint in [
        (notebook09._log_attention(np.ones(5, dtype=bool)), "padded steps got weight"),
        ((weights, context + 1), "the weights are right"),
        ((np.array([1 / 3, 1 / 3, 1 / 3, 0, 0]), context), "equal weights are average pooling"),
        ((weights * 2, context), "sum to 1"),
        ((weights[:3], context), "expected 5 weights"),
        ((weights, np.ones(5)), "2 numbers"),
        (("a", "b"), "expected two arrays of numbers"),
    ]:
        status, message = checks.grade("09.2", answer)
        assert status == checks.WRONG and hint in message, message


def test_max_over_padding_feedback():
    plain, masked = [-0.1, 0.0, 0.5], np.array([-0.1, -0.4, 0.5])
    assert checks.grade("09.3", (plain, masked))[0] == checks.CORRECT
    for answer, hint in [
        ((masked, masked), "ignores the mask"),
        ((masked, plain), "swapped"),
        ((plain, [-0.1, 0.0, 0.2]), "the padding comes first"),
        ((plain, [1, 2, 3]), "reads only the real steps"),
        ((plain, [1, 2]), "3 numbers each"),
    ]:
        status, message = checks.grade("09.3", answer)
        assert status == checks.WRONG and hint in message, message


def _sequential(*layers_, shape):
    import keras

    return keras.Sequential([keras.Input(shape=shape), *layers_])


def _training_cases():
    """(exercise, an untrained model that makes one slip, the words its feedback must use)."""
    import keras
    from keras import layers

    copy_last = layers.Lambda(lambda x: x[:, -1, 2:3])
    yield "02.4", _sequential(layers.LSTM(4), layers.Dense(1), shape=(None, 3)), \
        "return_sequences=True"
    yield "02.4", _sequential(layers.LSTM(1, return_sequences=True), shape=(None, 3)), "(−1, 1)"
    yield "02.4", _sequential(layers.LSTM(4, return_sequences=True), layers.Dense(2),
                              shape=(None, 3)), "slow average only"
    yield "04.4", _sequential(layers.LSTM(4, return_sequences=True), layers.LSTM(1),
                              shape=(None, 3)), "(−1, 1)"
    yield "03.4", _sequential(layers.LSTM(4, return_sequences=True), layers.Dense(1),
                              shape=(12, 3)), "return_sequences=False"
    yield "03.4", _sequential(layers.LSTM(4), layers.Dense(1), shape=(12, 3)), "scaled units"
    yield "03.4", _sequential(copy_last, shape=(12, 3)), "exactly the row after its window"
    yield "03.4", _sequential(layers.Lambda(lambda x: x[:, -1, 2:3] * 0 + 50.0), shape=(12, 3)), \
        "hardly move"
    yield "03.4", _sequential(layers.Lambda(lambda x: x[:, -1, 2:3] * 10.0), shape=(12, 3)), \
        "square root of norm.variance"
    yield "04.4", _sequential(layers.LSTM(4), layers.Dense(1), shape=(None, 3)), "stack two"
    yield "04.4", _sequential(layers.Bidirectional(layers.LSTM(4)), layers.Dense(1),
                              shape=(None, 3)), "1 recurrent layer(s)"
    yield "09.4", _sequential(layers.LSTM(4, return_sequences=True),
                              layers.GlobalAveragePooling1D(),
                              layers.Dense(3, activation="softmax"), shape=(None, 4)), "accuracy"
    yield "04.4", _sequential(layers.LSTM(4, return_sequences=True), layers.Dense(1),
                              shape=(None, 3)), "return_sequences=False"
    yield "05.4", _sequential(layers.Lambda(lambda x: x[:, -1, :1]), shape=(14, 4)), "copied"
    yield "05.4", _sequential(layers.LSTM(4), layers.Dense(1), shape=(14, 4)), "scaled units"
    yield "06.5", _sequential(layers.LSTM(4), layers.Dense(1), shape=(None, 3)), "Masking"
    past, schedule = keras.Input(shape=(30, 3)), keras.Input(shape=(10, 1))
    blind = layers.Reshape((10, 2))(layers.Dense(20)(layers.LSTM(4)(past)))
    ignore = layers.Lambda(lambda pair: pair[0] + 0.0 * pair[1][:, :1, :1])  # for Keras < 3.15
    yield "08.3", keras.Model([past, schedule], ignore([blind, schedule])), "schedule"
    yield "08.3", _sequential(layers.LSTM(4), layers.Dense(2), shape=(30, 3)), "two, the past"
    stateful = keras.Sequential([keras.Input(batch_shape=(8, 10, 3)),
                                 layers.LSTM(4, return_sequences=True, stateful=True),
                                 layers.Dense(2)])
    yield "07.4", stateful, "shuffle=False"
    yield "07.4", _sequential(layers.LSTM(4, return_sequences=True), layers.Dense(2),
                              shape=(10, 3)), "stateful=True"
    yield "09.4", _sequential(layers.LSTM(4, return_sequences=True), layers.Dense(3),
                              shape=(None, 4)), "pool"
    yield "09.4", _sequential(layers.LSTM(4), layers.Dense(3), shape=(None, 4)), "probabilities"


def test_training_checkers_name_the_slip():
    for exercise_id, model, words in _training_cases():
        status, message = checks.grade(exercise_id, model)
        assert status == checks.WRONG and words in message, (exercise_id, message)


def test_each_notebook_s_module_registers_its_own_exercises_only():
    """helpers/checkers/notebookNN.py registers exercises NN.k, and every module is imported."""
    from pathlib import Path

    folder = Path(checks.__file__).parent / "checkers"
    modules = sorted(path.stem for path in folder.glob("notebook[0-9][0-9].py"))
    assert modules == [f"notebook{n:02d}" for n in range(1, 10)]
    for exercise_id, exercise in checks.EXERCISES.items():
        assert exercise.feedback.__module__ == f"helpers.checkers.notebook{exercise_id[:2]}"
    assert {exercise_id[:2] for exercise_id in checks.EXERCISES} == {m[-2:] for m in modules}


def test_an_exercise_registered_twice_is_refused(monkeypatch):
    monkeypatch.setitem(checks.EXERCISES, "99.1", checks.EXERCISES["01.1"])
    with pytest.raises(ValueError, match="'99.1' is registered twice"):
        checks.exercise("99.1", typical_wrong_answer=0, praise="")(lambda answer: None)
