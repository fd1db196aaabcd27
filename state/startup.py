"""What a launch reads before its first page, without importing the domain.

The first page needs only the saved onboarding step and the simulated time. Both are
read from the stored app state as plain data, so the page is drawn before the rules
and their pydantic models are imported; `open()` then builds the simulator on the
same file and clock, as the app does right after that first page has been drawn.
A file that is new, damaged or not plainly ours is opened in full at once, so its
message comes before any page.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from state.clock import SimClock, moment_for, parse_clock
from state.fileformat import (
    APP_TABLE,
    META_TABLE,
    SCHEMA_VERSION,
    misshapen_table,
)

if TYPE_CHECKING:
    from state.simulator import Simulator
    from state.storage import Database

FIRST_STEP = "agreement"


def _sound_app_state(path: Path) -> dict[str, Any] | None:
    """The stored app state if the file is plainly a usable database of ours."""
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or misshapen_table(data) is not None:
        return None
    meta = data.get(META_TABLE)
    if not isinstance(meta, dict) or not isinstance(meta.get("1"), dict):
        return None
    if meta["1"].get("schema_version") != SCHEMA_VERSION:
        return None
    saved = data.get(APP_TABLE, {}).get("1", {})
    return saved if isinstance(saved, dict) else None


@dataclass
class Startup:
    """The database file and the clock, with the saved step to show first."""

    path: Path
    clock: SimClock
    onboarding: str
    clock_set: datetime | None
    """The time given with --clock, to be saved once the simulator is built."""
    db: Database | None = None
    """Opened already when the file needed the full checks."""

    @classmethod
    def read(cls, db_path: Path, clock_text: str | None) -> Startup:
        """Read the saved state; a file in doubt is opened (raising StorageError)."""
        path = Path(db_path)
        db = None
        saved = _sound_app_state(path)
        if saved is None:
            from state.storage import Database

            db = Database(path)
            found = db.table(APP_TABLE).get(doc_id=1)
            saved = found if isinstance(found, dict) else {}
        clock = SimClock(ticking=True)
        moment = parse_clock(clock_text) if clock_text else None
        offset = saved.get("clock_offset_seconds")
        if moment is not None:
            clock.set(moment)
        elif isinstance(offset, int | float):
            clock.set(moment_for(offset))
        step = saved.get("onboarding")
        step = step if isinstance(step, str) else FIRST_STEP
        return cls(path, clock, step, moment, db)

    def open(self) -> Simulator:
        """The simulator: the clock saved (or interest due settled), demo loaded.

        Raises StorageError when the file can no longer be used, and moves it aside
        (DamagedDatabase) when a stored record cannot be read.
        """
        from state.repo import Repo
        from state.simulator import Simulator
        from state.storage import Database

        db = self.db or Database(self.path)
        damaged = Repo(db).first_damaged()
        if damaged is not None:
            raise db.reject(damaged)
        sim = Simulator(db, self.clock)
        if self.clock_set is not None:
            sim.set_clock(self.clock.now())
        else:
            sim.resume_clock()
        sim.load_demo()
        return sim
