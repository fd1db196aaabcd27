"""个人中心 logged in: the person, the account, the ledger and its balance chart."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Sparkline

from screens.format import mask_id, mask_phone, money, month, month_span
from screens.widgets import info_lines, text
from state import texts
from state.models import Account, LedgerEntry, Person
from state.simulator import Simulator


class Ledger(Vertical):
    """The `缴存明细` rows, newest first."""

    DEFAULT_CSS = """
    Ledger { height: auto; }
    Ledger .ledger-row { margin: 1 0 0 0; }
    """


def account_widgets(sim: Simulator) -> Iterable[Widget]:
    """What 个人中心 shows for the logged-in person, ending with `退出登录`."""
    person = sim.current_person()
    account = sim.current_account()
    if person is not None:
        yield from info_lines(person_pairs(person, account))

    if account is None:
        yield text(texts.NO_ACCOUNT_YET, "note")
    else:
        yield from ledger_widgets(sim.ledger(account.account_no))

    yield Button(texts.LOGOUT, id="logout")


def person_pairs(person: Person, account: Account | None) -> list[tuple[str, str]]:
    """姓名, masked 证件号码, the account's items and the masked 手机号码."""
    pairs = [
        (texts.NAME, person.name),
        (texts.DOC_NUMBER, mask_id(person.id_number)),
    ]
    if account is not None:
        pairs += [
            (texts.ACCOUNT_NO, account.account_no),
            (texts.STATUS, account.status),
            (texts.BALANCE, money(account.balance)),
            (texts.MONTHLY_AMOUNT, money(account.monthly_amount)),
            (texts.PAID_THROUGH, month(account.paid_through)),
            (texts.BRANCH, account.branch),
        ]
    phone = account.phone if account is not None else person.phone
    pairs.append((texts.PHONE, mask_phone(phone)))
    return pairs


def ledger_widgets(entries: list[LedgerEntry]) -> Iterable[Widget]:
    """The `缴存明细` heading, the balance chart and the entries, newest first."""
    yield text(texts.LEDGER, "big")
    if not entries:
        yield text(texts.NO_LEDGER, "note")
        return

    yield text(texts.BALANCE_TREND, "note")
    # Display only: the chart needs numbers, the amounts themselves stay Decimal.
    balances = [float(entry.balance) for entry in reversed(entries)]
    yield Sparkline(balances, id="balance-chart")
    yield Ledger(*(ledger_row(entry) for entry in entries), id="ledger")


def ledger_row(entry: LedgerEntry) -> Widget:
    """`2026-03-10 09:30 汇缴 2026-03` above `+500.00  余额 6500.00`."""
    when = entry.at.strftime("%Y-%m-%d %H:%M")
    head = f"{when} {entry.kind}"
    if entry.months:
        head += f" {month_span(entry.months)}"
    amount = money(entry.amount)
    if entry.amount >= 0:
        amount = "+" + amount
    balance = texts.line(texts.BALANCE, money(entry.balance))
    return text(f"{head}\n{amount}  {balance}", "ledger-row")
