"""What a launch reads before its first page, without importing the domain.

The first page needs only the saved onboarding step and the simulated time. Both are
read from the stored app state as plain data, so the page is drawn before the rules
and their pydantic models are imported; `open()` then builds the simulator on the
same file and clock, as the app does right after that first page has been drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from state.clock import SimClock, moment_for, parse_clock
from state.storage import Database

if TYPE_CHECKING:
    from state.simulator import Simulator

APP_TABLE = "app"
"""The table of the phone's own state (one document, see `state.models.AppState`)."""
FIRST_STEP = "agreement"


@dataclass
class Startup:
    """An opened database file and the clock, with the saved step to show first."""

    db: Database
    clock: SimClock
    onboarding: str
    clock_set: datetime | None
    """The time given with --clock, to be saved once the simulator is built."""

    @classmethod
    def read(cls, db_path: Path, clock_text: str | None) -> Startup:
        """Open the file (raising StorageError) and resume or set the clock."""
        db = Database(db_path)
        saved = db.table(APP_TABLE).get(doc_id=1)
        saved = saved if isinstance(saved, dict) else {}
        clock = SimClock(ticking=True)
        moment = parse_clock(clock_text) if clock_text else None
        offset = saved.get("clock_offset_seconds")
        if moment is not None:
            clock.set(moment)
        elif isinstance(offset, int | float):
            clock.set(moment_for(offset))
        step = saved.get("onboarding")
        return cls(db, clock, step if isinstance(step, str) else FIRST_STEP, moment)

    def open(self) -> Simulator:
        """The simulator: the clock saved (or interest due settled), demo loaded."""
        from state.simulator import Simulator

        sim = Simulator(self.db, self.clock)
        if self.clock_set is not None:
            sim.set_clock(self.clock.now())
        else:
            sim.resume_clock()
        sim.load_demo()
        return sim
