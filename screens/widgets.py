"""The phone's chrome: status bar, title bar, bottom tabs, fields and text lines."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay

from state import texts

# An open drop-down's footer hint comes from Textual in English; the footer speaks
# Chinese everywhere, so its one binding is given a Chinese description here.
SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "关闭列表")]
SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()

W = TypeVar("W", bound=Widget)


class StatusBar(Static):
    """The phone's status bar: the simulated time (HH:MM) and the signal."""

    SIGNAL = "5G ▮▮▮ 100%"
    shown = ""

    def on_mount(self) -> None:
        self.show_time()
        self.set_interval(0.5, self.show_time)

    def on_resize(self) -> None:
        self.show_time()

    def show_time(self) -> None:
        clock = self.app.clock.now().strftime("%H:%M")  # type: ignore[attr-defined]
        gap = max(1, self.content_size.width - len(clock) - len(self.SIGNAL))
        line = f"{clock}{' ' * gap}{self.SIGNAL}"
        if line != self.shown:
            # One row as wide as the phone whatever it says: no new layout needed.
            self.shown = line
            self.update(line, layout=False)


class KeysFooter(Footer):
    """The footer, rebuilt only when the keys it shows change.

    Focus moves and page changes announce new bindings several times a second;
    the keys a page shows seldom change, and rebuilding them restyles each one.
    """

    shown_keys: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
        if keys == self.shown_keys and self._bindings_ready:
            return
        self.shown_keys = keys
        super().bindings_changed(screen)


class TitleBar(Horizontal):
    """`‹ 返回` and the page title, centred on the phone."""

    def __init__(self, title: str, can_go_back: bool) -> None:
        super().__init__(id="title-bar")
        self.title_text = title
        self.can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        if self.can_go_back:
            yield Button(texts.BACK, id="back", classes="back", compact=True)
        title = Static(self.title_text, id="title", markup=False)
        title.set_class(not self.can_go_back, "-no-back")
        yield title


class TabBar(Horizontal):
    """The three bottom tabs of the main pages; ← and → move between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", "上一项", show=False),
        Binding("right", "app.focus_next", "下一项", show=False),
    ]

    def __init__(self, active: str) -> None:
        super().__init__(id="tabs")
        self.active = active

    def compose(self) -> ComposeResult:
        for label in texts.TABS:
            classes = "tab -active" if label == self.active else "tab"
            yield Button(label, classes=classes, compact=True)


class CodeButton(Button):
    """The button that sends an SMS code; it counts down until another may be sent.

    The wait comes from the simulator, so moving the simulated clock ends it.
    """

    def __init__(self, label: str, purpose: str, **kwargs: object) -> None:
        super().__init__(label, **kwargs)  # type: ignore[arg-type]
        self.idle_label = label
        self.purpose = purpose
        self.sent_to: str | None = None
        """The phone the last code went to; the countdown is for that number."""

    def on_mount(self) -> None:
        self.set_interval(0.5, self.show_countdown)

    def code_sent(self, phone: str) -> None:
        self.sent_to = phone
        self.show_countdown()

    def show_countdown(self) -> None:
        """`重新发送(59s)` while another code may not be sent yet."""
        wait = 0
        if self.sent_to is not None:
            wait = self.app.sim.resend_wait(self.sent_to, self.purpose)  # type: ignore[attr-defined]
        label = texts.RESEND_COUNTDOWN.format(seconds=wait) if wait else self.idle_label
        if str(self.label) != label:
            self.label = label
        self.disabled = wait > 0


def text(content: str, classes: str = "") -> Static:
    """A line of plain text; user input inside is never read as markup."""
    return Static(content, classes=classes, markup=False)


def field(
    label: str, placeholder: str = "", password: bool = False, value: str = ""
) -> Vertical:
    """A label above an input; the input's `name` is the label scripts use."""
    return Vertical(
        Label(label, classes="field-label", markup=False),
        Input(value, placeholder=placeholder, password=password, name=label),
        classes="field",
    )


def select_field(
    label: str, options: list[str], allow_blank: bool = True, value: str | None = None
) -> Vertical:
    """A label above a select whose options are plain strings."""
    return Vertical(
        Label(label, classes="field-label", markup=False),
        Select(
            [(option, option) for option in options],
            name=label,
            prompt="请选择",
            allow_blank=allow_blank,
            value=Select.NULL if value is None else value,
        ),
        classes="field",
    )


def info_lines(pairs: list[tuple[str, str]]) -> list[Static]:
    """`标签：值` lines, one per item, as the app shows information to verify."""
    return [text(texts.line(label, value), "info-line") for label, value in pairs]


def named(root: Widget, kind: type[W], label: str) -> W:
    """The input or select under `root` whose `name` is `label`."""
    for widget in root.query(kind):
        if widget.name == label:
            return widget
    raise LookupError(f"no {kind.__name__} named {label!r}")
