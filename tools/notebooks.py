"""Refresh the notebooks' stored outputs, benchmark them, or stress their asserts.

    python tools/notebooks.py refresh [NOTEBOOK ...]    re-execute in place, top to bottom
    python tools/notebooks.py benchmark [NOTEBOOK ...]  time and memory per notebook, then pytest
    python tools/notebooks.py benchmark --backend jax   the same on another Keras backend, with
                                                        pytest --nbval-lax (run it from .venv-jax)
    python tools/notebooks.py stress [NOTEBOOK ...]     every notebook with its training seeds
                                                        shifted (--shifts N, default 10), under
                                                        several oneDNN instruction-set levels;
                                                        fails on any failed assert or error and
                                                        prints each assert's smallest margin
    python tools/notebooks.py stress --backend jax      the same on JAX (run it from .venv-jax)
    python tools/notebooks.py reading [NOTEBOOK ...]    words to read per notebook (prose and
                                                        code, not outputs or solutions), and
                                                        the minutes they take at READING_WPM

All run each notebook in a fresh kernel of this environment (the same as ``pytest``), from the
``notebooks/`` folder, as nbval does. Refreshing twice in a row changes nothing. The stored
outputs are TensorFlow's: ``refresh`` always runs on TensorFlow, whatever KERAS_BACKEND says.
"""

import argparse
import atexit
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbval.kernel import CURRENT_ENV_KERNEL_NAME, NbvalKernelspecManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUDGET_SECONDS = 45  # per notebook
BUDGET_MB = 1024  # per notebook kernel (Binder gives 2 GB)
# Rebuilt to teach with one plain model per idea, their comparisons stored as evidence (issues
# 22 and 23): 25 s and 900 MB each. The others (01, no training) keep the general budget.
LESSON_FIRST = ("02_sequence_output.ipynb", "03_last_timestep_output.ipynb",
                "04_side_by_side.ipynb", "05_numeric_and_categorical_features.ipynb",
                "06_variable_length_sequences.ipynb", "07_streaming.ipynb",
                "08_encoder_decoder.ipynb", "09_attention_and_pooling.ipynb")
BUDGET_SECONDS_FOR = dict.fromkeys(LESSON_FIRST, 25)
BUDGET_MB_FOR = dict.fromkeys(LESSON_FIRST, 900)
BUDGET_SUITE_SECONDS = 150  # the whole `pytest` run on a 2-core machine
PEAK_MEMORY_PROBE = (
    "import resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
)


KERNEL_START_TRIES = 3


def failed_to_start(error):
    """Whether an error means the kernel never came up, so that no cell ran and a retry is safe.

    Kernels started side by side can race for a port: the loser dies binding it ("Address
    already in use") and nbclient reports that it never answered. A kernel that dies *while*
    running a cell (nbclient's DeadKernelError) is a real failure, and is never retried.
    """
    text = str(error)
    return isinstance(error, RuntimeError) and (
        text.startswith("Kernel didn't respond in")
        or text.startswith("Kernel died before replying to kernel_info"))


def execute(path, probe_memory=False, env=None, first=None, last=None):
    """Execute a notebook in a fresh kernel; return (notebook, wall seconds, peak MB or None).

    ``env``: the kernel's environment (default: this process's); ``first`` and ``last``: code
    run before the notebook's first cell and after its last (the stress harness's probes).
    A kernel that fails to start is started again, up to KERNEL_START_TRIES times in all.
    """
    for attempt in range(1, KERNEL_START_TRIES + 1):
        try:
            return _execute_once(path, probe_memory, env, first, last)
        except RuntimeError as error:
            if not failed_to_start(error) or attempt == KERNEL_START_TRIES:
                raise
            print(f"  {path.name}: the kernel did not start ({error}); starting another",
                  file=sys.stderr, flush=True)


def _execute_once(path, probe_memory, env, first, last):
    nb = nbformat.read(path, as_version=4)
    if probe_memory:  # an extra last cell reads the kernel's own peak resident memory
        nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_PROBE))
    if first is not None:
        nb.cells.insert(0, nbformat.v4.new_code_cell(first))
    if last is not None:
        nb.cells.append(nbformat.v4.new_code_cell(last))
    # The kernel of *this* environment (as `pytest --nbval-current-env` uses), whatever kernels
    # are installed elsewhere.
    kernel = KernelManager(kernel_name=CURRENT_ENV_KERNEL_NAME,
                           kernel_spec_manager=NbvalKernelspecManager())
    client = NotebookClient(nb, km=kernel, timeout=600, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute(**({} if env is None else {"env": env}))
    except CellExecutionError as error:
        error.notebook = nb  # with the outputs so far: the failed cell holds the error
        if last is not None:  # the kernel is still up: run the last probe all the same
            try:
                client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
            except Exception:  # noqa: BLE001 - a probe that fails leaves its output empty
                pass
        raise
    finally:
        seconds = time.perf_counter() - start
        kernel.shutdown_kernel(now=True)
        atexit.unregister(client._cleanup_kernel)  # nbclient's own clean-up: done already
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


SITE_PACKAGES = re.compile(r"/[^\s\x1b:]*/site-packages/")


def shorten_paths(nb):
    """Name the files in stored tracebacks from site-packages or the course's folder on, not by
    where this machine keeps them: "…/site-packages/keras/…", "…/helpers/metrics.py"."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                output.traceback = [SITE_PACKAGES.sub("…/site-packages/", line)
                                    .replace(f"{ROOT}/", "…/") for line in output.traceback]


def refresh(paths):
    os.environ["KERAS_BACKEND"] = "tensorflow"  # the kernels inherit it
    for path in paths:
        nb, seconds, _ = execute(path)
        merge_streams(nb)
        shorten_paths(nb)
        nbformat.write(nb, path)
        print(f"refreshed {path.relative_to(ROOT)} in {seconds:.1f} s")


def benchmark(paths, run_pytest, backend):
    os.environ["KERAS_BACKEND"] = backend  # the kernels and pytest inherit it
    print(f"Keras backend: {backend}")
    rows, ok = [], True
    for path in paths:
        _, seconds, peak_mb = execute(path, probe_memory=True)
        budget = BUDGET_SECONDS_FOR.get(path.name, BUDGET_SECONDS)
        budget_mb = BUDGET_MB_FOR.get(path.name, BUDGET_MB)
        good = seconds <= budget and peak_mb < budget_mb
        ok &= good
        rows.append((path.name, seconds, budget, peak_mb, budget_mb, good))
        print(f"  ran {path.name}", flush=True)
    print(f"\n{'notebook':<40} {'wall s':>7} {'≤ s':>5} {'peak MB':>8} {'< MB':>6}  ok")
    for name, seconds, budget, peak_mb, budget_mb, good in rows:
        print(f"{name:<40} {seconds:7.1f} {budget:5d} {peak_mb:8d} {budget_mb:6d}  "
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


# The stress harness: perturbations that change the training path but not the data.
SHIFT_STEP = 1000  # run k shifts every training seed by k * 1000, clear of the seeds notebooks use
ISA_LEVELS = ["DEFAULT", "AVX2", "SSE41", "AVX512_CORE", "AVX"]  # ONEDNN_MAX_CPU_ISA, in turn
THIN = 0.25  # a margin below this share of its range over the runs (and below half the larger
# side) is printed as thin
INSTALL_PROBE = (  # the hidden first cell: record every assert's margin (tools/assert_margins.py)
    f"__import__('sys').path.insert(0, {str(ROOT / 'tools')!r})\n"
    "__import__('assert_margins').install(keep_going={keep_going})\n"
    "__import__('sys').path.pop(0)"
)
REPORT_PROBE = "print(__import__('json').dumps(__assert_margins__.report()))"


def stress_runs(backend, shifts, isa_levels):
    """The perturbed runs: (shift, oneDNN level) pairs; on JAX oneDNN plays no part."""
    if backend != "tensorflow":
        return [(k * SHIFT_STEP, None) for k in range(1, shifts + 1)]
    return [(k * SHIFT_STEP, isa_levels[(k - 1) % len(isa_levels)])
            for k in range(1, shifts + 1)]


def _records(cell):
    """The margin records the report probe printed: the last line of its output that is JSON."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")
    for line in reversed(text.splitlines()):
        if line.startswith("["):
            return json.loads(line)
    return []


def stress_one(path, backend, shift, isa, keep_going=False):
    """One notebook, one perturbed run, in a fresh one-thread kernel: a result dict."""
    env = dict(os.environ, KERAS_BACKEND=backend, COURSE_SEED_SHIFT=str(shift),
               TF_NUM_INTEROP_THREADS="1", TF_NUM_INTRAOP_THREADS="1")
    env.pop("ONEDNN_MAX_CPU_ISA", None)
    if isa not in (None, "DEFAULT"):
        env["ONEDNN_MAX_CPU_ISA"] = isa
    if backend == "jax":  # one thread for XLA on the CPU as well: two kernels share the cores
        env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_cpu_multi_thread_eigen=false"
                            " intra_op_parallelism_threads=1").strip()
    result = {"notebook": path.name, "shift": shift, "isa": isa or "-", "error": None,
              "margins": []}
    try:
        nb, result["seconds"], _ = execute(
            path, env=env, first=INSTALL_PROBE.format(keep_going=keep_going), last=REPORT_PROBE)
        records = _records(nb.cells[-1])
        result["margins"] = [r for r in records if "failed" not in r]
        failed = [r for r in records if "failed" in r]  # with keep_going only
        if failed:
            result["error"] = "; ".join(f"code cell {r['cell']}: assert {r['text']} failed"
                                        for r in failed)[:1000]
    except CellExecutionError as error:
        # the margins up to the failure
        result["margins"] = [r for r in _records(error.notebook.cells[-1]) if "failed" not in r]
        failed = [cell.execution_count for cell in error.notebook.cells
                  if any(o.output_type == "error" for o in cell.get("outputs", []))
                  and "raises-exception" not in cell.metadata.get("tags", [])]
        where = f"code cell {failed[-1] - 1}: " if failed and failed[-1] else ""
        plain = re.sub(r"\x1b\[[0-9;]*m", "", error.traceback)  # IPython marks the line --->
        lines = re.findall(r"-+> *\d+ (.*)", plain)
        line = f" at `{lines[-1].strip()}`" if lines else ""
        result["error"] = f"{where}{error.ename}: {error.evalue}{line}".strip()[:300]
    except Exception as error:  # a dead kernel, a timeout: a failure too, never a skip
        result["error"] = f"{type(error).__name__}: {error}"[:300]
    return result


def stress(paths, backend, shifts, isa_levels, jobs, show_all, save, keep_going=False):
    """Run every notebook under every perturbed run; report failures and the thinnest margins."""
    runs = stress_runs(backend, shifts, isa_levels)
    work = [(path, shift, isa) for shift, isa in runs for path in paths]
    print(f"Keras backend: {backend}; {len(runs)} runs of {len(paths)} notebooks "
          f"(seed shifts {', '.join(str(shift) for shift, _ in runs)}"
          + (f"; oneDNN levels {', '.join(isa for _, isa in runs)}" if backend == "tensorflow"
             else "") + f"), {jobs} at a time", flush=True)
    results = []
    with ThreadPoolExecutor(jobs) as pool:
        futures = [pool.submit(stress_one, path, backend, shift, isa, keep_going)
                   for path, shift, isa in work]
        for future in futures:
            result = future.result()
            results.append(result)
            state = f"FAILED: {result['error']}" if result["error"] else \
                f"ok in {result['seconds']:.0f} s"
            print(f"  {result['notebook']} shift {result['shift']} oneDNN {result['isa']}: "
                  f"{state}", flush=True)
    if save:
        Path(save).write_text(json.dumps(results, indent=1))
    by_assert = defaultdict(list)  # (notebook, cell, line, comparison) -> its record per run
    for result in results:
        for record in result["margins"]:
            key = (result["notebook"], record["cell"], record["line"], record["text"])
            by_assert[key].append({**record, "shift": result["shift"], "isa": result["isa"]})
    print("\nSmallest margin of each comparison in an assert, over all runs: how far the nearer "
          "side could move before it fails, and that over the larger side (relative); range: "
          "how much the margin varied between runs (0: the same in every run, a fact of the data "
          f"or of the code). Thin: varied, and the smallest margin below {THIN:.0%} of its "
          "range and below half the larger side, so that another seed could plausibly break it. "
          "Cell: the code cell's stored execution count.")
    for notebook in sorted({key[0] for key in by_assert}):
        rows = []
        for (name, cell, line, text), records in by_assert.items():
            if name != notebook:
                continue
            worst = min(records, key=lambda r: r["margin"])
            spread = max(r["margin"] for r in records) - worst["margin"]
            varies = spread > 1e-9 * max(1.0, abs(worst["margin"]))
            thin = varies and worst["margin"] < THIN * spread and worst["relative"] < 0.5
            rows.append((not thin, worst["relative"], cell, line, text, worst, spread, thin,
                         len(records), varies))
        rows.sort(key=lambda row: row[:2])
        thin_rows = [row for row in rows if row[7]]
        varying = sum(row[9] for row in rows)
        print(f"\n{notebook}: {len(rows)} comparisons, {varying} vary between runs, "
              f"{len(thin_rows)} thin")
        for _, _, cell, line, text, worst, spread, thin, count, _ in (
                rows if show_all else rows[:max(3, len(thin_rows))]):
            text = text if len(text) <= 58 else text[:55] + "..."
            print(f"  {'THIN' if thin else '    '} cell {cell:>2} line {line:>2}  {text:<58} "
                  f"margin {worst['margin']:9.3g}  relative {worst['relative']:6.3f}  range "
                  f"{spread:9.3g}  (shift {worst['shift']}, {count} runs)")
    failures = [r for r in results if r["error"]]
    print(f"\n{len(results) - len(failures)} passed, {len(failures)} failed")
    for result in failures:
        print(f"  FAILED {result['notebook']} shift {result['shift']} oneDNN {result['isa']}: "
              f"{result['error']}")
    return not failures


READING_WPM = 150  # words a minute: a technical tutorial's prose and code, read with care


def reading(paths):
    """Print each notebook's words to read and minutes at ``READING_WPM``, Deeper apart."""
    import nbformat

    for path in paths:
        counts = {"lesson": 0, "Deeper": 0}
        part = "lesson"
        for cell in nbformat.read(path, as_version=4).cells:
            text = re.sub(r"<details>.*?</details>", "", cell.source, flags=re.DOTALL)
            for line in text.splitlines():
                if cell.cell_type == "markdown" and line.startswith("## "):
                    part = "lesson"
                if cell.cell_type == "markdown" and line.startswith("### Deeper"):
                    part = "Deeper"
                counts[part] += len(line.split())
        print(f"{path.name:<45} {counts['lesson']:>6,} words, {counts['lesson'] / READING_WPM:3.0f}"
              f" min; Deeper sections {counts['Deeper']:>5,} words, "
              f"{counts['Deeper'] / READING_WPM:3.0f} min")


def _at_least_one(text):
    """An argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["refresh", "benchmark", "stress", "reading"])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to run (default: every notebooks/*.ipynb)")
    parser.add_argument("--no-pytest", action="store_true",
                        help="benchmark: skip timing the whole pytest run")
    parser.add_argument("--backend", choices=["tensorflow", "jax", "torch"], default="tensorflow",
                        help="benchmark, stress: the Keras backend (default tensorflow)")
    parser.add_argument("--shifts", type=_at_least_one, default=10,
                        help="stress: how many seed shifts (default 10)")
    parser.add_argument("--isa", default=",".join(ISA_LEVELS),
                        help="stress: oneDNN instruction-set levels taken in turn, one per "
                             f"shift (default {','.join(ISA_LEVELS)})")
    parser.add_argument("--jobs", type=_at_least_one, default=os.cpu_count() or 1,
                        help="stress: notebooks run at once (default: one per core)")
    parser.add_argument("--all", action="store_true",
                        help="stress: print every comparison's margin, not only the thinnest")
    parser.add_argument("--keep-going", action="store_true",
                        help="stress: a failed assert is counted and the notebook goes on, so "
                             "that every assert's margin is measured in every run")
    parser.add_argument("--save", metavar="FILE",
                        help="stress: also write every run's result and margins to FILE (JSON)")
    args = parser.parse_intermixed_args(argv)  # options before or after the notebooks
    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    if args.command == "refresh":
        refresh(paths)
        return 0
    if args.command == "reading":
        reading(paths)
        return 0
    if args.command == "stress":
        return 0 if stress(paths, args.backend, args.shifts, args.isa.split(","), args.jobs,
                           args.all, args.save, args.keep_going) else 1
    run_pytest = not args.no_pytest and not args.notebooks
    return 0 if benchmark(paths, run_pytest, args.backend) else 1


if __name__ == "__main__":
    sys.exit(main())
