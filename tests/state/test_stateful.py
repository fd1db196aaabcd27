"""Random operations and clock moves keep the books and the life cycles sound.

Invariants after every step: each balance equals the sum of its ledger; no month is
paid twice; every 汇缴/补缴 happened inside the payment window; a refused operation
left the database file byte for byte as it was; statuses and kinds changed only
along their state machines.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from state import machines
from state.clock import SimClock
from state.months import YearMonth
from state.profile import default_profile
from state.result import Result
from state.simulator import Simulator
from state.storage import Database

NAMES = ["李强", "王芳", "赵敏", "孙伟", "周杰"]
STATUS_MOVES = machines.transitions(machines.AccountStatusMachine)
KIND_MOVES = machines.transitions(machines.AccountKindMachine)
AMOUNT_TEXTS = ["215", "6984", "214", "6985", "800", "80.5", "abc", "", " 1000 "]


class Books(RuleBasedStateMachine):
    """One simulator driven at random; the model checks the invariants."""

    sim: Simulator

    @initialize(
        start=st.datetimes(
            min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)
        ).map(lambda moment: moment.replace(second=0, microsecond=0)),
        person=st.sampled_from(NAMES),
    )
    def start(self, start: datetime, person: str) -> None:
        self.folder = Path(tempfile.mkdtemp())
        clock = SimClock(start)
        database = Database(self.folder / "db.json")
        self.sim = Simulator(database, clock, rng=random.Random(0))
        self.sim.load_demo()
        self.sim.skip_onboarding()
        self.sim.login_as(person)

    def teardown(self) -> None:
        folder = getattr(self, "folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def act(self, operation: Callable[[], Result]) -> Result:
        """Run one operation and check what a refusal or a change may do."""
        before_bytes = self.sim.db.path.read_bytes()
        before = {a.account_no: (a.status, a.kind) for a in self.sim.repo.accounts()}
        result = operation()
        if not result.ok:
            assert self.sim.db.path.read_bytes() == before_bytes, result.message
        for account in self.sim.repo.accounts():
            if account.account_no not in before:
                continue
            status, kind = before[account.account_no]
            assert status == account.status or (status, account.status) in STATUS_MOVES
            assert kind == account.kind or (kind, account.kind) in KIND_MOVES
        return result

    # --- who and when ---------------------------------------------------

    @rule(person=st.sampled_from(NAMES))
    def switch_person(self, person: str) -> None:
        self.sim.login_as(person)

    @rule(
        minutes=st.one_of(
            st.integers(min_value=1, max_value=600),
            st.integers(min_value=600, max_value=60 * 24 * 70),
            st.integers(min_value=-60 * 24 * 3, max_value=-1),
        )
    )
    def move_clock(self, minutes: int) -> None:
        self.sim.set_clock(self.sim.now() + timedelta(minutes=minutes))

    @rule(day=st.integers(1, 28), hour=st.sampled_from([7, 8, 12, 16, 17]))
    def jump_within_month(self, day: int, hour: int) -> None:
        now = self.sim.now()
        minute = 59 if hour % 2 else 0  # 16:59 and 17:00, 07:59 and 08:00
        self.sim.set_clock(now.replace(day=day, hour=hour, minute=minute))

    # --- operations -------------------------------------------------------

    @rule()
    def remit(self) -> None:
        self.act(self.sim.remit)

    @rule(data=st.data())
    def back_pay(self, data: st.DataObject) -> None:
        options = self.sim.back_pay_months()
        if not options:
            self.act(lambda: self.sim.back_pay(YearMonth.of(self.sim.now()) - 1))
            return
        until = data.draw(st.sampled_from(options))
        self.act(lambda: self.sim.back_pay(until))

    @rule()
    def seal(self) -> None:
        self.act(self.sim.seal)

    @rule()
    def unseal(self) -> None:
        self.act(self.sim.unseal)

    @rule(text=st.sampled_from(AMOUNT_TEXTS))
    def adjust(self, text: str) -> None:
        self.act(lambda: self.sim.adjust_amount(text))

    @rule()
    def withdraw(self) -> None:
        self.act(self.sim.withdraw)

    @rule(phone=st.sampled_from(["13900000001", "1390000000", "13812340001"]))
    def change_phone_with_wrong_code(self, phone: str) -> None:
        self.act(lambda: self.sim.change_phone(phone, "000000x"))

    @precondition(lambda self: self.sim.check_transfer().ok)
    @rule(slot=st.integers(0, 5))
    def book_transfer(self, slot: int) -> None:
        day = self.sim.appointment_dates()[0]
        time = self.sim.slots("小店分理处", day)[slot].time
        self.act(lambda: self.sim.book_transfer("小店分理处", day, time))

    @rule()
    def counter(self) -> None:
        self.sim.process_counter()

    # --- invariants -------------------------------------------------------

    @invariant()
    def balances_equal_their_ledgers(self) -> None:
        for account in self.sim.repo.accounts():
            entries = self.sim.repo.ledger(account.account_no)
            total = sum((entry.amount for entry in entries), Decimal("0.00"))
            assert account.balance == total, account.name
            assert account.balance >= 0

    @invariant()
    def no_month_is_paid_twice(self) -> None:
        for account in self.sim.repo.accounts():
            months = Counter(
                month
                for entry in self.sim.repo.ledger(account.account_no)
                for month in entry.months
            )
            assert all(count == 1 for count in months.values()), account.name

    @invariant()
    def nothing_is_paid_outside_the_window(self) -> None:
        window = default_profile().payment_window
        for entry in self.sim.repo.ledger():
            if entry.kind in ("汇缴", "补缴"):
                assert window.contains(entry.at), entry


Books.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_books_stay_sound = Books.TestCase
