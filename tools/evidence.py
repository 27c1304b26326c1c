"""Run the course's experiments (helpers/evidence/) and check their stored results against rot.

    python tools/evidence.py list
    python tools/evidence.py run [NAME ...] [--backend tensorflow|jax|all] [--seeds N]
    python tools/evidence.py check [NAME ...] [--backend tensorflow|jax] [--seeds 2]

`run` trains every design of each experiment (all of them if no NAME is given) once per seed,
seeds 0, 1, ..., on TensorFlow with this Python and on JAX with `--jax-python` (by default
.venv-jax/bin/python, README "Run it on JAX"), the two backends side by side, one thread each.
It replaces that backend's rows in NAME.csv and its entry in NAME.json (command, versions,
date, CPU, seconds, and the SHA-256 of NAME.py, so that tests/test_evidence.py fails when the
experiment changes and that backend's results were not rerun), and prints the time taken.

`check` reruns the first `--seeds` stored seeds of each experiment on this machine and fails
(exit 1) if a result falls outside the stored range of its design and metric, over every stored
run (both backends), widened on each side by half the range's width plus 0.1 % of its
size: the stored evidence has not rotted (a Keras or TensorFlow upgrade, a change to a
generator, an edited experiment).

An experiment is a module helpers/evidence/NAME.py with
    DESCRIPTION = "one sentence: what it compares"
    DESIGNS = ("design a", "design b", ...)  # in the order its tables show them
    SEEDS = {"tensorflow": 10, "jax": 5}
    def run(seed): -> [{"design": ..., "metric": ..., "value": float}, ...]
which builds and trains its models in plain Keras after `keras.utils.set_random_seed(seed)`.
"""

import argparse
import datetime
import hashlib
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "helpers" / "evidence"
BACKENDS = ("tensorflow", "jax")
WIDEN, RELATIVE = 0.5, 1e-3  # check: half the stored range's width, plus 0.1 % of its size


def _experiments(names):
    known = sorted(path.stem for path in FOLDER.glob("*.py") if path.stem != "__init__")
    for name in names:
        if name not in known:
            raise SystemExit(f"unknown experiment {name!r}: expected one of {known}")
    return list(names) or known


def script_hash(name):
    """SHA-256 of helpers/evidence/NAME.py: the stored results are stale if it changes."""
    return hashlib.sha256((FOLDER / f"{name}.py").read_bytes()).hexdigest()


def _cpu():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def worker(name, seeds):
    """In this process (the backend set by KERAS_BACKEND): run `name` for each seed, printing
    one JSON line of rows per seed, then one line of provenance."""
    from helpers.setup import setup_course

    setup_course(seed=0)
    import keras
    import numpy as np

    experiment = importlib.import_module(f"helpers.evidence.{name}")
    start = time.perf_counter()
    for seed in seeds:
        keras.backend.clear_session()
        rows = [{**row, "seed": seed, "value": float(row["value"])} for row in experiment.run(seed)]
        print(json.dumps(rows), flush=True)
    backend = keras.backend.backend()
    versions = {"python": platform.python_version(), "keras": keras.__version__,
                "numpy": np.__version__}
    versions[backend] = importlib.import_module(backend).__version__
    print(json.dumps({"versions": versions, "seconds": round(time.perf_counter() - start, 1)}))


def _start(name, backend, seeds, python):
    env = {name: value for name, value in os.environ.items() if name != "COURSE_SEED_SHIFT"}
    env = {**env, "KERAS_BACKEND": backend, "TF_NUM_INTRAOP_THREADS": "1",
           "TF_NUM_INTEROP_THREADS": "1", "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false "
           "intra_op_parallelism_threads=1", "PYTHONPATH": str(ROOT)}
    command = [python, str(Path(__file__).resolve()), "_worker", name,
               "--seeds", ",".join(map(str, seeds))]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def _collect(process, backend, name):
    out, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"{name} on {backend} failed (exit {process.returncode})")
    *rows, info = out.strip().splitlines()
    rows = [row | {"backend": backend} for line in rows for row in json.loads(line)]
    return rows, json.loads(info)


def _pythons(args, backends):
    pythons = {"tensorflow": sys.executable, "jax": args.jax_python}
    for backend in backends:
        if not Path(pythons[backend]).exists():
            raise SystemExit(f"no Python for {backend} at {pythons[backend]}: create it "
                             "(README, 'Run it on JAX') or pass --jax-python")
    return pythons


def run(args):
    import pandas as pd

    backends = BACKENDS if args.backend == "all" else (args.backend,)
    pythons = _pythons(args, backends)
    for name in _experiments(args.names):
        module = importlib.import_module(f"helpers.evidence.{name}")
        started = time.perf_counter()
        processes = {b: _start(name, b, range(args.seeds or module.SEEDS[b]), pythons[b])
                     for b in backends}
        csv, provenance_path = FOLDER / f"{name}.csv", FOLDER / f"{name}.json"
        rows = pd.read_csv(csv) if csv.exists() else pd.DataFrame(columns=["design", "seed",
                                                                           "backend", "metric",
                                                                           "value"])
        provenance = json.loads(provenance_path.read_text()) if provenance_path.exists() else {}
        provenance.update({"experiment": name, "description": module.DESCRIPTION})
        for backend, process in processes.items():
            new, info = _collect(process, backend, name)
            rows = pd.concat([rows[rows["backend"] != backend], pd.DataFrame(new)])
            provenance.setdefault("backends", {})[backend] = {
                "command": f"python tools/evidence.py run {name} --backend {backend}",
                "seeds": sorted({row["seed"] for row in new}),
                "date": datetime.date.today().isoformat(),
                "cpu": _cpu(), "threads": 1, "script_sha256": script_hash(name), **info}
        rows = rows[["design", "seed", "backend", "metric", "value"]]
        rows = rows.astype({"seed": int, "value": float})
        rows.to_csv(csv, index=False, float_format="%.6g")
        provenance_path.write_text(json.dumps(provenance, indent=1) + "\n")
        seconds = time.perf_counter() - started
        print(f"{name}: {len(rows)} rows, {', '.join(backends)}, {seconds:.0f} s", flush=True)


def rotten(new, stored):
    """A sentence for each rerun result (dicts: design, metric, seed, value) outside the stored
    range of its design and metric (a DataFrame of stored rows), widened on each side by
    WIDEN times its width plus RELATIVE times its size."""
    found = []
    for row in new:
        same = stored[(stored["design"] == row["design"]) & (stored["metric"] == row["metric"])]
        if same.empty:
            found.append(f"{row['design']} {row['metric']}: nothing stored to compare with")
            continue
        low, high = same["value"].min(), same["value"].max()
        slack = WIDEN * (high - low) + RELATIVE * max(abs(low), abs(high))
        if not low - slack <= row["value"] <= high + slack:
            found.append(f"{row['design']} {row['metric']} seed {row['seed']} = "
                         f"{row['value']:.4g}, stored {low:.4g} to {high:.4g} ({len(same)} runs; "
                         f"allowed {low - slack:.4g} to {high + slack:.4g})")
    return found


def check(args):
    from helpers import evidence

    pythons = _pythons(args, (args.backend,))
    failures = 0
    for name in _experiments(args.names):
        stored = evidence.load(name)  # the range over every stored run, both backends
        seeds = sorted(set(stored[stored["backend"] == args.backend]["seed"]))[:args.seeds]
        started = time.perf_counter()
        new, _ = _collect(_start(name, args.backend, seeds, pythons[args.backend]),
                          args.backend, name)
        for message in rotten(new, stored):
            failures += 1
            print(f"ROT {name}: {message}")
        print(f"{name}: {len(new)} results of seeds {seeds} on {args.backend} checked, "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    return 1 if failures else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="the experiments and what they compare")
    for command in ("run", "check"):
        p = sub.add_parser(command)
        p.add_argument("names", nargs="*", metavar="NAME")
        p.add_argument("--jax-python", default=str(ROOT / ".venv-jax" / "bin" / "python"))
    sub.choices["run"].add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    sub.choices["run"].add_argument("--seeds", type=int, help="seeds 0..N-1 (default: SEEDS)")
    sub.choices["check"].add_argument("--backend", choices=BACKENDS, default="tensorflow")
    sub.choices["check"].add_argument("--seeds", type=int, default=2)
    w = sub.add_parser("_worker")
    w.add_argument("name")
    w.add_argument("--seeds", required=True)
    args = parser.parse_args(argv)
    if args.command == "_worker":
        worker(args.name, [int(s) for s in args.seeds.split(",")])
        return 0
    if args.command == "list":
        for name in _experiments([]):
            print(f"{name}: {importlib.import_module(f'helpers.evidence.{name}').DESCRIPTION}")
        return 0
    if getattr(args, "seeds", None) is not None and args.seeds < 1:
        parser.error("--seeds: expected at least 1")
    if args.command == "run":
        started = time.perf_counter()
        run(args)
        print(f"total: {time.perf_counter() - started:.0f} s")
        return 0
    return check(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
