"""Typed flow scripts: one class per step verb, and the flow that holds them.

The grammar is FLOWS.md. Every step keeps the line it starts on and its text as
written, so a failure can point at the script the way a compiler points at code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Literal

DEFAULT_SIZE = (100, 36)

ACCOUNT_FIELDS = (
    "status",
    "kind",
    "monthly_amount",
    "paid_through",
    "balance",
    "phone",
    "branch",
)
APPOINTMENT_FIELDS = ("kind", "status", "id_number", "branch", "date", "time")


@dataclass(frozen=True)
class Step:
    """One line of a script: a verb with its arguments."""

    verb: ClassVar[str] = ""
    changes_screen: ClassVar[bool] = False
    """Steps that act first clear the notifications (FLOWS.md, Matching)."""

    line: int
    """1-based line of the step in its file."""
    text: str
    """The step as written, on one line, for reports."""
    hint: str | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class Tap(Step):
    verb: ClassVar[str] = "tap"
    changes_screen: ClassVar[bool] = True
    label: str


@dataclass(frozen=True)
class Input(Step):
    verb: ClassVar[str] = "input"
    changes_screen: ClassVar[bool] = True
    field: str
    value: str


@dataclass(frozen=True)
class Choose(Step):
    verb: ClassVar[str] = "choose"
    changes_screen: ClassVar[bool] = True
    field: str
    option: str


@dataclass(frozen=True)
class Swipe(Step):
    verb: ClassVar[str] = "swipe"
    changes_screen: ClassVar[bool] = True
    direction: Literal["left", "right"]

    @property
    def key(self) -> str:
        """A finger moving left shows the next page, as the `right` key does."""
        return "right" if self.direction == "left" else "left"


@dataclass(frozen=True)
class Press(Step):
    verb: ClassVar[str] = "press"
    changes_screen: ClassVar[bool] = True
    key: str


@dataclass(frozen=True)
class See(Step):
    verb: ClassVar[str] = "see"
    expected: str


@dataclass(frozen=True)
class NotSee(Step):
    verb: ClassVar[str] = "not_see"
    unexpected: str


@dataclass(frozen=True)
class SetClock(Step):
    verb: ClassVar[str] = "clock"
    changes_screen: ClassVar[bool] = True
    moment: datetime


@dataclass(frozen=True)
class Counter(Step):
    verb: ClassVar[str] = "counter"
    changes_screen: ClassVar[bool] = True


@dataclass(frozen=True)
class Restart(Step):
    verb: ClassVar[str] = "restart"
    changes_screen: ClassVar[bool] = True


@dataclass(frozen=True)
class Screenshot(Step):
    verb: ClassVar[str] = "screenshot"
    name: str


@dataclass(frozen=True)
class AccountCheck(Step):
    verb: ClassVar[str] = "account"
    expected: dict[str, str]
    """Field name to the value as written (`balance: 6500.00` stays "6500.00")."""


@dataclass(frozen=True)
class AppointmentCheck(Step):
    verb: ClassVar[str] = "appointment"
    expected: dict[str, str]


STEP_CLASSES: dict[str, type[Step]] = {
    cls.verb: cls
    for cls in (
        Tap,
        Input,
        Choose,
        Swipe,
        Press,
        See,
        NotSee,
        SetClock,
        Counter,
        Restart,
        Screenshot,
        AccountCheck,
        AppointmentCheck,
    )
}
VERBS = tuple(STEP_CLASSES)
GOAL_VERBS = ("see", "not_see", "account", "appointment")
"""A goal checks the end state; it may not act."""


@dataclass(frozen=True)
class Start:
    """Where a run begins: `fresh`, `home`, or `home` with `person` logged in."""

    kind: Literal["fresh", "home", "login"] = "fresh"
    person: str | None = None

    def __str__(self) -> str:
        return f"{{login: {self.person}}}" if self.kind == "login" else self.kind


@dataclass(frozen=True)
class Flow:
    """A parsed flow script."""

    path: Path
    name: str
    steps: tuple[Step, ...]
    task: str | None = None
    clock: datetime | None = None
    """Simulated Beijing time at start; None means the real time now."""
    start: Start = Start()
    personas: Literal["demo", "none"] = "demo"
    size: tuple[int, int] = DEFAULT_SIZE
    goal: tuple[Step, ...] = ()

    def numbered(self) -> list[tuple[int, str, Step]]:
        """Every step with its report number and section: steps, then goal."""
        rows = [(n, "step", step) for n, step in enumerate(self.steps, 1)]
        rows += [(n, "goal", step) for n, step in enumerate(self.goal, 1)]
        return rows


class FlowError(Exception):
    """A file that is not a valid flow: `file:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
