"""The branch counter (PRODUCT §7): 办结 of 开户 and 转入 appointments."""

from __future__ import annotations

from state import appointments, interest, texts
from state.context import Ctx
from state.machines import (
    AccountKindMachine,
    AccountStatusMachine,
    AppointmentMachine,
    fire,
)
from state.models import Account, Appointment, Person
from state.result import Result

ACCOUNT_NO_LENGTH = 11
FIRST_COUNTER_SERIAL = 1001
"""Serials below this are the demo accounts', so the two never collide."""


def next_account_no(ctx: Ctx) -> str:
    """An 11-digit 个人账号: the profile's prefix and a running serial."""
    prefix = ctx.profile.account_no_prefix
    width = ACCOUNT_NO_LENGTH - len(prefix)
    serials = [
        int(account.account_no[len(prefix) :])
        for account in ctx.repo.accounts()
        if account.account_no.startswith(prefix) and account.account_no.isdigit()
    ]
    serial = max([FIRST_COUNTER_SERIAL - 1, *serials]) + 1
    return f"{prefix}{serial:0{width}d}"


def complete(ctx: Ctx, number: int) -> Result:
    """办结 one pending appointment; value is the account opened or converted."""
    appointment = ctx.repo.appointment(number)
    if appointment is None:
        raise LookupError(f"no appointment number {number}")
    if appointment.status != texts.PENDING:
        return Result.refused(texts.NOT_PENDING)
    if appointment.kind == texts.KIND_OPEN:
        return _open_account(ctx, appointment)
    return _transfer_in(ctx, appointment)


def _finish(ctx: Ctx, appointment: Appointment) -> None:
    fire(AppointmentMachine, appointment, "status", "complete")
    appointment.done_at = ctx.now
    ctx.repo.save_appointment(appointment)


def _open_account(ctx: Ctx, appointment: Appointment) -> Result:
    existing = ctx.repo.account_for(appointment.id_number)
    if existing is not None and existing.status != texts.CLOSED:
        return Result.refused(texts.ALREADY_HAS_ACCOUNT)
    interest.settle_due(ctx)
    account = Account(
        account_no=next_account_no(ctx),
        id_number=appointment.id_number,
        name=appointment.name,
        kind="灵活就业",
        status="正常",
        monthly_amount=ctx.profile.amount_low,
        paid_through=ctx.month - 1,
        branch=appointment.branch,
        phone=appointment.phone,
        card_tail=appointment.phone[-4:],
        opened_at=ctx.now,
        interest_year=interest.last_due_year(ctx.profile, ctx.now),
    )
    ctx.repo.save_account(account)
    person = ctx.repo.person(appointment.id_number) or Person(
        name=appointment.name, id_number=appointment.id_number
    )
    person.name, person.phone = appointment.name, appointment.phone
    person.doc_type = appointment.doc_type
    ctx.repo.save_person(person)
    _finish(ctx, appointment)
    detail = texts.line(texts.ACCOUNT_NO, account.account_no)
    ctx.audit(account.id_number, texts.AUDIT_OPENED, detail)
    return Result.done(texts.FINISHED, account)


def _transfer_in(ctx: Ctx, appointment: Appointment) -> Result:
    account = ctx.repo.account_for(appointment.id_number)
    if account is None:
        return Result.refused(texts.NO_ACCOUNT)
    if account.kind == texts.FLEXIBLE:
        return Result.refused(texts.ALREADY_FLEXIBLE)
    if account.status != texts.SEALED:
        return Result.refused(texts.NOT_SEALED_TRANSFER)
    interest.settle_due(ctx)
    account = ctx.repo.account_for(appointment.id_number)
    assert account is not None
    fire(AccountKindMachine, account, "kind", "transfer_in")
    fire(AccountStatusMachine, account, "status", "unseal")
    account.branch = appointment.branch
    account.monthly_amount = ctx.profile.amount_low
    account.paid_through = ctx.month - 1
    ctx.repo.save_account(account)
    _finish(ctx, appointment)
    detail = texts.line(texts.BRANCH, account.branch)
    ctx.audit(account.id_number, texts.AUDIT_TRANSFERRED, detail)
    return Result.done(texts.FINISHED, account)


def process_all(ctx: Ctx) -> list[Result]:
    """办结 every pending appointment, in booking order."""
    return [complete(ctx, item.number) for item in appointments.pending(ctx)]
