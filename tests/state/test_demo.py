"""PRODUCT §12: the demo people relative to the simulated month, and the reset."""

from __future__ import annotations

from decimal import Decimal

from state.months import YearMonth
from state.simulator import Simulator
from tests.state.conftest import MakeSim, at

EXPECTED = {
    # name: kind, status, monthly amount, paid through, balance, branch, loan
    "李强": ("灵活就业", "正常", 500, "2026-02", "6000.00", "小店分理处", False),
    "王芳": ("单位缴存", "封存", 950, "2025-08", "18650.00", "迎泽分理处", False),
    "赵敏": ("灵活就业", "封存", 800, "2025-12", "12000.00", "杏花岭分理处", False),
    "孙伟": ("灵活就业", "封存", 600, "2025-09", "8800.00", "尖草坪分理处", True),
    "周杰": ("灵活就业", "正常", 300, "2025-11", "3600.00", "万柏林分理处", False),
}


def test_demo_accounts_relative_to_the_current_month(make_sim: MakeSim) -> None:
    sim = make_sim("2026-03-10 09:30")
    for name, expected in EXPECTED.items():
        sim.login_as(name)
        account = sim.current_account()
        assert account is not None
        actual = (
            account.kind,
            account.status,
            account.monthly_amount,
            str(account.paid_through),
            str(account.balance),
            account.branch,
            account.has_loan,
        )
        assert actual == expected, name
        assert account.card_tail == account.phone[-4:]
        assert sum(entry.amount for entry in sim.ledger(account.account_no)) == Decimal(
            expected[4]
        )


def test_demo_months_cross_the_year_end(make_sim: MakeSim) -> None:
    sim = make_sim("2026-01-05 10:00", login="李强")
    account = sim.current_account()
    assert account is not None and account.paid_through == YearMonth(2025, 12)


def test_passwords_of_the_demo_people(sim: Simulator) -> None:
    logins = {
        "140105199003071234": "Lq123456",
        "140106198506122349": "122349",
        "140107197811043526": "Zm123456",
        "140108197209153710": "Sw123456",
        "140109198802205631": "Zj123456",
    }
    for number, password in logins.items():
        assert sim.password_login(number, password).message == "登录成功"


def test_loading_twice_adds_nothing(sim: Simulator) -> None:
    before = sim.db.path.read_bytes()
    sim.load_demo()
    assert sim.db.path.read_bytes() == before


def test_reset_brings_the_demo_set_back(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sim.remit()
    sim.send_code("13800000001", "注册")
    sim.reset_demo()
    account = sim.current_account()
    assert account is not None and account.balance == Decimal("6000.00")
    assert sim.sms_inbox() == []
    assert sim.pending_appointments() == []
    assert sim.audit_log()[0].action == "重置演示数据"


def test_reset_is_relative_to_the_new_now(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sim.set_clock(at("2026-08-10 10:00"))
    sim.reset_demo()
    account = sim.current_account()
    assert account is not None and account.paid_through == YearMonth(2026, 7)


def test_reset_logs_out_someone_not_in_the_demo_set(make_sim: MakeSim) -> None:
    sim = make_sim()
    sim.login_as("陈静")
    sim.reset_demo()
    assert sim.current_person() is None


def test_without_personas_nobody_is_known(make_sim: MakeSim) -> None:
    sim = make_sim(demo=False)
    assert sim.face_names() == []
    assert [card.name for card in sim.sample_cards()] == ["陈静", "刘洋", "杨帆"]
