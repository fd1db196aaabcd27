"""The records the simulator stores, as pydantic models (one TinyDB table each)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from state.money import Money
from state.months import Month

Kind = Literal["灵活就业", "单位缴存"]
Status = Literal["正常", "封存", "销户"]
AppointmentKind = Literal["开户", "转入"]
AppointmentStatus = Literal["待办理", "已办结"]
CameraChoice = Literal["仅使用期间允许", "仅本次允许", "禁止"]


class Record(BaseModel):
    """A stored record; its validator is built on first use, which keeps launch fast."""

    model_config = ConfigDict(defer_build=True)


class Person(Record):
    """Anyone the simulator knows: demo people, sample-card holders, applicants."""

    name: str
    doc_type: str = "居民身份证"
    id_number: str
    phone: str = ""
    password: str | None = None
    """The password set at registration; None until the person registers."""
    failed_logins: int = 0
    locked_on: date | None = None
    """The simulated day login was locked; the lock ends at 00:00 the next day."""
    failed_on: date | None = None
    """The simulated day of the counted wrong passwords; the count ends with it."""


class Account(Record):
    """A housing provident fund account at the centre."""

    account_no: str
    id_number: str
    name: str
    kind: Kind
    status: Status
    monthly_amount: int = 0
    paid_through: Month | None = None
    balance: Money = Decimal("0.00")
    branch: str
    phone: str
    card_tail: str
    has_loan: bool = False
    adjusted_year: int | None = None
    opened_at: datetime | None = None
    interest_year: int | None = None
    """The last year whose 30 June interest is in the balance (none due before)."""


class Appointment(Record):
    """A booking at a branch counter, to open an account or to transfer one in."""

    number: int
    kind: AppointmentKind
    status: AppointmentStatus = "待办理"
    name: str
    doc_type: str = "居民身份证"
    id_number: str
    phone: str
    branch: str
    date: date
    time: str
    booked_at: datetime
    done_at: datetime | None = None


class LedgerEntry(Record):
    """One movement of money on an account (缴存明细)."""

    account_no: str
    at: datetime
    kind: Literal["汇缴", "补缴", "结息", "提取", "期初"]
    """期初 is the opening balance carried over from before the simulated history."""
    months: list[Month] = Field(default_factory=list)
    amount: Money
    balance: Money
    """The balance after this entry."""


class AuditEvent(Record):
    """A change of state, recorded with the simulated time."""

    at: datetime
    id_number: str
    action: str
    detail: str = ""


class SmsCode(Record):
    """A simulated text message with a verification code."""

    phone: str
    purpose: Literal["注册", "信息变更"]
    code: str
    sent_at: datetime
    used: bool = False


class OpenAccountDraft(Record):
    """What has been entered in the open-account wizard; never passwords or codes."""

    step: int = 1
    name: str = ""
    doc_type: str = "居民身份证"
    id_number: str = ""
    birth_date: str = ""
    phone: str = ""
    front_uploaded: bool = False
    back_uploaded: bool = False
    branch: str = ""
    date: str = ""
    time: str = ""


class AppState(Record):
    """The app itself: onboarding progress, permissions, who is logged in."""

    onboarding: str = "agreement"
    """The onboarding machine's state: agreement, intro, location, city or done."""
    located: bool = False
    city: str | None = None
    camera: CameraChoice | None = None
    """Only 仅使用期间允许 and 禁止 are remembered across launches."""
    user: str | None = None
    """The ID number of the logged-in person."""
    clock_offset_seconds: float | None = None
    """Simulated minus real time, kept so a relaunch resumes the trainer's clock."""
    draft: OpenAccountDraft | None = None
