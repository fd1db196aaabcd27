"""The trainer's clock: saved as an offset from real time, resumed on relaunch."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from state import clock
from state.clock import SimClock
from state.simulator import Simulator
from state.storage import Database
from tests.state.conftest import MakeSim, at


def test_set_clock_saves_the_offset_and_a_relaunch_resumes_it(
    make_sim: MakeSim, tmp_path: Path
) -> None:
    sim = make_sim()
    sim.set_clock(at("2026-07-01 10:00"))
    offset = sim.app_state().clock_offset_seconds
    assert offset is not None
    assert abs(clock.moment_for(offset) - at("2026-07-01 10:00")) < timedelta(seconds=5)
    again = Simulator(
        Database(sim.db.path), SimClock(ticking=True), rng=random.Random()
    )
    again.resume_clock()
    assert abs(again.now() - at("2026-07-01 10:00")) < timedelta(seconds=5)


def test_the_console_steps_a_day_and_a_month(make_sim: MakeSim) -> None:
    sim = make_sim("2026-01-31 10:00")
    sim.advance_clock(timedelta(days=1))
    assert sim.now() == at("2026-02-01 10:00")
    sim.set_clock(at("2026-01-31 10:00"))
    sim.advance_month()
    assert sim.now() == at("2026-02-28 10:00")


def test_setting_the_clock_is_in_the_audit_log(make_sim: MakeSim) -> None:
    sim = make_sim()
    sim.set_clock(at("2026-04-01 08:00"))
    event = sim.audit_log()[0]
    assert (event.action, event.detail) == ("设置时间", "2026-04-01 08:00")
