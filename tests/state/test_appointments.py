"""PRODUCT §6 and §10 转入: dates, slots, one pending per kind, the counter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from state.models import OpenAccountDraft
from state.months import YearMonth
from state.simulator import Simulator
from tests.state.conftest import MakeSim, file_bytes, make_id


def test_dates_are_the_next_seven_working_days(make_sim: MakeSim) -> None:
    sim = make_sim("2026-03-10 09:30")  # a Tuesday
    labels = [sim.date_label(day) for day in sim.appointment_dates()]
    assert labels == [
        "2026-03-11 周三", "2026-03-12 周四", "2026-03-13 周五", "2026-03-16 周一",
        "2026-03-17 周二", "2026-03-18 周三", "2026-03-19 周四",
    ]  # fmt: skip


def test_dates_skip_the_profile_holidays(make_sim: MakeSim) -> None:
    sim = make_sim("2026-09-29 10:00")  # National Day holiday 10-01..10-07
    days = sim.appointment_dates()
    assert days[:3] == [date(2026, 9, 30), date(2026, 10, 8), date(2026, 10, 9)]
    assert all(day.weekday() < 5 for day in days)


def test_six_slots_and_the_sixth_booking_is_refused(make_sim: MakeSim) -> None:
    sim = make_sim(demo=False)
    day = sim.appointment_dates()[0]
    assert [slot.time for slot in sim.slots("小店分理处", day)] == [
        "09:00-10:00", "10:00-11:00", "11:00-12:00",
        "14:00-15:00", "15:00-16:00", "16:00-17:00",
    ]  # fmt: skip
    for number in range(5):
        draft = application(make_id(date(1990, 1, 1), 100 + number), day)
        assert sim.apply_open_account(draft).ok
    slots = {slot.time: slot.full for slot in sim.slots("小店分理处", day)}
    assert slots["09:00-10:00"] and not slots["10:00-11:00"]
    assert not sim.slots("迎泽分理处", day)[0].full
    before = file_bytes(sim)
    sixth = application(make_id(date(1990, 1, 1), 200), day)
    assert sim.apply_open_account(sixth).message == "该时段已约满，请选择其他时间"
    assert file_bytes(sim) == before


def application(number: str, day: date, **changes: object) -> OpenAccountDraft:
    fields = {
        "name": "测试",
        "id_number": number,
        "phone": "13800000001",
        "front_uploaded": True,
        "back_uploaded": True,
        "branch": "小店分理处",
        "date": day.isoformat(),
        "time": "09:00-10:00",
    }
    fields.update(changes)
    return OpenAccountDraft.model_validate(fields)


@pytest.mark.parametrize(
    "change",
    [{"branch": "小店"}, {"date": "2026-03-10"}, {"date": "2026-03-14"}, {"time": ""}],
)
def test_a_date_or_slot_not_offered_is_refused(sim: Simulator, change: dict) -> None:
    day = sim.appointment_dates()[0]
    draft = application(make_id(date(1990, 1, 1)), day, **change)
    assert sim.apply_open_account(draft).message == "请选择承办网点、预约日期和预约时间"


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (None, "请先登录"),
        ("李强", "您已是灵活就业缴存人，无需转入"),
        ("王芳", ""),
    ],
)
def test_transfer_entry(make_sim: MakeSim, person: str | None, message: str) -> None:
    assert make_sim(login=person).check_transfer().message == message


def test_transfer_needs_a_sealed_account(make_sim: MakeSim) -> None:
    sim = make_sim(login="王芳")
    with sim.db.transaction():
        account = sim.repo.account_for("140106198506122349")
        assert account is not None
        account.status = "正常"
        sim.repo.save_account(account)
    assert sim.check_transfer().message == "账户未封存，不能办理转入"


def test_one_pending_transfer_then_the_counter_converts(make_sim: MakeSim) -> None:
    sim = make_sim(login="王芳")
    day = sim.appointment_dates()[2]
    booked = sim.book_transfer("万柏林分理处", day, "14:00-15:00")
    assert booked.message == "预约成功"
    assert (booked.value.kind, booked.value.status) == ("转入", "待办理")
    assert sim.check_transfer().message == "您已有待办理的预约"
    assert sim.book_transfer("万柏林分理处", day, "15:00-16:00").message == (
        "您已有待办理的预约"
    )
    sim.set_clock(sim.now().replace(month=4, day=2))
    [result] = sim.process_counter()
    assert result.ok
    account = sim.current_account()
    assert account is not None
    assert (account.kind, account.status, account.branch) == (
        "灵活就业",
        "正常",
        "万柏林分理处",
    )
    assert account.monthly_amount == 215
    assert account.paid_through == YearMonth(2026, 3)
    assert account.balance == Decimal("18650.00")
    latest = sim.latest_appointment()
    assert latest is not None and latest.status == "已办结"
    assert sim.pending_appointments() == []
    assert sim.check_business_entry().ok


def test_completing_twice_is_refused(make_sim: MakeSim) -> None:
    sim = make_sim(login="王芳")
    booked = sim.book_transfer("小店分理处", sim.appointment_dates()[0], "09:00-10:00")
    assert sim.complete_appointment(booked.value.number).ok
    assert sim.complete_appointment(booked.value.number).message == "该预约已办结"
