"""A calendar month (`YYYY-MM`) whose arithmetic crosses year ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, overload

from pydantic import BeforeValidator, PlainSerializer


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        try:
            year, month = text.strip().split("-")
            return cls(int(year), int(month))
        except ValueError:
            raise ValueError(f"invalid month {text!r}, expected YYYY-MM") from None

    @classmethod
    def of(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    def __add__(self, months: int) -> YearMonth:
        index = self.year * 12 + self.month - 1 + months
        return YearMonth(index // 12, index % 12 + 1)

    @overload
    def __sub__(self, other: YearMonth) -> int: ...

    @overload
    def __sub__(self, other: int) -> YearMonth: ...

    def __sub__(self, other: YearMonth | int) -> int | YearMonth:
        """Whole months from `other` to `self`; or, given a number, that many back."""
        if isinstance(other, int):
            return self + -other
        return (self.year - other.year) * 12 + self.month - other.month

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def through(self, last: YearMonth) -> list[YearMonth]:
        """This month and every month after it up to `last`, inclusive."""
        return [self + n for n in range(last - self + 1)]


def _to_year_month(value: Any) -> YearMonth:
    return value if isinstance(value, YearMonth) else YearMonth.parse(str(value))


# A YearMonth field for pydantic models, stored as "YYYY-MM".
Month = Annotated[
    YearMonth,
    BeforeValidator(_to_year_month),
    PlainSerializer(str, return_type=str),
]
