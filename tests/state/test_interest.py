"""PRODUCT §11: 1.5% a year, settled on 30 June into the balance as 结息."""

from __future__ import annotations

from decimal import Decimal

import pytest

from state.simulator import Simulator
from tests.state.conftest import MakeSim, at


def balance(sim: Simulator) -> Decimal:
    account = sim.current_account()
    assert account is not None
    return account.balance


@pytest.mark.parametrize(
    ("clock", "settled"),
    [("2026-06-30 23:59", False), ("2026-07-01 00:00", True)],
)
def test_interest_is_settled_when_30_june_has_passed(
    make_sim: MakeSim, clock: str, settled: bool
) -> None:
    sim = make_sim("2026-03-10 09:30", login="李强")
    sim.set_clock(at(clock))
    expected = Decimal("6090.00") if settled else Decimal("6000.00")
    assert balance(sim) == expected
    account = sim.current_account()
    assert account is not None
    newest = sim.ledger(account.account_no)[0]
    assert (newest.kind == "结息") is settled
    if settled:
        assert newest.amount == Decimal("90.00")
        assert newest.at == at("2026-06-30 23:59").replace(second=59)


def test_interest_is_never_paid_twice(make_sim: MakeSim) -> None:
    sim = make_sim("2026-06-01 10:00", login="李强")
    sim.set_clock(at("2026-07-02 10:00"))
    sim.set_clock(at("2026-06-15 10:00"))
    sim.set_clock(at("2026-07-05 10:00"))
    assert balance(sim) == Decimal("6090.00")


def test_skipped_years_are_settled_one_by_one(make_sim: MakeSim) -> None:
    sim = make_sim("2026-03-10 09:30", login="赵敏")
    sim.set_clock(at("2028-07-01 00:00"))
    # 2026, 2027 and 2028: 12000.00 → 12180.00 → 12362.70 → 12548.14
    assert balance(sim) == Decimal("12548.14")
    account = sim.current_account()
    assert account is not None
    amounts = [entry.amount for entry in sim.ledger(account.account_no)[:3]]
    assert amounts == [Decimal("185.44"), Decimal("182.70"), Decimal("180.00")]


def test_interest_is_rounded_to_the_fen(make_sim: MakeSim) -> None:
    sim = make_sim("2026-06-10 10:00", login="周杰")
    sim.back_pay(sim.back_pay_months()[0])  # 3600 + 300 = 3900
    sim.set_clock(at("2026-07-01 08:00"))
    assert balance(sim) == Decimal("3958.50")


def test_demo_data_loaded_after_30_june_has_no_back_interest(make_sim: MakeSim) -> None:
    sim = make_sim("2026-07-15 10:00", login="李强")
    assert balance(sim) == Decimal("6000.00")
    sim.set_clock(at("2027-06-30 23:59"))
    assert balance(sim) == Decimal("6000.00")
    sim.set_clock(at("2027-07-01 00:00"))
    assert balance(sim) == Decimal("6090.00")


def test_a_ticking_clock_is_settled_by_the_next_operation(make_sim: MakeSim) -> None:
    sim = make_sim("2026-06-30 23:59", login="李强")
    sim.clock.set(at("2026-07-01 09:00"))  # passes midnight without set_clock
    assert sim.interest_due()
    assert sim.seal().ok
    assert balance(sim) == Decimal("6090.00")
    assert not sim.interest_due()


def test_a_closed_account_earns_nothing(make_sim: MakeSim) -> None:
    sim = make_sim("2026-03-10 09:30", login="赵敏")
    sim.withdraw()
    sim.set_clock(at("2026-07-01 00:00"))
    assert balance(sim) == Decimal("0.00")
