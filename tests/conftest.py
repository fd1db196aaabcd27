"""Keep every test away from the person's own data folder and database."""

from __future__ import annotations

import os
import tempfile

# Set before any test imports the app, and inherited by the subprocesses tests
# start: logs, default databases and results go to a throwaway folder.
_DATA_HOME = tempfile.mkdtemp(prefix="gjj-sim-test-data-")
os.environ["XDG_DATA_HOME"] = _DATA_HOME
os.environ.pop("GJJ_SIM_DB", None)
