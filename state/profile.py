"""The city profile (PRODUCT §11): every business number, read from a data file.

`taiyuan.json` beside this module is the default. Another city is simulated by
editing a copy of it; a file that does not fit raises `ProfileError` in English.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_PROFILE = Path(__file__).with_name("taiyuan.json")

Positive = Annotated[int, Field(gt=0)]


class ProfileError(Exception):
    """A city profile that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    low: Positive
    high: Positive

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class PaymentWindow(_Strict):
    """Days of the month and hours (opens ≤ time < closes) for 汇缴 and 补缴."""

    first_day: Annotated[int, Field(ge=1, le=28)]
    last_day: Annotated[int, Field(ge=1, le=28)]
    opens: time
    closes: time

    @model_validator(mode="after")
    def _ordered(self) -> PaymentWindow:
        if self.first_day > self.last_day or self.opens >= self.closes:
            raise ValueError("the window must open before it closes")
        return self

    def contains(self, moment: datetime) -> bool:
        day_ok = self.first_day <= moment.day <= self.last_day
        return day_ok and self.opens <= moment.time() < self.closes


class Interest(_Strict):
    annual_rate_percent: Annotated[Decimal, Field(ge=0, le=100)]
    settlement_month: Annotated[int, Field(ge=1, le=12)]
    settlement_day: Annotated[int, Field(ge=1, le=31)]

    @model_validator(mode="after")
    def _real_day(self) -> Interest:
        date(2027, self.settlement_month, self.settlement_day)  # raises if no such day
        return self

    def settlement_date(self, year: int) -> date:
        return date(year, self.settlement_month, self.settlement_day)

    def due_at(self, year: int) -> datetime:
        """Interest of `year` is settled at the end of its settlement day."""
        end_of_day = self.settlement_date(year) + timedelta(days=1)
        return datetime.combine(end_of_day, time())


class AgeLimits(_Strict):
    low: Positive
    male_below: Positive
    female_below: Positive


class Appointments(_Strict):
    working_days_ahead: Positive
    bookings_per_slot: Positive


class Sms(_Strict):
    valid_seconds: Positive
    resend_seconds: Positive


class Login(_Strict):
    wrong_passwords_to_lock: Positive


class Profile(_Strict):
    """One city's business numbers."""

    city: str
    deposit_base: Range
    deposit_rate_percent: Range
    payment_window: PaymentWindow
    adjustment_month: Annotated[int, Field(ge=1, le=12)]
    interest: Interest
    age: AgeLimits
    appointments: Appointments
    sms: Sms
    login: Login
    account_no_prefix: Annotated[str, Field(pattern=r"^[1-9][0-9]{0,5}$")]
    holidays_note: str = ""
    holidays: frozenset[date] = frozenset()

    @property
    def amount_low(self) -> int:
        """Lowest 月缴存额: lowest base × lowest rate, both shares, whole 元 up."""
        paid = self.deposit_base.low * self.deposit_rate_percent.low * 2
        return math.ceil(paid / 100)

    @property
    def amount_high(self) -> int:
        """Highest 月缴存额: highest base × highest rate, both shares, whole 元 down."""
        return self.deposit_base.high * self.deposit_rate_percent.high * 2 // 100

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays


def load_profile(path: Path | str = DEFAULT_PROFILE) -> Profile:
    """Read and check a profile file; raises ProfileError saying what is wrong."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProfileError(
            f"city profile {path}: cannot read ({error.strerror})"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProfileError(f"city profile {path}: not valid JSON ({error})") from None
    try:
        return Profile.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']) or '(top)'}: {item['msg']}"
            for item in error.errors()
        )
        raise ProfileError(f"city profile {path}: {problems}") from None


@cache
def default_profile() -> Profile:
    """The 太原 profile shipped with the simulator, read once."""
    return load_profile(DEFAULT_PROFILE)
