"""The one place that reads the real time, to keep the trainer's clock across launches.

The app stores `simulated − real` seconds; a relaunch adds it to the real time again,
so a clock the trainer set keeps ticking from where it would be now.
"""

from __future__ import annotations

import time
from datetime import datetime

from state.clock import BEIJING


def real_seconds() -> float:
    """Seconds since the epoch, real time."""
    return time.time()


def offset_for(moment: datetime) -> float:
    """Simulated minus real seconds, for a naive Beijing `moment`."""
    return moment.replace(tzinfo=BEIJING).timestamp() - real_seconds()


def moment_for(offset_seconds: float) -> datetime:
    """The naive Beijing simulated time that `offset_seconds` stands for now."""
    stamp = real_seconds() + offset_seconds
    return datetime.fromtimestamp(stamp, BEIJING).replace(tzinfo=None, microsecond=0)
