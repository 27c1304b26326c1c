"""requirements.txt pins everything exactly, and binder/ stays in step with it."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pins(path):
    lines = [line.strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_every_requirement_is_pinned_exactly():
    for line in _pins(ROOT / "requirements.txt"):
        assert line == "-e ." or "==" in line, line


def test_binder_has_the_same_pins_with_tensorflow_cpu():
    ours = _pins(ROOT / "requirements.txt")
    binder = _pins(ROOT / "binder" / "requirements.txt")
    assert binder == [pin.replace("tensorflow==", "tensorflow-cpu==") for pin in ours]
    assert (ROOT / "binder" / "runtime.txt").read_text().startswith("python-3.")


@pytest.mark.pinned  # Colab has no JupyterLab
def test_jupyterlab_settings_override_is_installed_and_valid():
    """`pip install -e .` puts binder/overrides.json where JupyterLab reads overrides, and each
    setting in it exists in JupyterLab's own schema with an allowed value."""
    import json
    import sys

    import jsonschema

    ours = json.loads((ROOT / "binder" / "overrides.json").read_text())
    lab = Path(sys.prefix) / "share" / "jupyter" / "lab"
    installed = lab / "settings" / "overrides.d" / "rnn-course.json"
    assert installed.is_file(), "reinstall the helpers: pip install -e ."
    assert json.loads(installed.read_text()) == ours
    assert ours["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    for plugin, values in ours.items():
        package, name = plugin.split(":")
        schema = json.loads((lab / "schemas" / package / f"{name}.json").read_text())
        jsonschema.validate(values, schema)


def test_the_jax_environment_is_the_course_s_plus_pinned_jax():
    """requirements-jax.txt (README, "Run it on JAX") adds exact JAX pins to requirements.txt."""
    pins = _pins(ROOT / "requirements-jax.txt")
    assert pins[0] == "-r requirements.txt"
    assert all("==" in pin for pin in pins[1:]), pins
    assert {pin.split("==")[0] for pin in pins[1:]} >= {"jax", "jaxlib"}


def test_ci_runs_the_jax_commands_the_readme_gives():
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    for command in (
        "python3 -m venv .venv-jax && .venv-jax/bin/pip install -r requirements-jax.txt",
        "KERAS_BACKEND=jax .venv-jax/bin/python -m pytest --nbval-lax notebooks",
    ):
        assert command in readme and command in ci, command


def test_ci_runs_the_other_cpu_and_stress_commands_the_readme_gives():
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    ci = ci.replace("\\\n            ", "")  # .ci/run splits one long command over two lines
    for command in ("ONEDNN_MAX_CPU_ISA=SSE41 .venv/bin/python -m pytest notebooks",
                    "ONEDNN_MAX_CPU_ISA=AVX2 TF_NUM_INTRAOP_THREADS=2 TF_NUM_INTEROP_THREADS=2 "
                    ".venv/bin/python -m pytest notebooks",
                    ".venv/bin/python tools/notebooks.py stress --shifts 2",
                    ".venv-jax/bin/python tools/notebooks.py stress --backend jax --shifts 1",
                    ".venv/bin/python tools/evidence.py check",
                    ".venv-jax/bin/python tools/evidence.py check --backend jax"):
        assert command in readme and command in ci, command


def test_colab_s_versions_are_pinned_and_are_the_helpers_lower_bounds():
    """requirements-colab.txt pins exactly; each helper dependency's lower bound in pyproject.toml
    is Colab's version, the lowest tested (README, "Test it on Colab's versions")."""
    import re
    import tomllib

    pins = dict(pin.split("==") for pin in _pins(ROOT / "requirements-colab.txt"))
    assert {"tensorflow", "keras", "numpy", "pandas", "matplotlib"} <= set(pins)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for dependency in project["dependencies"]:
        name, lowest = re.fullmatch(r"([\w-]+)>=([\d.]+)", dependency).groups()
        assert pins[name.replace("_", "-")] == lowest, dependency


def test_colab_versions_tool_takes_colab_s_versions_and_keeps_the_rest():
    sys.path.insert(0, str(ROOT / "tools"))
    import colab_versions

    versions = colab_versions.colab_versions("# a comment\nKeras==3.14.0\nnumpy==2.3.1\n"
                                             "something @ git+https://example.org/x\n")
    assert versions == {"keras": "3.14.0", "numpy": "2.3.1"}
    text, missing = colab_versions.update("# keep\nkeras==3.13.2\nNumPy==2.1.3\nnbval==0.11.0\n",
                                          versions)
    assert text == "# keep\nkeras==3.14.0\nNumPy==2.3.1\nnbval==0.11.0\n"
    assert missing == ["nbval"]


def test_ci_runs_the_colab_commands_the_readme_gives():
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    for command in (
        "python3.13 -m venv --clear .venv-colab && .venv-colab/bin/pip install -r "
        'requirements-colab.txt && .venv-colab/bin/pip install --no-deps '
        '"rnn-course-helpers @ git+file://$PWD"',
        '.venv-colab/bin/python -m pytest -m "not browser and not pinned and not teacher" tests '
        "&& .venv-colab/bin/python -m pytest --nbval-lax notebooks",
    ):
        assert command in readme and command in ci, command


def test_the_website_s_environment_is_pinned_and_ci_builds_and_checks_it():
    """docs/requirements.txt (README, "The course as a website") pins exactly; `.ci/run site` runs
    the README's build and browser-check commands word for word."""
    assert all("==" in pin for pin in _pins(ROOT / "docs" / "requirements.txt"))
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    for command in (
        "python3 -m venv .venv-docs && .venv-docs/bin/pip install -r docs/requirements.txt",
        ".venv-docs/bin/sphinx-build -W -c docs . docs/_build/html",
        ".venv/bin/python -m pytest -m browser -n 0 tests/test_site.py",
    ):
        assert command in readme and command in ci, command


def test_the_teacher_s_environment_is_the_course_s_plus_pinned_nbgrader():
    """requirements-teacher.txt (README, "For teachers") adds an exact nbgrader pin to
    requirements.txt; `.ci/run teacher` runs the README's commands word for word."""
    pins = _pins(ROOT / "requirements-teacher.txt")
    assert pins[0] == "-r requirements.txt"
    assert [pin.split("==")[0] for pin in pins[1:]] == ["nbgrader"] and "==" in pins[1]
    readme, ci = (ROOT / "README.md").read_text(), (ROOT / ".ci" / "run").read_text()
    for command in (
        "python3 -m venv .venv-teacher && "
        ".venv-teacher/bin/pip install -r requirements-teacher.txt",
        ".venv-teacher/bin/python tools/teacher.py",
        ".venv-teacher/bin/python -m pytest -m teacher -n 0 tests/test_teacher.py",
    ):
        assert command in readme and command in ci, command
