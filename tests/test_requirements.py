"""requirements.txt pins everything exactly, and binder/ stays in step with it."""

from pathlib import Path

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
