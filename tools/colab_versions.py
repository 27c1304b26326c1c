"""Set requirements-colab.txt's pins to the versions of a newer Colab package list.

    python tools/colab_versions.py pip-freeze.txt

pip-freeze.txt is Colab's published list (github.com/googlecolab/backend-info). Every pin in
requirements-colab.txt whose package the list names gets the list's version; the others (the
test tools, which Colab lacks) are kept and named. Then update the file's "Source:" comment, run
`bash .ci/run colab`, and raise the lower bounds in pyproject.toml if Colab's versions rose.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def _name(name):
    """A package's name as pip compares it (PEP 503): vega_datasets == vega-datasets."""
    return re.sub(r"[-_.]+", "-", name).lower()


def colab_versions(freeze_text):
    """{normalised name: version} for every `name==version` line of a pip freeze."""
    versions = {}
    for line in freeze_text.splitlines():
        match = PIN.match(line.strip())
        if match:
            versions[_name(match[1])] = match[2]
    return versions


def update(requirements_text, versions):
    """requirements_text with each pin set to `versions`' version: (new text, names not found)."""
    lines, missing = [], []
    for line in requirements_text.splitlines():
        match = PIN.match(line)
        if match and _name(match[1]) in versions:
            line = f"{match[1]}=={versions[_name(match[1])]}"
        elif match:
            missing.append(match[1])
        lines.append(line)
    return "\n".join(lines) + "\n", missing


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    versions = colab_versions(Path(argv[0]).read_text())
    if not versions:
        sys.exit(f"expected lines like 'keras==3.13.2' in {argv[0]}, found none")
    path = ROOT / "requirements-colab.txt"
    old = path.read_text()
    new, missing = update(old, versions)
    path.write_text(new)
    changed = sum(a != b for a, b in zip(old.splitlines(), new.splitlines(), strict=True))
    print(f"{changed} pins changed; not in Colab's list, kept: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1:])
