"""Assessment: the task only, free navigation, a timer; the lesson's goal decides.

Nothing is stopped or hinted. 交卷 (F10) checks the lesson's `goal` with the flow
runner's own checks; 放弃 (F9) fails it. Each result is saved in the `assessments`
table with the refusals the trainee met and the wrong actions taken.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from screens.base import Dialog, PhoneScreen
from state import texts
from state.assessments import Assessment, save_assessment
from state.clock import beijing_wall_time
from state.storage import Database
from tui_app.flows import StepFailed
from tui_app.flows import model as m
from tui_app.modes import targets, wording
from tui_app.modes.lessons import Lesson
from tui_app.modes.panel import ChoiceDialog, PanelText, install_css, refresh_panel
from tui_app.modes.session import LessonSession

if TYPE_CHECKING:
    from tui_app.app import GjjApp

SUBMIT_KEY, GIVE_UP_KEY = "f10", "f9"
SUBMIT_ID, GIVE_UP_ID = "exam-submit", "exam-give-up"
BLOCKED_KEYS = {"f2", "ctrl+p"}
"""The trainer console and the palette (counter, clock, SMS inbox) would help."""
GOAL_SETTLE_SECONDS = 1.0
TICK_SECONDS = 0.25
SUCCESS_NOTICES = {
    texts.LOGIN_OK,
    texts.REGISTERED,
    texts.BOOKED,
    texts.APPLIED,
    texts.TRADE_OK,
    texts.HANDLED_OK,
    texts.PHONE_CHANGED,
    texts.AMOUNT_ADJUSTED,
}
SMS_PREFIX = texts.SMS_TEXT.split("{", 1)[0]
BACK_LABEL = texts.BACK


def is_refusal(message: str) -> bool:
    """A notification that refuses (not a success, not a simulated SMS)."""
    return message not in SUCCESS_NOTICES and not message.startswith(SMS_PREFIX)


class Exam:
    """Sits a list of lessons one after another for one trainee."""

    def __init__(
        self,
        app: GjjApp,
        lessons: list[Lesson],
        trainee: str,
        results: Database | None,
        db_path: Path | None = None,
        on_leave: Callable[[], None] | None = None,
    ) -> None:
        self.app = app
        self.lessons = lessons
        self.trainee = trainee
        self.results_db = results
        self.db_path = db_path
        self.on_leave = on_leave
        self.results: list[Assessment] = []
        self.panel = PanelText(label="考核模式")
        self.session: LessonSession | None = None
        self.index = 0
        self.started = 0.0
        self.refusals = 0
        self.wrong_actions = 0
        self.sitting = False
        """True from the start of a lesson to 交卷 or 放弃."""
        self._seen: set[str] = set()
        self._timer: Timer | None = None

    @property
    def lesson(self) -> Lesson:
        return self.lessons[self.index]

    def begin(self) -> None:
        install_css(self.app)
        self.app.side_factory = self.panel.widgets
        self.app.event_filter = self.filter
        self.app.close_actions("toggle_console", "command_palette")
        self._timer = self.app.set_interval(TICK_SECONDS, self.tick)
        self.start(0)

    def start(self, index: int) -> None:
        self.index = index
        if self.session is not None:
            self.session.close()
        self.session = LessonSession(self.lesson.flow, self.db_path)
        self.session.install(self.app)
        self.refusals = self.wrong_actions = 0
        self._seen = set()
        self.sitting = True
        self.started = time.monotonic()
        self.panel.title = f"第 {index + 1}/{len(self.lessons)} 题"
        self.panel.task = f"任务：{self.lesson.task}"
        self.panel.timer = "用时 00:00"
        self.panel.buttons = [(SUBMIT_ID, "交卷"), (GIVE_UP_ID, "放弃")]
        self.panel.keys = "F10 交卷 · F9 放弃"
        refresh_panel(self.app)

    def leave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.app.side_factory = None
        self.app.event_filter = None
        self.app.close_actions()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.on_leave is not None:
            self.on_leave()

    # --- watching -------------------------------------------------------------------

    def tick(self) -> None:
        """The timer beside the phone, and the refusals shown since the last tick."""
        if not self.sitting:
            return
        self.panel.timer = f"用时 {wording.elapsed(self.seconds())}"
        for screen in self.app.screen_stack:
            for timer in screen.query("#mode-timer"):
                if isinstance(timer, Static):
                    timer.update(self.panel.timer)
        self.count_refusals()

    def count_refusals(self) -> None:
        for notification in list(self.app._notifications):
            if notification.identity in self._seen:
                continue
            self._seen.add(notification.identity)
            if is_refusal(notification.message):
                self.refusals += 1

    def seconds(self) -> float:
        return time.monotonic() - self.started

    async def filter(self, event: events.InputEvent) -> bool:
        """Lets everything through, except the exam's own keys and buttons."""
        if isinstance(event, events.Key) and event.key in BLOCKED_KEYS:
            return True
        if not self.sitting:
            return False
        if isinstance(event, events.Key):
            return self.on_key(event)
        if isinstance(event, events.MouseDown):
            widget = targets.widget_at(self.app, event)
            control = targets.control_of(widget)
            if control is not None and control.id in (SUBMIT_ID, GIVE_UP_ID):
                self.hand_in(gave_up=control.id == GIVE_UP_ID)
                return True
            if not targets.in_side_panel(widget) and self.on_phone():
                self.note_action(control)
        return False

    def on_key(self, event: events.Key) -> bool:
        if event.key in (SUBMIT_KEY, GIVE_UP_KEY):
            self.hand_in(gave_up=event.key == GIVE_UP_KEY)
            return True
        focused = self.app.focused
        if event.key in ("enter", "space") and focused is not None:
            if focused.id in (SUBMIT_ID, GIVE_UP_ID):
                self.hand_in(gave_up=focused.id == GIVE_UP_ID)
                return True
            if self.on_phone() and not targets.in_side_panel(focused):
                self.note_action(targets.control_of(focused))
        elif event.key == "escape" and isinstance(self.app.screen, PhoneScreen):
            self.note_action(None, BACK_LABEL)
        return False

    def on_phone(self) -> bool:
        return isinstance(self.app.screen, PhoneScreen | Dialog)

    def note_action(self, control: Widget | None, label: str = "") -> None:
        """Count a control used that the lesson's route never uses (or a step back)."""
        if not label:
            if not targets.is_button(control):
                return
            label = targets.label(control)
        if label not in self.route_labels():
            self.wrong_actions += 1

    def route_labels(self) -> set[str]:
        steps = self.lesson.flow.steps
        return {step.label for step in steps if isinstance(step, m.Tap)}

    # --- handing in -------------------------------------------------------------------

    def hand_in(self, gave_up: bool) -> None:
        if not self.sitting:
            return
        self.sitting = False
        self.count_refusals()
        seconds = self.seconds()
        self.app.run_worker(self.judge(gave_up, seconds), group="exam", exclusive=True)

    async def judge(self, gave_up: bool, seconds: float) -> None:
        reason = "放弃" if gave_up else await self.check_goal()
        lesson = self.lesson
        record = Assessment(
            trainee=self.trainee,
            lesson_number=lesson.number,
            lesson=lesson.name,
            passed=not reason,
            gave_up=gave_up,
            seconds=round(seconds, 1),
            refusals=self.refusals,
            wrong_actions=self.wrong_actions,
            reason=reason,
            finished_at=beijing_wall_time(),
        )
        self.results.append(record)
        if self.results_db is not None:
            save_assessment(self.results_db, record)
        self.show_result(record)

    async def check_goal(self) -> str:
        """Empty when every goal check holds, else why the first one does not."""
        assert self.session is not None
        goal = self.lesson.flow.goal
        if not goal:
            return "本课程没有可检查的目标"
        driver = self.session.driver(self.app, GOAL_SETTLE_SECONDS)
        for step in goal:
            try:
                await driver.run(step)
            except StepFailed:
                return wording.goal_missed(step, self.session.sim)
        return ""

    def show_result(self, record: Assessment) -> None:
        verdict = "通过" if record.passed else "未通过"
        lines = [
            f"用时 {wording.elapsed(record.seconds)}",
            f"遇到拒绝 {record.refusals} 次",
            f"多余操作 {record.wrong_actions} 次",
        ]
        if not record.passed and not record.gave_up:
            lines.append(f"原因：{record.reason}")
        last = self.index + 1 >= len(self.lessons)
        buttons = [("done", "结束")] if last else [("next", "下一题")]
        self.panel.timer = f"用时 {wording.elapsed(record.seconds)}（已交卷）"
        self.panel.buttons = []
        self.panel.keys = ""
        refresh_panel(self.app)

        def chosen(choice: str | None) -> None:
            if last:
                self.leave()
            else:
                self.start(self.index + 1)

        title = f"{self.lesson.title}：{verdict}"
        self.app.push_screen(ChoiceDialog(title, lines, buttons), chosen)
