"""The course's evidence: experiments over many seeds, and their stored results.

A notebook's live run is one example. Where a notebook compares trained models (this design
beats that one), the claim rests on an experiment in this folder: a script, ``NAME.py``, that
trains every design in plain Keras once per seed; its results, ``NAME.csv``, one row per run and
measurement (design, seed, backend, metric, value); and their provenance, ``NAME.json`` (the
command, the versions, the date, the CPU, the time taken). They ship with the helpers, so a
notebook loads them wherever it runs, Colab included. Rerun one with
``python tools/evidence.py run NAME`` (README, "Evidence").

    runs = evidence.load("lstm_head_and_scaling")  # every row: a DataFrame
    mse = evidence.table("lstm_head_and_scaling", "mse")  # (backend, seed) × design
"""

import json
import re
from pathlib import Path

import pandas as pd

from helpers.data import check_text

FOLDER = Path(__file__).resolve().parent
COLUMNS = ["design", "seed", "backend", "metric", "value"]


def names():
    """The stored experiments' names, sorted: ['lstm_head_and_scaling', ...]."""
    return sorted(path.stem for path in FOLDER.glob("*.csv"))


def _path(name, suffix):
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ValueError(f"expected an experiment's name, like 'lstm_head_and_scaling', "
                         f"got {name!r}")
    path = FOLDER / f"{name}{suffix}"
    if not path.is_file():
        raise ValueError(f"expected one of the stored experiments {names()}, got {name!r}")
    return path


def load(name):
    """Every stored run of experiment `name`: a DataFrame with columns design, seed, backend,
    metric, value (one row per run and measurement).

    Example: ``evidence.load("lstm_head_and_scaling").query("metric == 'mse'")``
    """
    return pd.read_csv(_path(name, ".csv"), dtype={"design": str, "backend": str, "metric": str})


def provenance(name):
    """How experiment `name`'s results were made: a dict with, per backend, the command, the
    package versions, the date, the CPU, the seeds, the seconds it took and the SHA-256 of the
    experiment's script it ran."""
    return json.loads(_path(name, ".json").read_text())


def made(name):
    """How experiment `name`'s stored runs were made, one line per backend: its seeds, the date
    and the Keras and backend versions (the rest is in ``provenance(name)``).

    Example: ``print(evidence.made("lstm_head_and_scaling"))``
    """
    return "\n".join(
        f"{backend}: seeds {run['seeds'][0]} to {run['seeds'][-1]}, run on {run['date']} with "
        f"Keras {run['versions']['keras']}, {backend} {run['versions'][backend]}"
        for backend, run in provenance(name)["backends"].items())


def table(name, metric, backend=None):
    """One metric of experiment `name` as a table: a row per (backend, seed), a column per design
    (in the order the experiment lists them). ``backend`` keeps one backend's rows only.

    Example: ``evidence.table("lstm_head_and_scaling", "mse", backend="tensorflow")``
    """
    runs = load(name)
    check_text(metric, "metric")
    if backend is not None:
        check_text(backend, "backend")
    if metric not in set(runs["metric"]):
        raise ValueError(f"expected a metric of {name!r} among {sorted(set(runs['metric']))}, "
                         f"got {metric!r}")
    runs = runs[runs["metric"] == metric]
    if backend is not None:
        if backend not in set(runs["backend"]):
            raise ValueError(f"expected a backend of {name!r} among "
                             f"{sorted(set(runs['backend']))}, got {backend!r}")
        runs = runs[runs["backend"] == backend]
    designs = list(dict.fromkeys(runs["design"]))  # the experiment's own order
    wide = runs.pivot(index=["backend", "seed"], columns="design", values="value")
    return wide[designs].sort_index(ascending=[False, True])  # tensorflow first, then jax
