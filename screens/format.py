"""How personal data, money and months are shown on the phone (PRODUCT §1)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from state import texts
from state.ids import mask_id, mask_phone
from state.money import show
from state.months import YearMonth

NONE_SHOWN = "—"
"""Shown for a value the record does not have yet (e.g. no month paid)."""

__all__ = [
    "NONE_SHOWN",
    "card",
    "mask_id",
    "mask_phone",
    "money",
    "month",
    "month_span",
]


def card(tail: str) -> str:
    """A bank card by its last four digits: `尾号0001`."""
    return texts.card_tail(tail[-4:])


def money(amount: Decimal | int | str) -> str:
    """`12000.00`: 元 with two decimals, no thousands separator."""
    return show(Decimal(str(amount)))


def month(value: YearMonth | str | None) -> str:
    """`YYYY-MM`, or a dash when there is none."""
    return NONE_SHOWN if value is None else str(value)


def month_span(months: Sequence[YearMonth | str]) -> str:
    """One month as `2026-02`, several as `2025-11至2026-02`."""
    if not months:
        return NONE_SHOWN
    first, last = str(months[0]), str(months[-1])
    return first if first == last else f"{first}至{last}"
