"""Refresh the notebooks' stored outputs, or benchmark the notebooks and the test suite.

    python tools/notebooks.py refresh [NOTEBOOK ...]    re-execute in place, top to bottom
    python tools/notebooks.py benchmark [NOTEBOOK ...]  time and memory per notebook, then pytest
    python tools/notebooks.py benchmark --backend jax   the same on another Keras backend, with
                                                        pytest --nbval-lax (run it from .venv-jax)

Both run each notebook in a fresh kernel of this environment (the same as ``pytest``), from the
``notebooks/`` folder, as nbval does. Refreshing twice in a row changes nothing. The stored
outputs are TensorFlow's: ``refresh`` always runs on TensorFlow, whatever KERAS_BACKEND says.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbval.kernel import CURRENT_ENV_KERNEL_NAME, NbvalKernelspecManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUDGET_SECONDS = 45  # per notebook
# 05 trains 5 recipes x 5 seeds in two rounds (choose on 2014, refit for 2015): up to 60 s
BUDGET_SECONDS_FOR = {"05_numeric_and_categorical_features.ipynb": 60}
BUDGET_MB = 1024  # per notebook kernel (Binder gives 2 GB)
BUDGET_SUITE_SECONDS = 180  # the whole `pytest` run on a 2-core machine
PEAK_MEMORY_PROBE = (
    "import resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
)


def execute(path, probe_memory=False):
    """Execute a notebook in a fresh kernel; return (notebook, wall seconds, peak MB or None)."""
    nb = nbformat.read(path, as_version=4)
    if probe_memory:  # an extra last cell reads the kernel's own peak resident memory
        nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_PROBE))
    # The kernel of *this* environment (as `pytest --nbval-current-env` uses), whatever kernels
    # are installed elsewhere.
    kernel = KernelManager(kernel_name=CURRENT_ENV_KERNEL_NAME,
                           kernel_spec_manager=NbvalKernelspecManager())
    client = NotebookClient(nb, km=kernel, timeout=600, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
    finally:
        seconds = time.perf_counter() - start
        kernel.shutdown_kernel(now=True)
    peak_mb = None
    if probe_memory:
        probe = nb.cells.pop()
        peak_mb = int(probe.outputs[0]["text"])
    return nb, seconds, peak_mb


def merge_streams(nb):
    """Join consecutive outputs of one stream: how a kernel splits them varies from run to run."""
    for cell in nb.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.output_type == "stream" and previous is not None
                    and previous.output_type == "stream" and previous.name == output.name):
                previous.text += output.text
            else:
                merged.append(output)
        if "outputs" in cell:
            cell.outputs = merged


def refresh(paths):
    os.environ["KERAS_BACKEND"] = "tensorflow"  # the kernels inherit it
    for path in paths:
        nb, seconds, _ = execute(path)
        merge_streams(nb)
        nbformat.write(nb, path)
        print(f"refreshed {path.relative_to(ROOT)} in {seconds:.1f} s")


def benchmark(paths, run_pytest, backend):
    os.environ["KERAS_BACKEND"] = backend  # the kernels and pytest inherit it
    print(f"Keras backend: {backend}")
    rows, ok = [], True
    for path in paths:
        _, seconds, peak_mb = execute(path, probe_memory=True)
        budget = BUDGET_SECONDS_FOR.get(path.name, BUDGET_SECONDS)
        good = seconds <= budget and peak_mb < BUDGET_MB
        ok &= good
        rows.append((path.name, seconds, budget, peak_mb, good))
        print(f"  ran {path.name}", flush=True)
    print(f"\n{'notebook':<40} {'wall s':>7} {'≤ s':>5} {'peak MB':>8} {'< MB':>6}  ok")
    for name, seconds, budget, peak_mb, good in rows:
        print(f"{name:<40} {seconds:7.1f} {budget:5d} {peak_mb:8d} {BUDGET_MB:6d}  "
              f"{'yes' if good else 'NO'}")
    if run_pytest:
        start = time.perf_counter()
        # Strict nbval compares TensorFlow's stored outputs; another backend runs every notebook
        # and fails on errors and asserts only (the README's "Run it on JAX").
        lax = [] if backend == "tensorflow" else ["--nbval-lax", "notebooks"]
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", *lax], cwd=ROOT,
                                capture_output=True, text=True)
        seconds = time.perf_counter() - start
        good = result.returncode == 0 and seconds <= BUDGET_SUITE_SECONDS
        ok &= good
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "?"
        print(f"\nwhole `pytest` run: {seconds:.1f} s (budget {BUDGET_SUITE_SECONDS} s): "
              f"{summary}  {'yes' if good else 'NO'}")
    return ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["refresh", "benchmark"])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to run (default: every notebooks/*.ipynb)")
    parser.add_argument("--no-pytest", action="store_true",
                        help="benchmark: skip timing the whole pytest run")
    parser.add_argument("--backend", choices=["tensorflow", "jax", "torch"], default="tensorflow",
                        help="benchmark: the Keras backend (default tensorflow)")
    args = parser.parse_intermixed_args(argv)  # options before or after the notebooks
    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    if args.command == "refresh":
        refresh(paths)
        return 0
    run_pytest = not args.no_pytest and not args.notebooks
    return 0 if benchmark(paths, run_pytest, args.backend) else 1


if __name__ == "__main__":
    sys.exit(main())
