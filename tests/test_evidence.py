"""Every stored experiment (helpers/evidence/) has a well-formed results file and provenance."""

import datetime
import hashlib
import importlib

import numpy as np
import pytest

from helpers import evidence

MINIMUM_SEEDS = {"tensorflow": 10, "jax": 5}
SCRIPTS = sorted(p.stem for p in evidence.FOLDER.glob("*.py") if p.stem != "__init__")


def test_every_experiment_has_stored_results_and_every_result_an_experiment():
    assert SCRIPTS, "no experiments"
    assert evidence.names() == SCRIPTS
    assert sorted(p.stem for p in evidence.FOLDER.glob("*.json")) == SCRIPTS


@pytest.mark.parametrize("name", SCRIPTS)
def test_results_are_one_row_per_run_and_measurement(name):
    runs = evidence.load(name)
    assert list(runs.columns) == evidence.COLUMNS
    assert not runs.isna().any().any() and np.isfinite(runs["value"]).all()
    assert not runs.duplicated(["design", "seed", "backend", "metric"]).any()
    experiment = importlib.import_module(f"helpers.evidence.{name}")
    assert list(dict.fromkeys(runs["design"])) == list(experiment.DESIGNS)
    assert set(runs["backend"]) == set(MINIMUM_SEEDS)
    for backend, minimum in MINIMUM_SEEDS.items():
        own = runs[runs["backend"] == backend]
        seeds = sorted(set(own["seed"]))
        assert seeds == list(range(len(seeds))) and len(seeds) >= minimum, (backend, seeds)
        assert len(seeds) >= experiment.SEEDS[backend]
        # every (design, metric) measured has a value for every seed
        counts = own.groupby(["design", "metric"])["seed"].nunique()
        assert (counts == len(seeds)).all(), counts[counts != len(seeds)]


@pytest.mark.parametrize("name", SCRIPTS)
def test_provenance_says_how_each_backend_s_results_were_made(name):
    made = evidence.provenance(name)
    experiment = importlib.import_module(f"helpers.evidence.{name}")
    assert made["experiment"] == name and made["description"] == experiment.DESCRIPTION
    script = hashlib.sha256((evidence.FOLDER / f"{name}.py").read_bytes()).hexdigest()
    runs = evidence.load(name)
    assert set(made["backends"]) == set(MINIMUM_SEEDS)
    for backend, run in made["backends"].items():
        assert run["command"] == f"python tools/evidence.py run {name} --backend {backend}"
        assert run["seeds"] == sorted(set(runs[runs["backend"] == backend]["seed"]))
        datetime.date.fromisoformat(run["date"])
        assert run["cpu"] and run["threads"] >= 1 and run["seconds"] > 0
        assert {"python", "keras", "numpy", backend} <= set(run["versions"])
        assert run["script_sha256"] == script, (
            f"{name}.py changed since its {backend} results were stored: "
            f"python tools/evidence.py run {name} --backend {backend}")


def test_a_wrong_name_metric_or_backend_is_a_value_error():
    with pytest.raises(ValueError, match="expected one of the stored experiments"):
        evidence.load("no_such_experiment")
    with pytest.raises(ValueError, match="expected a metric of"):
        evidence.table("lstm_head_and_scaling", "accuracy")
    with pytest.raises(ValueError, match="expected a backend of"):
        evidence.table("lstm_head_and_scaling", "mse", backend="torch")


def test_table_is_a_run_per_row_and_a_design_per_column_tensorflow_first():
    mse = evidence.table("lstm_head_and_scaling", "mse")
    assert list(mse.index.names) == ["backend", "seed"]
    assert mse.index[0] == ("tensorflow", 0) and mse.index[-1][0] == "jax"
    assert list(mse.columns) == list(importlib.import_module(
        "helpers.evidence.lstm_head_and_scaling").DESIGNS)


def test_the_rot_check_flags_a_result_outside_the_widened_stored_range():
    import sys

    sys.path.insert(0, str(evidence.FOLDER.parent.parent / "tools"))
    import evidence as tool  # tools/evidence.py

    stored = evidence.load("lstm_head_and_scaling").query("backend == 'tensorflow'")
    same = stored.query("design == 'Dense head' and metric == 'mse'")["value"]
    low, high = same.min(), same.max()
    slack = 0.5 * (high - low) + 1e-3 * high
    row = {"design": "Dense head", "metric": "mse", "seed": 0}
    assert tool.rotten([row | {"value": high + 0.99 * slack}], stored) == []
    assert tool.rotten([row | {"value": low - 0.99 * slack}], stored) == []
    (message,) = tool.rotten([row | {"value": high + 1.01 * slack}], stored)
    assert message.startswith("Dense head mse seed 0 = ") and "allowed" in message
    assert tool.rotten([row | {"design": "new", "value": 1.0}], stored) == [
        "new mse: nothing stored to compare with"]


def test_made_gives_one_line_per_backend_from_the_provenance():
    lines = evidence.made("lstm_head_and_scaling").splitlines()
    made = evidence.provenance("lstm_head_and_scaling")["backends"]
    assert [line.split(":")[0] for line in lines] == list(made)
    assert all(f"Keras {run['versions']['keras']}" in line
               for line, run in zip(lines, made.values(), strict=True))
    with pytest.raises(ValueError, match="expected an experiment's name"):
        evidence.made("no such/experiment")
