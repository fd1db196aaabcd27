"""What the console's controls and the command palette do: clock, counter, refresh.

Every action goes through the simulator, then brings the console and, after a clock
move, the phone page up to date.
"""

from __future__ import annotations

import inspect
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Input

from screens.base import PhoneScreen
from state import texts
from state.clock import CLOCK_FORMAT, add_month

if TYPE_CHECKING:
    from tui_app.app import GjjApp


def gjj(app: App[Any]) -> GjjApp:
    """The running app, typed as the simulator's app."""
    return app  # type: ignore[return-value]


def moment_text(moment: datetime) -> str:
    """`2026-03-10 09:30 周二`: the trainer's view of a simulated moment."""
    return f"{moment.strftime(CLOCK_FORMAT)} {texts.WEEKDAYS[moment.weekday()]}"


def set_clock(app: App[Any], moment: datetime) -> None:
    """Move the simulated time and bring the console and the phone page up to it."""
    sim = gjj(app).sim
    sim.set_clock(moment)
    gjj(app).tell(texts.CLOCK_MOVED.format(moment=moment_text(sim.now())))
    after_change(app, clock_moved=True)


def advance_day(app: App[Any]) -> None:
    """+1天 on the simulated clock."""
    set_clock(app, gjj(app).sim.now() + timedelta(days=1))


def advance_month(app: App[Any]) -> None:
    """+1月 on the simulated clock: same day next month, clamped."""
    set_clock(app, add_month(gjj(app).sim.now()))


def complete_appointment(app: App[Any], number: int) -> None:
    """办结 one appointment at the counter; the outcome is a notification."""
    sim = gjj(app).sim
    pending = {item.number: item for item in sim.pending_appointments()}
    result = sim.complete_appointment(number)

    message = result.message
    if result.ok and not message and number in pending:
        item = pending[number]
        message = texts.COMPLETED.format(kind=item.kind, name=item.name)
    gjj(app).tell(message or texts.FINISHED)
    after_change(app)


def complete_all(app: App[Any]) -> None:
    """办结 every pending appointment; one notification sums it up."""
    results = gjj(app).sim.process_counter()
    if not results:
        gjj(app).tell(texts.NOTHING_PENDING)
    else:
        done = sum(1 for result in results if result.ok)
        refusals = [result.message for result in results if not result.ok]
        gjj(app).tell("\n".join([texts.COMPLETED_ALL.format(count=done), *refusals]))
    after_change(app)


def after_change(app: App[Any], clock_moved: bool = False) -> None:
    """Show the new state in the console and, after a clock move, on the phone."""
    # The console's widgets call the actions above, so they are imported only here.
    from screens.console.panel import TrainerConsole
    from screens.console.screen import ConsoleScreen
    from screens.console.sections import ClockSection

    for console in app.screen.query(TrainerConsole):
        console.poll()
        if clock_moved:
            console.query_one(ClockSection).show_clock()
    if not clock_moved:
        return

    if isinstance(app.screen, ConsoleScreen):
        app.screen.clock_moved = True
    else:
        rebuild_phone_page(app)


def rebuild_phone_page(app: App[Any]) -> None:
    """Open the phone page afresh so time-dependent data (dates, months) is current.

    Only pages built from nothing but the simulator can be opened again (their class
    takes no arguments); a page holding typed text or a ticked box is left alone so
    no work is lost. Pages left alone check their rules against the new time when
    their button is pressed anyway.
    """
    screen = app.screen
    if not isinstance(screen, PhoneScreen) or has_typed_input(screen):
        return
    if not takes_no_arguments(type(screen)):
        return

    focused = app.focused
    focus_id = focused.id if focused is not None and in_console(focused) else None

    async def rebuild() -> None:
        await app.switch_screen(type(screen)())
        if focus_id is not None:
            for widget in app.screen.query(f"#side #{focus_id}"):
                widget.focus()

    app.call_later(rebuild)


def takes_no_arguments(page: type[PhoneScreen]) -> bool:
    """Whether the page can be opened again from the simulator alone."""
    parameters = inspect.signature(page).parameters.values()
    return all(parameter.default is not parameter.empty for parameter in parameters)


def has_typed_input(screen: Screen[Any]) -> bool:
    """Whether the page holds typed text or a ticked box that a rebuild would lose."""
    typed = any(field.value for field in screen.query("#page Input").results(Input))
    ticked = screen.query("#page Checkbox").results(Checkbox)
    return typed or any(box.value for box in ticked)


def in_console(widget: Widget) -> bool:
    """Whether the widget is one of the console's controls."""
    # Imported here for the same reason as in `after_change`.
    from screens.console.panel import TrainerConsole

    return any(isinstance(node, TrainerConsole) for node in widget.ancestors)
