"""The trainer console as one panel: title, sections and the two reset buttons."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from screens.console.resets import confirm_factory_reset, confirm_reset_demo
from screens.console.sections import (
    AuditSection,
    ClockSection,
    ConsoleSection,
    CounterSection,
    InboxSection,
    PersonSection,
)
from screens.widgets import text
from state import texts


class TrainerConsole(VerticalScroll):
    """The trainer's panel: refreshed after each action and every second."""

    # Tab goes straight to the clock field and the buttons: the scroll container
    # would be a stop that shows nothing and swallows typing. Focusing a control
    # scrolls it into view, and the mouse wheel still scrolls the panel.
    can_focus = False

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
    TrainerConsole Input:focus {
        border: tall $accent;
    }
    TrainerConsole Button:focus {
        text-style: bold reverse;
        background: $accent;
        color: $text;
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
        width: 100%;
        max-width: 30;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="console")

    def compose(self) -> ComposeResult:
        yield text(texts.CONSOLE_TITLE, "console-title")
        yield ClockSection()
        yield CounterSection()
        yield InboxSection()
        yield PersonSection()
        yield AuditSection()
        # One per row: side by side they wrap or run off the edge below ~140 columns.
        with Vertical(classes="console-resets"):
            yield Button(texts.FACTORY_RESET, id="factory-reset", variant="error")
            yield Button(texts.RESET_DEMO, id="reset-demo", variant="warning")

    def on_mount(self) -> None:
        self.set_interval(1, self.poll_if_shown)
        self.app.screen_change_signal.subscribe(self, self.screen_changed)

    def screen_changed(self, screen: Screen[Any]) -> None:
        """Back on this page (the phone went back, a dialog closed): catch up."""
        self.poll_if_shown()

    def poll_if_shown(self) -> None:
        """Poll only if this console's page is the one on screen."""
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
        """恢复首次安装状态, once confirmed."""
        confirm_factory_reset(self.app)

    @on(Button.Pressed, "#reset-demo")
    def reset_demo(self) -> None:
        """重置演示数据, once confirmed."""
        confirm_reset_demo(self.app)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()  # the phone page under the console must not see its buttons
