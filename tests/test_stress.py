"""The stress harness's parts: the seed shift in setup_course() and the assert-margin recorder."""

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name):
    """A module of tools/, which is scripts, not a package."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


assert_margins = _load("assert_margins")
notebook_tool = _load("notebooks")


def _run(source, cell=1):
    """Run `source` with its asserts rewritten, as the kernel would; return the records."""
    assert_margins.RECORDS.clear()
    tree = ast.fix_missing_locations(assert_margins._Rewrite(cell).visit(ast.parse(source)))
    exec(compile(tree, "<cell>", "exec"), {"np": np, "__assert_margins__": assert_margins})
    return {r["text"]: (r["margin"], r["relative"]) for r in assert_margins.report()}


def test_margins_of_scalar_comparisons():
    records = _run("a, b = 0.5, 0.51\nassert a < b\nassert b >= a\nassert 0.07 < a < 0.6")
    np.testing.assert_allclose(records["a < b"], (0.01, 0.01 / 0.51))
    np.testing.assert_allclose(records["b >= a"], (0.01, 0.01 / 0.51))
    np.testing.assert_allclose(records["0.07 < a"], (0.43, 0.86))  # a chain, link by link
    np.testing.assert_allclose(records["a < 0.6"], (0.1, 0.1 / 0.6))


def test_margins_of_elementwise_comparisons_all_and_any():
    records = _run("x = np.array([1.0, 2.0, 5.0])\nassert (x > 0.5).all()\n"
                   "assert (x > 4).any()\nassert np.all(x < 6) and abs(x[0] - 1) < 0.1")
    assert records["x > 0.5"][0] == pytest.approx(0.5)  # the smallest, for all()
    assert records["x > 4"][0] == pytest.approx(1.0)  # the largest, for any()
    assert records["x < 6"][0] == pytest.approx(1.0)
    assert records["abs(x[0] - 1) < 0.1"][0] == pytest.approx(0.1)


def test_asserts_pass_and_fail_as_written():
    with pytest.raises(AssertionError, match="too small"):
        _run("assert 3 < 2, 'too small'")
    assert _run("assert 3 < 2, 'too small'".replace("3 < 2", "2 < 3"))  # passes, recorded
    with pytest.raises(AssertionError):
        _run("x = np.array([1.0, 2.0])\nassert (x > 1.5).all()")
    # a chain stops at its first false link, as Python's does, and records what it evaluated
    with pytest.raises(AssertionError):
        _run("assert 1 < 3 < 2")


def test_only_inequalities_inside_asserts_are_rewritten():
    records = _run("y = 1 < 2\nassert y == True\nassert 'a' < 'b'\nassert [1] == [1]")
    assert records == {}  # not inside an assert, equality, or not numbers
    # a comparison that is counted (.mean(), .sum()) is not a claim; the count's is
    records = _run("x = np.array([1, 5, 6])\nassert (x > 2).mean() > 0.5")
    assert set(records) == {"(x > 2).mean() > 0.5"}


def test_the_smallest_margin_over_repeats_is_kept():
    assert_margins.RECORDS.clear()
    for value in (0.2, 0.05, 0.3):
        assert_margins.compare((1, 1, ("x < 1",)), "all", [value, 1.0], ["Lt"])
    assert assert_margins.RECORDS[(1, 1, "x < 1")]["margin"] == pytest.approx(0.7)


def test_stress_runs_shift_every_seed_and_take_isa_levels_in_turn():
    runs = notebook_tool.stress_runs("tensorflow", 4, ["DEFAULT", "SSE41"])
    assert runs == [(1000, "DEFAULT"), (2000, "SSE41"), (3000, "DEFAULT"), (4000, "SSE41")]
    assert notebook_tool.stress_runs("jax", 2, ["SSE41"]) == [(1000, None), (2000, None)]


SHIFT_SCRIPT = """
from helpers.setup import setup_course
setup_course(seed=5)
import keras
import numpy as np
keras.utils.set_random_seed(11)
layer = keras.layers.Dense(2)
layer.build((None, 3))
print(repr(layer.get_weights()[0].ravel().tolist()), repr(np.random.default_rng(0).random()))
"""


def _shifted(shift):
    env = dict(os.environ, COURSE_SEED_SHIFT=str(shift), KERAS_BACKEND="tensorflow")
    out = subprocess.run([sys.executable, "-c", SHIFT_SCRIPT], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    return out.strip().splitlines()[-1]


def test_a_seed_shift_moves_every_keras_seed_but_not_numpy_generators():
    plain, again, shifted = _shifted(0), _shifted(0), _shifted(1000)
    assert plain == again
    weights, data = plain.rsplit(" ", 1)
    weights_shifted, data_shifted = shifted.rsplit(" ", 1)
    assert weights != weights_shifted  # the later set_random_seed(11) became 1011
    assert data == data_shifted  # a generator seeded on its own draws the same data
    assert _shifted(1000) == _shifted_by_hand(1011)


def _shifted_by_hand(seed):
    script = SHIFT_SCRIPT.replace("keras.utils.set_random_seed(11)",
                                  f"keras.utils.set_random_seed({seed})")
    env = dict(os.environ, COURSE_SEED_SHIFT="0", KERAS_BACKEND="tensorflow")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    return out.strip().splitlines()[-1]


@pytest.mark.parametrize("value", ["-3", "1.5", "many"])
def test_a_bad_seed_shift_is_refused(value, monkeypatch):
    from helpers.setup import setup_course

    monkeypatch.setenv("COURSE_SEED_SHIFT", value)
    with pytest.raises(ValueError, match="COURSE_SEED_SHIFT to be a non-negative whole number"):
        setup_course(seed=1)


def test_keep_going_counts_a_failed_assert_and_goes_on():
    assert_margins.RECORDS.clear()
    assert_margins.FAILED.clear()
    source = "x = 2\nassert x < 1, 'no'\ny = 3\nassert y > 1"
    tree = assert_margins._Rewrite(4, keep_going=True).visit(ast.parse(source))
    namespace = {"__assert_margins__": assert_margins}
    exec(compile(ast.fix_missing_locations(tree), "<cell>", "exec"), namespace)
    assert namespace["y"] == 3  # it went on
    assert assert_margins.FAILED == {(4, 2, "x < 1"): 1}
    records = {r["text"]: r for r in assert_margins.report()}
    assert records["x < 1"]["failed"] == 1 and records["y > 1"]["margin"] == 2


@pytest.mark.parametrize("option", [["--shifts", "0"], ["--jobs", "-1"], ["--shifts", "many"]])
def test_the_stress_command_refuses_no_runs(option, capsys):
    with pytest.raises(SystemExit):
        notebook_tool.main(["stress", *option])
    assert "expected a whole number of 1 or more" in capsys.readouterr().err


def test_a_kernel_that_fails_to_start_is_started_again(tmp_path):
    # A real kernel that dies while starting, the first time only: as one that lost a port race.
    (tmp_path / "sitecustomize.py").write_text(
        "import os, pathlib\n"
        f"mark = pathlib.Path({str(tmp_path / 'died')!r})\n"
        "if not mark.exists():\n"
        "    mark.write_text('once')\n"
        "    os._exit(1)\n")
    notebook = tmp_path / "tiny.ipynb"
    notebook_tool.nbformat.write(notebook_tool.nbformat.v4.new_notebook(
        cells=[notebook_tool.nbformat.v4.new_code_cell("print(6 * 7)")]), notebook)
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    nb, _, _ = notebook_tool.execute(notebook, env=env)
    assert (tmp_path / "died").exists()
    assert nb.cells[0].outputs[0]["text"] == "42\n"


def test_a_kernel_that_dies_running_a_cell_is_not_started_again():
    from nbclient.exceptions import DeadKernelError
    assert not notebook_tool.failed_to_start(DeadKernelError("Kernel died"))
    assert notebook_tool.failed_to_start(RuntimeError("Kernel didn't respond in 60 seconds"))
