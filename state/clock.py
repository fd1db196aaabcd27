"""The simulated clock: the one source of "now" for the whole simulator.

Times are naive datetimes in Beijing time. The clock either stands still (flow runs,
tests) or ticks in real time from the moment it was set (the interactive app). This
is the only module that reads the real time: to start a clock given no time, and to
keep the trainer's clock across launches as `simulated − real` seconds.
"""

from __future__ import annotations

import time
from calendar import monthrange
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "北京时间")
"""China has kept UTC+8 all year since 1992; no time-zone database is needed."""
CLOCK_FORMAT = "%Y-%m-%d %H:%M"


def parse_clock(text: str) -> datetime:
    """Parse `YYYY-MM-DD HH:MM`; raises ValueError with an English message."""
    try:
        return datetime.strptime(text.strip(), CLOCK_FORMAT)
    except ValueError:
        raise ValueError(f"invalid time {text!r}, expected YYYY-MM-DD HH:MM") from None


def beijing_wall_time() -> datetime:
    """The real Beijing time, used only to start a clock that was given no time."""
    return datetime.now(BEIJING).replace(tzinfo=None, microsecond=0)


def add_month(moment: datetime) -> datetime:
    """Same day and time next month, clamped to that month's last day."""
    year, month = divmod(moment.year * 12 + moment.month, 12)
    day = min(moment.day, monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def offset_for(moment: datetime) -> float:
    """Simulated minus real seconds, for a naive Beijing `moment`."""
    return moment.replace(tzinfo=BEIJING).timestamp() - time.time()


def moment_for(offset_seconds: float) -> datetime:
    """The naive Beijing simulated time that `offset_seconds` stands for now."""
    stamp = time.time() + offset_seconds
    return datetime.fromtimestamp(stamp, BEIJING).replace(tzinfo=None, microsecond=0)


class SimClock:
    """Simulated time; `ticking` makes it advance with the real seconds."""

    def __init__(self, start: datetime | None = None, ticking: bool = False) -> None:
        self.ticking = ticking
        self._base = start or beijing_wall_time()
        self._base_mono = time.monotonic()

    def now(self) -> datetime:
        if not self.ticking:
            return self._base
        elapsed = time.monotonic() - self._base_mono
        return (self._base + timedelta(seconds=elapsed)).replace(microsecond=0)

    def set(self, moment: datetime) -> None:
        self._base = moment
        self._base_mono = time.monotonic()

    def advance(self, delta: timedelta) -> None:
        self.set(self.now() + delta)

    def advance_month(self) -> None:
        self.set(add_month(self.now()))
