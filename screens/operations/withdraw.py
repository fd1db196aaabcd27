"""退出缴存提取: pay the whole balance out to the card and close the account."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.format import card, money
from screens.operations.base import AccountLines, OperationScreen, Pairs
from state import texts
from state.models import Account


def payout_pairs(account: Account) -> Pairs:
    """`提取金额：…` and `收款银行卡：尾号NNNN`."""
    return [
        (texts.WITHDRAW_AMOUNT, money(account.balance)),
        (texts.PAYEE_CARD, card(account.card_tail)),
    ]


class WithdrawScreen(OperationScreen):
    """The amount and card to be paid, then `办理完成`; the person stays logged in."""

    OPERATION = texts.WITHDRAW
    AUTO_FOCUS = "#page"
    """No dialog follows `办理完成`, so Enter on arrival must not press it."""

    def compose_operation(self) -> Iterable[Widget]:
        yield AccountLines(payout_pairs, classes="payout")
        yield Button(texts.HANDLING_DONE, id="finish", variant="primary")

    @on(Button.Pressed, "#finish")
    def finish(self) -> None:
        """办理完成: the simulator checks the status and loans, then pays out."""
        pairs = payout_pairs(self.account())
        payout = [texts.line(label, value) for label, value in pairs]
        result = self.sim.withdraw()
        if not result:
            self.refuse(result)
            return
        self.succeed(texts.TRADE_OK, payout)
