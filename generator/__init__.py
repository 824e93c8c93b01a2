"""mkreport: Chinese department performance self-evaluation reports, checked and written from YAML facts."""

# The one place the version is written: pyproject.toml reads it (dynamic version), `mkreport
# --version` shows it, and CHANGELOG.md has an entry for it.
__version__ = "0.2.0"

from . import early_signals as _early_signals  # noqa: E402  (first thing the command does: see the module)

_early_signals.install()
