"""The course's website, read in headless Chromium the way a visitor reads it.

Not part of plain ``pytest``. Build the site, then run this test (README, "The course as a
website"):

    .venv-docs/bin/sphinx-build -W -c docs . docs/_build/html
    .venv/bin/python -m pytest -m browser -n 0 tests/test_site.py

It serves ``docs/_build/html`` on a free local port and opens every page of the course in
Debian's ``chromium`` (or Chrome) through Playwright: the README (the landing page), the nine
notebooks, the glossary and the cheat sheet. On each page: no console error, no failed request,
no request that leaves the site (it is built to work offline), every image loaded (on a
notebook's page, as many figures as the stored notebook has), every formula typeset by MathJax.
Across the pages: every internal link leads to a page or file that exists, and to an anchor that
exists on it. On each notebook's page the rocket menu opens Binder and Colab links for that
notebook, the same links `tools/links.py` makes from the one repository address. Typing
"return_sequences" in the search box lists the pages that teach it. Screenshots go to
``screenshots/site/`` (git-ignored). It fails, never skips, with no site built or no browser.
"""

import functools
import http.server
import sys
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "docs" / "_build" / "html"
SCREENSHOTS = ROOT / "screenshots" / "site"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PAGES = ["README", *(f"notebooks/{path.stem}" for path in NOTEBOOKS),
         "notebooks/glossary", "notebooks/cheat_sheet"]
BUILD = ".venv-docs/bin/sphinx-build -W -c docs . docs/_build/html"
FORMULA = ".math.notranslate"  # what Sphinx writes for each formula, before MathJax
# what MathJax 3 draws for a TeX error, and (in red) for an unknown command such as \sigmoid
TEX_ERROR = "mjx-merror, [style*='color: red']"
SHOOT = {"README", "notebooks/01_sequences_with_many_features", "notebooks/04_side_by_side",
         "notebooks/cheat_sheet"}

sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    """The built site over HTTP on a free local port: its base URL."""
    if not (SITE / "README.html").is_file():
        pytest.fail(f"no site in {SITE.relative_to(ROOT)}: build it first with {BUILD}")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@dataclass
class Visit:
    """What one page did and held in the browser."""

    url: str
    errors: list = field(default_factory=list)  # console errors and uncaught exceptions
    failed: list = field(default_factory=list)  # requests that failed or answered >= 400
    outside: list = field(default_factory=list)  # requests to anywhere but the site
    links: list = field(default_factory=list)  # every <a href>, absolute
    ids: set = field(default_factory=set)
    images: list = field(default_factory=list)  # (src, loaded)
    figures: int = 0  # images in the notebook's output cells
    formulas: int = 0
    typeset: int = 0  # formulas MathJax turned into math, without an error
    launch: dict = field(default_factory=dict)  # the rocket menu's entries: text -> href
    previous: str | None = None  # the previous/next links at the page's foot
    next: str | None = None


def _watch(page, visit, site):
    page.on("console", lambda m: m.type == "error" and visit.errors.append(
        f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda error: visit.errors.append(f"exception: {error}"))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: {r.status}"))
    page.on("request", lambda r: r.url.startswith(("http:", "https:"))
            and not r.url.startswith(site) and visit.outside.append(r.url))


def _read(page, visit):
    visit.links = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
    visit.ids = set(page.eval_on_selector_all("[id]", "es => es.map(e => e.id)"))
    visit.images = page.eval_on_selector_all(
        "img", "is => is.map(i => [i.src, i.complete && i.naturalWidth > 0])")
    visit.figures = page.locator(".cell_output img").count()
    visit.formulas = page.locator(FORMULA).count()
    visit.typeset = page.locator(f"{FORMULA}:has(mjx-container):not(:has({TEX_ERROR}))").count()
    visit.launch = dict(page.eval_on_selector_all(
        ".dropdown-launch-buttons a", "as => as.map(a => [a.textContent.trim(), a.href])"))
    for side, selector in (("previous", ".prev-next-area a.left-prev"),
                           ("next", ".prev-next-area a.right-next")):
        link = page.locator(selector)
        setattr(visit, side, link.evaluate("a => a.href") if link.count() else None)


@pytest.fixture(scope="module")
def visits(browser, site):
    """Every page of the course, opened once: {page: Visit}."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    found = {}
    for name in PAGES:
        visit = found[name] = Visit(url=f"{site}{name}.html")
        page = context.new_page()
        _watch(page, visit, site)
        page.goto(visit.url, wait_until="networkidle")
        if page.locator(FORMULA).count():  # MathJax typesets after the page has loaded
            page.wait_for_function("() => window.MathJax && MathJax.startup"
                                   " && MathJax.startup.promise", timeout=30_000)
            page.evaluate("() => MathJax.startup.promise")
            page.wait_for_load_state("networkidle")  # the fonts MathJax asked for
        _read(page, visit)
        if name in SHOOT:
            page.screenshot(path=SCREENSHOTS / f"{Path(name).name}.png")
        page.close()
    context.close()
    return found


def _stored_figures(path):
    nb = nbformat.read(path, as_version=4)
    return sum("image/png" in output.get("data", {}) for cell in nb.cells
               if cell.cell_type == "code" for output in cell.outputs)


def test_the_site_is_built_from_the_current_sources():
    """A stale build would test yesterday's course: the copies the build keeps of its sources
    must be today's files."""
    sources = [ROOT / "README.md", *NOTEBOOKS, ROOT / "notebooks" / "glossary.md",
               ROOT / "notebooks" / "cheat_sheet.md"]
    stale = [str(path.relative_to(ROOT)) for path in sources
             if not (SITE / "_sources" / path.relative_to(ROOT)).is_file()
             or (SITE / "_sources" / path.relative_to(ROOT)).read_bytes() != path.read_bytes()]
    assert not stale, f"the site was built from older versions of {stale}: rebuild with {BUILD}"


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_errors_from_the_site_alone(visits, name):
    visit = visits[name]
    assert not visit.errors, f"{visit.url}: {visit.errors}"
    assert not visit.failed, f"{visit.url}: {visit.failed}"
    assert not visit.outside, f"{visit.url} loads from outside the site: {visit.outside}"


@pytest.mark.parametrize("name", PAGES)
def test_every_image_loads(visits, name):
    visit = visits[name]
    broken = [src for src, loaded in visit.images if not loaded]
    assert not broken, f"{visit.url}: images that did not load: {broken}"
    if name.startswith("notebooks/0"):
        stored = _stored_figures(ROOT / f"{name}.ipynb")
        assert visit.figures == stored, (
            f"{visit.url} shows {visit.figures} figures; the stored notebook has {stored}")


@pytest.mark.parametrize("name", PAGES)
def test_every_formula_is_typeset(visits, name):
    visit = visits[name]
    assert visit.typeset == visit.formulas, (
        f"{visit.url}: MathJax typeset {visit.typeset} of {visit.formulas} formulas")


def test_the_formula_check_had_formulas_to_check(visits):
    """01 holds the LSTM's equations and the gates' symbols inline."""
    assert visits["notebooks/01_sequences_with_many_features"].formulas > 20


def test_no_internal_link_is_broken(visits, site):
    """Every link from the course's pages to the site itself leads to a file that exists, and
    its #anchor to an element on that page."""
    pages = {visit.url: visit for visit in visits.values()}
    broken, checked = [], set()
    for visit in visits.values():
        for href in visit.links:
            if not href.startswith(site) or href in checked:
                continue
            checked.add(href)
            url, _, anchor = href.partition("#")
            url = url.split("?")[0]
            if url in pages:
                target = pages[url]
            else:
                path = SITE / urllib.parse.unquote(url[len(site):])
                if path.is_dir():
                    path = path / "index.html"
                if not path.is_file():
                    broken.append(f"{visit.url} → {href}: no such file")
                    continue
                target = None
            if anchor and target is not None and anchor not in target.ids:
                broken.append(f"{visit.url} → {href}: no #{anchor} on that page")
            elif anchor and target is None:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if f'id="{anchor}"' not in response.read().decode("utf-8", "replace"):
                        broken.append(f"{visit.url} → {href}: no #{anchor} on that page")
    assert len(checked) > 100, f"only {len(checked)} internal links found"
    assert not broken, "\n".join(broken)


def test_every_page_links_to_the_others(visits, site):
    """The sidebar reaches every page from every page; the previous/next links at each page's
    foot walk the course in order: README, 01 to 09, glossary, cheat sheet."""
    for visit in visits.values():
        reached = {name for name in PAGES if f"{site}{name}.html" in visit.links}
        assert reached >= set(PAGES) - {visit.url[len(site):-len(".html")]}, visit.url
    urls = [visits[name].url for name in PAGES]
    walked = [(visits[name].previous, visits[name].next) for name in PAGES]
    assert walked == list(zip([None, *urls[:-1]], [*urls[1:], None], strict=True))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem[:2])
def test_launch_buttons_open_this_notebook(browser, site, notebook):
    """The rocket menu, clicked, offers Binder and Colab for this notebook, from the address
    that every other link is made from (pyproject.toml, tools/links.py)."""
    owner, name, branch = links.address()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}notebooks/{notebook.stem}.html", wait_until="networkidle")
    page.locator(".dropdown-launch-buttons > button").click()
    binder = page.locator(".dropdown-launch-buttons a", has_text="Binder")
    colab = page.locator(".dropdown-launch-buttons a", has_text="Colab")
    binder.wait_for(state="visible")
    assert colab.is_visible()
    assert binder.get_attribute("href") == links.binder(notebook.name, owner, name, branch)
    assert colab.get_attribute("href") == links.colab(notebook.name, owner, name, branch)
    if notebook == NOTEBOOKS[0]:
        page.screenshot(path=SCREENSHOTS / "launch-buttons.png")
    context.close()


def test_only_notebooks_have_launch_buttons(visits):
    for name, visit in visits.items():
        assert bool(visit.launch) == name.startswith("notebooks/0"), visit.url


def test_searching_return_sequences_lists_the_pages_that_teach_it(browser, site):
    """Type into the search box as a visitor does; the results name notebooks 01 to 04."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}README.html", wait_until="networkidle")
    page.keyboard.press("Control+k")
    box = page.locator("input[name='q']:visible").first
    box.fill("return_sequences")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=return_sequences*")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=30_000)
    page.wait_for_function(  # Sphinx writes "Search finished, found ..." when it has finished
        "() => /Search finished/.test(document.querySelector('#search-results').textContent)")
    found = page.eval_on_selector_all("#search-results ul.search li a",
                                      "as => as.map(a => a.href)")
    page.screenshot(path=SCREENSHOTS / "search.png")
    context.close()
    for stem in (path.stem for path in NOTEBOOKS[:4]):
        assert any(f"notebooks/{stem}.html" in href for href in found), (stem, found)


def test_the_site_s_address_opens_the_readme(browser, site):
    """GitHub Pages serves index.html at the site's address: it leads to the landing page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site)
    page.wait_for_url(f"{site}README.html")
    assert "Recurrent networks on sequences with many features" in page.title()
    context.close()
