"""One lesson played on a live app: its database, clock, start state and driver.

Like a flow run (FLOWS.md, File), every lesson gets a new database unless one is
given, a clock standing still at the lesson's `clock`, the demo people and the start
state. Installing a session swaps the app's simulator and opens the first page, so
one app can play several lessons in a row.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.pilot import Pilot

from tui_app.flows import Flow, RunOptions, StepDriver
from tui_app.flows.runner import RunSession

if TYPE_CHECKING:
    from tui_app.app import GjjApp

DB_NAME = "gjj-lesson.json"


class LessonSession:
    """The database and simulator of one lesson; `close` removes a temporary one."""

    def __init__(self, flow: Flow, db_path: Path | None = None) -> None:
        self.flow = flow
        self._folder = tempfile.TemporaryDirectory(prefix="gjj-lesson-")
        folder = Path(self._folder.name)
        options = RunOptions(out_dir=folder / "screenshots")
        self.run = RunSession(flow, options, db_path or folder / DB_NAME)
        self.run.prepare()

    @property
    def sim(self) -> Any:
        return self.run.sim

    def install(self, app: GjjApp) -> None:
        """Give the app this lesson's simulator and show the page it starts on."""
        from screens.onboarding import first_screen

        app.sim = self.run.sim
        app.console_open = False
        app.reset_to(first_screen(app.sim))

    def relaunch(self, app: GjjApp) -> None:
        """The `restart` step: a new simulator on the same file, as a new launch."""
        self.run.sim = self.run.sim_factory(self.run.db_path, self.run.clock)
        self.install(app)

    def driver(self, app: GjjApp, settle_seconds: float) -> StepDriver:
        return StepDriver(Pilot(app), self.run, settle_seconds)

    def close(self) -> None:
        self._folder.cleanup()
