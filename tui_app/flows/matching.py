"""What a flow step can see and touch on the screen (FLOWS.md, Matching).

The phone frame counts: the current page (`#phone`, including parts scrolled out of
view), or only the modal dialog when one is on top, plus the notifications. Hidden
widgets, the side panel (`#side`), toasts and the footer are never controls; the
footer's key hints and the page title count as text only.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from rich.console import Console
from textual.app import App
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Footer,
    Input,
    RadioSet,
    Select,
    Static,
)
from textual.widgets._select import SelectOverlay
from textual.widgets._toast import ToastRack
from textual.widgets._toggle_button import ToggleButton

SIDE_PANEL_ID = "side"
PHONE_ID = "phone"
LEAVES = (Button, ToggleButton, Input, Select)
"""Widgets read as one piece of text; their inner parts are not walked."""


@dataclass(frozen=True)
class Option:
    """One choice of a select or radio group."""

    label: str
    value: object
    widget: Widget | None = None
    """The radio button, for radio groups."""
    disabled: bool = False


def plain(value: object, widget: Widget | None = None) -> str:
    """Plain text of a label, a Content, a Rich Text or any renderable."""
    if isinstance(value, str):
        return value
    if isinstance(value, Content):
        return value.plain
    text = getattr(value, "plain", None)
    if isinstance(text, str):
        return text
    buffer = io.StringIO()
    Console(file=buffer, width=200, color_system=None).print(value)
    return buffer.getvalue().rstrip("\n")


def static_text(widget: Static) -> str:
    visual = widget.visual
    if isinstance(visual, Content):
        return visual.plain
    return plain(widget.content, widget)


def shown(widget: Widget) -> bool:
    """Displayed and not made invisible (display is checked per ancestor by walk)."""
    return widget.display and widget.visible


def scope(app: App[object]) -> Widget:
    """The root whose widgets count: the modal dialog, or the page's phone frame."""
    screen = app.screen
    if isinstance(screen, ModalScreen):
        return screen
    try:
        phone = screen.query_one(f"#{PHONE_ID}")
    except NoMatches:
        return screen
    # Below the minimum size the phone is hidden and the screen says so instead.
    return phone if ancestors_shown(phone) else screen


def walk(root: Widget) -> Iterator[Widget]:
    """Every displayed widget under root, skipping hidden subtrees and leaf innards."""
    for child in root.children:
        if not isinstance(child, Widget) or not child.display:
            continue
        if child.id == SIDE_PANEL_ID or isinstance(child, Footer | ToastRack):
            continue
        yield child
        if not isinstance(child, LEAVES):
            yield from walk(child)


def label_of(widget: Widget) -> str:
    if isinstance(widget, Button):
        return plain(widget.label).strip()
    if isinstance(widget, ToggleButton):
        return plain(widget.label).strip()
    return ""


def text_of(widget: Widget) -> str:
    """The widget's own visible text, or "" when it has none."""
    if isinstance(widget, Button | ToggleButton):
        return label_of(widget)
    if isinstance(widget, Input):
        return widget.value or widget.placeholder
    if isinstance(widget, Select):
        selected = select_options(widget)
        for option in selected:
            if option.value == widget.value:
                return option.label
        return plain(widget.prompt)
    if isinstance(widget, Static):
        return static_text(widget)
    return ""


def visible_texts(app: App[object]) -> list[str]:
    """Every text a `see` step can find, in screen order, notifications last."""
    texts = [text for w in walk(scope(app)) if shown(w) and (text := text_of(w))]
    texts += footer_hints(app.screen)
    texts += notification_texts(app)
    return texts


def footer_hints(screen: Screen[object]) -> list[str]:
    """Key descriptions shown by the page's footer, if it has one."""
    if not any(footer.display for footer in screen.query(Footer)):
        return []
    hints = []
    for active in screen.active_bindings.values():
        if active.binding.show and active.binding.description:
            hints.append(active.binding.description)
    return hints


def notification_texts(app: App[object]) -> list[str]:
    texts = []
    for notification in app._notifications:
        if notification.title:
            texts.append(notification.title)
        message = notification.message
        if notification.markup:
            message = Content.from_markup(message).plain
        texts.append(message)
    return texts


def contains(texts: list[str], wanted: str) -> bool:
    """Whether wanted is part of one text, ignoring where lines were broken."""
    needle = wanted.replace("\n", "")
    for text in texts:
        if needle in text.replace("\n", "") or needle in text.replace("\n", " "):
            return True
    return False


def controls(app: App[object]) -> list[Widget]:
    """Tap targets in the phone frame: buttons, checkboxes and radio buttons."""
    found = walk(scope(app))
    return [w for w in found if isinstance(w, Button | ToggleButton) and shown(w)]


def fields(
    app: App[object], kind: type[Widget] | tuple[type[Widget], ...]
) -> list[Widget]:
    """Shown widgets of a kind (inputs, selects, radio groups) in the phone frame."""
    return [w for w in walk(scope(app)) if isinstance(w, kind) and shown(w)]


def field_label(widget: Widget) -> str:
    return (widget.name or "").strip()


def select_options(widget: Select[object] | RadioSet) -> list[Option]:
    """The choices of a select (without its blank) or of a radio group."""
    if isinstance(widget, RadioSet):
        buttons = [b for b in widget.query(ToggleButton) if b.display]
        return [Option(label_of(b), b, b, b.disabled) for b in buttons]
    # The drop-down list holds the same options in the same order, blank included.
    overlay = widget.query_one(SelectOverlay)
    options = []
    for index, (prompt, value) in enumerate(widget._options):
        if value is Select.NULL:
            continue
        shown = overlay.get_option_at_index(index)
        options.append(Option(plain(prompt).strip(), value, disabled=shown.disabled))
    return options


def pick_option(options: list[Option], wanted: str) -> Option | str:
    """The option labelled wanted, else the one starting with `wanted `; or why not."""
    exact = [option for option in options if option.label == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        return f"{len(exact)} options are labelled {wanted!r}"
    prefixed = [o for o in options if o.label.startswith(wanted + " ")]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        names = ", ".join(o.label for o in prefixed)
        return f"{len(prefixed)} options start with {wanted!r}: {names}"
    names = ", ".join(o.label for o in options) or "none"
    return f"no option {wanted!r}; the options are: {names}"


def ancestors_shown(widget: Widget) -> bool:
    """Whether the widget and all its ancestors are displayed."""
    node: object = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True
