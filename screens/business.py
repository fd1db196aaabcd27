"""灵活就业人员业务办理: the entry checks and the menu of the seven operations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button

from screens.base import PhoneScreen
from state import texts

if TYPE_CHECKING:
    from tui_app.app import GjjApp


def open_business_menu(app: GjjApp) -> None:
    """Open the menu, or tell why this person cannot (`您不是灵活就业缴存人`, …)."""
    entry = app.sim.check_business_entry()
    if not entry:
        app.tell(entry.message)
        return
    app.open(BusinessMenuScreen())


def return_to_menu(app: GjjApp, operation: str | None = None) -> None:
    """`完成` of a finished operation: back to a fresh menu, as the pages below it,
    with the focus on the operation just done."""
    if not any(isinstance(s, BusinessMenuScreen) for s in app.screen_stack):
        app.show_tab(texts.TAB_BUSINESS)
        app.open(BusinessMenuScreen(operation))
        return
    while not isinstance(app.screen, BusinessMenuScreen):
        app.pop_screen()
    app.switch_screen(BusinessMenuScreen(operation))


class BusinessMenuScreen(PhoneScreen):
    """The seven operations, one button each; every tap checks the entry again."""

    PAGE_TITLE = texts.FLEXIBLE_BUSINESS
    AUTO_FOCUS = ".operation"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "下一项", show=False),
        Binding("up", "move(-1)", "上一项", show=False),
    ]

    def __init__(self, focus_on: str | None = None) -> None:
        super().__init__()
        self.focus_on = focus_on

    def on_mount(self) -> None:
        if self.focus_on in texts.OPERATIONS:
            number = texts.OPERATIONS.index(self.focus_on)
            self.query_one(f"#operation-{number}", Button).focus()

    def compose_page(self) -> Iterable[Widget]:
        for number, label in enumerate(texts.OPERATIONS):
            yield Button(label, id=f"operation-{number}", classes="operation")

    def action_move(self, step: int) -> None:
        """↑/↓: the previous or next operation, round the list."""
        buttons = list(self.query(".operation").results(Button))
        current = self.focused
        index = buttons.index(current) + step if current in buttons else 0
        buttons[index % len(buttons)].focus()

    @on(Button.Pressed, ".operation")
    def operation_pressed(self, event: Button.Pressed) -> None:
        """Open the operation's page unless the account can no longer use the menu."""
        from screens.operations import operation_screen

        event.stop()
        # The account may have changed since the menu opened (退出缴存提取 closes it).
        entry = self.sim.check_business_entry()
        if not entry:
            self.tell(entry.message)
            return
        self.gjj.open(operation_screen(str(event.button.label)))
