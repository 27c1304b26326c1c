import numpy as np
import pytest

from helpers import checks


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


def test_one_hot_width_feedback():
    for right in (9, np.int64(9), 9.0, np.float32(9), np.array(9)):
        assert checks.grade("01.4", right)[0] == checks.CORRECT
    assert "[UNK]" in checks.grade("01.4", 8)[1]
    assert "3 numeric features are there too" in checks.grade("01.4", 6)[1]
    assert "whole number" in checks.grade("01.4", "9")[1]
    assert "whole number" in checks.grade("01.4", True)[1]
