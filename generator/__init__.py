"""mkreport: Chinese department performance self-evaluation reports, checked and written from YAML facts."""

# The one place the version is written: pyproject.toml reads it (dynamic version), `mkreport
# --version` shows it, and CHANGELOG.md has an entry for it.
__version__ = "0.2.0"
