"""Opening the console: beside the phone when it fits, else as a full page (F2)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input

from screens.base import SIDE_PANEL_MIN_WIDTH
from screens.console.actions import gjj, rebuild_phone_page
from screens.console.panel import TrainerConsole
from state import texts
from state.clock import CLOCK_FORMAT


class ConsoleScreen(Screen[None]):
    """The console as a full page, when there is no room beside the phone."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", texts.CLOSE)]
    AUTO_FOCUS = "#clock-input"
    """The keyboard starts in the clock field, the control used most."""

    DEFAULT_CSS = """
    ConsoleScreen {
        align: center top;
    }
    ConsoleScreen #console {
        width: 100%;
        max-width: 100;
        padding: 0 2;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.clock_moved = False
        """The clock moved while open; the phone page is rebuilt on closing."""

    def compose(self) -> ComposeResult:
        yield TrainerConsole()
        yield Footer()

    def on_mount(self) -> None:
        # Focusing the clock field on opening scrolls it to the top; keep the headings.
        self.call_after_refresh(
            self.query_one(TrainerConsole).scroll_home, animate=False
        )

    def action_close(self) -> None:
        """Escape (or F2): back to the phone."""
        self.dismiss()
        if self.clock_moved:
            self.app.call_later(rebuild_phone_page, self.app)


def console_fits_beside(app: App[Any]) -> bool:
    """Whether the side panel is on and the terminal is wide enough for it."""
    return gjj(app).side_panel and app.size.width >= SIDE_PANEL_MIN_WIDTH


def toggle_console_screen(app: App[Any]) -> bool:
    """F2 when the console cannot sit beside the phone: open or close it full screen.

    Returns False when the console fits beside the phone and the caller toggles it
    there instead.
    """
    if isinstance(app.screen, ConsoleScreen):
        app.screen.action_close()
        return True
    if any(isinstance(screen, ConsoleScreen) for screen in app.screen_stack):
        return True  # a dialog over the full-screen console; it answers first
    if console_fits_beside(app):
        return False
    app.push_screen(ConsoleScreen())
    return True


def show_console(app: App[Any], focus_clock: bool = False) -> None:
    """Open the console (beside the phone or full screen), optionally at the clock."""
    if not console_fits_beside(app):
        if not isinstance(app.screen, ConsoleScreen):
            app.push_screen(ConsoleScreen())
        if focus_clock:
            app.call_after_refresh(focus_clock_input, app)
        return
    if not gjj(app).console_open:
        gjj(app).console_open = True
        gjj(app).refresh_side_panel()
    if focus_clock:
        # Queued on the panel itself, so it runs after the rebuild just asked of it.
        for panel in app.screen.query("#side"):
            panel.call_after_refresh(focus_clock_input, app)


def focus_clock_input(app: App[Any]) -> None:
    """Put the keyboard in the clock field with its text selected, ready to retype."""
    for field in app.screen.query("#clock-input").results(Input):
        # The time has moved on since the console was drawn: offer the current one.
        field.value = gjj(app).sim.now().strftime(CLOCK_FORMAT)
        field.focus()
        field.select_all()
