"""The console's sections: clock, counter, SMS inbox, current person and audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from screens.console.actions import (
    advance_day,
    advance_month,
    complete_appointment,
    gjj,
    moment_text,
    set_clock,
)
from screens.widgets import text
from state import money, texts
from state.clock import CLOCK_FORMAT, parse_clock

if TYPE_CHECKING:
    from state.simulator import Simulator

AUDIT_SHOWN = 20
"""How many of the latest audit events the console lists."""


def value_text(value: object) -> str:
    """A record's value as the trainer reads it: 是/否, times, amounts, `—`."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return texts.YES if value else texts.NO
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
        if name == "monthly_amount":
            value = money.show(Decimal(value))  # whole 元, shown as the app does
        if name == "card_tail":
            value = texts.card_tail(value)
        lines.append(texts.line(texts.FIELD_LABELS.get(name, name), value))
    return lines


class ConsoleSection(Vertical):
    """A titled part of the console that redraws only when its data changed."""

    HEADING: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__(classes="console-section")
        self.snapshot = self.read()

    @property
    def sim(self) -> Simulator:
        """The simulator the console shows."""
        return gjj(self.app).sim

    def read(self) -> list[Any]:
        """The section's data, compared between polls to decide on a redraw."""
        return []

    def compose(self) -> ComposeResult:
        yield text(self.HEADING, "console-heading")
        yield from self.show(self.snapshot)

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        """The widgets that draw a snapshot under the heading."""
        return []

    def poll(self) -> None:
        """Redraw if the simulator's data changed since the last read."""
        snapshot = self.read()
        if snapshot != self.snapshot:
            self.snapshot = snapshot
            self.refresh(recompose=True)


class ClockSection(ConsoleSection):
    """模拟时钟: the simulated time, a field to set it, +1天 and +1月."""

    HEADING = texts.CLOCK

    def read(self) -> list[Any]:
        return []  # the time is updated in place; the field must keep its text

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        now = self.sim.now()
        yield Static(moment_text(now), id="clock-now", markup=False)
        yield Input(
            now.strftime(CLOCK_FORMAT), placeholder="YYYY-MM-DD HH:MM", id="clock-input"
        )
        yield Horizontal(
            Button(texts.SET_CLOCK, id="set-clock", compact=True),
            Button(texts.PLUS_DAY, id="plus-day", compact=True),
            Button(texts.PLUS_MONTH, id="plus-month", compact=True),
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
        """设置时间 (or enter in the field): move the clock to the typed time."""
        typed = self.query_one("#clock-input", Input).value
        try:
            moment = parse_clock(typed)
        except ValueError:
            gjj(self.app).tell(texts.CLOCK_FORMAT_HINT)
            return
        set_clock(self.app, moment)

    @on(Button.Pressed, "#plus-day")
    def plus_day(self) -> None:
        """+1天."""
        advance_day(self.app)

    @on(Button.Pressed, "#plus-month")
    def plus_month(self) -> None:
        """+1月."""
        advance_month(self.app)

    @on(Input.Changed)
    @on(Input.Submitted)
    def keep_from_phone(self, event: Input.Changed | Input.Submitted) -> None:
        """The clock field's typing is the console's, not the phone page's."""
        event.stop()


class CounterSection(ConsoleSection):
    """柜台: the pending appointments, each with 办结."""

    HEADING = texts.COUNTER

    def read(self) -> list[Any]:
        return list(self.sim.pending_appointments())

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(texts.NOTHING_PENDING, "console-empty")
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

    def poll(self) -> None:
        """Redraw; focus on a 办结 that went stays in the list, not on the clock."""
        buttons = list(self.query(".complete"))
        focused = self.app.focused
        if focused not in buttons:
            super().poll()
            return
        snapshot = self.read()
        if snapshot != self.snapshot:
            self.snapshot = snapshot
            self.call_later(self._redraw_from, buttons.index(focused))

    async def _redraw_from(self, index: int) -> None:
        await self.recompose()
        buttons = list(self.query(".complete"))
        if buttons:
            buttons[min(index, len(buttons) - 1)].focus()
        else:
            self.app.set_focus(None)  # nothing left here; Enter must not act elsewhere

    @on(Button.Pressed, ".complete")
    def complete(self, event: Button.Pressed) -> None:
        """办结 the appointment whose button was pressed."""
        number = int(str(event.button.id).removeprefix("complete-"))
        complete_appointment(self.app, number)


class InboxSection(ConsoleSection):
    """短信收件箱: every code sent, newest first."""

    HEADING = texts.INBOX

    def read(self) -> list[Any]:
        return list(self.sim.sms_inbox())

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(texts.NO_SMS, "console-empty")
        for sms in snapshot:
            used = texts.SMS_USED if sms.used else ""
            sent = sms.sent_at.strftime("%m-%d %H:%M:%S")
            yield text(f"{sms.phone}  {sent}  {sms.purpose}  {sms.code}{used}")


class PersonSection(ConsoleSection):
    """当前用户: the logged-in person and account, unmasked, and the app's state."""

    HEADING = texts.CURRENT_USER

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
        step = texts.ONBOARDING_STEPS.get(state.onboarding, state.onboarding)
        yield text(texts.line(texts.ONBOARDING, step))
        yield text(texts.line(texts.CITY, value_text(state.city)))
        yield text(texts.line(texts.CAMERA, state.camera or texts.NOT_ASKED))


class AuditSection(ConsoleSection):
    """操作日志: the latest state changes, newest first."""

    HEADING = texts.AUDIT

    def read(self) -> list[Any]:
        events = list(self.sim.audit_log())
        # Newest first; the stable sort keeps the later of two equal times on top.
        newest = sorted(reversed(events), key=lambda event: event.at, reverse=True)
        return newest[:AUDIT_SHOWN]

    def show(self, snapshot: list[Any]) -> Iterable[Widget]:
        if not snapshot:
            yield text(texts.NO_EVENTS, "console-empty")
        for event in snapshot:
            parts = [event.at.strftime("%m-%d %H:%M"), event.action]
            parts += [part for part in (event.id_number, event.detail) if part]
            yield text("  ".join(parts))
