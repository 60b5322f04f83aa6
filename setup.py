"""Only what pyproject.toml cannot say: the top-level resources/ folder ships in the package.

pyproject.toml maps the package `syncerr_gui.bundled` to `resources/`; automatic discovery
cannot see a mapped folder, so the package list is found here and that one name added.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["syncerr_gui", "syncerr_gui.*"]), "syncerr_gui.bundled"])
