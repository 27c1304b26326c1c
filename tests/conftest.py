"""Unit tests draw figures off screen. (Notebook kernels keep their own inline backend.)

The two real-browser tests (tests/test_browser.py: the course in JupyterLab; tests/test_site.py:
the website) share the Chromium they drive: the `browser` fixture below.
"""

import os
import shutil

import matplotlib
import pytest

matplotlib.use("Agg")

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Flags for a sandboxed machine with no network but localhost (see Chromium's own switches).
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


def _browser_path():
    """The Chromium to drive: $CHROMIUM, else the first of BROWSERS on the PATH."""
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:  # fail, never skip: a check that silently does not run is no check
        pytest.fail("no Chromium to drive: install Debian's `chromium` (apt-get install "
                    "chromium), or set CHROMIUM to a Chrome or Chromium binary; looked for "
                    f"{BROWSERS}")
    return found


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through Playwright, one per test module."""
    from playwright.sync_api import Error, sync_playwright

    executable = _browser_path()
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable,
                                                  args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"could not start {executable}: {error}")
        yield chromium
        chromium.close()
