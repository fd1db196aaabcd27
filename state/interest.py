"""Deposit interest (PRODUCT §11): settled on the profile's day (30 June) each year.

The calculation is deliberately simple, so a trainer can check it by hand: the
balance at the end of the settlement day × the yearly rate, rounded half up to the
fen, added to the balance as a 结息 entry dated that day 23:59:59. (The real centre
works on daily balances; the simulator's history is too short for that to matter.)

Settlement happens when the simulated clock is set past the day and, lazily, at the
start of any accepted change (the interactive clock ticks past midnight on its own).
`Account.interest_year` remembers the last year settled, so moving the clock back and
forth never pays a year twice; skipped years are settled one by one, compounding.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

from state import texts
from state.context import Ctx
from state.models import Account, LedgerEntry
from state.money import yuan
from state.profile import Profile


def last_due_year(profile: Profile, now: datetime) -> int:
    """The latest year whose settlement moment has passed at `now`."""
    if now >= profile.interest.due_at(now.year):
        return now.year
    return now.year - 1


def interest_on(profile: Profile, balance: Decimal) -> Decimal:
    return yuan(balance * profile.interest.annual_rate_percent / 100)


def _needs_settling(account: Account, last: int) -> bool:
    if account.status == texts.CLOSED or account.interest_year is None:
        return False
    return account.interest_year < last


def is_due(ctx: Ctx) -> bool:
    last = last_due_year(ctx.profile, ctx.now)
    return any(_needs_settling(account, last) for account in ctx.repo.accounts())


def settle_due(ctx: Ctx) -> int:
    """Settle every year due on every open account; returns the entries written."""
    last = last_due_year(ctx.profile, ctx.now)
    written = 0
    for account in ctx.repo.accounts():
        if not _needs_settling(account, last):
            continue
        assert account.interest_year is not None
        for year in range(account.interest_year + 1, last + 1):
            amount = interest_on(ctx.profile, account.balance)
            if amount > 0:
                account.balance = yuan(account.balance + amount)
                settled_on = ctx.profile.interest.settlement_date(year)
                entry = LedgerEntry(
                    account_no=account.account_no,
                    at=datetime.combine(settled_on, time(23, 59, 59)),
                    kind="结息",
                    amount=amount,
                    balance=account.balance,
                )
                ctx.repo.add_ledger(entry)
                written += 1
        account.interest_year = last
        ctx.repo.save_account(account)
    return written
