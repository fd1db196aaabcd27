"""汇缴: pay the current month after confirming the payment."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.format import money, month
from screens.operations.base import OperationScreen, card_line
from state import texts


class RemitScreen(OperationScreen):
    """`汇缴支付` checks the rules, then the dialog `汇缴支付信息确认`."""

    OPERATION = texts.REMIT

    def compose_operation(self) -> Iterable[Widget]:
        yield Button(texts.REMIT_PAY, id="pay", variant="primary")

    @on(Button.Pressed, "#pay")
    def pay(self) -> None:
        """Check the 汇缴 rules and ask to confirm the month and amount."""
        check = self.sim.check_remit()
        if not check:
            self.refuse(check)
            return

        paid_month, amount = check.value
        lines = [
            texts.line(texts.MONTH, month(paid_month)),
            texts.line(texts.AMOUNT, money(amount)),
            card_line(self.account()),
        ]
        self.confirm_payment(texts.REMIT_CONFIRM_TITLE, lines, self.confirmed)

    def confirmed(self) -> None:
        """确认支付: the simulator checks again and pays."""
        result = self.sim.remit()
        if not result:
            self.refuse(result)
            return

        account = self.account()
        self.succeed(
            texts.TRADE_OK,
            [
                texts.line(texts.MONTH, month(account.paid_through)),
                texts.line(texts.AMOUNT, money(account.monthly_amount)),
            ],
        )
