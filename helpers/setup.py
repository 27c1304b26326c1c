"""Notebook setup: one call fixes seeds, turns on deterministic ops, keeps logs out of outputs."""

import os
import sys

# TF_CPP_MIN_LOG_LEVEL is read once, when TensorFlow is first imported.
# TF_ENABLE_ONEDNN_OPTS=0 keeps float results independent of the CPU's oneDNN kernels.
_ENVIRONMENT = {
    "KERAS_BACKEND": "tensorflow",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
}


def _import_tensorflow_quietly():
    """Import TensorFlow with the process's stderr (file descriptor 2) sent to /dev/null.

    Hand-written because no setting covers it: TensorFlow's CUDA probe logs "Could not find cuda
    drivers" through absl *before* TF_CPP_MIN_LOG_LEVEL applies, straight to file descriptor 2,
    which Jupyter shows as a red stderr block. Python exceptions are unaffected and still raise.
    """
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        import tensorflow as tf

        tf.config.list_physical_devices()  # the probe runs here, still silenced
    finally:
        os.dup2(saved, 2)
        os.close(devnull)
        os.close(saved)
    return tf


def setup_course(seed=42):
    """Make a notebook reproducible and quiet. Call it before anything imports TensorFlow.

    Sets the environment for TensorFlow, fixes the Python, NumPy and Keras seeds with
    ``keras.utils.set_random_seed`` and turns on deterministic ops, so that a notebook run twice
    prints the same numbers.

    Example: ``setup_course(seed=42)``
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"expected a non-negative int seed, got {seed!r}")
    os.environ.update(_ENVIRONMENT)
    tf = _import_tensorflow_quietly()
    import keras

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
