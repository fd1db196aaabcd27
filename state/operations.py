"""The seven self-service operations of 灵活就业人员业务办理 (PRODUCT §10).

Each `check_*` runs the rules in the order of the §10 table and writes nothing; each
operation runs its check, and only when it passes settles any interest due and saves
the change with its ledger or audit entry (the caller holds one transaction).
"""

from __future__ import annotations

import re
from decimal import Decimal

from state import interest, sms, texts
from state.context import Ctx
from state.ids import is_valid_phone
from state.machines import AccountStatusMachine, fire
from state.models import Account, LedgerEntry
from state.money import show, yuan
from state.months import YearMonth
from state.result import Result

PHONE_CHANGE_PURPOSE = "信息变更"
_WHOLE_YUAN = re.compile(r"[0-9]{1,9}")


def check_entry(ctx: Ctx) -> Result:
    """Menu entry: logged in, a 灵活就业 account, not closed; value is the account."""
    if ctx.user() is None:
        return Result.refused(texts.PLEASE_LOGIN)
    account = ctx.user_account()
    if account is None or account.kind != texts.FLEXIBLE:
        return Result.refused(texts.NOT_FLEXIBLE)
    if account.status == texts.CLOSED:
        return Result.refused(texts.ACCOUNT_CLOSED)
    return Result.done(value=account)


def _fresh_account(ctx: Ctx) -> Account:
    """Interest due is settled first, so the change starts from the true balance."""
    interest.settle_due(ctx)
    account = ctx.user_account()
    assert account is not None
    return account


def _outside_hours(ctx: Ctx, operation: str) -> Result:
    window = ctx.profile.payment_window
    return Result.refused(
        texts.OUTSIDE_HOURS.format(
            operation=operation,
            first=window.first_day,
            last=window.last_day,
            opens=f"{window.opens.hour}:{window.opens.minute:02d}",
            closes=f"{window.closes.hour}:{window.closes.minute:02d}",
        )
    )


def _paid_through(ctx: Ctx, account: Account) -> YearMonth:
    # An account always has one; None would mean nothing is owed before this month.
    return account.paid_through or ctx.month - 1


def _pay(ctx: Ctx, months: list[YearMonth], kind: str) -> Decimal:
    """Charge the 月缴存额 for each month, add it to the balance, record it."""
    account = _fresh_account(ctx)
    amount = yuan(account.monthly_amount * len(months))
    account.balance = yuan(account.balance + amount)
    account.paid_through = months[-1]
    ctx.repo.save_account(account)
    entry = LedgerEntry(
        account_no=account.account_no,
        at=ctx.now,
        kind=kind,  # type: ignore[arg-type]
        months=months,
        amount=amount,
        balance=account.balance,
    )
    ctx.repo.add_ledger(entry)
    detail = texts.line(texts.PAID_THROUGH, str(months[-1]))
    ctx.audit(
        account.id_number, kind, f"{detail} {texts.line(texts.AMOUNT, show(amount))}"
    )
    return amount


# --- 汇缴 and 补缴 -----------------------------------------------------------


def check_remit(ctx: Ctx) -> Result:
    """The 汇缴 rules; value is (month, amount) for the dialog."""
    entry = check_entry(ctx)
    if not entry:
        return entry
    account: Account = entry.value
    if not ctx.profile.payment_window.contains(ctx.now):
        return _outside_hours(ctx, texts.REMIT)
    if account.status != texts.NORMAL:
        return Result.refused(texts.SEALED_UNSEAL_FIRST)
    paid_through = _paid_through(ctx, account)
    if paid_through >= ctx.month:
        return Result.refused(texts.ALREADY_REMITTED)
    if paid_through < ctx.month - 1:
        return Result.refused(texts.UNPAID_MONTHS)
    return Result.done(value=(ctx.month, yuan(account.monthly_amount)))


def remit(ctx: Ctx) -> Result:
    checked = check_remit(ctx)
    if not checked:
        return checked
    month, _ = checked.value
    amount = _pay(ctx, [month], texts.REMIT)
    return Result.done(texts.TRADE_OK, (month, amount))


def back_pay_months(ctx: Ctx) -> list[YearMonth]:
    """From the first unpaid month to last month; empty means `无需补缴`."""
    entry = check_entry(ctx)
    if not entry:
        return []
    first = _paid_through(ctx, entry.value) + 1
    last = ctx.month - 1
    return first.through(last) if first <= last else []


def check_back_pay(ctx: Ctx, until: YearMonth) -> Result:
    """The 补缴 rules; value is (months, amount) for the dialog."""
    entry = check_entry(ctx)
    if not entry:
        return entry
    account: Account = entry.value
    if not ctx.profile.payment_window.contains(ctx.now):
        return _outside_hours(ctx, texts.BACK_PAY)
    if account.status != texts.NORMAL:
        return Result.refused(texts.SEALED_UNSEAL_FIRST)
    options = back_pay_months(ctx)
    if not options or until < options[0]:
        # Nothing (or not that month) is owed any more: the page says so.
        return Result.refused(texts.NOTHING_TO_BACK_PAY)
    if until not in options:
        raise ValueError(f"{until} is not a month that can be paid back")
    months = options[0].through(until)
    return Result.done(value=(months, yuan(account.monthly_amount * len(months))))


def back_pay(ctx: Ctx, until: YearMonth) -> Result:
    checked = check_back_pay(ctx, until)
    if not checked:
        return checked
    months, _ = checked.value
    amount = _pay(ctx, months, texts.BACK_PAY)
    return Result.done(texts.TRADE_OK, (months, amount))


# --- 封存 and 启封 -----------------------------------------------------------


def seal(ctx: Ctx) -> Result:
    entry = check_entry(ctx)
    if not entry:
        return entry
    if entry.value.status == texts.SEALED:
        return Result.refused(texts.ALREADY_SEALED)
    account = _fresh_account(ctx)
    fire(AccountStatusMachine, account, "status", "seal")
    ctx.repo.save_account(account)
    ctx.audit(account.id_number, texts.SEAL)
    return Result.done(texts.HANDLED_OK, account)


def unseal(ctx: Ctx) -> Result:
    """启封: months while sealed are not owed (paid-through at least last month)."""
    entry = check_entry(ctx)
    if not entry:
        return entry
    if entry.value.status != texts.SEALED:
        return Result.refused(texts.NOT_SEALED_UNSEAL)
    account = _fresh_account(ctx)
    fire(AccountStatusMachine, account, "status", "unseal")
    account.paid_through = max(_paid_through(ctx, account), ctx.month - 1)
    ctx.repo.save_account(account)
    detail = texts.line(texts.PAID_THROUGH, str(account.paid_through))
    ctx.audit(account.id_number, texts.UNSEAL, detail)
    return Result.done(texts.HANDLED_OK, account)


# --- 信息变更 -----------------------------------------------------------------


def check_new_phone(ctx: Ctx, new_phone: str) -> Result:
    """The new number: its format, then that it differs from the one on file."""
    entry = check_entry(ctx)
    if not entry:
        return entry
    if not is_valid_phone(new_phone):
        return Result.refused(texts.PHONE_INVALID)
    if new_phone.strip() == entry.value.phone:
        return Result.refused(texts.SAME_PHONE)
    return entry


def send_phone_change_code(ctx: Ctx, new_phone: str) -> Result:
    """获取验证码: the number's checks, then a code to the new number."""
    checked = check_new_phone(ctx, new_phone)
    if not checked:
        return checked
    return sms.send(ctx, new_phone, PHONE_CHANGE_PURPOSE)


def change_phone(ctx: Ctx, new_phone: str, code: str) -> Result:
    """完成办理: the number's checks, then the code sent to the new number."""
    checked = check_new_phone(ctx, new_phone)
    if not checked:
        return checked
    verified = sms.verify(ctx, new_phone, PHONE_CHANGE_PURPOSE, code)
    if not verified:
        return verified
    account = _fresh_account(ctx)
    old, account.phone = account.phone, new_phone.strip()
    ctx.repo.save_account(account)
    person = ctx.user()
    if person is not None:
        person.phone = account.phone
        ctx.repo.save_person(person)
    sms.use_up(ctx, verified.value)
    ctx.audit(account.id_number, texts.CHANGE_PHONE, f"{old} → {account.phone}")
    return Result.done(texts.PHONE_CHANGED, account)


# --- 月缴存额调整 -------------------------------------------------------------


def parse_amount(text: str) -> int | None:
    """Whole 元 as typed (surrounding spaces ignored); anything else is None."""
    stripped = text.strip()
    return int(stripped) if _WHOLE_YUAN.fullmatch(stripped) else None


def check_adjust(ctx: Ctx, text: str) -> Result:
    """The adjustment rules in table order; value is the new amount."""
    entry = check_entry(ctx)
    if not entry:
        return entry
    account: Account = entry.value
    if ctx.now.month != ctx.profile.adjustment_month:
        return Result.refused(
            texts.ADJUST_MONTH_ONLY.format(month=ctx.profile.adjustment_month)
        )
    if account.adjusted_year == ctx.now.year:
        return Result.refused(texts.ONCE_A_YEAR)
    amount = parse_amount(text)
    low, high = ctx.profile.amount_low, ctx.profile.amount_high
    if amount is None or not low <= amount <= high:
        return Result.refused(texts.AMOUNT_RANGE.format(low=low, high=high))
    if account.status != texts.NORMAL:
        return Result.refused(texts.SEALED_UNSEAL_FIRST)
    return Result.done(value=amount)


def adjust_amount(ctx: Ctx, text: str) -> Result:
    checked = check_adjust(ctx, text)
    if not checked:
        return checked
    account = _fresh_account(ctx)
    old, account.monthly_amount = account.monthly_amount, checked.value
    account.adjusted_year = ctx.now.year
    ctx.repo.save_account(account)
    ctx.audit(account.id_number, texts.ADJUST, f"{old} → {account.monthly_amount}")
    return Result.done(texts.AMOUNT_ADJUSTED, account)


# --- 退出缴存提取 -------------------------------------------------------------


def check_withdraw(ctx: Ctx) -> Result:
    entry = check_entry(ctx)
    if not entry:
        return entry
    account: Account = entry.value
    if account.status != texts.SEALED:
        return Result.refused(texts.NOT_SEALED_WITHDRAW)
    if account.has_loan:
        return Result.refused(texts.HAS_LOAN)
    return entry


def withdraw(ctx: Ctx) -> Result:
    """Pays the whole balance out and closes the account; value is the amount."""
    checked = check_withdraw(ctx)
    if not checked:
        return checked
    account = _fresh_account(ctx)
    amount = account.balance
    account.balance = yuan(0)
    fire(AccountStatusMachine, account, "status", "close")
    ctx.repo.save_account(account)
    entry = LedgerEntry(
        account_no=account.account_no,
        at=ctx.now,
        kind="提取",
        amount=-amount,
        balance=account.balance,
    )
    ctx.repo.add_ledger(entry)
    ctx.audit(account.id_number, texts.WITHDRAW, texts.line(texts.AMOUNT, show(amount)))
    return Result.done(texts.TRADE_OK, amount)
