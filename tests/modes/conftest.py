"""Helpers for driving the modes like a person: real clicks, waiting for a state."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot, _get_mouse_message_arguments
from textual.widget import Widget

from tui_app.app import GjjApp
from tui_app.modes.lessons import Lesson, all_lessons
from tui_app.modes.session import LessonSession

Click = Callable[[Pilot[Any], Widget], Awaitable[None]]
WaitFor = Callable[[Pilot[Any], Callable[[], object], float], Awaitable[None]]


async def _click(pilot: Pilot[Any], widget: Widget) -> None:
    """A mouse click that enters the app as the terminal's would, through App.on_event.

    (Pilot.click hands its events straight to the screen, past the modes' filter.)
    """
    app = pilot.app
    arguments = _get_mouse_message_arguments(widget, (1, 0), button=1)
    for event_class in (events.MouseDown, events.MouseUp):
        event = event_class(**arguments)
        event.set_sender(app)
        app.post_message(event)
        await pilot.pause()


async def _wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 10.0
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await asyncio.sleep(0.05)
    await pilot.pause()


@pytest.fixture
def click() -> Click:
    return _click


@pytest.fixture
def wait_for() -> WaitFor:
    return _wait_for


@pytest.fixture(scope="session")
def lessons() -> list[Lesson]:
    return all_lessons()


@pytest.fixture
def make_app(lessons: list[Lesson]) -> Any:
    """A GjjApp on a throwaway simulator, as the mode commands start one."""
    sessions: list[LessonSession] = []

    def make() -> GjjApp:
        session = LessonSession(lessons[0].flow)
        sessions.append(session)
        return GjjApp(session.sim)

    yield make
    for session in sessions:
        session.close()
