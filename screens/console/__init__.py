"""The trainer console: clock, counter, SMS inbox, current person and audit log.

It is drawn beside the phone (F2) when the terminal is wide enough, otherwise as a
full-screen page over it. It is never part of the phone: the flow runner ignores
`#side`, and every message its controls post is stopped here so the phone page
under it never sees a console button or input.

`actions` holds what the controls and the command palette do, `sections` and `panel`
the widgets, `resets` the two resets' confirmation, `screen` how F2 opens it all.
"""

from __future__ import annotations

from screens.console.actions import (
    advance_day,
    advance_month,
    after_change,
    complete_all,
    complete_appointment,
    gjj,
    has_typed_input,
    in_console,
    moment_text,
    rebuild_phone_page,
    set_clock,
    takes_no_arguments,
)
from screens.console.panel import TrainerConsole
from screens.console.resets import (
    ResetDialog,
    confirm_factory_reset,
    confirm_reset_demo,
    confirmation,
    restart_phone,
)
from screens.console.screen import (
    ConsoleScreen,
    console_fits_beside,
    focus_clock_input,
    show_console,
    toggle_console_screen,
)
from screens.console.sections import (
    AUDIT_SHOWN,
    AuditSection,
    ClockSection,
    ConsoleSection,
    CounterSection,
    InboxSection,
    PersonSection,
    record_lines,
    value_text,
)

__all__ = [
    "AUDIT_SHOWN",
    "AuditSection",
    "ClockSection",
    "ConsoleScreen",
    "ConsoleSection",
    "CounterSection",
    "InboxSection",
    "PersonSection",
    "ResetDialog",
    "TrainerConsole",
    "advance_day",
    "advance_month",
    "after_change",
    "complete_all",
    "complete_appointment",
    "confirm_factory_reset",
    "confirm_reset_demo",
    "confirmation",
    "console_fits_beside",
    "focus_clock_input",
    "gjj",
    "has_typed_input",
    "in_console",
    "moment_text",
    "rebuild_phone_page",
    "record_lines",
    "restart_phone",
    "set_clock",
    "show_console",
    "takes_no_arguments",
    "toggle_console_screen",
    "value_text",
]
