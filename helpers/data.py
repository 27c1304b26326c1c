"""The course's data, and the shape checks every helper runs on what it is given.

Arrays of sequences are always ``(samples, timesteps, features)``.
"""

import numpy as np

SEQUENCE_AXES = "(samples, timesteps, features)"


def check_sequences(x, y=None, *, features=None, name="x"):
    """Check that ``x`` is a batch of sequences and return it as a NumPy array.

    ``x`` must be a non-empty, numeric, 3-D array ``(samples, timesteps, features)``. If
    ``features`` is given, the last axis must have that size. If targets ``y`` are given, they
    must have one row per sample: ``len(y) == len(x)``. Anything else raises a ``ValueError``
    that names the expected and the received shape.

    Example: ``x = check_sequences(np.zeros((2, 5, 3)))``
    """
    try:
        x = np.asarray(x)
    except ValueError:  # NumPy refuses nested lists of different lengths
        raise ValueError(
            f"expected {name} as a 3-D array {SEQUENCE_AXES}, got nested sequences of different "
            "lengths; pad them to one length first"
        ) from None
    if x.ndim != 3:
        raise ValueError(f"expected {name} as a 3-D array {SEQUENCE_AXES}, got shape {x.shape}")
    if not (np.issubdtype(x.dtype, np.number) or x.dtype == bool):
        raise ValueError(
            f"expected {name} as a numeric 3-D array {SEQUENCE_AXES}, got dtype {x.dtype} "
            f"with shape {x.shape}; turn categories into numbers first (e.g. StringLookup)"
        )
    if 0 in x.shape:
        raise ValueError(
            f"expected {name} as a non-empty 3-D array {SEQUENCE_AXES}, got shape {x.shape}"
        )
    if features is not None and x.shape[2] != features:
        raise ValueError(
            f"expected {name} with {features} features, {SEQUENCE_AXES} = "
            f"({x.shape[0]}, {x.shape[1]}, {features}), got shape {x.shape}"
        )
    if y is not None:
        y = np.asarray(y)
        if y.ndim == 0 or len(y) != len(x):
            raise ValueError(
                f"expected targets with one row per sample of {name} {SEQUENCE_AXES} = "
                f"{x.shape}, i.e. shape ({x.shape[0]}, ...), got targets of shape {y.shape}"
            )
    return x


def seed_data():
    """The source answer's two examples as float32 arrays: ``(x, y_sequence, y_last)``.

    ``x`` is ``(2, 2, 3)`` = (samples, timesteps, features): features 1..12 in order.
    ``y_sequence`` is ``(2, 2, 4)``, a target vector at every timestep (101..108, 201..208);
    ``y_last`` is ``(2, 4)``, the targets at the last timestep only.

    Example: ``x, y_sequence, y_last = seed_data()``
    """
    x = np.arange(1, 13, dtype="float32").reshape(2, 2, 3)
    first_target = np.array([[101], [201]], dtype="float32")  # sample 0 counts from 101, 1 from 201
    y_sequence = (first_target + np.arange(8, dtype="float32")).reshape(2, 2, 4)
    return x, y_sequence, y_sequence[:, -1, :]
