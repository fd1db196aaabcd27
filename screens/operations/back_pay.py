"""补缴: pay every unpaid month up to the chosen 补缴结束年月."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button, Select

from screens.format import money, month_span
from screens.operations.base import OperationScreen, card_line
from screens.widgets import select_field, text
from state import texts
from state.months import YearMonth


class BackPayScreen(OperationScreen):
    """Choose the last month to pay; `无需补缴` when nothing is unpaid."""

    OPERATION = texts.BACK_PAY

    def compose_operation(self) -> Iterable[Widget]:
        self.months = [str(m) for m in self.sim.back_pay_months()]
        if not self.months:
            yield text(texts.NOTHING_TO_BACK_PAY, "big")
            return

        yield select_field(texts.BACK_PAY_UNTIL, self.months, allow_blank=False)
        yield Button(texts.BACK_PAY_PAY, id="pay", variant="primary")

    def on_mount(self) -> None:
        # The real app offers to pay everything owed, so the last month is preset.
        if self.months:
            self.query_one(Select).value = self.months[-1]

    @on(Button.Pressed, "#pay")
    def pay(self) -> None:
        """Check the 补缴 rules and ask to confirm the months and amount."""
        until = YearMonth.parse(str(self.query_one(Select).value))
        check = self.sim.check_back_pay(until)
        if not check:
            self.refuse(check)
            return

        months, amount = check.value
        lines = [
            texts.line(texts.MONTHS, month_span(months)),
            texts.line(texts.AMOUNT, money(amount)),
            card_line(self.account()),
        ]
        self.confirm_payment(
            texts.BACK_PAY_CONFIRM_TITLE, lines, lambda: self.confirmed(until, lines)
        )

    def confirmed(self, until: YearMonth, lines: list[str]) -> None:
        """确认支付: the simulator checks again and pays the months."""
        result = self.sim.back_pay(until)
        if not result:
            self.refuse(result)
            return
        self.succeed(texts.TRADE_OK, lines[:2])
