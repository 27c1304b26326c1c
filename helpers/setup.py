"""Notebook setup: one call fixes seeds, turns on deterministic ops, keeps logs out of outputs.

The course runs on Keras 3's TensorFlow backend by default and on JAX too (README, "Run it on
JAX"); PyTorch is accepted but not supported yet (README, "PyTorch"). Keras picks the backend as
it always does: the ``KERAS_BACKEND`` environment variable if set, else ``"backend"`` in
``keras.json`` (in ``$KERAS_HOME``, default ``~/.keras``), else TensorFlow. ``setup_course()``
only honours that choice.
"""

import importlib.util
import os
import sys

BACKENDS = ("tensorflow", "jax", "torch")
INSTALL = {  # how to get a backend that is missing
    "tensorflow": "pip install -r requirements.txt",
    "jax": "pip install -r requirements-jax.txt (README, 'Run it on JAX')",
    "torch": "PyTorch is not supported yet (README, 'PyTorch')",
}

# Read once, when TensorFlow or JAX is first imported. TF_CPP_MIN_LOG_LEVEL=3 keeps TensorFlow's
# C++ logs out; TF_ENABLE_ONEDNN_OPTS=0 turns off TensorFlow's oneDNN-specific kernels and graph
# rewrites. Its matrix products on the CPU still run oneDNN code chosen by the CPU's instruction
# set (ONEDNN_MAX_CPU_ISA changes their last bits), so results differ slightly between CPUs: the
# notebooks print nothing that such a difference can change (README, "The same outputs on other
# machines"). TensorFlow is imported on every backend where it is installed: Keras imports it to
# seed tf.data, and the course's data pipelines (tf.data) use it with any backend.
_ENVIRONMENT = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}

# The stress harness (README, "Stress: do the claims survive other seeds?") sets this to shift
# every training seed of a notebook by the same amount: setup_course()'s and every later
# keras.utils.set_random_seed(...)'s, so every model draws other initial weights and batches
# while the data generators, seeded on their own with NumPy, draw the same data.
SEED_SHIFT = "COURSE_SEED_SHIFT"


def _seed_shift():
    """The shift in ``$COURSE_SEED_SHIFT``: 0 when unset."""
    text = os.environ.get(SEED_SHIFT, "").strip() or "0"
    try:
        shift = int(text)
    except ValueError:
        shift = -1
    if shift < 0:
        raise ValueError(f"expected {SEED_SHIFT} to be a non-negative whole number, got {text!r}")
    return shift


def _shift_later_seeds(keras, shift):
    """Make every later ``keras.utils.set_random_seed(seed)`` use ``seed + shift``."""
    original = getattr(keras.utils.set_random_seed, "unshifted", keras.utils.set_random_seed)
    if shift == 0:
        keras.utils.set_random_seed = original
        return

    def set_random_seed(seed):
        original(seed + shift)

    set_random_seed.unshifted = original
    set_random_seed.__doc__ = f"keras.utils.set_random_seed, every seed shifted by {shift}"
    keras.utils.set_random_seed = set_random_seed


def _import_quietly():
    """Import Keras, its backend and TensorFlow with file descriptor 2 sent to /dev/null.

    Hand-written because no setting covers it: TensorFlow's CUDA probe logs "Could not find cuda
    drivers" through absl *before* TF_CPP_MIN_LOG_LEVEL applies, straight to file descriptor 2,
    which Jupyter shows as a red stderr block. Python exceptions are unaffected and still raise.
    """
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        import keras

        backend = keras.backend.backend()
        if importlib.util.find_spec("tensorflow") is not None:
            import tensorflow as tf

            tf.config.list_physical_devices()  # the probe runs here, still silenced
    finally:
        os.dup2(saved, 2)
        os.close(devnull)
        os.close(saved)
    return keras, backend


def _chosen_backend():
    """The backend Keras will load, read the way Keras reads it, before Keras is imported."""
    if "keras" in sys.modules:
        return sys.modules["keras"].backend.backend()
    if os.environ.get("KERAS_BACKEND"):
        return os.environ["KERAS_BACKEND"]
    import json

    home = os.environ.get("KERAS_HOME", os.path.join(os.path.expanduser("~"), ".keras"))
    try:
        with open(os.path.join(home, "keras.json")) as file:
            return json.load(file).get("backend", "tensorflow")
    except (OSError, ValueError, AttributeError):
        return "tensorflow"


def setup_course(seed=42):
    """Make a notebook reproducible and quiet. Call it before anything imports Keras.

    Keeps the backend you chose (``KERAS_BACKEND`` or ``keras.json``; TensorFlow if you chose
    none), fixes the Python, NumPy and Keras seeds with ``keras.utils.set_random_seed``, and makes
    the backend's ops deterministic, so that a notebook run twice prints the same numbers.
    (Only the stress harness sets ``COURSE_SEED_SHIFT``, to train on other seeds.)

    Example: ``setup_course(seed=42)``
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"expected a non-negative int seed, got {seed!r}")
    shift = _seed_shift()
    backend = _chosen_backend()
    if backend not in BACKENDS:
        raise ValueError(
            f"expected the Keras backend to be one of {', '.join(BACKENDS)}, got {backend!r} "
            "(from KERAS_BACKEND or keras.json)"
        )
    if importlib.util.find_spec(backend) is None:
        raise ValueError(
            f"expected {backend} to be installed for KERAS_BACKEND={backend!r}, but it is not: "
            f"{INSTALL[backend]}"
        )
    os.environ.update(_ENVIRONMENT)
    if backend == "jax":  # XLA on the CPU is deterministic already; this covers a GPU
        flags = os.environ.get("XLA_FLAGS", "")
        if "--xla_gpu_deterministic_ops" not in flags:
            os.environ["XLA_FLAGS"] = f"{flags} --xla_gpu_deterministic_ops=true".strip()
    keras, backend = _import_quietly()

    _shift_later_seeds(keras, shift)
    keras.utils.set_random_seed(seed)  # shifted too, under the stress harness
    if backend == "tensorflow":
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()
    elif backend == "torch":
        import torch

        torch.use_deterministic_algorithms(True)
