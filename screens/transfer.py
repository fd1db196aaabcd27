"""转入灵活就业预约: book the counter to turn a sealed account flexible (§10)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.appointment import AppointmentPicker
from screens.base import Dialog, PhoneScreen
from screens.result import ResultScreen
from state import texts

if TYPE_CHECKING:
    from tui_app.app import GjjApp


def open_transfer(app: GjjApp) -> None:
    """The entry checks as notifications, else the appointment page."""
    result = app.sim.check_transfer()
    if not result:
        app.tell(result.message)
        return
    app.open(TransferScreen())


def appointment_lines(branch: str, day_label: str, time: str) -> list[str]:
    """承办网点, 预约日期 and 预约时间 as `标签：值` lines for a result page."""
    return [
        texts.line(texts.BRANCH, branch),
        texts.line(texts.DATE, day_label),
        texts.line(texts.TIME, time),
    ]


class TransferScreen(PhoneScreen):
    """The picker and 下一步, then the dialog `是否确定提交预约？`."""

    PAGE_TITLE = texts.TRANSFER_IN

    def compose_page(self) -> Iterable[Widget]:
        yield AppointmentPicker()
        yield Button(texts.NEXT, id="transfer-next", variant="primary")

    @on(Button.Pressed, "#transfer-next")
    def next_pressed(self) -> None:
        if self.query_one(AppointmentPicker).chosen() is None:
            self.tell(texts.CHOOSE_APPOINTMENT)
            return
        ask = Dialog(texts.SUBMIT_QUESTION, [texts.CANCEL, texts.OK])
        self.app.push_screen(ask, self.answered)

    def answered(self, answer: str | None) -> None:
        """确定 books the 转入 appointment; 取消 or escape leaves the page as it was."""
        chosen = self.query_one(AppointmentPicker).chosen()
        if answer != texts.OK or chosen is None:
            return
        branch, day, time = chosen
        result = self.sim.book_transfer(branch, day, time)
        if not result:
            self.tell(result.message)
            return
        lines = appointment_lines(branch, self.sim.date_label(day), time)
        lines.append(texts.APPLIED_NOTE)
        done = ResultScreen(texts.BOOKED, texts.BOOKED, lines, self.finished)
        self.app.switch_screen(done)

    def finished(self) -> None:
        """完成: back to 业务办理, where 转入灵活就业预约 was started."""
        self.gjj.show_tab(texts.TAB_BUSINESS)
