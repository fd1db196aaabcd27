"""Demo people and sample ID cards (PRODUCT §12), relative to the simulated now.

Months are given as "months before M" (M = the current month) and stored as absolute
months, so a later clock change does not move them. Where §12 is silent:
- 王芳 (单位缴存): 950 元/月 paid by her employer through M-7, sealed when she left.
- 赵敏: sealed since M-2, so paid through M-3 (补缴 lists M-2..M-1 and then asks her to
  unseal first; 启封 makes M-1 the paid-through month).
- 孙伟: sealed since M-5, paid through M-6, with an unpaid loan.
- Branches of 赵敏, 孙伟 and 周杰: the branch of the district their ID number names.
Each account gets a believable 缴存明细: up to twelve monthly 汇缴 entries ending at
its paid-through month, and an opening-balance entry (期初) for the rest, so the
balance always equals the sum of the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from state import interest, texts
from state.context import Ctx
from state.models import Account, Kind, LedgerEntry, Person, Status
from state.money import yuan
from state.months import YearMonth
from state.repo import DATA_TABLES

HISTORY_MONTHS = 12


@dataclass(frozen=True)
class DemoPerson:
    name: str
    id_number: str
    phone: str
    kind: Kind
    status: Status
    monthly_amount: int
    months_behind: int
    """Paid through M minus this many months."""
    balance: str
    branch: str
    password: str | None
    has_loan: bool = False


DEMO_PEOPLE = (
    DemoPerson("李强", "140105199003071234", "13812340001", "灵活就业", "正常",
               500, 1, "6000.00", "小店分理处", "Lq123456"),
    DemoPerson("王芳", "140106198506122349", "13912340002", "单位缴存", "封存",
               950, 7, "18650.00", "迎泽分理处", None),
    DemoPerson("赵敏", "140107197811043526", "13712340003", "灵活就业", "封存",
               800, 3, "12000.00", "杏花岭分理处", "Zm123456"),
    DemoPerson("孙伟", "140108197209153710", "13612340004", "灵活就业", "封存",
               600, 6, "8800.00", "尖草坪分理处", "Sw123456", has_loan=True),
    DemoPerson("周杰", "140109198802205631", "13512340005", "灵活就业", "正常",
               300, 4, "3600.00", "万柏林分理处", "Zj123456"),
)  # fmt: skip

SAMPLE_CARDS = (
    Person(name="陈静", id_number="140110199507183425"),
    Person(name="刘洋", id_number="140181199303114570"),
    Person(name="杨帆", id_number="140121200104052185"),
)

DEMO_IDS = tuple(person.id_number for person in DEMO_PEOPLE)
SAMPLE_IDS = tuple(person.id_number for person in SAMPLE_CARDS)


def demo_account_no(ctx: Ctx, index: int) -> str:
    """Serials 1–5 (the counter starts at 1001, so they never collide)."""
    prefix = ctx.profile.account_no_prefix
    return f"{prefix}{index + 1:0{11 - len(prefix)}d}"


def history(
    account_no: str, demo: DemoPerson, paid_through: YearMonth
) -> list[LedgerEntry]:
    """Monthly 汇缴 up to twelve months and an opening balance for the rest."""
    balance = yuan(demo.balance)
    monthly = yuan(demo.monthly_amount)
    count = min(HISTORY_MONTHS, int(balance // monthly))
    first = paid_through - (count - 1)
    opening = yuan(balance - monthly * count)
    entries: list[LedgerEntry] = []
    running = Decimal("0.00")
    if opening > 0:
        running = opening
        before = first - 1
        at = datetime(before.year, before.month, 1, 9, 0)
        entries.append(_entry(account_no, at, "期初", [], opening, running))
    for month in first.through(paid_through):
        running = yuan(running + monthly)
        at = datetime(month.year, month.month, 10, 10, 0)
        entries.append(_entry(account_no, at, "汇缴", [month], monthly, running))
    return entries


def _entry(
    account_no: str,
    at: datetime,
    kind: str,
    months: list[YearMonth],
    amount: Decimal,
    balance: Decimal,
) -> LedgerEntry:
    return LedgerEntry(
        account_no=account_no,
        at=at,
        kind=kind,  # type: ignore[arg-type]
        months=months,
        amount=amount,
        balance=balance,
    )


def load(ctx: Ctx) -> None:
    """Add every demo person and sample-card holder that is missing."""
    for index, demo in enumerate(DEMO_PEOPLE):
        if ctx.repo.person(demo.id_number) or ctx.repo.account_for(demo.id_number):
            continue
        _add_demo_person(ctx, index, demo)
    load_sample_cards(ctx)


def load_sample_cards(ctx: Ctx) -> None:
    """Add the holders of the scanner's sample ID cards that are missing."""
    for card in SAMPLE_CARDS:
        if ctx.repo.person(card.id_number) is None:
            ctx.repo.save_person(card)


def _add_demo_person(ctx: Ctx, index: int, demo: DemoPerson) -> None:
    person = Person(
        name=demo.name,
        id_number=demo.id_number,
        phone=demo.phone,
        password=demo.password,
    )
    ctx.repo.save_person(person)
    paid_through = ctx.month - demo.months_behind
    account = Account(
        account_no=demo_account_no(ctx, index),
        id_number=demo.id_number,
        name=demo.name,
        kind=demo.kind,
        status=demo.status,
        monthly_amount=demo.monthly_amount,
        paid_through=paid_through,
        balance=yuan(demo.balance),
        branch=demo.branch,
        phone=demo.phone,
        card_tail=demo.phone[-4:],
        has_loan=demo.has_loan,
        interest_year=interest.last_due_year(ctx.profile, ctx.now),
    )
    ctx.repo.save_account(account)
    for entry in history(account.account_no, demo, paid_through):
        ctx.repo.add_ledger(entry)


def reset(ctx: Ctx) -> None:
    """重置演示数据: people, accounts, bookings, ledger, SMS and draft back to demo."""
    ctx.repo.clear(*DATA_TABLES)
    state = ctx.repo.app()
    state.draft = None
    if state.user not in DEMO_IDS:
        state.user = None
    ctx.repo.save_app(state)
    load(ctx)
    ctx.audit("", texts.AUDIT_DEMO)


def face_order(people: list[Person]) -> list[str]:
    """Demo people, then sample-card holders, then everyone else as they came."""
    known = DEMO_IDS + SAMPLE_IDS

    def rank(item: tuple[int, Person]) -> tuple[int, int]:
        index, person = item
        if person.id_number in known:
            return (known.index(person.id_number), 0)
        return (len(known), index)

    names: list[str] = []
    for _, person in sorted(enumerate(people), key=rank):
        if person.name not in names:
            names.append(person.name)
    return names
