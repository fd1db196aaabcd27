"""The appointment picker: 承办网点, 预约日期, 预约时间 and the branch note (§6)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Select

# The option list inside a Select; Textual offers no public way to grey out an option.
from textual.widgets._select import SelectOverlay

from screens.widgets import named, select_field, text
from state import texts

if TYPE_CHECKING:
    from state.simulator import Simulator


class AppointmentPicker(Vertical):
    """Three selects; a full time slot shows `（已约满）` and cannot be chosen."""

    class Changed(Message):
        """The branch, date or time changed (to save a draft)."""

        def __init__(self, picker: AppointmentPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, branch: str = "", day: str = "", time: str = "") -> None:
        super().__init__(classes="appointment-picker")
        self.initial = (branch, day, time)
        self.full: set[str] = set()
        """Option values of the slots that are full for the chosen branch and day."""

    @property
    def sim(self) -> Simulator:
        return self.app.sim  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        branch, day, time = self.initial
        dates = [self.sim.date_label(day) for day in self.sim.appointment_dates()]
        day_label = next((d for d in dates if day and d.startswith(day)), None)
        yield select_field(texts.BRANCH, list(texts.BRANCHES), value=branch or None)
        yield select_field(texts.DATE, dates, value=day_label)
        yield select_field(texts.TIME, list(texts.SLOTS), value=time or None)
        yield text(texts.BRANCH_NOTE, "note")

    def on_mount(self) -> None:
        # After the selects have built their option lists, which would undo greying.
        self.call_after_refresh(self.show_slots)

    def select(self, label: str) -> Select[str]:
        return named(self, Select, label)

    @property
    def branch(self) -> str | None:
        return self.select(texts.BRANCH).selection

    @property
    def day(self) -> date | None:
        label = self.select(texts.DATE).selection
        return date.fromisoformat(label[:10]) if label else None

    @property
    def time(self) -> str | None:
        value = self.select(texts.TIME).selection
        return value if value and value not in self.full else None

    def chosen(self) -> tuple[str, date, str] | None:
        """(branch, day, time) once all three are chosen, else None."""
        branch, day, time = self.branch, self.day, self.time
        if branch is None or day is None or time is None:
            return None
        return branch, day, time

    def show_slots(self) -> None:
        """The times of the chosen branch and day, full ones greyed out."""
        branch, day = self.branch, self.day
        slots = self.sim.slots(branch, day) if branch and day else []
        full = {slot.time for slot in slots if slot.full}
        times = self.select(texts.TIME)
        keep = times.selection
        options = [
            (f"{slot}{texts.SLOT_FULL}", f"{slot}{texts.SLOT_FULL}")
            if slot in full
            else (slot, slot)
            for slot in texts.SLOTS
        ]
        self.full = {value for _, value in options if value.endswith(texts.SLOT_FULL)}

        times.set_options(options)
        if keep in texts.SLOTS and keep not in full:
            times.value = keep
        overlay = times.query_one(SelectOverlay)
        for index, (_, value) in enumerate(options, start=1):  # 0 is the blank
            if value in self.full:
                overlay.disable_option_at_index(index)
        self.post_message(self.Changed(self))

    @on(Select.Changed)
    def select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.name == texts.TIME:
            if event.value in self.full:
                self.app.tell(texts.SLOT_TAKEN)  # type: ignore[attr-defined]
                event.select.clear()
                return
            self.post_message(self.Changed(self))
            return
        self.show_slots()
