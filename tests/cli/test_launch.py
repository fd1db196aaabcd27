"""A launch: the first page from the saved step, then the simulator on the same file."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from screens.main import HomeScreen
from screens.onboarding import IntroScreen
from state.clock import SimClock, offset_for
from state.repo import Repo
from state.simulator import Simulator
from state.startup import Startup
from state.storage import Database
from tui_app.app import GjjApp

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_page_needs_neither_the_rules_nor_pydantic() -> None:
    code = (
        "import sys\n"
        "import tui_app.cli, tui_app.app, screens.onboarding, screens.main\n"
        "print(sorted(m for m in ('pydantic', 'state.models', 'state.simulator')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_saved_step_and_clock_are_read_as_the_simulator_reads_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    sim = Simulator(Database(path), SimClock(datetime(2026, 3, 10, 9, 30)))
    sim.agree()
    sim.set_clock(datetime(2027, 7, 1, 8, 15))
    startup = Startup.read(path, None)
    assert startup.onboarding == Repo(Database(path)).app().onboarding == "intro"
    assert abs(startup.clock.now() - datetime(2027, 7, 1, 8, 15)).total_seconds() < 5
    assert Startup.read(tmp_path / "new.json", None).onboarding == "agreement"


async def test_the_app_opens_the_saved_page_then_builds_the_simulator(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    Simulator(Database(path), SimClock(datetime(2026, 3, 10, 9, 30))).agree()
    app = GjjApp(Startup.read(path, "2026-06-30 16:00"), side_panel=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IntroScreen)
        assert app._sim is not None  # built once the page was drawn
        assert app.sim.now().strftime("%Y-%m-%d %H:%M") == "2026-06-30 16:00"
    stored = Repo(Database(path))
    offset = stored.app().clock_offset_seconds
    assert offset is not None
    assert abs(offset - offset_for(datetime(2026, 6, 30, 16, 0))) < 60
    assert any(person.name == "李强" for person in stored.people())  # demo loaded


async def test_a_finished_onboarding_opens_home(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    Simulator(Database(path), SimClock(datetime(2026, 3, 10, 9, 30))).skip_onboarding()
    app = GjjApp(Startup.read(path, None), side_panel=False)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "太原市" in str(app.screen.query_one(".city").render())


def test_a_file_in_doubt_is_checked_in_full_before_any_page(tmp_path: Path) -> None:
    from state.storage import DamagedDatabase

    path = tmp_path / "db.json"
    path.write_text('{"_meta": {"1": {"schema_version": 99}}}', encoding="utf-8")
    try:
        Startup.read(path, None)
    except DamagedDatabase as damaged:
        assert "数据版本 99 不受支持" in str(damaged)
        assert damaged.moved_to is not None and damaged.moved_to.exists()
    else:
        raise AssertionError("a file of another schema version was accepted")
    assert not path.exists()
