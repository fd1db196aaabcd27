"""The trainer console: clock, counter, SMS inbox, current person and audit log.

It is drawn beside the phone (F2) when the terminal is wide enough, otherwise as a
full-screen page over it. It is never part of the phone: the flow runner ignores
`#side`, and every message its controls post is stopped here so the phone page
under it never sees a console button or input.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Mount
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Static

from screens.base import SIDE_PANEL_MIN_WIDTH, Dialog, PhoneScreen
from screens.widgets import text
from state import money, texts
from state.clock import CLOCK_FORMAT, SimClock, parse_clock

if TYPE_CHECKING:
    from state.simulator import Simulator
    from tui_app.app import GjjApp

# Trainer-facing words; the console is not the phone, so they live beside it.
CONSOLE_TITLE = "培训控制台"
CLOCK = "模拟时钟"
SET_CLOCK = "设置时间"
PLUS_DAY = "+1天"
PLUS_MONTH = "+1月"
CLOCK_FORMAT_HINT = "时间格式应为 YYYY-MM-DD HH:MM"
CLOCK_MOVED = "模拟时间：{moment}"
INBOX = "短信收件箱"
CURRENT_USER = "当前用户"
AUDIT = "操作日志"
AUDIT_SHOWN = 20
NOTHING_PENDING = "暂无待办理的预约"
NO_SMS = "暂无短信"
NO_EVENTS = "暂无记录"
COMPLETED = "已办结：{kind} {name}"
COMPLETED_ALL = "已办结{count}个预约"
FACTORY_RESET_NOTE = "引导页、权限和登录状态将恢复为首次安装，人员和账户数据保留。"
RESET_DEMO_NOTE = "全部人员、账户和预约将恢复为演示数据。"
CONFIRM_QUESTION = "确定{action}？"
ONBOARDING_STEPS = {
    "agreement": texts.AGREEMENT_TITLE,
    "intro": "引导页",
    "location": "定位授权",
    "city": texts.CHOOSE_CITY,
    "done": "已完成",
}
FIELD_LABELS = {
    "name": texts.NAME,
    "doc_type": texts.DOC_TYPE,
    "id_number": texts.DOC_NUMBER,
    "phone": texts.PHONE,
    "password": "登录密码",
    "failed_logins": "密码错误次数",
    "locked_on": "锁定日期",
    "failed_on": "错误计数日期",
    "account_no": texts.ACCOUNT_NO,
    "kind": "账户类型",
    "status": texts.STATUS,
    "monthly_amount": texts.MONTHLY_AMOUNT,
    "paid_through": texts.PAID_THROUGH,
    "balance": texts.BALANCE,
    "branch": texts.BRANCH,
    "card_tail": texts.BANK_CARD,
    "has_loan": "未结清贷款",
    "adjusted_year": "调整月缴存额年度",
    "opened_at": "开户时间",
    "interest_year": "已结息年度",
}


def gjj(app: App[Any]) -> GjjApp:
    return app  # type: ignore[return-value]


def moment_text(moment: datetime) -> str:
    """`2026-03-10 09:30 周二`: the trainer's view of a simulated moment."""
    return f"{moment.strftime(CLOCK_FORMAT)} {texts.WEEKDAYS[moment.weekday()]}"


def value_text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime(CLOCK_FORMAT)
    if isinstance(value, Decimal):
        return money.show(value)
    return str(value)


def record_lines(record: BaseModel) -> list[str]:
    """Every field of a record, unmasked, as `标签：值` lines."""
    lines = []
    for name in type(record).model_fields:
        value = value_text(getattr(record, name))
        if name == "card_tail":
            value = texts.card_tail(value)
        lines.append(texts.line(FIELD_LABELS.get(name, name), value))
    return lines


# --- actions shared by the console's buttons and the command palette ----------


def next_month(moment: datetime) -> datetime:
    """Same day and time next month, clamped, exactly as `SimClock.advance_month`."""
    clock = SimClock(moment)
    clock.advance_month()
    return clock.now()


def set_clock(app: App[Any], moment: datetime) -> None:
    """Move the simulated time and bring the console and the phone page up to it."""
    sim = gjj(app).sim
    sim.set_clock(moment)
    gjj(app).tell(CLOCK_MOVED.format(moment=moment_text(sim.now())))
    after_change(app, clock_moved=True)


def advance_day(app: App[Any]) -> None:
    set_clock(app, gjj(app).sim.now() + timedelta(days=1))


def advance_month(app: App[Any]) -> None:
    set_clock(app, next_month(gjj(app).sim.now()))


def complete_appointment(app: App[Any], number: int) -> None:
    """办结 one appointment at the counter; the outcome is a notification."""
    sim = gjj(app).sim
    pending = {item.number: item for item in sim.pending_appointments()}
    result = sim.complete_appointment(number)
    message = result.message
    if result.ok and not message and number in pending:
        message = COMPLETED.format(kind=pending[number].kind, name=pending[number].name)
    gjj(app).tell(message or texts.FINISHED)
    after_change(app)


def complete_all(app: App[Any]) -> None:
    """办结 every pending appointment; one notification sums it up."""
    results = gjj(app).sim.process_counter()
    if not results:
        gjj(app).tell(NOTHING_PENDING)
    else:
        done = sum(1 for result in results if result.ok)
        refusals = [result.message for result in results if not result.ok]
        gjj(app).tell("\n".join([COMPLETED_ALL.format(count=done), *refusals]))
    after_change(app)


def confirm_factory_reset(app: App[Any]) -> None:
    """恢复首次安装状态 after confirmation; the app starts over at the agreement."""

    def chosen(answer: str | None) -> None:
        if answer == texts.OK:
            gjj(app).sim.factory_reset()
            restart_phone(app)

    app.push_screen(confirmation(texts.FACTORY_RESET, FACTORY_RESET_NOTE), chosen)


def confirm_reset_demo(app: App[Any]) -> None:
    """重置演示数据 after confirmation; the app shows 首页 (or the onboarding)."""

    def chosen(answer: str | None) -> None:
        if answer == texts.OK:
            gjj(app).sim.reset_demo()
            restart_phone(app)

    app.push_screen(confirmation(texts.RESET_DEMO, RESET_DEMO_NOTE), chosen)


def confirmation(action: str, note: str) -> Dialog:
    question = CONFIRM_QUESTION.format(action=action)
    return ResetDialog(question, [texts.CANCEL, texts.OK], [note])


class ResetDialog(Dialog):
    """A reset's confirmation; the keyboard starts on 取消, so enter loses nothing."""

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # not Dialog's start on the affirmative choice
        self.query(Button).first().focus()


def restart_phone(app: App[Any]) -> None:
    # first_screen is 首页 once the onboarding is done, else its first open step;
    # reset_to also closes a full-screen console, so the trainer sees the result.
    from screens.onboarding import first_screen

    gjj(app).reset_to(first_screen(gjj(app).sim))


def after_change(app: App[Any], clock_moved: bool = False) -> None:
    """Show the new state in the console and, after a clock move, on the phone."""
    for console in app.screen.query(TrainerConsole):
        console.poll()
        if clock_moved:
            console.query_one(ClockSection).show_clock()
    if not clock_moved:
        return
    if isinstance(app.screen, ConsoleScreen):
        app.screen.clock_moved = True
    else:
        rebuild_phone_page(app)


def rebuild_phone_page(app: App[Any]) -> None:
    """Open the phone page afresh so time-dependent data (dates, months) is current.

    Only pages built from nothing but the simulator can be opened again (their class
    takes no arguments); a page holding typed text or a ticked box is left alone so
    no work is lost. Pages left alone check their rules against the new time when
    their button is pressed anyway.
    """
    screen = app.screen
    if not isinstance(screen, PhoneScreen) or has_typed_input(screen):
        return
    if not takes_no_arguments(type(screen)):
        return
    focused = app.focused
    focus_id = focused.id if focused is not None and in_console(focused) else None

    async def rebuild() -> None:
        await app.switch_screen(type(screen)())
        if focus_id is not None:
            for widget in app.screen.query(f"#side #{focus_id}"):
                widget.focus()

    app.call_later(rebuild)


def takes_no_arguments(page: type[PhoneScreen]) -> bool:
    parameters = inspect.signature(page).parameters.values()
    return all(parameter.default is not parameter.empty for parameter in parameters)


def has_typed_input(screen: Screen[Any]) -> bool:
    typed = any(field.value for field in screen.query("#page Input").results(Input))
    ticked = screen.query("#page Checkbox").results(Checkbox)
    return typed or any(box.value for box in ticked)


def in_console(widget: Widget) -> bool:
    return any(isinstance(node, TrainerConsole) for node in widget.ancestors)


def console_fits_beside(app: App[Any]) -> bool:
    return gjj(app).side_panel and app.size.width >= SIDE_PANEL_MIN_WIDTH


def toggle_console_screen(app: App[Any]) -> bool:
    """F2 when the console cannot sit beside the phone: open or close it full screen.

    Returns False when the console fits beside the phone and the caller toggles it
    there instead.
    """
    if isinstance(app.screen, ConsoleScreen):
        app.screen.action_close()
        return True
    if any(isinstance(screen, ConsoleScreen) for screen in app.screen_stack):
        return True  # a dialog over the full-screen console; it answers first
    if console_fits_beside(app):
        return False
    app.push_screen(ConsoleScreen())
    return True


def show_console(app: App[Any], focus_clock: bool = False) -> None:
    """Open the console (beside the phone or full screen), optionally at the clock."""
    if not console_fits_beside(app):
        if not isinstance(app.screen, ConsoleScreen):
            app.push_screen(ConsoleScreen())
    elif not gjj(app).console_open:
        gjj(app).console_open = True
        gjj(app).refresh_side_panel()
    if focus_clock:
        app.call_after_refresh(focus_clock_input, app)


def focus_clock_input(app: App[Any]) -> None:
    for field in app.screen.query("#clock-input").results(Input):
        field.focus()
        field.select_all()


# --- widgets ------------------------------------------------------------------


class ConsoleSection(Vertical):
    """A titled part of the console that redraws only when its data changed."""

    HEADING: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__(classes="console-section")
        self.snapshot = self.read()

    @property
    def sim(self) -> Simulator:
        return gjj(self.app).sim

    def read(self) -> list[Any]:
        return []

    def compose(self) -> ComposeResult:
        yield text(self.HEADING, "console-heading")
        yield from self.show(self.snapshot)

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        return []

    def poll(self) -> None:
        snapshot = self.read()
        if snapshot != self.snapshot:
            self.snapshot = snapshot
            self.refresh(recompose=True)


class ClockSection(ConsoleSection):
    """模拟时钟: the simulated time, a field to set it, +1天 and +1月."""

    HEADING = CLOCK

    def read(self) -> list[Any]:
        return []  # the time is updated in place; the field must keep its text

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        now = self.sim.now()
        yield Static(moment_text(now), id="clock-now", markup=False)
        yield Input(
            now.strftime(CLOCK_FORMAT), placeholder="YYYY-MM-DD HH:MM", id="clock-input"
        )
        yield Horizontal(
            Button(SET_CLOCK, id="set-clock", compact=True),
            Button(PLUS_DAY, id="plus-day", compact=True),
            Button(PLUS_MONTH, id="plus-month", compact=True),
            classes="console-buttons",
        )

    def poll(self) -> None:
        self.query_one("#clock-now", Static).update(moment_text(self.sim.now()))

    def show_clock(self) -> None:
        """After a move, the field offers the new time to edit from."""
        field = self.query_one("#clock-input", Input)
        field.value = self.sim.now().strftime(CLOCK_FORMAT)

    @on(Button.Pressed, "#set-clock")
    @on(Input.Submitted, "#clock-input")
    def set_typed_clock(self) -> None:
        typed = self.query_one("#clock-input", Input).value
        try:
            moment = parse_clock(typed)
        except ValueError:
            gjj(self.app).tell(CLOCK_FORMAT_HINT)
            return
        set_clock(self.app, moment)

    @on(Button.Pressed, "#plus-day")
    def plus_day(self) -> None:
        advance_day(self.app)

    @on(Button.Pressed, "#plus-month")
    def plus_month(self) -> None:
        advance_month(self.app)

    @on(Input.Changed)
    @on(Input.Submitted)
    def keep_from_phone(self, event: Input.Changed | Input.Submitted) -> None:
        event.stop()


class CounterSection(ConsoleSection):
    """柜台: the pending appointments, each with 办结."""

    HEADING = texts.COUNTER

    def read(self) -> list[Any]:
        return list(self.sim.pending_appointments())

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(NOTHING_PENDING, "console-empty")
        for item in snapshot:
            lines = Vertical(
                text(f"{item.kind}  {item.name}  {item.id_number}"),
                text(f"{item.branch}  {item.date.isoformat()}  {item.time}"),
                classes="appointment-lines",
            )
            button = Button(
                texts.COMPLETE,
                id=f"complete-{item.number}",
                classes="complete",
                compact=True,
            )
            yield Horizontal(lines, button, classes="appointment")

    @on(Button.Pressed, ".complete")
    def complete(self, event: Button.Pressed) -> None:
        number = int(str(event.button.id).removeprefix("complete-"))
        complete_appointment(self.app, number)


class InboxSection(ConsoleSection):
    """短信收件箱: every code sent, newest first."""

    HEADING = INBOX

    def read(self) -> list[Any]:
        return list(self.sim.sms_inbox())

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(NO_SMS, "console-empty")
        for sms in snapshot:
            used = "（已使用）" if sms.used else ""
            sent = sms.sent_at.strftime("%m-%d %H:%M:%S")
            yield text(f"{sms.phone}  {sent}  {sms.purpose}  {sms.code}{used}")


class PersonSection(ConsoleSection):
    """当前用户: the logged-in person and account, unmasked, and the app's state."""

    HEADING = CURRENT_USER

    def read(self) -> list[Any]:
        state = self.sim.app_state()
        return [self.sim.current_person(), self.sim.current_account(), state]

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        person, account, state = snapshot
        if person is None:
            yield text(texts.NOT_LOGGED_IN, "console-empty")
        else:
            yield from (text(line) for line in record_lines(person))
        if account is not None:
            yield text("", "console-gap")
            yield from (text(line) for line in record_lines(account))
        yield text("", "console-gap")
        step = ONBOARDING_STEPS.get(state.onboarding, state.onboarding)
        yield text(texts.line("首次安装引导", step))
        yield text(texts.line("城市", value_text(state.city)))
        yield text(texts.line("相机权限", state.camera or "未询问"))


class AuditSection(ConsoleSection):
    """操作日志: the latest state changes, newest first."""

    HEADING = AUDIT

    def read(self) -> list[Any]:
        events = list(self.sim.audit_log())
        # Newest first; the stable sort keeps the later of two equal times on top.
        newest = sorted(reversed(events), key=lambda event: event.at, reverse=True)
        return newest[:AUDIT_SHOWN]

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(NO_EVENTS, "console-empty")
        for event in snapshot:
            parts = [event.at.strftime("%m-%d %H:%M"), event.action]
            parts += [part for part in (event.id_number, event.detail) if part]
            yield text("  ".join(parts))


class TrainerConsole(VerticalScroll):
    """The trainer's panel: refreshed after each action and every second."""

    DEFAULT_CSS = """
    TrainerConsole {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    TrainerConsole .console-title {
        text-style: bold;
        color: $accent;
    }
    TrainerConsole .console-section {
        height: auto;
        margin: 1 0 0 0;
    }
    TrainerConsole .console-heading {
        text-style: bold reverse;
        padding: 0 1;
    }
    TrainerConsole .console-empty {
        color: $text-muted;
    }
    TrainerConsole #clock-input {
        width: 100%;
    }
    TrainerConsole .console-buttons, TrainerConsole .console-resets {
        height: auto;
    }
    TrainerConsole .console-buttons Button {
        margin: 0 1 0 0;
        min-width: 6;
    }
    TrainerConsole .appointment {
        height: auto;
        margin: 0 0 1 0;
    }
    TrainerConsole .appointment-lines {
        width: 1fr;
        height: auto;
    }
    TrainerConsole .appointment Button {
        min-width: 6;
    }
    TrainerConsole .console-resets {
        margin: 1 0;
    }
    TrainerConsole .console-resets Button {
        width: 1fr;
        margin: 0 1 0 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="console")

    def compose(self) -> ComposeResult:
        yield text(CONSOLE_TITLE, "console-title")
        yield ClockSection()
        yield CounterSection()
        yield InboxSection()
        yield PersonSection()
        yield AuditSection()
        with Horizontal(classes="console-resets"):
            yield Button(texts.FACTORY_RESET, id="factory-reset", variant="error")
            yield Button(texts.RESET_DEMO, id="reset-demo", variant="warning")

    def on_mount(self) -> None:
        self.set_interval(1, self.poll_if_shown)
        self.app.screen_change_signal.subscribe(self, self.screen_changed)

    def screen_changed(self, screen: Screen[Any]) -> None:
        """Back on this page (the phone went back, a dialog closed): catch up."""
        self.poll_if_shown()

    def poll_if_shown(self) -> None:
        # Pages deeper in the stack keep their consoles; only the one shown reads.
        for screen in reversed(self.app.screen_stack):
            if not isinstance(screen, ModalScreen):
                if screen is self.screen:
                    self.poll()
                return

    def poll(self) -> None:
        """Bring every section up to the simulator's state."""
        for section in self.query(ConsoleSection):
            section.poll()

    @on(Button.Pressed, "#factory-reset")
    def factory_reset(self) -> None:
        confirm_factory_reset(self.app)

    @on(Button.Pressed, "#reset-demo")
    def reset_demo(self) -> None:
        confirm_reset_demo(self.app)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()  # the phone page under the console must not see its buttons


class ConsoleScreen(Screen[None]):
    """The console as a full page, when there is no room beside the phone."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "关闭")]

    DEFAULT_CSS = """
    ConsoleScreen {
        align: center top;
    }
    ConsoleScreen #console {
        width: 100%;
        max-width: 100;
        padding: 0 2;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.clock_moved = False
        """The clock moved while open; the phone page is rebuilt on closing."""

    def compose(self) -> ComposeResult:
        yield TrainerConsole()
        yield Footer()

    def action_close(self) -> None:
        """Escape (or F2): back to the phone."""
        self.dismiss()
        if self.clock_moved:
            self.app.call_later(rebuild_phone_page, self.app)
