"""The `account` and `appointment` checks: stored records against a script's values.

Values are compared as text in the forms FLOWS.md gives: whole 元 for
`monthly_amount`, two decimals for `balance`, `YYYY-MM` and `YYYY-MM-DD` for months
and dates.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any


def as_text(value: object) -> str:
    """A stored value in the form a script writes it."""
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return f"{Decimal(str(value)):.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def mismatches(record: Any, expected: dict[str, str]) -> list[tuple[str, str, str]]:
    """(field, stored, expected) for each expected value the record does not have."""
    found = (
        (name, as_text(getattr(record, name, None)), want)
        for name, want in expected.items()
    )
    return [(name, actual, want) for name, actual, want in found if actual != want]


def differences(record: Any, expected: dict[str, str], what: str) -> str:
    """Why record does not have the expected values, or "" when it does."""
    return "; ".join(
        f"{what}.{name} is {actual!r}, expected {want!r}"
        for name, actual, want in mismatches(record, expected)
    )


def compare_account(sim: Any, expected: dict[str, str]) -> tuple[bool | None, str]:
    """(True, "") when the logged-in person's account has the expected values."""
    account = sim.current_account()
    if account is None:
        person = sim.current_person()
        if person is None:
            return None, "nobody is logged in, so there is no account to check"
        return None, f"{person.name} has no account at the centre"
    reason = differences(account, expected, "account")
    return (None, reason) if reason else (True, "")


def compare_appointment(sim: Any, expected: dict[str, str]) -> tuple[bool | None, str]:
    """(True, "") when the most recent appointment has the expected values."""
    appointment = sim.latest_appointment()
    if appointment is None:
        return None, "no appointment has been made"
    reason = differences(appointment, expected, "appointment")
    return (None, reason) if reason else (True, "")
