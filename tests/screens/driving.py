"""What the screen tests share: a demo simulator, and reading and driving a page.

Imported by the tests beside it as `driving` (pytest puts this folder on the path).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button

from state.clock import SimClock
from state.simulator import Simulator
from state.storage import Database
from tui_app.app import GjjApp

SIZE = (100, 36)
START = datetime(2026, 3, 10, 9, 30)

W = TypeVar("W", bound=Widget)


def demo_sim(tmp_path: Path, who: str | None = None) -> Simulator:
    """The demo at START, first launch done, with `who` logged in if given."""
    sim = Simulator(Database(tmp_path / "gjj.json"), SimClock(START))
    sim.load_demo()
    sim.skip_onboarding()
    if who is not None:
        sim.login_as(who)
    return sim


def notices(app: GjjApp) -> list[str]:
    """The messages of the notifications shown so far."""
    return [notification.message for notification in app._notifications]


def named(app: GjjApp, kind: type[W], label: str) -> W:
    """The control of that kind whose field label is `label`."""
    return next(w for w in app.screen.query(kind) if w.name == label)


def page_lines(app: GjjApp) -> list[str]:
    """The plain text of every line on the current page."""
    return [str(static.render()) for static in app.screen.query("#page Static")]


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused control, one key per character."""
    for character in text:
        await pilot.press(character)


async def tab_to(pilot: Pilot[None], wanted: Widget | str, limit: int = 40) -> None:
    """Press Tab until `wanted` (a widget, or a button's label) has the focus."""
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is wanted:
            return
        if isinstance(focused, Button) and str(focused.label) == wanted:
            return
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached {wanted!r}")


async def press_button(pilot: Pilot[None], label: str) -> None:
    """Tab to a button and press Enter, as a keyboard user does."""
    await tab_to(pilot, label)
    await pilot.press("enter")
    await pilot.pause()
