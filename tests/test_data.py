import numpy as np
import pytest

from helpers import data
from helpers.data import check_sequences, is_positive_int, seed_data


def test_check_sequences_returns_the_array():
    x = check_sequences([[[1, 2, 3], [4, 5, 6]]])
    assert isinstance(x, np.ndarray)
    assert x.shape == (1, 2, 3)


def test_check_sequences_accepts_matching_targets_and_features():
    x = np.zeros((5, 4, 3))
    assert check_sequences(x, np.zeros((5, 4, 2)), features=3) is not None
    assert check_sequences(x, np.zeros(5)) is not None


@pytest.mark.parametrize(
    "bad, received",
    [
        (np.zeros((40, 3)), "(40, 3)"),  # one sequence, no batch axis
        (np.zeros(7), "(7,)"),
        (np.zeros((2, 3, 4, 5)), "(2, 3, 4, 5)"),  # an image-like batch
        (np.float32(3.0), "()"),
    ],
)
def test_wrong_rank_names_expected_and_received_shape(bad, received):
    with pytest.raises(ValueError) as error:
        check_sequences(bad)
    message = str(error.value)
    assert "(samples, timesteps, features)" in message
    assert received in message


def test_wrong_dtype_names_the_shape_and_the_fix():
    words = np.array([[["sun"], ["rain"]]])
    expected = r"numeric .*\(samples, timesteps, features\).*\(1, 2, 1\)"
    with pytest.raises(ValueError, match=expected):
        check_sequences(words)


@pytest.mark.parametrize("shape", [(0, 5, 3), (4, 0, 3), (4, 5, 0)])
def test_empty_arrays_are_refused(shape):
    with pytest.raises(ValueError, match=rf"non-empty .*got shape \({shape[0]}, {shape[1]}"):
        check_sequences(np.zeros(shape))


def test_ragged_nested_lists_are_refused_with_a_hint():
    ragged = [[[1, 2], [3, 4]], [[5, 6]]]
    with pytest.raises(ValueError, match=r"\(samples, timesteps, features\).*different lengths"):
        check_sequences(ragged)


def test_mismatched_lengths_name_both_shapes():
    with pytest.raises(ValueError) as error:
        check_sequences(np.zeros((2, 2, 3)), np.zeros((3, 4)))
    message = str(error.value)
    assert "(samples, timesteps, features) = (2, 2, 3)" in message
    assert "(3, 4)" in message


def test_scalar_targets_are_refused():
    with pytest.raises(ValueError, match=r"got targets of shape \(\)"):
        check_sequences(np.zeros((2, 2, 3)), 1.0)


def test_wrong_number_of_features():
    with pytest.raises(ValueError, match=r"with 4 features.*\(2, 2, 4\), got shape \(2, 2, 3\)"):
        check_sequences(np.zeros((2, 2, 3)), features=4)


def test_seed_data_reproduces_the_source_answer():
    x, y_sequence, y_last = seed_data()
    assert x.shape == (2, 2, 3) and y_sequence.shape == (2, 2, 4) and y_last.shape == (2, 4)
    assert x.dtype == y_sequence.dtype == np.float32
    assert x[0].tolist() == [[1, 2, 3], [4, 5, 6]]
    assert x[1].tolist() == [[7, 8, 9], [10, 11, 12]]
    assert y_sequence[0].tolist() == [[101, 102, 103, 104], [105, 106, 107, 108]]
    assert y_sequence[1].tolist() == [[201, 202, 203, 204], [205, 206, 207, 208]]
    np.testing.assert_array_equal(y_last, y_sequence[:, -1])


@pytest.mark.parametrize("bad", [np.zeros((1, 2, 3), dtype=complex), np.zeros((1, 2, 3), "m8[s]")])
def test_non_real_dtypes_are_refused(bad):
    with pytest.raises(ValueError, match="numeric 3-D array"):
        check_sequences(bad)


@pytest.mark.parametrize("features", ["3", 3.0, -1, 0, True])
def test_features_must_be_a_positive_int(features):
    with pytest.raises(ValueError, match="expected features as a positive int"):
        check_sequences(np.zeros((2, 2, 3)), features=features)


def test_ragged_targets_are_refused():
    with pytest.raises(ValueError, match=r"one row per sample .*\(2, 2, 3\)"):
        check_sequences(np.zeros((2, 2, 3)), [[1, 2], [3]])


@pytest.mark.parametrize("value, expected", [
    (1, True), (np.int64(7), True), (0, False), (-2, False), (True, False), (2.0, False),
    ("3", False), (None, False),
])
def test_is_positive_int(value, expected):
    assert is_positive_int(value) is expected


def test_sensor_table_is_a_long_table_of_several_series_in_time_order():
    table = data.sensor_table(series=3, steps=50, seed=0)
    assert list(table.columns) == ["time", "sensor", *data.SENSOR_COLUMNS]
    assert len(table) == 150 and list(table["sensor"][:3]) == ["A", "B", "C"]
    assert table["time"].is_monotonic_increasing
    for _, rows in table.groupby("sensor"):
        assert (rows["time"].diff()[1:] == np.timedelta64(1, "h")).all()
    assert table.equals(data.sensor_table(series=3, steps=50, seed=0))


def test_sensor_table_next_load_is_its_rule_plus_noise_of_the_stated_size():
    levels, temperature, humidity, load, expected = data._sensor_arrays(4, 3000, 1)
    news = load[:, 1:] - expected[:, :-1]
    assert abs(news.std() - data.SENSOR_NOISE) < 0.02 and abs(news.mean()) < 0.02
    assert np.all((levels > 40) & (levels < 70))
