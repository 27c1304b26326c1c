"""The course's website: Sphinx + MyST-NB + sphinx-book-theme over the stored notebooks.

Build it (README, "The course as a website"):

    python3 -m venv .venv-docs && .venv-docs/bin/pip install -r docs/requirements.txt
    .venv-docs/bin/sphinx-build -W -c docs . docs/_build/html

The source folder is the repository itself, so every link the notebooks make (to each other, to
`glossary.md`, to `../README.md`) resolves on the site exactly as it does on GitHub and in
JupyterLab; only the README, the nine notebooks, the glossary and the cheat sheet are read. The
notebooks are never executed: their stored outputs, the ones the tests check, are the pages.
The README is the landing page. Everything the pages load is served by the site itself (MathJax
included), so the site works offline and its test can see every request.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from links import address, site  # noqa: E402 (the one repository address)

OWNER, NAME, BRANCH = address(ROOT / "pyproject.toml")
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
REFERENCE = ["glossary", "cheat_sheet"]

project = "Recurrent networks on sequences with many features (Keras 3)"
author = "the course's authors"
copyright = "the course's authors"
root_doc = "README"

# sphinx-mathjax-offline: MathJax 3.2.2 served from _static/mathjax (it sets mathjax_path), so
# that no page loads a script from a CDN (Sphinx's default is MathJax 4 from jsDelivr).
extensions = ["myst_nb", "sphinx-mathjax-offline"]
nb_execution_mode = "off"  # the stored outputs are the truth
myst_enable_extensions = ["dollarmath", "amsmath"]
# Read only these; prune every other folder (virtual environments, the build itself) unwalked.
include_patterns = ["README.md", "notebooks/[0-9][0-9]_*.ipynb",
                    *(f"notebooks/{page}.md" for page in REFERENCE)]
exclude_patterns = [p.name for p in ROOT.iterdir() if p.is_dir() and p.name != "notebooks"]
exclude_patterns += ["notebooks/.*"]

html_theme = "sphinx_book_theme"
html_title = "RNNs with many features"
html_baseurl = site(OWNER, NAME)  # where GitHub Pages publishes it (.github/workflows/site.yml)
html_theme_options = {
    "repository_url": f"https://github.com/{OWNER}/{NAME}",
    "repository_branch": BRANCH,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "launch_buttons": {"binderhub_url": "https://mybinder.org",
                       "colab_url": "https://colab.research.google.com",
                       "notebook_interface": "jupyterlab"},
    "show_toc_level": 2,
    # on every page, since a page cannot run its cells
    "announcement": "These pages show each notebook with its stored outputs. To run one and do "
                    "its exercises, open it in Binder or Colab from the rocket menu at the top "
                    "right, or download it from the menu beside it.",
}
html_context = {"default_mode": "auto"}  # light or dark as the reader's system is
html_copy_source = True  # _sources/: the download button, and the test's staleness check
html_favicon = "favicon.svg"
html_static_path = ["static"]
html_css_files = ["site.css"]
html_extra_path = [str(Path(__file__).parent / "extra")]  # index.html: to the README


def _site_readme(app, docname, source):
    """The README as the landing page: its badges (images served by Binder and Colab) become
    plain links, and a hidden table of contents orders the pages for the sidebar and the
    previous/next links (on GitHub the README's own table does that)."""
    if docname != root_doc:
        return
    badges = re.findall(r"^\[!\[([^\]]*)\]\([^)]*\)\]\(([^)]*)\)$", source[0], flags=re.M)
    links = " · ".join(f"[{text}]({url})" for text, url in badges)
    text = re.sub(r"^(\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\n)+", links + "\n", source[0],
                  count=1, flags=re.M)
    text += "\n\n```{toctree}\n:hidden:\n:caption: Notebooks\n\n"
    text += "".join(f"notebooks/{stem}\n" for stem in NOTEBOOKS) + "```\n"
    text += "\n```{toctree}\n:hidden:\n:caption: Reference\n\n"
    text += "".join(f"notebooks/{page}\n" for page in REFERENCE) + "```\n"
    source[0] = text


def setup(app):
    app.connect("source-read", _site_readme)
