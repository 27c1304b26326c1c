"""Unit tests draw figures off screen. (Notebook kernels keep their own inline backend.)"""

import matplotlib

matplotlib.use("Agg")
