import numpy as np
import pytest

from helpers import checks


@pytest.mark.parametrize("exercise_id", sorted(checks.EXERCISES))
def test_placeholder_is_not_attempted_and_typical_wrong_answer_is_wrong(exercise_id):
    assert checks.grade(exercise_id, None)[0] == checks.NOT_ATTEMPTED
    status, message = checks.grade(exercise_id, checks.EXERCISES[exercise_id].typical_wrong_answer)
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
    assert "sample 0" in checks.grade("01.1", batch[0, -1])[1]
    assert "(timesteps, features)" in checks.grade("01.1", batch[1])[1]


@pytest.mark.parametrize(
    "answer, hint",
    [
        (
            ((32, 10, 8), (32, 10, 8)),
            "a last-timestep model outputs (batch, units): you gave (32, 10, 8)",
        ),
        (((32, 8), (32, 8)), "a sequence model outputs (batch, timesteps, units)"),
        (((32, 10, 5), (32, 5)), "units (8), not the input features (5)"),
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
    assert checks.grade("01.3", (1200, 1536))[0] == checks.CORRECT
    assert "leaves out the biases" in checks.grade("01.3", (1200, 4 * 16 * 23))[1]
    assert "3 gates" in checks.grade("01.3", (16 * 24, 1536))[1]
    assert "two numbers" in checks.grade("01.3", ("many", "more"))[1]


def test_one_hot_width_feedback():
    assert checks.grade("01.4", 7)[0] == checks.CORRECT
    assert checks.grade("01.4", np.int64(7))[0] == checks.CORRECT
    assert "[UNK]" in checks.grade("01.4", 6)[1]
    assert "expected an int" in checks.grade("01.4", "7")[1]
    assert "expected an int" in checks.grade("01.4", True)[1]
