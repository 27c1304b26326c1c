import importlib.util
import json
import os
import random
import subprocess
import sys

import numpy as np
import pytest

from helpers.setup import setup_course


def _draws():
    import keras

    layer = keras.layers.LSTM(3)
    layer.build((None, None, 2))
    return random.random(), np.random.rand(3), [w.numpy() for w in layer.weights]


def test_setup_makes_runs_repeat_and_quiets_tensorflow():
    setup_course(seed=7)
    first = _draws()
    setup_course(seed=7)
    again = _draws()
    setup_course(seed=8)
    other = _draws()

    import keras
    from tensorflow.python.framework import config  # no public getter for this setting

    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"
    assert keras.backend.backend() == "tensorflow"
    assert config.is_op_determinism_enabled()
    assert first[0] == again[0] != other[0]
    np.testing.assert_array_equal(first[1], again[1])
    for a, b in zip(first[2], again[2], strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[2][0], other[2][0])  # another seed, another kernel


@pytest.mark.parametrize("seed", [-1, 1.5, "42", None, True])
def test_setup_refuses_a_bad_seed(seed):
    with pytest.raises(ValueError, match="expected a non-negative int seed"):
        setup_course(seed=seed)


def _setup_in_a_new_process(tmp_path, keras_json=None, **environment):
    """Run setup_course() in a fresh Python with its own KERAS_HOME; return it (rc, out, err)."""
    home = tmp_path / "keras_home"
    home.mkdir()
    if keras_json is not None:
        (home / "keras.json").write_text(json.dumps(keras_json))
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    env.update(KERAS_HOME=str(home), **environment)
    code = (
        "from helpers.setup import setup_course\n"
        "setup_course(seed=1)\n"
        "import keras\n"
        "print(keras.backend.backend())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    return done.returncode, done.stdout, done.stderr


def test_setup_defaults_to_tensorflow_and_prints_nothing(tmp_path):
    assert _setup_in_a_new_process(tmp_path) == (0, "tensorflow\n", "")


@pytest.mark.parametrize("backend", ["jax", "torch"])
@pytest.mark.parametrize("how", ["keras.json", "KERAS_BACKEND"])
def test_setup_keeps_the_backend_the_learner_chose(tmp_path, backend, how):
    if how == "keras.json":  # the file a Keras book tells you to edit
        rc, out, err = _setup_in_a_new_process(tmp_path, keras_json={"backend": backend})
    else:  # the variable overrides the file
        rc, out, err = _setup_in_a_new_process(
            tmp_path, keras_json={"backend": "tensorflow"}, KERAS_BACKEND=backend
        )
    if importlib.util.find_spec(backend) is not None:
        assert (rc, out, err) == (0, f"{backend}\n", "")
    else:  # not installed here: a clear error that says how to install it
        assert rc != 0
        assert f"ValueError: expected {backend} to be installed" in err
        assert {"jax": "pip install -r requirements-jax.txt", "torch": "README, 'PyTorch'"}[
            backend
        ] in err


def test_setup_refuses_a_backend_the_course_does_not_support(tmp_path):
    rc, out, err = _setup_in_a_new_process(tmp_path, KERAS_BACKEND="numpy")
    assert rc != 0 and out == ""
    assert (
        "ValueError: expected the Keras backend to be one of tensorflow, jax, torch, got 'numpy'"
        in err
    )
