"""`python -m generator …` runs the same command line as `mkreport …`."""
from .entry import run

run()
