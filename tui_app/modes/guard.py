"""Training's gate: which keys and clicks reach the phone, and which are mistakes.

The expected action is accepted (and then carried out by the lesson's driver);
moving focus, scrolling, typing into the expected field and working the expected
select go through; anything else that would act on the phone is stopped and counted.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events

from screens.base import Dialog, PhoneScreen
from screens.onboarding import IntroScreen
from tui_app.flows import Step
from tui_app.flows import model as m
from tui_app.modes import targets

if TYPE_CHECKING:
    from tui_app.app import GjjApp
    from tui_app.modes.lessons import Lesson

PASS_KEYS = {"ctrl+q", "ctrl+c", "ctrl+p", "f2"}
"""The app's own keys (quit, palette, trainer console) always work."""
NEUTRAL_KEYS = {"tab", "shift+tab", "up", "down", "pageup", "pagedown", "home", "end"}
"""Moving focus or scrolling is never a mistake."""
SWIPE_KEYS = {"left": {"right", "l"}, "right": {"left", "h"}}
ARROWS = {"left", "right"}
"""Outside the intro carousel the side arrows only move focus (along the tabs)."""
DRAG_CELLS = 3
HELP_KEY = "f1"


class Guard:
    """Mixed into the trainer: `filter` is the app's event filter during a lesson."""

    app: GjjApp
    lesson: Lesson | None
    step: Step | None
    _go: asyncio.Event
    _driving: bool
    _down_stopped: bool
    _down_x: int | None

    def mistake(self) -> None:
        raise NotImplementedError

    def ask_help(self) -> None:
        raise NotImplementedError

    async def filter(self, event: events.InputEvent) -> bool:
        """True stops the event before it reaches the phone."""
        if self._driving or self.lesson is None:
            return False
        if isinstance(event, events.Key):
            if event.key in PASS_KEYS:
                return False
            if event.key == HELP_KEY:
                self.ask_help()
                return True
        if not isinstance(self.app.screen, PhoneScreen | Dialog):
            return False  # the picker, a result, the palette or the console
        if isinstance(event, events.Key):
            return self.on_key(event)
        if isinstance(event, events.MouseDown):
            self._down_stopped = self.on_mouse_down(event)
            return self._down_stopped
        if isinstance(event, events.MouseUp):
            return self.on_mouse_up(event)
        return False

    def on_key(self, event: events.Key) -> bool:
        focused = self.app.focused
        step = self.step
        if targets.in_side_panel(focused):
            return False
        if step is None:
            return True  # steps are running by themselves
        key = event.key
        if key in NEUTRAL_KEYS:
            return False
        if key in ARROWS and not isinstance(self.app.screen, IntroScreen):
            return False
        target = targets.find_target(self.app, step)
        if isinstance(step, m.Press) and key == step.key:
            return self.accept()
        if isinstance(step, m.Swipe) and key in SWIPE_KEYS[step.direction]:
            return self.accept()
        if isinstance(step, m.Tap) and key in ("enter", "space") and focused is target:
            return self.accept()
        # Escape on the expected field would leave the page; in an open select's
        # list it only closes the list.
        leaves = key == "escape" and focused is target
        in_field = target is not None and focused is target and not leaves
        if isinstance(step, m.Input) and in_field:
            return key == "enter"  # typing is free; enter would submit the page
        if isinstance(step, m.Choose) and targets.within(focused, target):
            if not leaves:
                return False
        self.mistake()
        return True

    def on_mouse_down(self, event: events.MouseDown) -> bool:
        widget = targets.widget_at(self.app, event)
        self._down_x = None
        if widget is None or targets.in_side_panel(widget):
            return False
        step = self.step
        if step is None:
            return True
        control = targets.control_of(widget)
        if control is None:
            self._down_x = event.screen_x  # maybe a swipe; plain clicks do nothing
            return False
        target = targets.find_target(self.app, step)
        if isinstance(step, m.Tap) and control is target:
            return self.accept()
        if isinstance(step, m.Input | m.Choose) and targets.within(control, target):
            return False
        self.mistake()
        return True

    def on_mouse_up(self, event: events.MouseUp) -> bool:
        if self._down_stopped:
            return True
        if self._down_x is None:
            return False
        moved = event.screen_x - self._down_x
        self._down_x = None
        if abs(moved) < DRAG_CELLS:
            return False
        direction = "left" if moved < 0 else "right"
        step = self.step
        if isinstance(step, m.Swipe) and step.direction == direction:
            return self.accept()
        if step is not None:
            self.mistake()
        return True

    def accept(self) -> bool:
        self._go.set()
        return True
