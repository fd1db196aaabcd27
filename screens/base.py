"""The phone page every screen is drawn in, and the typed dialogs over it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from screens.widgets import KeysFooter, StatusBar, TabBar, TitleBar, text
from state import texts

if TYPE_CHECKING:
    from state.simulator import Simulator
    from tui_app.app import GjjApp

MIN_WIDTH, MIN_HEIGHT = 80, 30
SIDE_PANEL_MIN_WIDTH = 110


class SidePanel(Vertical):
    """The area beside the phone: trainer console, lesson hint or demo caption."""

    def __init__(self) -> None:
        super().__init__(id="side")
        self.drawn_for: tuple[bool, object] | None = None

    def wanted(self) -> tuple[bool, object]:
        """What the panel should show now: the console, or what a mode puts there."""
        return (self.app.console_open, self.app.side_factory)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        self.drawn_for = self.wanted()
        yield from self.app.side_panel_widgets()  # type: ignore[attr-defined]

    def catch_up(self) -> None:
        """Redraw if the console was opened or closed while this page was covered."""
        if self.drawn_for != self.wanted():
            self.refresh(recompose=True)


class PageScroll(VerticalScroll):
    """The page's content area; a Tab stop only when it has something to scroll.

    Otherwise Tab would land on it and show nothing, and Enter would do nothing.
    """

    def allow_focus(self) -> bool:
        return self.can_focus and self.max_scroll_y > 0


def is_wide(width: int) -> bool:
    """Whether there is room for the panel beside the phone."""
    return width >= SIDE_PANEL_MIN_WIDTH


class SmallTerminalMixin(Screen[Any]):
    """Hide the layout and say so when the terminal is below 80×30."""

    _focus_before_small: Widget | None = None

    def size_classes(self) -> None:
        """Classes for the current terminal size, set before the page is styled.

        Setting them later, on the first resize, would restyle every widget of a
        new page once more.
        """
        width = self.app.size.width
        self.set_class(not is_wide(width), "-narrow", update=False)

    def on_resize(self, event: Resize) -> None:
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        was_small = self.has_class("-too-small")
        self.set_class(not is_wide(event.size.width), "-narrow")
        if small and not was_small:
            self._focus_before_small = self.focused
            self.set_class(True, "-too-small")
            # Made only when needed: every page is cheaper to open without it.
            self.mount(Static(texts.TOO_SMALL, id="too-small"))
        elif was_small and not small:
            self.set_class(False, "-too-small")
            self.query("#too-small").remove()
            self.call_after_refresh(self._restore_focus)

    def _restore_focus(self) -> None:
        """Give the keyboard back to where it was before the layout was hidden."""
        before = self._focus_before_small
        if before is not None and before.is_attached and before.focusable:
            self.set_focus(before)
            return
        if self.AUTO_FOCUS:
            for widget in self.query(self.AUTO_FOCUS):
                if widget.focusable:
                    self.set_focus(widget)
                    return


class PhoneScreen(SmallTerminalMixin, Screen[None]):
    """A page of the app inside the phone frame; subclasses fill `compose_page`."""

    PAGE_TITLE: ClassVar[str] = ""
    TAB: ClassVar[str | None] = None
    """The active bottom tab on a main page; sub-pages show no tabs."""
    CAN_GO_BACK: ClassVar[bool] = True
    AUTO_FOCUS = "#page Button, #page Input, #page Select, #page Checkbox, .tab.-active"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("down", "app.focus_next", "下一项", show=False),
        Binding("up", "app.focus_previous", "上一项", show=False),
    ]

    @property
    def gjj(self) -> GjjApp:
        return self.app  # type: ignore[return-value]

    @property
    def sim(self) -> Simulator:
        return self.gjj.sim

    def page_title(self) -> str:
        return self.PAGE_TITLE

    def compose(self) -> ComposeResult:
        self.size_classes()
        beside = self.has_side_panel()
        with Horizontal(id="stage"):
            if beside:
                yield Container(id="left-spacer")
            with Vertical(id="phone"):
                yield StatusBar(id="status-bar")
                yield TitleBar(self.page_title(), self.can_go_back())
                with PageScroll(id="page"):
                    yield from self.compose_page()
                if self.TAB:
                    yield TabBar(self.TAB)
            if beside:
                yield SidePanel()
        yield KeysFooter()

    def has_side_panel(self) -> bool:
        """The side panel is drawn only where it fits (and never in `run`)."""
        return self.gjj.side_panel and is_wide(self.app.size.width)

    def on_resize(self, event: Resize) -> None:
        # Textual also runs SmallTerminalMixin.on_resize (handlers of every class).
        if self.has_side_panel() and not self.query("#side"):
            stage = self.query_one("#stage")
            stage.mount(Container(id="left-spacer"), before=0)
            stage.mount(SidePanel())

    def compose_page(self) -> Iterable[Widget]:
        return []

    def can_go_back(self) -> bool:
        return self.CAN_GO_BACK and not self.TAB

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.can_go_back()
        return True

    def action_back(self) -> None:
        """‹ 返回: leave this page."""
        if self.can_go_back():
            self.gjj.go_back()

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, ".tab")
    def tab_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.gjj.show_tab(str(event.button.label))

    def on_screen_resume(self) -> None:
        # A button pressed just before another page covered this one keeps its
        # press animation (its timer does not run while hidden) and would ignore
        # every later press; coming back must leave all buttons ready.
        for button in self.query(Button):
            button.remove_class("-active")
        for panel in self.query(SidePanel):
            panel.catch_up()

    def tell(self, message: str) -> None:
        """A notification over the page; the page stays as it was."""
        self.gjj.tell(message)


class Dialog(SmallTerminalMixin, ModalScreen[str | None]):
    """A dialog over the phone: title, lines and buttons; returns the label pressed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "取消"),
        Binding("left,up", "app.focus_previous", "上一项", show=False),
        Binding("right,down", "app.focus_next", "下一项", show=False),
    ]

    def __init__(
        self, title: str, buttons: Iterable[str], lines: Iterable[str] = ()
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.buttons = list(buttons)
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        self.size_classes()
        with Vertical(id="dialog"):
            yield text(self.dialog_title, "dialog-title")
            for line in self.lines:
                yield text(line, "dialog-line")
            row = Horizontal if len(self.buttons) <= 2 else Vertical
            with row(classes="dialog-buttons"):
                for label in self.buttons:
                    yield Button(label, compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.focus_start()

    def focus_start(self) -> None:
        """Put the keyboard on the choice a dialog starts on."""
        # The affirmative choice of a yes/no dialog, and the first of a list of
        # choices, as a phone's dialogs do.
        buttons = self.query(Button)
        if buttons:
            (buttons.last() if len(buttons) <= 2 else buttons.first()).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.label))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
