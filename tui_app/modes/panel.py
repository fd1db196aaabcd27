"""The side panel of the modes, the highlight on the expected control, and dialogs.

A mode keeps a `PanelText` and the app's `side_factory` draws it on every page; the
panel is recomposed whenever the text changes. The result dialogs are modal so they
show at any terminal width, also when the side panel has no room.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

TARGET_CLASS = "lesson-target"
"""Added to the control a trainee should use once the help shows it."""
MODES_CSS = """
.lesson-target {
    background: $warning;
    color: $text;
    text-style: bold;
}
.lesson-target:focus {
    /* The warning colour hides the usual focus tint: invert it instead. */
    text-style: bold reverse;
}
.mode-label { color: $accent; text-style: bold; }
.mode-title { text-style: bold; margin: 1 0 0 0; }
.mode-task { margin: 1 0 0 0; }
.mode-progress { color: $text-muted; margin: 1 0 0 0; }
.mode-hint { text-style: bold; margin: 1 0 0 0; }
.mode-help { color: $warning; margin: 1 0 0 0; }
.mode-action { color: $success; text-style: bold; margin: 1 0 0 0; }
.mode-timer { text-style: bold; margin: 1 0 0 0; }
.mode-keys { color: $text-muted; margin: 1 0 0 0; }
.mode-error { color: $error; margin: 1 0 0 0; }
.mode-buttons { height: auto; margin: 1 0 0 0; }
.mode-buttons Button { margin: 0 1 0 0; }
/* Here, not in ChoiceDialog's DEFAULT_CSS: the app's own `Screen` rule would make
   the dialog's backdrop opaque and hide the phone's last page under it. */
.mode-dialog { align: center middle; background: $background 60%; }
"""
CSS_SOURCE = ("tui_app/modes/panel.py", "MODES_CSS")


def install_css(app: App[Any]) -> None:
    """Add the modes' styles to the app once (they also style the phone's controls)."""
    if app.stylesheet.has_source(*CSS_SOURCE):
        return
    app.stylesheet.add_source(MODES_CSS, read_from=CSS_SOURCE)
    app.refresh_css(animate=False)


def refresh_panel(app: App[Any]) -> None:
    """Redraw the side panel on every page, also the one under an open dialog."""
    for screen in app.screen_stack:
        for panel in screen.query("#side"):
            panel.refresh(recompose=True)


def highlight(widget: Widget | None, app: App[Any]) -> None:
    """Mark `widget` as the expected control, and nothing else."""
    for screen in app.screen_stack:
        for marked in screen.query(f".{TARGET_CLASS}"):
            if marked is not widget:
                marked.remove_class(TARGET_CLASS)
    if widget is not None:
        widget.add_class(TARGET_CLASS)


@dataclass
class PanelText:
    """What the side panel says; empty parts are left out."""

    label: str = ""
    title: str = ""
    task: str = ""
    progress: str = ""
    hint: str = ""
    action: str = ""
    help: str = ""
    error: str = ""
    timer: str = ""
    keys: str = ""
    buttons: list[tuple[str, str]] = field(default_factory=list)
    """(id, label) of buttons under the text, e.g. 交卷 and 放弃."""

    def widgets(self) -> Iterable[Widget]:
        parts = [
            (self.label, "mode-label"),
            (self.title, "mode-title"),
            (self.task, "mode-task"),
            (self.progress, "mode-progress"),
            (self.hint, "mode-hint"),
            (self.action, "mode-action"),
            (self.help, "mode-help"),
            (self.error, "mode-error"),
        ]
        for text, classes in parts:
            if text:
                yield Static(text, classes=classes, markup=False)
        if self.timer:
            yield Static(
                self.timer, classes="mode-timer", id="mode-timer", markup=False
            )
        if self.buttons:
            buttons = [Button(text, id=key, compact=True) for key, text in self.buttons]
            yield Horizontal(*buttons, classes="mode-buttons")
        if self.keys:
            yield Static(self.keys, classes="mode-keys", markup=False)


class ChoiceDialog(ModalScreen[str | None]):
    """A result over the app: a title, lines and buttons; returns the id pressed."""

    DEFAULT_CSS = """
    ChoiceDialog > Vertical {
        width: 44; max-width: 100%; height: auto; max-height: 100%;
        padding: 1 2; border: round $accent; background: $surface;
        overflow-y: auto;
    }
    ChoiceDialog .choice-title { text-style: bold; margin-bottom: 1; }
    ChoiceDialog .choice-buttons { height: auto; }
    ChoiceDialog .choice-buttons Button { width: 100%; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "离开"),
        Binding("up", "app.focus_previous", "上一项", show=False),
        Binding("down", "app.focus_next", "下一项", show=False),
    ]
    AUTO_FOCUS = "Button"

    def __init__(
        self, title: str, lines: Iterable[str], buttons: Iterable[tuple[str, str]]
    ) -> None:
        super().__init__(classes="mode-dialog")
        self.choice_title = title
        self.lines = list(lines)
        self.buttons = list(buttons)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.choice_title, classes="choice-title", markup=False)
            for line in self.lines:
                yield Static(line, markup=False)
            # One full-width button a line: four labels do not fit side by side
            # in a dialog as narrow as the phone.
            with Vertical(classes="choice-buttons"):
                for ident, label in self.buttons:
                    yield Button(label, id=ident, compact=True)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_leave(self) -> None:
        self.dismiss(None)
