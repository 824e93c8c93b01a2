"""`python -m generator …` runs the same command line as `mkreport …`."""
from .cli import main

main()
