"""A simulator on a fresh file with the demo people, for the Pilot reliability tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from state.clock import SimClock
from state.simulator import Simulator
from state.storage import Database

MakeSim = Callable[..., Simulator]


@pytest.fixture
def make_sim(tmp_path: Path) -> MakeSim:
    """`make_sim(start, clock)`: start is fresh, home or a demo name to log in."""
    count = 0

    def make(start: str = "home", clock: str = "2026-03-10 09:30") -> Simulator:
        nonlocal count
        count += 1
        moment = datetime.strptime(clock, "%Y-%m-%d %H:%M")
        sim = Simulator(Database(tmp_path / f"sim{count}.json"), SimClock(moment))
        sim.load_demo()
        if start != "fresh":
            sim.skip_onboarding()
        if start not in ("fresh", "home"):
            sim.login_as(start)
        return sim

    return make
