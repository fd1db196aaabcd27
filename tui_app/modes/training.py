"""Training: the real app with the lesson's hint beside it, and nothing else allowed.

Every step the trainee does (tap, input, choose, swipe, press) waits for the trainee;
keys and clicks that would do something else are stopped before they reach the
phone, and each one makes the help grow: the hint again, then the control
highlighted, then exactly what to do. Steps that only look or set up (see, clock,
counter, account, …) run by themselves. The lesson's last page stays in view for a
moment; then a summary shows time, mistakes and hints used.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.widget import Widget

from tui_app.flows import Step, StepDriver, StepFailed
from tui_app.flows import model as m
from tui_app.modes import targets, wording
from tui_app.modes.guard import Guard
from tui_app.modes.lessons import Lesson, all_lessons
from tui_app.modes.panel import (
    ChoiceDialog,
    PanelText,
    highlight,
    install_css,
    refresh_panel,
)
from tui_app.modes.picker import LessonPicker
from tui_app.modes.session import LessonSession

if TYPE_CHECKING:
    from tui_app.app import GjjApp

SETTLE_SECONDS = 5.0
POLL_SECONDS = 0.1
LOOK_SECONDS = 2.0
LEVELS = 3

ACTIVE: WeakKeyDictionary[GjjApp, Trainer] = WeakKeyDictionary()
"""The trainer driving each app, so the palette can switch lessons."""


@dataclass(frozen=True)
class Score:
    """How a trainee did in one lesson."""

    lesson: int
    seconds: float
    mistakes: int
    hints: int
    completed: bool


class Trainer(Guard):
    """Plays lessons as training on a GjjApp; `leave` hands the app back."""

    def __init__(
        self,
        app: GjjApp,
        lessons: list[Lesson],
        db_path: Path | None = None,
        on_leave: Callable[[], None] | None = None,
        settle_seconds: float = SETTLE_SECONDS,
        look_seconds: float = LOOK_SECONDS,
    ) -> None:
        self.app = app
        self.lessons = lessons
        self.db_path = db_path
        self.on_leave = on_leave
        self.settle_seconds = settle_seconds
        self.look_seconds = look_seconds
        """How long the lesson's last page shows before the summary covers it."""
        self.panel = PanelText(label="培训模式")
        self.session: LessonSession | None = None
        self.lesson: Lesson | None = None
        self.scores: list[Score] = []
        self.step: Step | None = None
        """The step waiting for the trainee; None while steps run by themselves."""
        self.typed = ""
        """What the current input step expects in its field (`${sms}` filled in)."""
        self.level = 0
        self.mistakes = 0
        self.hints = 0
        self.started = 0.0
        self._go = asyncio.Event()
        self._driving = False
        self._down_stopped = False
        self._down_x: int | None = None

    # --- attaching to the app -----------------------------------------------

    def attach(self) -> None:
        install_css(self.app)
        self.app.side_factory = self.panel.widgets
        self.app.event_filter = self.filter
        ACTIVE[self.app] = self

    def detach(self) -> None:
        highlight(None, self.app)
        self.app.side_factory = None
        self.app.event_filter = None
        ACTIVE.pop(self.app, None)
        if self.session is not None:
            self.session.close()
            self.session = None

    def begin(self, number: int | None = None) -> None:
        """Start lesson `number`, or let the trainee pick one."""
        self.attach()
        if number is None:
            self.pick()
        else:
            self.start(number)

    def pick(self) -> None:
        def picked(number: int | None) -> None:
            self.leave() if number is None else self.start(number)

        self.app.push_screen(LessonPicker(self.lessons, "选择培训课程"), picked)

    def start(self, number: int) -> None:
        """A fresh run of lesson `number` from its first step."""
        lesson = next(x for x in self.lessons if x.number == number)
        if self.session is not None:
            self.session.close()
        self.lesson = lesson
        self.session = LessonSession(lesson.flow, self.db_path)
        self.session.install(self.app)
        self.step, self.level, self.mistakes, self.hints = None, 0, 0, 0
        self.panel.title = lesson.title
        self.panel.task = f"任务：{lesson.task}"
        self.panel.error = ""
        self.show(hint="", help="", progress="")
        self.app.run_worker(self.play(), group="training", exclusive=True)

    def leave(self) -> None:
        self.detach()
        if self.on_leave is not None:
            self.on_leave()

    # --- playing ----------------------------------------------------------------

    async def play(self) -> None:
        assert self.session is not None and self.lesson is not None
        driver = self.session.driver(self.app, self.settle_seconds)
        steps = self.lesson.flow.steps
        self.started = time.monotonic()
        try:
            for step, number in zip(steps, wording.action_numbers(steps), strict=True):
                if number is not None:
                    progress = wording.progress(number, steps)
                    self.show(progress=progress, hint=wording.hint(step))
                    await self.guide(step, driver)
                elif isinstance(step, m.Restart):
                    self.session.relaunch(self.app)
                    await driver.pilot.pause()
                else:
                    await self.run(step, driver)
        except StepFailed as failure:
            self.broken(str(failure))
            return
        except Exception as error:  # a bug must not take the trainee's app down
            self.broken(f"{type(error).__name__}: {error}")
            return
        await self.finish()

    async def guide(self, step: Step, driver: StepDriver) -> None:
        """Wait until the trainee does the step, then carry it out."""
        self.typed = driver.expand(step.value) if isinstance(step, m.Input) else ""
        if isinstance(step, m.Tap | m.Input | m.Choose):
            # The control must be there before the trainee can be asked to use it.
            await driver.settle(lambda: self.probe(step))
        self.level = 0
        self._go.clear()
        self.step = step
        self.show(help="", action=self.sms_line(step))
        while not (self._go.is_set() or self.value_done(step)):
            if self.level >= 2:
                highlight(targets.find_target(self.app, step), self.app)
            await asyncio.sleep(POLL_SECONDS)
        self.step = None
        highlight(None, self.app)
        if isinstance(step, m.Tap | m.Swipe | m.Press):
            await self.run(step, driver)

    def sms_line(self, step: Step) -> str:
        """The code the simulated phone received, for a step that types it."""
        if isinstance(step, m.Input) and "${sms}" in step.value:
            return f"手机收到短信验证码：{self.typed}"
        return ""

    def probe(self, step: Step) -> tuple[Widget | None, str]:
        target = targets.find_target(self.app, step)
        if target is None:
            return None, f"找不到《{wording.action(step)}》所需的控件"
        return target, ""

    def value_done(self, step: Step) -> bool:
        """Input and choose steps are done when the field holds the right value."""
        if not isinstance(step, m.Input | m.Choose):
            return False
        target = targets.find_target(self.app, step)
        if target is None:
            return False
        if isinstance(step, m.Input):
            return getattr(target, "value", None) == self.typed
        return targets.chosen(target, step.option)

    async def run(self, step: Step, driver: StepDriver) -> None:
        """Carry out a step with the trainee's keys and clicks let through."""
        self._driving = True
        try:
            await driver.run(step)
        finally:
            self._driving = False

    async def finish(self) -> None:
        """Score the lesson; the summary comes once the last page has been seen."""
        assert self.lesson is not None
        seconds = time.monotonic() - self.started
        score = Score(self.lesson.number, seconds, self.mistakes, self.hints, True)
        self.scores.append(score)
        self.show(progress="已完成", hint="本课程已完成", help="")
        await asyncio.sleep(self.look_seconds)
        lines = [
            f"用时 {wording.elapsed(seconds)}",
            f"错误操作 {self.mistakes} 次",
            f"使用提示 {self.hints} 次",
        ]
        self.offer(f"完成：{self.lesson.title}", lines)

    def broken(self, reason: str) -> None:
        """The lesson and the app disagree: say so, never leave the trainee stuck."""
        self.step = None
        highlight(None, self.app)
        self.panel.error = f"课程无法继续：{reason}"
        refresh_panel(self.app)
        self.offer("课程无法继续", [reason])

    def offer(self, title: str, lines: list[str]) -> None:
        """The end of a lesson: retry, the next lesson, another one, or stop."""
        assert self.lesson is not None
        number = self.lesson.number
        following = [x.number for x in self.lessons if x.number > number]
        buttons = [("retry", "重新练习")]
        if following:
            buttons.append(("next", "下一课"))
        buttons += [("pick", "选择课程"), ("leave", "结束培训")]

        def chosen(choice: str | None) -> None:
            if choice == "retry":
                self.start(number)
            elif choice == "next" and following:
                self.start(following[0])
            elif choice == "leave":
                self.leave()
            else:  # 选择课程, or the dialog put away with escape
                self.pick()

        self.app.push_screen(ChoiceDialog(title, lines, buttons), chosen)

    # --- the side panel and the help --------------------------------------------

    def show(self, **parts: str) -> None:
        for name, text in parts.items():
            setattr(self.panel, name, text)
        self.panel.keys = (
            f"F1 更多提示 · 错误操作 {self.mistakes} 次 · 使用提示 {self.hints} 次"
        )
        refresh_panel(self.app)

    def mistake(self) -> None:
        """A stopped action: count it and give more help."""
        self.mistakes += 1
        self.app.bell()
        self.escalate()
        self.app.notify(
            self.panel.help, title="请按提示操作", severity="warning", timeout=3
        )

    def ask_help(self) -> None:
        """F1: the next level of help, counted as a hint used."""
        if self.step is None or self.level >= LEVELS:
            return
        self.hints += 1
        self.escalate()

    def escalate(self) -> None:
        step = self.step
        if step is None:
            return
        self.level = min(LEVELS, self.level + 1)
        hint = wording.hint(step)
        texts = {
            1: f"这一步是：{hint}",
            2: f"请看手机上高亮的控件。{hint}",
            3: wording.instruction(step, self.typed or None),
        }
        if self.level >= 2:
            highlight(targets.find_target(self.app, step), self.app)
        self.show(help=texts[self.level])


def start_training_in(app: GjjApp, number: int) -> None:
    """The palette's `开始课程`: train in the running app, then give it back."""
    trainer = ACTIVE.get(app)
    if trainer is not None:
        trainer.start(number)
        return
    if app.event_filter is not None:
        app.notify("请先结束当前的演示或考核", severity="warning")
        return

    own_sim = app.sim

    def give_back() -> None:
        from screens.onboarding import first_screen

        app.sim = own_sim
        app.reset_to(first_screen(own_sim))
        app.refresh_side_panel()

    Trainer(app, all_lessons(), on_leave=give_back).begin(number)
