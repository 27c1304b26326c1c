"""Every Binder and Colab link, and the first cell's Colab install, come from one address."""

import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402


def test_every_link_agrees_with_the_address_in_pyproject():
    assert links.problems() == []


@pytest.fixture
def fork(tmp_path):
    """A copy of the files the links live in."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "README.md", tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path


def test_a_fork_s_address_rewrites_every_link(fork):
    links.set_address("https://github.com/alice/rnn-course", "teaching", root=fork)
    assert links.address(fork / "pyproject.toml") == ("alice", "rnn-course", "teaching")
    assert links.problems(fork), "the old links no longer agree with the new address"
    changed = links.write(root=fork)
    assert changed == ["README.md", *sorted(p.name for p in (ROOT / "notebooks").glob("0*.ipynb"))]
    assert links.problems(fork) == []
    assert "https://alice.github.io/rnn-course/" in (fork / "README.md").read_text()
    name = "05_numeric_and_categorical_features.ipynb"
    notebook = nbformat.read(fork / "notebooks" / name, as_version=4)
    assert ("[Colab](https://colab.research.google.com/github/alice/rnn-course/blob/teaching/"
            f"notebooks/{name})") in notebook.cells[0].source
    assert ("[Binder](https://mybinder.org/v2/gh/alice/rnn-course/teaching?urlpath=lab/tree/"
            f"notebooks/{name})") in notebook.cells[0].source
    assert ('!pip install --quiet --no-deps "rnn-course-helpers @ '
            'git+https://github.com/alice/rnn-course@teaching"') in notebook.cells[2].source
    # only the links changed: the same cells, the same outputs
    original = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert [c.get("outputs") for c in notebook.cells] == [c.get("outputs") for c in original.cells]


def test_a_citation_of_another_github_pages_site_is_left_alone():
    page = "https://colah.github.io/posts/2015-08-Understanding-LSTMs/"
    text = f"See [Olah's essay]({page}) and the course at <https://OWNER.github.io/REPO/>."
    assert links.rewrite(text, "alice", "rnn-course", "main") == (
        f"See [Olah's essay]({page}) and the course at <https://alice.github.io/rnn-course/>.")


def test_a_link_to_another_notebook_or_address_is_found(fork):
    path = fork / "notebooks" / "03_last_timestep_output.ipynb"
    text = path.read_text()
    path.write_text(text.replace("blob/main/notebooks/03_last_timestep_output.ipynb",
                                 "blob/main/notebooks/02_sequence_output.ipynb"))
    readme = fork / "README.md"
    readme.write_text(readme.read_text().replace("v2/gh/OWNER/REPO/main?urlpath=lab/tree/notebooks/07",
                                                 "v2/gh/bob/REPO/main?urlpath=lab/tree/notebooks/07"))
    found = links.problems(fork)
    assert "03_last_timestep_output.ipynb: its navigation line lacks its own colab link" in found
    assert "README.md: a link is not made from OWNER/REPO@main" in found


def test_the_first_cell_installs_the_helpers_on_colab_only():
    """The install line sits under the Colab test, and names this package and this address."""
    owner, name, branch = links.address()
    for path in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        setup = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        lines = setup.source.splitlines()
        assert lines[:3] == ["import sys", "", links.COLAB_ONLY + lines[2][len(links.COLAB_ONLY):]]
        assert lines[3] == (f'    !pip install --quiet --no-deps "rnn-course-helpers @ '
                            f'git+https://github.com/{owner}/{name}@{branch}"'), path.name
        assert not lines[4] and not lines[4 + 1].startswith(" "), "only the install is Colab's"


@pytest.mark.parametrize("url", ["OWNER/REPO", "https://gitlab.com/a/b", "https://github.com/a",
                                 None])
def test_a_bad_address_is_refused(fork, url):
    with pytest.raises(ValueError, match="expected an address https://github.com/OWNER/NAME"):
        links.set_address(url, "main", root=fork)


@pytest.mark.parametrize("branch", ["feature/x", "", "main branch", 3])
def test_a_branch_the_links_could_not_rewrite_later_is_refused(fork, branch):
    with pytest.raises(ValueError, match="expected a branch name without '/'"):
        links.set_address("https://github.com/alice/course", branch, root=fork)


def test_the_badges_must_open_the_first_notebook(fork):
    readme = fork / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("blob/main/notebooks/01_sequences_with_many_features.ipynb)",
                                   "blob/main/notebooks/02_sequence_output.ipynb)", 1),
                      encoding="utf-8")
    wrong = "README.md: its Open in Colab badge does not open 01_sequences_with_many_features.ipynb"
    assert wrong in links.problems(fork)
