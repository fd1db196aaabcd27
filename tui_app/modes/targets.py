"""Find the control a step is about, and what a key or a click lands on."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.errors import NoWidget
from textual.events import MouseEvent
from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Select
from textual.widgets._toggle_button import ToggleButton

from tui_app.flows import Step, matching
from tui_app.flows import model as m

CONTROLS = (Button, ToggleButton, Input, Select, RadioSet)
SIDE_PANEL_ID = "side"


def find_target(app: App[Any], step: Step) -> Widget | None:
    """The one visible control the step uses, or None while there is not exactly one."""
    found: list[Widget] = []
    if isinstance(step, m.Tap):
        controls = matching.controls(app)
        found = [w for w in controls if matching.label_of(w) == step.label]
    elif isinstance(step, m.Input):
        inputs = matching.fields(app, Input)
        found = [w for w in inputs if matching.field_label(w) == step.field]
    elif isinstance(step, m.Choose):
        groups = matching.fields(app, (Select, RadioSet))
        found = [w for w in groups if matching.field_label(w) == step.field]
    return found[0] if len(found) == 1 else None


def chosen(widget: Widget, option: str) -> bool:
    """Whether the select or radio group has `option` picked (as `choose` means it)."""
    if not isinstance(widget, Select | RadioSet):
        return False
    picked = matching.pick_option(matching.select_options(widget), option)
    if isinstance(picked, str):
        return False
    if isinstance(widget, Select):
        return bool(widget.value == picked.value)
    return isinstance(picked.widget, ToggleButton) and picked.widget.value


def within(widget: Widget | None, ancestor: Widget | None) -> bool:
    """Whether widget is ancestor or inside it."""
    node: Any = widget
    while node is not None and ancestor is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def in_side_panel(widget: Widget | None) -> bool:
    node: Any = widget
    while node is not None:
        if getattr(node, "id", None) == SIDE_PANEL_ID:
            return True
        node = node.parent
    return False


def control_of(widget: Widget | None) -> Widget | None:
    """The button, checkbox, input or select that widget is (part of), if any."""
    node: Any = widget
    while isinstance(node, Widget):
        if isinstance(node, CONTROLS):
            return node
        node = node.parent
    return None


def widget_at(app: App[Any], event: MouseEvent) -> Widget | None:
    try:
        widget, _ = app.get_widget_at(event.screen_x, event.screen_y)
    except NoWidget:
        return None
    return widget


def is_button(widget: Widget | None) -> bool:
    """A tap target: a button (menu item, tab, link) or a checkbox."""
    return isinstance(widget, Button | ToggleButton)


def label(widget: Widget | None) -> str:
    """A control's label (buttons, checkboxes) or field name (inputs, selects)."""
    if widget is None:
        return ""
    return matching.label_of(widget) or matching.field_label(widget)
