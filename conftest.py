"""Settings for the whole `pytest` run (the notebooks' kernels inherit this environment).

`pytest` runs two notebooks at once, one per worker (pyproject.toml), on a 2-core machine. Each
kernel's TensorFlow would otherwise start thread pools as large as the machine, and the two
kernels would compete for the same cores; one thread each avoids that. The stored outputs do not
change: a notebook prints the same numbers with one thread as with many (the README's 1-core
check). A value you set yourself is kept.
"""

import os

for variable in ("TF_NUM_INTEROP_THREADS", "TF_NUM_INTRAOP_THREADS"):
    os.environ.setdefault(variable, "1")
