"""The course in a real JupyterLab, driven in headless Chromium the way a learner clicks.

Not part of plain ``pytest`` (it takes a few minutes); run it with

    .venv/bin/python -m pytest -m browser -n 0 tests/test_browser.py

It starts JupyterLab from this environment on a free local port with a token, over a temporary
copy of ``notebooks/`` (so nothing in the repository is written), opens each notebook in
Debian's ``chromium`` (or Chrome) through Playwright, clears the stored outputs, clicks
*Run → Run All Cells* and waits until every cell has run. Then it saves the copy and checks it:
every code cell ran, in order; errors only in cells tagged ``raises-exception``; no stderr; as
many figures as the stored notebook. In notebook 01 it types an answer into an exercise cell,
runs it and reads the checker's verdict from the page. One screenshot per notebook goes to
``screenshots/`` (git-ignored). With no browser to start, it fails: it never skips.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers import checks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOTS = ROOT / "screenshots"
RUN_ALL_SECONDS = 300  # per notebook; each runs in well under 60 s in JupyterLab here

pytestmark = pytest.mark.browser


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server of this environment over a temporary copy of the notebooks."""

    def __init__(self, folder):
        self.folder, self.port, self.token = folder, _free_port(), secrets.token_hex(16)
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(folder / ".jupyter"),
               "JUPYTER_RUNTIME_DIR": str(folder / ".runtime"),
               "JUPYTERLAB_SETTINGS_DIR": str(folder / ".settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(folder / ".workspaces")}
        self._write_test_settings(folder / ".settings")
        self.log = open(folder / "jupyterlab.log", "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={self.port}", f"--IdentityProvider.token={self.token}",
             f"--ServerApp.root_dir={folder / 'notebooks'}", "--ServerApp.port_retries=0",
             *(["--allow-root"] if os.geteuid() == 0 else [])],  # CI containers run as root
            env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: stop() ends kernels with it
        deadline = time.monotonic() + 90
        while True:
            try:
                self.api("api/status")
                return
            except (OSError, ValueError):  # not up yet (or not JupyterLab answering)
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    log = (folder / "jupyterlab.log").read_text()[-3000:]
                    pytest.fail(f"JupyterLab did not start on port {self.port}:\n{log}")
                time.sleep(0.5)

    @staticmethod
    def _write_test_settings(settings):
        """User settings of the test only: no autosave (the test saves when every cell has
        run) and every cell attached to the page (JupyterLab's default may leave off-screen
        cells out of the DOM). The course's own overrides (no news pop-up) still apply."""
        for plugin, values in {
            "docmanager-extension/plugin": {"autosave": False},
            "notebook-extension/tracker": {"windowingMode": "none"},
        }.items():
            path = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))

    def url(self, path):
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def api(self, path, method="GET"):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_state(self, name):
        """The execution state of the kernel of notebook ``name``, or None before it starts."""
        for session in self.api("api/sessions"):
            if session["path"] == name and session.get("kernel"):
                return session["kernel"]["execution_state"]
        return None

    def shut_down_kernels(self):
        for session in self.api("api/sessions"):
            self.api(f"api/sessions/{session['id']}", method="DELETE")

    def stop(self):
        """End the server and every kernel it started (one process group)."""
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=wait)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.close()


@pytest.fixture(scope="module")
def lab():
    with tempfile.TemporaryDirectory(prefix="course-lab-") as folder:
        folder = Path(folder)
        (folder / "notebooks").mkdir()
        for path in NOTEBOOKS:
            shutil.copy(path, folder / "notebooks" / path.name)
        server = Lab(folder)
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    yield page
    context.close()
    lab.shut_down_kernels()


def _menu(page, menu, command):
    """Click a menu of the menu bar, then one of its commands, as a learner does."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def _prompts(page):
    """Each code cell's input prompt, e.g. ['[1]:', '[*]:', '[ ]:']."""
    prompts = page.locator(".jp-NotebookPanel:visible .jp-CodeCell .jp-InputPrompt")
    return [text.strip() for text in prompts.all_inner_texts()]


def _run_all_and_wait(page, lab, name, cells):
    """Clear all outputs, Run → Run All Cells, and wait until every code cell has run."""
    _menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(p => !/\\d/.test(p.textContent))")
    _menu(page, "Run", "runmenu:run-all")
    deadline, idle_polls = time.monotonic() + RUN_ALL_SECONDS, 0
    while time.monotonic() < deadline:
        time.sleep(1)
        prompts = _prompts(page)
        idle_polls = idle_polls + 1 if lab.kernel_state(name) == "idle" else 0
        if idle_polls < 2 or "[*]:" in prompts:
            continue  # still running (or between two cells)
        if len(prompts) == cells and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            return  # every cell has run and the kernel has stayed idle since
        if idle_polls >= 5:  # Run All that stopped early leaves blank prompts behind
            blank = [i for i, p in enumerate(prompts, 1) if not re.search(r"\d", p)]
            pytest.fail(f"Run All stopped: code cells {blank} never ran; {len(prompts)} "
                        f"prompts for {cells} code cells: {prompts}")
    pytest.fail(f"Run All did not finish in {RUN_ALL_SECONDS} s: {_prompts(page)}")


def _screenshot_whole_notebook(page, path):
    """A screenshot as tall as the notebook (up to 16,000 px), every output in view."""
    height = page.evaluate("document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) "
                           ".jp-WindowedPanel-outer').scrollHeight")
    viewport = page.viewport_size
    page.set_viewport_size({"width": viewport["width"], "height": min(height + 200, 16_000)})
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.scroll_into_view_if_needed()
    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def _save_and_read(page, path, cells):
    """File → Save Notebook, then read what the browser saved (not the copy it opened)."""
    before = path.stat().st_mtime_ns
    _menu(page, "File", "docmanager:save")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if path.stat().st_mtime_ns == before:
            continue
        nb = nbformat.read(path, as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        if len(code) == cells and all(cell.execution_count for cell in code):
            return code
    pytest.fail(f"the notebook was not saved with every cell run: {path}")


def _figures(code_cells):
    return sum("image/png" in output.get("data", {})
               for cell in code_cells for output in cell.outputs)


@pytest.mark.parametrize("stored", NOTEBOOKS, ids=lambda p: p.name)
def test_run_all_in_jupyterlab_runs_every_cell(page, lab, stored):
    name = stored.name
    stored_code = [c for c in nbformat.read(stored, as_version=4).cells if c.cell_type == "code"]
    page.goto(lab.url(f"lab/tree/{name}") + "&reset")  # a fresh workspace: this notebook only
    page.locator(".jp-Notebook .jp-CodeCell").first.wait_for(timeout=60_000)
    deadline = time.monotonic() + 60
    while lab.kernel_state(name) != "idle" and time.monotonic() < deadline:
        time.sleep(0.5)  # the kernel starts with the notebook
    notification = lab.api("lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert notification["schema"]["properties"]["fetchNews"]["default"] == "false", \
        "the course's settings override (no news pop-up) is not installed: pip install -e ."

    _run_all_and_wait(page, lab, name, len(stored_code))
    assert page.get_by_text("official Jupyter news").count() == 0, "a news pop-up showed"
    _screenshot_whole_notebook(page, SCREENSHOTS / f"{stored.stem}.png")
    code = _save_and_read(page, lab.folder / "notebooks" / name, len(stored_code))

    counts = [cell.execution_count for cell in code]
    assert counts == list(range(1, len(code) + 1)), "every code cell ran once, in order"
    for n, cell in enumerate(code, 1):
        tagged = "raises-exception" in cell.metadata.get("tags", [])
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert tagged or not errors, f"code cell {n}: {errors[0].ename}: {errors[0].evalue}"
        assert not tagged or errors, f"code cell {n} is tagged raises-exception but ran cleanly"
        stderr = [o.text for o in cell.outputs if o.get("name") == "stderr"]
        assert not stderr, f"code cell {n} wrote to stderr: {stderr[0][:300]}"
    assert _figures(code) == _figures(stored_code), "as many figures as the stored notebook"

    if name.startswith("01_"):
        _answer_an_exercise(page, name)


def _answer_an_exercise(page, name):
    """Type an answer into exercise 01.4, run it, read the verdict; then a wrong answer."""
    cell = page.locator(".jp-CodeCell", has_text='checks.check("01.4", answer)')
    output = cell.locator(".jp-OutputArea-output")
    for answer in (9, 8):
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+Home")
        page.keyboard.press("Shift+End")
        page.keyboard.type(f"answer = {answer}")
        page.keyboard.press("Shift+Enter")
        status, message = checks.grade("01.4", answer)
        expected = f"Exercise 01.4: {message}"
        output.filter(has_text=expected).wait_for(timeout=30_000)
        assert output.inner_text().strip() == expected
        assert status == (checks.CORRECT if answer == 9 else checks.WRONG)
    page.screenshot(path=SCREENSHOTS / f"{Path(name).stem}-exercise.png")
