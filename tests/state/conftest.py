"""Fixtures for the domain tests: a simulator on a fresh file at a chosen time."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from state.clock import SimClock, parse_clock
from state.simulator import Simulator
from state.storage import Database

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

MakeSim = Callable[..., Simulator]


def make_id(birth: date, sequence: int = 123, address: str = "140105") -> str:
    """A valid 居民身份证 number (odd sequence: a man), computed independently."""
    first17 = f"{address}{birth:%Y%m%d}{sequence:03d}"
    pairs = zip(first17, WEIGHTS, strict=True)
    total = sum(int(digit) * weight for digit, weight in pairs)
    return first17 + "10X98765432"[total % 11]


def at(text: str) -> datetime:
    return parse_clock(text)


@pytest.fixture
def make_sim(tmp_path: Path) -> MakeSim:
    """`make_sim("2026-03-10 09:30", login="李强")`: demo data loaded unless told."""

    def build(
        clock: str = "2026-03-10 09:30",
        login: str | None = None,
        demo: bool = True,
        name: str = "db.json",
    ) -> Simulator:
        sim = Simulator(
            Database(tmp_path / name), SimClock(at(clock)), rng=random.Random(7)
        )
        if demo:
            sim.load_demo()
        sim.skip_onboarding()
        if login:
            sim.login_as(login)
        return sim

    return build


@pytest.fixture
def sim(make_sim: MakeSim) -> Simulator:
    return make_sim()


def file_bytes(sim: Simulator) -> bytes:
    return sim.db.path.read_bytes()
