"""Carry out one flow step on a running app, as a keyboard user would.

`StepDriver` works on any running app with a Pilot: the headless runner, and the
training and demo modes (a live app gets its Pilot from `App.run(auto_pilot=...)`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, RadioSet, Select
from textual.widgets._toggle_button import ToggleButton

from tui_app.flows import checks, matching
from tui_app.flows import model as m

SETTLE_SECONDS = 3.0
POLL_SECONDS = 0.05
SMS_PLACEHOLDER = "${sms}"
TEXT_PREVIEW = 400
"""How much visible text a failed `see` quotes."""

T = TypeVar("T")


class StepFailed(Exception):
    """The step did not hold; the message says why, in English."""


class RunContext(Protocol):
    """What a driver needs from the run around it."""

    sim: Any
    out_dir: Path

    def last_sms_code(self) -> str | None: ...


class StepDriver:
    """Runs steps against `pilot.app`; each failed step raises StepFailed."""

    def __init__(
        self,
        pilot: Pilot[Any],
        context: RunContext,
        settle_seconds: float = SETTLE_SECONDS,
    ) -> None:
        self.pilot = pilot
        self.context = context
        self.settle_seconds = settle_seconds

    @property
    def app(self) -> App[Any]:
        return self.pilot.app

    async def run(self, step: m.Step) -> None:
        """Carry out one step; Restart only clears, the caller relaunches the app."""
        if step.changes_screen:
            self.app.clear_notifications()

        action = getattr(self, f"_{step.verb}")
        await action(step)
        if step.changes_screen:
            await self.pilot.pause()

        if self.app._exception is not None:
            error = self.app._exception
            raise StepFailed(f"the app crashed: {type(error).__name__}: {error}")

    # --- waiting --------------------------------------------------------------

    async def settle(
        self, probe: Callable[[], tuple[T | None, str]], pause_first: bool = False
    ) -> T:
        """Poll probe until it finds its value; after the timeout fail with its reason.

        probe returns (value, "") when satisfied, or (None, why not). Acting steps
        end with a pause, so a probe may look at once; an absence (`not_see`) is
        only trusted after a pause of its own.
        """
        deadline = time.monotonic() + self.settle_seconds
        if pause_first:
            await self.pilot.pause()
        while True:
            value, reason = probe()
            if not reason:
                return value  # type: ignore[return-value]
            if time.monotonic() >= deadline or self.app._exception is not None:
                raise StepFailed(reason)
            await self.pilot.pause(POLL_SECONDS)

    def expand(self, text: str) -> str:
        """Replace `${sms}` with the last simulated code sent during the run."""
        if SMS_PLACEHOLDER not in text:
            return text
        code = self.context.last_sms_code()
        if code is None:
            raise StepFailed("${sms} is used, but no SMS code was sent during the run")
        return text.replace(SMS_PLACEHOLDER, code)

    def find_one(
        self, found: list[Widget], label: str, what: str, labels: list[str]
    ) -> tuple[Widget | None, str]:
        if not found:
            listed = ", ".join(dict.fromkeys(labels)) or "none"
            return None, f"no {what} labelled {label!r}; visible {what}s: {listed}"
        if len(found) > 1:
            return None, f"{len(found)} {what}s are labelled {label!r}"
        if found[0].is_disabled:
            return None, f"the {what} {label!r} is disabled"
        return found[0], ""

    # --- acting ---------------------------------------------------------------

    async def _tap(self, step: m.Tap) -> None:
        label = self.expand(step.label)

        def probe() -> tuple[Widget | None, str]:
            candidates = matching.controls(self.app)
            found = [w for w in candidates if matching.label_of(w) == label]
            labels = [matching.label_of(w) for w in candidates]
            return self.find_one(found, label, "control", labels)

        await self.activate(await self.settle(probe))

    @staticmethod
    def _button_ready(button: Button) -> Callable[[], tuple[bool | None, str]]:
        def probe() -> tuple[bool | None, str]:
            if button.has_class("-active"):
                return None, f"the button {str(button.label)!r} stayed pressed"
            return True, ""

        return probe

    async def activate(self, widget: Widget) -> None:
        """Scroll to the control, focus it and press enter, as from the keyboard.

        Focus is applied from the app's queue before the key arrives, so no pause
        is needed between them. Controls that cannot take focus are pressed
        directly.
        """
        widget.scroll_visible(animate=False, immediate=True)
        if isinstance(widget, Button):
            # A button ignores presses during its 0.2 s press animation; a person
            # tapping it again waits that long, and so does the script.
            await self.settle(self._button_ready(widget))
        if widget.focusable:
            widget.focus(scroll_visible=False)
            await self.pilot.press("enter")
            return
        if isinstance(widget, Button):
            widget.press()
        elif isinstance(widget, RadioButton):
            widget.value = True
        elif isinstance(widget, ToggleButton):
            widget.toggle()

    async def reveal(self, widget: Widget) -> None:
        widget.scroll_visible(animate=False, immediate=True)
        await self.pilot.pause()

    async def _input(self, step: m.Input) -> None:
        text = self.expand(step.value)

        def probe() -> tuple[Widget | None, str]:
            inputs = matching.fields(self.app, Input)
            found = [w for w in inputs if matching.field_label(w) == step.field]
            labels = [matching.field_label(w) for w in inputs]
            return self.find_one(found, step.field, "input field", labels)

        field = await self.settle(probe)
        assert isinstance(field, Input)
        await self.reveal(field)
        field.focus(scroll_visible=False)
        field.clear()
        # One character at a time, like typing: restrict and max_length apply.
        for character in text:
            field.insert_text_at_cursor(character)

    async def _choose(self, step: m.Choose) -> None:
        wanted = self.expand(step.option)

        def probe() -> tuple[tuple[Widget, matching.Option] | None, str]:
            groups = matching.fields(self.app, (Select, RadioSet))
            found = [w for w in groups if matching.field_label(w) == step.field]
            labels = [matching.field_label(w) for w in groups]
            widget, reason = self.find_one(found, step.field, "select", labels)
            if not isinstance(widget, Select | RadioSet):
                return None, reason
            option = matching.pick_option(matching.select_options(widget), wanted)
            if isinstance(option, str):
                return None, f"select {step.field!r}: {option}"
            if option.disabled:
                return (
                    None,
                    f"select {step.field!r}: the option {option.label!r} is disabled",
                )
            return (widget, option), ""

        widget, option = await self.settle(probe)
        await self.reveal(widget)
        if isinstance(widget, Select):
            widget.value = option.value
        elif isinstance(option.widget, RadioButton):
            option.widget.value = True

    async def _swipe(self, step: m.Swipe) -> None:
        await self.pilot.press(step.key)

    async def _press(self, step: m.Press) -> None:
        await self.pilot.press(step.key)

    async def _clock(self, step: m.SetClock) -> None:
        self.context.sim.set_clock(step.moment)

    async def _counter(self, step: m.Counter) -> None:
        refused = [r.message for r in self.context.sim.process_counter() if not r.ok]
        if refused:
            raise StepFailed(f"the counter refused: {'; '.join(refused)}")

    async def _restart(self, step: m.Restart) -> None:
        """Nothing to do here: the runner quits and launches the app again."""

    async def _screenshot(self, step: m.Screenshot) -> Path:
        return save_screenshot(self.app, self.context.out_dir / f"{step.name}.svg")

    # --- checking -------------------------------------------------------------

    async def _see(self, step: m.See) -> None:
        wanted = self.expand(step.expected)

        def probe() -> tuple[bool | None, str]:
            texts = matching.visible_texts(self.app)
            if matching.contains(texts, wanted):
                return True, ""
            shown = " | ".join(texts)
            if len(shown) > TEXT_PREVIEW:
                shown = shown[:TEXT_PREVIEW] + "…"
            return None, f"{wanted!r} is not on the screen; visible text: {shown}"

        await self.settle(probe)

    async def _not_see(self, step: m.NotSee) -> None:
        unwanted = self.expand(step.unexpected)

        def probe() -> tuple[bool | None, str]:
            if matching.contains(matching.visible_texts(self.app), unwanted):
                return None, f"{unwanted!r} is on the screen"
            return True, ""

        await self.settle(probe, pause_first=True)

    async def _account(self, step: m.AccountCheck) -> None:
        sim = self.context.sim
        await self.settle(lambda: checks.compare_account(sim, step.expected))

    async def _appointment(self, step: m.AppointmentCheck) -> None:
        sim = self.context.sim
        await self.settle(lambda: checks.compare_appointment(sim, step.expected))


def save_screenshot(app: App[Any], path: Path) -> Path:
    """Write the app's current screen as SVG to path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(app.export_screenshot(), encoding="utf-8")
    return path
