"""封存: one press of `完成办理`; also the status-change page 启封 shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.operations.base import OperationScreen
from state import texts
from state.result import Result


class StatusChangeScreen(OperationScreen):
    """A page whose only action changes the account status."""

    AUTO_FOCUS = "#page"
    """No dialog follows `完成办理`, so Enter on arrival must not press it."""

    def compose_operation(self) -> Iterable[Widget]:
        yield Button(texts.FINISH_HANDLING, id="finish", variant="primary")

    def action_of(self) -> Callable[[], Result]:
        """The simulator operation `完成办理` performs."""
        raise NotImplementedError

    @on(Button.Pressed, "#finish")
    def finish(self) -> None:
        """完成办理: the simulator checks the status and changes it."""
        result = self.action_of()()
        if not result:
            self.refuse(result)
            return
        status = self.account().status
        self.succeed(texts.HANDLED_OK, [texts.line(texts.STATUS, status)])


class SealScreen(StatusChangeScreen):
    """封存: the account stops taking payments."""

    OPERATION = texts.SEAL

    def action_of(self) -> Callable[[], Result]:
        return self.sim.seal
