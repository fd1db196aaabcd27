"""Appointments at a branch counter (PRODUCT §6) and the 转入 booking (§10).

A slot counts every booking made for it, finished or not: a finished appointment
still took its place at the counter that day.
"""

from __future__ import annotations

from datetime import date, timedelta

from state import texts
from state.context import Ctx
from state.forms import Slot
from state.models import Appointment, AppointmentKind
from state.result import Result


def appointment_dates(ctx: Ctx) -> list[date]:
    """The next working days after the simulated date (the day itself excluded)."""
    wanted = ctx.profile.appointments.working_days_ahead
    days: list[date] = []
    day = ctx.today
    while len(days) < wanted:
        day += timedelta(days=1)
        if ctx.profile.is_working_day(day):
            days.append(day)
    return days


def date_label(day: date) -> str:
    """`2026-03-11 周三`."""
    return f"{day.isoformat()} {texts.WEEKDAYS[day.weekday()]}"


def booked(ctx: Ctx, branch: str, day: date, time: str) -> int:
    return sum(
        1
        for item in ctx.repo.appointments()
        if (item.branch, item.date, item.time) == (branch, day, time)
    )


def slots(ctx: Ctx, branch: str, day: date) -> list[Slot]:
    capacity = ctx.profile.appointments.bookings_per_slot
    return [
        Slot(time, booked(ctx, branch, day, time) >= capacity) for time in texts.SLOTS
    ]


def check_slot(ctx: Ctx, branch: str, day: date | None, time: str) -> Result:
    """A branch, an offered date and time chosen, and the slot not full."""
    offered = day in appointment_dates(ctx) if day is not None else False
    if branch not in texts.BRANCHES or not offered or time not in texts.SLOTS:
        return Result.refused(texts.CHOOSE_APPOINTMENT)
    assert day is not None
    if booked(ctx, branch, day, time) >= ctx.profile.appointments.bookings_per_slot:
        return Result.refused(texts.SLOT_TAKEN)
    return Result.done()


def pending_for(ctx: Ctx, id_number: str, kind: AppointmentKind) -> Appointment | None:
    for item in ctx.repo.appointments():
        if (
            item.id_number == id_number
            and item.kind == kind
            and item.status == "待办理"
        ):
            return item
    return None


def pending(ctx: Ctx) -> list[Appointment]:
    """Every appointment waiting for the counter, in booking order."""
    return [item for item in ctx.repo.appointments() if item.status == "待办理"]


def latest(ctx: Ctx) -> Appointment | None:
    found = ctx.repo.appointments()
    return max(found, key=lambda item: item.number) if found else None


def book(ctx: Ctx, template: Appointment) -> Appointment:
    """Save a new pending appointment with the next number (checks done before)."""
    numbers = [item.number for item in ctx.repo.appointments()]
    appointment = template.model_copy(
        update={"number": max(numbers, default=0) + 1, "booked_at": ctx.now}
    )
    ctx.repo.save_appointment(appointment)
    detail = texts.line(texts.BRANCH, appointment.branch)
    ctx.audit(appointment.id_number, f"{texts.AUDIT_BOOKED}{appointment.kind}", detail)
    return appointment


def check_transfer(ctx: Ctx) -> Result:
    """Entry checks of 转入灵活就业预约; value is the account."""
    account = ctx.user_account()
    if account is None:
        return Result.refused(texts.PLEASE_LOGIN)
    if account.kind == texts.FLEXIBLE:
        return Result.refused(texts.ALREADY_FLEXIBLE)
    if account.status != texts.SEALED:
        return Result.refused(texts.NOT_SEALED_TRANSFER)
    if pending_for(ctx, account.id_number, "转入"):
        return Result.refused(texts.HAS_PENDING)
    return Result.done(value=account)


def book_transfer(ctx: Ctx, branch: str, day: date | None, time: str) -> Result:
    """确定 in the dialog: the 转入 appointment; value is the Appointment."""
    checked = check_transfer(ctx)
    if not checked:
        return checked
    slot = check_slot(ctx, branch, day, time)
    if not slot:
        return slot
    account = checked.value
    person = ctx.repo.person(account.id_number)
    template = Appointment(
        number=0,
        kind="转入",
        name=account.name,
        doc_type=person.doc_type if person else texts.RESIDENT_ID,
        id_number=account.id_number,
        phone=account.phone,
        branch=branch,
        date=day,  # type: ignore[arg-type]
        time=time,
        booked_at=ctx.now,
    )
    return Result.done(texts.BOOKED, book(ctx, template))
