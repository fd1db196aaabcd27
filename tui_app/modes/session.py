"""One lesson played on a live app: its database, clock, start state and driver.

Like a flow run (FLOWS.md, File), every lesson gets a new database unless one is
given, a clock standing still at the lesson's `clock`, the demo people and the start
state. Installing a session swaps the app's simulator and opens the first page, so
one app can play several lessons in a row.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.pilot import Pilot

from tui_app.flows import Flow, RunOptions, StepDriver
from tui_app.flows.runner import RunSession

if TYPE_CHECKING:
    from tui_app.app import GjjApp

DB_NAME = "gjj-lesson.json"
KEY_CHARACTERS = {"enter": "\r", "space": " ", "tab": "\t", "escape": "\x1b"}


class LivePilot(Pilot[Any]):
    """A pilot for an app a person is watching: after a key it waits for the page
    to take it in, not for the whole process to go idle, which a ticking clock or
    a blinking cursor can put off for a second per key."""

    async def press(self, *keys: str) -> None:
        for key in keys:
            character = KEY_CHARACTERS.get(key, key if len(key) == 1 else None)
            event = events.Key(key, character)
            event.set_sender(self.app)
            self.app.post_message(event)
            await self.pause()

    async def pause(self, delay: float | None = None) -> None:
        if delay is not None:
            await asyncio.sleep(delay)
        # Twice: a key reaches the focused widget one message after the app.
        await self._wait_for_screen()
        await self._wait_for_screen()


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
        return StepDriver(LivePilot(app), self.run, settle_seconds)

    def close(self) -> None:
        self._folder.cleanup()
