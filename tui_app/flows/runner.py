"""Run a parsed flow headless against the real app and record every step's outcome.

A run gets a new database (or the one given), a clock frozen at the flow's `clock`,
the demo people and the start state, then drives `GjjApp` through `App.run_test`.
`restart` quits the app and launches a new one on the same file and clock. Hooks let
the training and demo modes watch each step before and after it runs.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message
from textual.notifications import Notify

from tui_app.flows import model as m
from tui_app.flows.driver import SETTLE_SECONDS, StepDriver, StepFailed, save_screenshot

NOTIFICATION_HOLD_SECONDS = 24 * 3600
SimFactory = Callable[[Path, Any], Any]
"""(database file, SimClock) -> Simulator."""
AppFactory = Callable[[Any], App[Any]]
"""Simulator -> the app to drive."""


@dataclass
class StepOutcome:
    """What happened to one step."""

    number: int
    section: str
    """"step" or "goal"; numbers count from 1 in each, 0 is the start."""
    step: m.Step | None
    passed: bool
    reason: str = ""
    seconds: float = 0.0

    @property
    def where(self) -> str:
        return "start" if self.step is None else f"{self.section} {self.number}"

    @property
    def text(self) -> str:
        return self.step.text if self.step is not None else ""


@dataclass
class FlowResult:
    flow: m.Flow
    outcomes: list[StepOutcome] = field(default_factory=list)
    seconds: float = 0.0
    screenshot: Path | None = None
    """The screen at the failure, when there was one and it could be taken."""

    @property
    def passed(self) -> bool:
        return all(outcome.passed for outcome in self.outcomes)

    @property
    def failure(self) -> StepOutcome | None:
        return next((o for o in self.outcomes if not o.passed), None)


@dataclass
class StepEvent:
    """A step about to run (or just run), with the driver that runs it."""

    number: int
    section: str
    step: m.Step
    driver: StepDriver


@dataclass
class FlowHooks:
    """Callbacks around each step, for lessons and demos (captions, pacing)."""

    before_step: Callable[[StepEvent], Awaitable[None]] | None = None
    after_step: Callable[[StepEvent, StepOutcome], Awaitable[None]] | None = None


@dataclass
class RunOptions:
    out_dir: Path = Path("flow-out")
    db_path: Path | None = None
    """Run on this database file instead of a new, empty one."""
    settle_seconds: float = SETTLE_SECONDS
    sim_factory: SimFactory | None = None
    app_factory: AppFactory | None = None


def real_simulator(db_path: Path, clock: Any) -> Any:
    from state.simulator import Simulator
    from state.storage import Database

    return Simulator(Database(db_path), clock)


def real_app(sim: Any) -> App[Any]:
    from tui_app.app import GjjApp

    return GjjApp(sim, side_panel=False)


class RunSession:
    """The database, clock and simulator of one run; survives `restart`."""

    def __init__(self, flow: m.Flow, options: RunOptions, db_path: Path) -> None:
        from state.clock import SimClock, beijing_wall_time

        self.flow = flow
        self.options = options
        self.out_dir = options.out_dir
        self.db_path = db_path
        self.clock = SimClock(flow.clock or beijing_wall_time(), ticking=False)
        self.sim_factory = options.sim_factory or real_simulator
        self.app_factory = options.app_factory or real_app
        self.sim = self.sim_factory(db_path, self.clock)
        self.sms_before = 0

    def prepare(self) -> None:
        """Demo people at the start time, then the start state (FLOWS.md, File)."""
        if self.flow.personas == "demo":
            self.sim.load_demo()
        else:
            # The scanner's sample cards are part of the app, not demo data.
            self.sim.load_sample_cards()
        if self.flow.start.kind in ("home", "login"):
            self.sim.skip_onboarding()
        if self.flow.start.kind == "login":
            self.sim.login_as(self.flow.start.person)
        self.sms_before = len(self.sim.sms_inbox())

    def launch(self, first: bool) -> App[Any]:
        """A new app; after the first launch also a new simulator, as a relaunch."""
        if not first:
            self.sim = self.sim_factory(self.db_path, self.clock)
        return self.app_factory(self.sim)

    def last_sms_code(self) -> str | None:
        inbox = self.sim.sms_inbox()
        sent_during_run = inbox[: max(0, len(inbox) - self.sms_before)]
        return sent_during_run[0].code if sent_during_run else None


async def run_flow(
    flow: m.Flow, options: RunOptions | None = None, hooks: FlowHooks | None = None
) -> FlowResult:
    """Run every step, then the goal; stop at the first failure."""
    options = options or RunOptions()
    started = time.monotonic()
    result = FlowResult(flow)
    with tempfile.TemporaryDirectory(prefix="gjj-flow-") as folder:
        db_path = options.db_path or Path(folder) / "gjj.json"
        try:
            session = RunSession(flow, options, db_path)
            session.prepare()
        except Exception as error:  # the start itself failed: report, don't crash
            result.outcomes.append(StepOutcome(0, "start", None, False, _why(error)))
        else:
            await _drive(session, result, hooks or FlowHooks())
    result.seconds = time.monotonic() - started
    return result


async def _drive(session: RunSession, result: FlowResult, hooks: FlowHooks) -> None:
    rows = session.flow.numbered()
    position = 0
    first, launch = True, True
    while launch:
        launch = False
        try:
            app = session.launch(first)
            first = False
            async with app.run_test(
                size=session.flow.size,
                notifications=True,
                message_hook=_hold_notifications,
            ) as pilot:
                driver = StepDriver(pilot, session, session.options.settle_seconds)
                await pilot.pause()
                while position < len(rows):
                    number, section, step = rows[position]
                    position += 1
                    event = StepEvent(number, section, step, driver)
                    outcome = await _run_step(event, hooks)
                    result.outcomes.append(outcome)
                    if not outcome.passed:
                        result.screenshot = _failure_shot(session, app, outcome)
                        return
                    if isinstance(step, m.Restart):
                        launch = True
                        break
        except Exception as error:  # the app crashed starting, running or stopping
            if result.passed:
                _blame_crash(result, rows, position, error)


def _blame_crash(
    result: FlowResult,
    rows: list[tuple[int, str, m.Step]],
    position: int,
    error: Exception,
) -> None:
    """Record a crash on the step that was running, or on the start."""
    reason = f"the app crashed: {_why(error)}"
    if position == 0:
        result.outcomes.append(StepOutcome(0, "start", None, False, reason))
        return
    number, section, step = rows[position - 1]
    outcome = StepOutcome(number, section, step, False, reason)
    if result.outcomes and result.outcomes[-1].step is step:
        result.outcomes[-1] = outcome
    else:
        result.outcomes.append(outcome)


async def _run_step(event: StepEvent, hooks: FlowHooks) -> StepOutcome:
    if hooks.before_step is not None:
        await hooks.before_step(event)
    started = time.monotonic()
    try:
        await event.driver.run(event.step)
        passed, reason = True, ""
    except StepFailed as failure:
        passed, reason = False, str(failure)
    except Exception as error:  # a bug in the app or simulator fails the step
        passed, reason = False, _why(error)
    seconds = time.monotonic() - started
    outcome = StepOutcome(
        event.number, event.section, event.step, passed, reason, seconds
    )
    if hooks.after_step is not None:
        await hooks.after_step(event, outcome)
    return outcome


def _hold_notifications(message: Message) -> None:
    """Notifications stay until the next acting step: the run's clock stands still,
    and a slow machine must not let a message expire before `see` looks for it."""
    if isinstance(message, Notify):
        message.notification.timeout = NOTIFICATION_HOLD_SECONDS


def _failure_shot(
    session: RunSession, app: App[Any], outcome: StepOutcome
) -> Path | None:
    name = (
        f"failure-{session.flow.path.stem}-{outcome.section}-{outcome.number:03d}.svg"
    )
    try:
        return save_screenshot(app, session.out_dir / name)
    except Exception:  # a screenshot must never hide the failure itself
        return None


def _why(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
