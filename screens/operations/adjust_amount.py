"""月缴存额调整: a new monthly amount, in July, once a calendar year."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button, Input

from screens.format import money
from screens.operations.base import OperationScreen
from screens.widgets import field, text
from state import texts


class AdjustAmountScreen(OperationScreen):
    """The allowed range, the field `调整后月缴存额` and `完成办理`."""

    OPERATION = texts.ADJUST

    def compose_operation(self) -> Iterable[Widget]:
        low, high = self.sim.amount_range()
        yield text(texts.AMOUNT_RANGE_LINE.format(low=low, high=high), "note")
        yield field(texts.NEW_AMOUNT, texts.AMOUNT_PLACEHOLDER)
        yield Button(texts.FINISH_HANDLING, id="finish", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#finish")
    def finish(self) -> None:
        """完成办理 (or Enter in the field): the simulator checks and adjusts."""
        typed = self.input_named(texts.NEW_AMOUNT).value
        result = self.sim.adjust_amount(typed)
        if not result:
            self.refuse(result)
            return
        amount = money(self.account().monthly_amount)
        self.succeed(texts.AMOUNT_ADJUSTED, [texts.line(texts.MONTHLY_AMOUNT, amount)])
