"""PRODUCT §10: the seven operations, their rules in table order, their effects."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from state import texts
from state.months import YearMonth
from tests.state.conftest import MakeSim, at, file_bytes

REMIT_HOURS = "不在办理时间内，汇缴时间为每月1-25日8:00-17:00"
BACK_PAY_HOURS = "不在办理时间内，补缴时间为每月1-25日8:00-17:00"


def test_the_window_messages_made_from_the_profile_match_the_spec() -> None:
    assert texts.OUTSIDE_REMIT_HOURS == REMIT_HOURS
    assert texts.OUTSIDE_BACK_PAY_HOURS == BACK_PAY_HOURS


# --- entry --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (None, "请先登录"),
        ("王芳", "您不是灵活就业缴存人"),
        ("李强", ""),
        ("赵敏", ""),
    ],
)
def test_business_entry(make_sim: MakeSim, person: str | None, message: str) -> None:
    sim = make_sim(login=person)
    result = sim.check_business_entry()
    assert result.ok is (message == "")
    assert result.message == message


def test_a_closed_account_cannot_enter(make_sim: MakeSim) -> None:
    sim = make_sim(login="赵敏")
    assert sim.withdraw().ok
    assert sim.check_business_entry().message == "账户已销户"
    assert sim.current_person() is not None  # still logged in


# --- 汇缴 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clock", "ok"),
    [
        ("2026-03-01 08:00", True),
        ("2026-03-25 16:59", True),
        ("2026-03-25 17:00", False),
        ("2026-03-26 10:00", False),
        ("2026-03-10 07:59", False),
        ("2026-03-31 12:00", False),
    ],
)
def test_remit_window(make_sim: MakeSim, clock: str, ok: bool) -> None:
    sim = make_sim(clock, login="李强")
    result = sim.remit()
    assert result.ok is ok
    assert result.message == ("交易成功" if ok else REMIT_HOURS)


def test_remit_pays_the_current_month(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    assert sim.check_remit().value == (YearMonth(2026, 3), Decimal("500.00"))
    assert sim.remit().ok
    account = sim.current_account()
    assert account is not None
    assert account.paid_through == YearMonth(2026, 3)
    assert account.balance == Decimal("6500.00")
    newest = sim.ledger(account.account_no)[0]
    assert (newest.kind, newest.months, newest.amount) == (
        "汇缴",
        [YearMonth(2026, 3)],
        Decimal("500.00"),
    )
    assert newest.at == at("2026-03-10 09:30")


@pytest.mark.parametrize(
    ("person", "setup", "message"),
    [
        ("赵敏", None, "账户已封存，请先办理启封"),
        ("李强", "remit", "本月已汇缴"),
        ("周杰", None, "存在未缴月份，请先办理补缴"),
    ],
)
def test_remit_refusals(
    make_sim: MakeSim, person: str, setup: str | None, message: str
) -> None:
    sim = make_sim(login=person)
    if setup:
        getattr(sim, setup)()
    before = file_bytes(sim)
    assert sim.remit().message == message
    assert file_bytes(sim) == before


def test_window_is_checked_before_status(make_sim: MakeSim) -> None:
    sim = make_sim("2026-03-26 10:00", login="赵敏")
    assert sim.remit().message == REMIT_HOURS


# --- 补缴 ---------------------------------------------------------------------


def test_back_pay_offers_first_unpaid_month_to_last_month(make_sim: MakeSim) -> None:
    sim = make_sim(login="周杰")  # paid through 2025-11
    months = [str(month) for month in sim.back_pay_months()]
    assert months == ["2025-12", "2026-01", "2026-02"]


def test_back_pay_across_a_year_end_then_remit(make_sim: MakeSim) -> None:
    sim = make_sim("2026-02-10 10:00", login="周杰")  # paid through 2025-10
    assert [str(m) for m in sim.back_pay_months()] == ["2025-11", "2025-12", "2026-01"]
    checked = sim.check_back_pay(YearMonth(2026, 1))
    assert checked.value == (
        [YearMonth(2025, 11), YearMonth(2025, 12), YearMonth(2026, 1)],
        Decimal("900.00"),
    )
    assert sim.back_pay(YearMonth(2026, 1)).message == "交易成功"
    assert sim.back_pay_months() == []
    assert sim.remit().message == "交易成功"
    account = sim.current_account()
    assert account is not None
    assert account.paid_through == YearMonth(2026, 2)
    assert account.balance == Decimal("3600.00") + 4 * Decimal("300.00")


def test_back_pay_of_part_of_the_months(make_sim: MakeSim) -> None:
    sim = make_sim(login="周杰")
    assert sim.back_pay(YearMonth(2025, 12)).ok
    assert [str(m) for m in sim.back_pay_months()] == ["2026-01", "2026-02"]
    assert sim.remit().message == "存在未缴月份，请先办理补缴"


@pytest.mark.parametrize(
    ("clock", "person", "message"),
    [
        ("2026-03-25 17:00", "周杰", BACK_PAY_HOURS),
        ("2026-03-26 09:00", "周杰", BACK_PAY_HOURS),
        ("2026-03-10 07:59", "周杰", BACK_PAY_HOURS),
        ("2026-03-10 09:30", "赵敏", "账户已封存，请先办理启封"),
        ("2026-03-10 09:30", "李强", "无需补缴"),
    ],
)
def test_back_pay_refusals(
    make_sim: MakeSim, clock: str, person: str, message: str
) -> None:
    sim = make_sim(clock, login=person)
    before = file_bytes(sim)
    assert sim.back_pay(YearMonth(2026, 2)).message == message
    assert file_bytes(sim) == before


def test_nothing_to_back_pay_is_an_empty_list(make_sim: MakeSim) -> None:
    assert make_sim(login="李强").back_pay_months() == []


# --- 封存 and 启封 -------------------------------------------------------------


def test_seal_then_seal_again(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    assert sim.seal().message == "办理成功"
    account = sim.current_account()
    assert account is not None and account.status == "封存"
    before = file_bytes(sim)
    assert sim.seal().message == "账户已是封存状态"
    assert file_bytes(sim) == before


def test_unseal_a_normal_account_is_refused(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    assert sim.unseal().message == "账户为正常状态，无需启封"


def test_unseal_forgives_the_sealed_months(make_sim: MakeSim) -> None:
    sim = make_sim(login="赵敏")  # paid through 2025-12
    assert sim.unseal().message == "办理成功"
    account = sim.current_account()
    assert account is not None
    assert (account.status, account.paid_through) == ("正常", YearMonth(2026, 2))
    assert sim.back_pay_months() == []
    assert sim.remit().ok


def test_unseal_keeps_a_later_paid_through(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sim.remit()  # paid through 2026-03
    sim.seal()
    sim.unseal()
    account = sim.current_account()
    assert account is not None and account.paid_through == YearMonth(2026, 3)


# --- 信息变更 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "message"),
    [("1381234000", "手机号码格式不正确"), ("13812340001", "新手机号与原手机号相同")],
)
def test_new_phone_checks_on_getting_the_code(
    make_sim: MakeSim, phone: str, message: str
) -> None:
    sim = make_sim(login="李强")
    before = file_bytes(sim)
    assert sim.send_phone_change_code(phone).message == message
    assert sim.change_phone(phone, "123456").message == message
    assert file_bytes(sim) == before


def test_change_phone_with_the_code_sent_to_the_new_number(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sent = sim.send_phone_change_code("13900009999")
    assert sent.ok and sent.value.phone == "13900009999"
    assert sim.change_phone("13900009999", "000000").message == "验证码错误"
    assert (
        sim.change_phone("13900009999", sent.value.code).message == "手机号码变更成功"
    )
    account, person = sim.current_account(), sim.current_person()
    assert account is not None and person is not None
    assert account.phone == person.phone == "13900009999"
    assert account.card_tail == "0001"  # the bank card does not change


def test_a_code_for_another_number_does_not_change_the_phone(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sent = sim.send_phone_change_code("13900009999")
    sim.clock.set(at("2026-03-10 09:32"))
    assert sim.change_phone("13900008888", sent.value.code).message == "验证码错误"


def test_change_phone_code_expires(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sent = sim.send_phone_change_code("13900009999")
    sim.clock.set(datetime(2026, 3, 10, 9, 35, 1))
    assert sim.change_phone("13900009999", sent.value.code).message == "验证码已过期"


# --- 月缴存额调整 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("clock", "text", "message"),
    [
        ("2026-06-30 23:59", "600", "月缴存额调整时间为每年7月"),
        ("2026-07-01 00:00", "600", "月缴存额调整成功"),
        ("2026-07-31 23:59", "600", "月缴存额调整成功"),
        ("2026-08-01 00:00", "600", "月缴存额调整时间为每年7月"),
        ("2026-07-10 10:00", "215", "月缴存额调整成功"),
        ("2026-07-10 10:00", "6984", "月缴存额调整成功"),
        ("2026-07-10 10:00", "214", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "6985", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "600.5", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "600.00", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "abc", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", "-300", "月缴存额须在215至6984元之间"),
        ("2026-07-10 10:00", " 800 ", "月缴存额调整成功"),
    ],
)
def test_adjust_amount_rules(
    make_sim: MakeSim, clock: str, text: str, message: str
) -> None:
    sim = make_sim(clock, login="李强")
    assert sim.adjust_amount(text).message == message


def test_adjust_amount_once_a_calendar_year(make_sim: MakeSim) -> None:
    sim = make_sim("2026-07-10 10:00", login="李强")
    assert sim.adjust_amount("800").ok
    account = sim.current_account()
    assert account is not None and account.monthly_amount == 800
    once = "本年度已调整过月缴存额，每年只允许调整一次"
    assert sim.adjust_amount("900").message == once
    sim.set_clock(at("2027-07-01 09:00"))
    assert sim.adjust_amount("900").ok


def test_adjust_amount_rule_order(make_sim: MakeSim) -> None:
    sim = make_sim("2026-07-10 10:00", login="赵敏")  # sealed
    assert sim.adjust_amount("100").message == "月缴存额须在215至6984元之间"
    assert sim.adjust_amount("900").message == "账户已封存，请先办理启封"


def test_new_amount_is_charged_from_then_on(make_sim: MakeSim) -> None:
    sim = make_sim("2026-07-10 10:00", login="李强")
    sim.adjust_amount("800")
    assert sim.remit().value == (YearMonth(2026, 7), Decimal("800.00"))


# --- 退出缴存提取 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "message"),
    [
        ("李强", "账户未封存，不能办理退出缴存提取"),
        ("孙伟", "存在未结清的住房公积金贷款，不能办理退出缴存提取"),
    ],
)
def test_withdraw_refusals(make_sim: MakeSim, person: str, message: str) -> None:
    sim = make_sim(login=person)
    before = file_bytes(sim)
    assert sim.withdraw().message == message
    assert file_bytes(sim) == before


def test_withdraw_pays_out_and_closes(make_sim: MakeSim) -> None:
    sim = make_sim(login="赵敏")
    result = sim.withdraw()
    assert (result.message, result.value) == ("交易成功", Decimal("12000.00"))
    account = sim.current_account()
    assert account is not None
    assert (account.status, account.balance) == ("销户", Decimal("0.00"))
    newest = sim.ledger(account.account_no)[0]
    assert (newest.kind, newest.amount, newest.balance) == (
        "提取",
        Decimal("-12000.00"),
        Decimal("0.00"),
    )
    assert sim.current_person() is not None


def test_every_change_is_in_the_audit_log(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    sim.remit()
    sim.seal()
    actions = [event.action for event in sim.audit_log()[:2]]
    assert actions == ["封存", "汇缴"]
    assert sim.audit_log()[0].at == at("2026-03-10 09:30")
