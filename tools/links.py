"""The course's Binder and Colab links, all made from its one repository address.

The address is `[project.urls] Repository` in pyproject.toml, the branch `[tool.course] branch`.
From them come the launch links in the README (its badges and its table of notebooks), in every
notebook's navigation line, and the install line of every notebook's first cell, which installs
the helpers on Colab; the website's address (GitHub Pages) in the README; and the website's
launch buttons and its address (docs/conf.py).

    python tools/links.py                  check that every link agrees with pyproject.toml
    python tools/links.py --write          rewrite every link from pyproject.toml
    python tools/links.py --repository https://github.com/OWNER/NAME [--branch main]
                                           set the address (a fork's) in pyproject.toml, then
                                           rewrite every link from it
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?")
SEGMENT = r"[^/\s()\"\\?]+"
NOTEBOOK = r"notebooks/(\d\d_\w+\.ipynb)"
BINDER = re.compile(rf"https://mybinder\.org/v2/gh/{SEGMENT}/{SEGMENT}/{SEGMENT}"
                    rf"\?urlpath=lab/tree/{NOTEBOOK}")
COLAB = re.compile(rf"https://colab\.research\.google\.com/github/{SEGMENT}/{SEGMENT}/blob/"
                   rf"{SEGMENT}/{NOTEBOOK}")
# the helpers' requirement in the first cell (\\ stops at JSON's \"): rnn-course-helpers @ git+...
INSTALL = re.compile(r"(?<=rnn-course-helpers @ )git\+https://github\.com/[^\s\"\\@]+@[\w.-]+")
# a GitHub Pages site's own address, https://OWNER.github.io/NAME/, and nothing below it: a
# citation of another site's page (https://someone.github.io/posts/…) is left alone
SITE = re.compile(r"https://[A-Za-z0-9-]+\.github\.io/[A-Za-z0-9._-]+/(?=[>)\s]|$)")
PLACEHOLDER = ("OWNER", "REPO")
COLAB_ONLY = 'if "google.colab" in sys.modules:'


def address(pyproject=ROOT / "pyproject.toml"):
    """(owner, name, branch) from pyproject.toml; a ValueError names what is wrong."""
    config = tomllib.loads(_read(Path(pyproject)))
    url = config.get("project", {}).get("urls", {}).get("Repository", "")
    match = GITHUB.fullmatch(url)
    if not match:
        raise ValueError("expected [project.urls] Repository = 'https://github.com/OWNER/NAME' "
                         f"in {pyproject}, got {url!r}")
    branch = config.get("tool", {}).get("course", {}).get("branch", "")
    if not re.fullmatch(r"[\w.-]+", branch):  # no "/": the links' patterns stop at one
        raise ValueError(f"expected [tool.course] branch = 'main' in {pyproject}, got {branch!r}")
    return match[1], match[2], branch


def binder(notebook, owner, name, branch):
    """Binder's link that opens `notebook` (a file name in notebooks/) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{owner}/{name}/{branch}?urlpath=lab/tree/notebooks/{notebook}"


def colab(notebook, owner, name, branch):
    """Colab's link that opens `notebook` (a file name in notebooks/) from GitHub."""
    return (f"https://colab.research.google.com/github/{owner}/{name}/blob/{branch}/"
            f"notebooks/{notebook}")


def site(owner, name):
    """Where GitHub Pages publishes the course's website (.github/workflows/site.yml)."""
    return f"https://{owner}.github.io/{name}/"


def install(owner, name, branch):
    """What the first cell's `pip install` fetches on Colab: the helpers, from the repository."""
    return f"git+https://github.com/{owner}/{name}@{branch}"


def rewrite(text, owner, name, branch):
    """`text` with every Binder, Colab and install link made from the address (same notebooks)."""
    text = BINDER.sub(lambda m: binder(m[1], owner, name, branch), text)
    text = COLAB.sub(lambda m: colab(m[1], owner, name, branch), text)
    text = SITE.sub(site(owner, name), text)
    return INSTALL.sub(install(owner, name, branch), text)


def _read(path):
    """A file's text as UTF-8 with its line endings untouched (the same on Windows)."""
    return path.read_bytes().decode("utf-8")


def _write(path, text):
    path.write_bytes(text.encode("utf-8"))


def _files(root):
    return [root / "README.md", *sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def problems(root=ROOT):
    """Every way the links under `root` disagree with its pyproject.toml: a list of sentences."""
    owner, name, branch = address(root / "pyproject.toml")
    found = []
    for path in _files(root):
        text = _read(path)
        if rewrite(text, owner, name, branch) != text:
            found.append(f"{path.name}: a link is not made from {owner}/{name}@{branch}")
    readme = _read(root / "README.md")
    first = _files(root)[1].name  # the badges open the first notebook
    for badge, link in (("Binder", binder), ("Colab", colab)):
        if f"[![Open in {badge}]" not in readme or \
                f"]({link(first, owner, name, branch)})" not in readme.split("\n## ")[0]:
            found.append(f"README.md: its Open in {badge} badge does not open {first}")
    if site(owner, name) not in readme.split("\n## ")[0]:
        found.append(f"README.md: its opening does not link the website, {site(owner, name)}")
    for path in _files(root)[1:]:
        nb = nbformat.read(path, as_version=4)
        title, setup = nb.cells[0].source, next(c.source for c in nb.cells if c.cell_type == "code")
        navigation = next((line for line in title.splitlines() if "**Navigation:**" in line), "")
        for link in (binder, colab):
            if link(path.name, owner, name, branch) not in navigation:
                found.append(f"{path.name}: its navigation line lacks its own {link.__name__} link")
            if f"[{link.__name__.capitalize()}]({link(path.name, owner, name, branch)})" \
                    not in readme:
                found.append(f"README.md: its table lacks {path.name}'s {link.__name__} link")
        wanted = f'"{_project_name(root)} @ {install(owner, name, branch)}"'
        if COLAB_ONLY not in setup or wanted not in setup:
            found.append(f"{path.name}: its first code cell does not install {wanted} on Colab")
    return found


def _project_name(root):
    return tomllib.loads(_read(root / "pyproject.toml"))["project"]["name"]


def write(root=ROOT):
    """Rewrite every link under `root` from its pyproject.toml; returns the files changed."""
    owner, name, branch = address(root / "pyproject.toml")
    changed = []
    for path in _files(root):
        text = _read(path)
        new = rewrite(text, owner, name, branch)
        if new != text:
            _write(path, new)  # notebooks: only link text changes, their JSON layout stays
            changed.append(path.name)
    return changed


def set_address(url, branch, root=ROOT):
    """Write `url` (https://github.com/OWNER/NAME) and `branch` into pyproject.toml."""
    if not isinstance(url, str) or not GITHUB.fullmatch(url):
        raise ValueError(f"expected an address https://github.com/OWNER/NAME, got {url!r}")
    if not isinstance(branch, str) or not re.fullmatch(r"[\w.-]+", branch):
        raise ValueError(f"expected a branch name without '/', like 'main', got {branch!r}")
    path = root / "pyproject.toml"
    text = _read(path)
    text, urls = re.subn(r'(?m)^Repository = "[^"]*"', f'Repository = "{url}"', text)
    text, branches = re.subn(r'(?m)^branch = "[^"]*"', f'branch = "{branch}"', text)
    if (urls, branches) != (1, 1):
        raise ValueError(f"expected one 'Repository = ' and one 'branch = ' line in {path}")
    _write(path, text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite every link")
    parser.add_argument("--repository", help="set this address first (implies --write)")
    parser.add_argument("--branch", default="main", help="with --repository (default: main)")
    args = parser.parse_args(argv)
    if args.repository:
        set_address(args.repository, args.branch)
    if args.repository or args.write:
        changed = write()
        print(f"links made from {'/'.join(address())}; rewrote: {', '.join(changed) or 'nothing'}")
    found = problems()
    for problem in found:
        print(problem)
    if address()[:2] == PLACEHOLDER:
        print("note: the address is still the placeholder https://github.com/OWNER/REPO: the "
              "links lead nowhere until you set yours (README, 'Serve it from your fork')")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
