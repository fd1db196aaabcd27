"""Demo: the lessons play by themselves, with the hint as a caption beside the phone.

Before each tap, input or key the control is highlighted and the action is shown
(`点击《同意》`); after `pace` seconds it happens. Space pauses and resumes, → plays
one step, escape leaves. Every other key and click is ignored, so the audience's
fidgeting cannot derail the show.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events

from screens.base import Dialog, PhoneScreen
from tui_app.flows import Step, StepDriver, StepFailed
from tui_app.flows import model as m
from tui_app.modes import targets, wording
from tui_app.modes.lessons import Lesson
from tui_app.modes.panel import PanelText, highlight, install_css, refresh_panel
from tui_app.modes.session import LessonSession

if TYPE_CHECKING:
    from textual.widget import Widget

    from tui_app.app import GjjApp

SETTLE_SECONDS = 5.0
POLL_SECONDS = 0.05
PASS_KEYS = {"ctrl+q", "ctrl+c"}
KEYS_HELP = "空格 暂停/继续 · → 单步 · Esc 离开"


class DemoPlayer:
    """Plays lessons on a GjjApp, once or in a loop; `leave` hands the app back."""

    def __init__(
        self,
        app: GjjApp,
        lessons: list[Lesson],
        pace: float = 1.5,
        loop: bool = False,
        db_path: Path | None = None,
        on_leave: Callable[[], None] | None = None,
        settle_seconds: float = SETTLE_SECONDS,
    ) -> None:
        self.app = app
        self.lessons = lessons
        self.pace = pace
        self.loop = loop
        self.db_path = db_path
        self.on_leave = on_leave
        self.settle_seconds = settle_seconds
        self.panel = PanelText(label="演示模式", keys=KEYS_HELP)
        self.session: LessonSession | None = None
        self.paused = False
        self.completed: list[int] = []
        """Numbers of the lessons played to their end, in order."""
        self.failures: list[tuple[int, str]] = []
        self.finished = False
        self._one_step = False
        self._driving = False

    def begin(self) -> None:
        install_css(self.app)
        self.app.side_factory = self.panel.widgets
        self.app.event_filter = self.filter
        self.app.run_worker(self.play(), group="demo", exclusive=True)

    def leave(self) -> None:
        self.app.event_filter = None
        self.app.side_factory = None
        for worker in self.app.workers:
            if worker.group == "demo":
                worker.cancel()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.on_leave is not None:
            self.on_leave()

    # --- playing ----------------------------------------------------------------

    async def play(self) -> None:
        while True:
            for lesson in self.lessons:
                await self.play_lesson(lesson)
            if not self.loop:
                break
        self.finished = True
        self.show(hint="演示结束", action="", progress="")
        await self.wait(self.pace)
        self.leave()

    async def play_lesson(self, lesson: Lesson) -> None:
        if self.session is not None:
            self.session.close()
        self.session = LessonSession(lesson.flow, self.db_path)
        self.session.install(self.app)
        driver = self.session.driver(self.app, self.settle_seconds)
        steps = lesson.flow.steps
        self.panel.title = lesson.title
        self.panel.task = lesson.task
        self.panel.error = ""
        self.show(progress="", hint="", action="")
        try:
            for step, number in zip(steps, wording.action_numbers(steps), strict=True):
                if number is not None:
                    self.show(progress=wording.progress(number, steps))
                await self.play_step(step, driver)
        except StepFailed as failure:
            self.failures.append((lesson.number, str(failure)))
            self.show(error=f"演示中断：{failure}")
            await self.wait(self.pace * 2)
            return
        self.completed.append(lesson.number)
        self.show(hint="本课演示完毕", action="")
        await self.wait(self.pace)

    async def play_step(self, step: Step, driver: StepDriver) -> None:
        if step.hint or wording.is_interactive(step):
            self.show(hint=wording.hint(step))  # as training words the step
        if wording.is_interactive(step):
            shown = driver.expand(step.value) if isinstance(step, m.Input) else None
            self.show(action=f"▶ {wording.action(step, shown)}")
            if isinstance(step, m.Tap | m.Input | m.Choose):
                target = await driver.settle(lambda: self.probe(step))
                highlight(target, self.app)
            await self.wait(self.pace)
            highlight(None, self.app)
        elif isinstance(step, m.Restart):
            self.show(action=f"▶ {wording.caption(step)}")
            assert self.session is not None
            self.session.relaunch(self.app)
            await driver.pilot.pause()
            return
        self._driving = True
        try:
            await driver.run(step)
        finally:
            self._driving = False

    def probe(self, step: Step) -> tuple[Widget | None, str]:
        target = targets.find_target(self.app, step)
        if target is None:
            return None, f"找不到《{wording.action(step)}》所需的控件"
        return target, ""

    async def wait(self, seconds: float) -> None:
        """Wait `seconds`, longer while paused; → ends the wait at once."""
        end = time.monotonic() + seconds
        while True:
            if self._one_step:
                self._one_step = False
                return
            if not self.paused and time.monotonic() >= end:
                return
            await asyncio.sleep(POLL_SECONDS)

    def show(self, **parts: str) -> None:
        for name, text in parts.items():
            setattr(self.panel, name, text)
        self.panel.label = "演示模式（已暂停）" if self.paused else "演示模式"
        refresh_panel(self.app)

    # --- the keys of the show ---------------------------------------------------

    async def filter(self, event: events.InputEvent) -> bool:
        if self._driving:
            return False
        if isinstance(event, events.Key):
            if event.key in PASS_KEYS:
                return False
            if event.key == "space":
                self.paused = not self.paused
                self.show()
            elif event.key == "right":
                self._one_step = True
            elif event.key == "escape":
                self.leave()
            return True
        if not isinstance(self.app.screen, PhoneScreen | Dialog):
            return False
        return isinstance(event, events.MouseDown | events.MouseUp)
