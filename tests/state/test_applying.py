"""PRODUCT §5 and §7: the open-account wizard's rules, its draft, the counter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from state.models import OpenAccountDraft
from state.months import YearMonth
from state.simulator import Simulator
from tests.state.conftest import MakeSim, file_bytes, make_id

TODAY = date(2026, 3, 10)
MAN, WOMAN = 123, 124


def draft(number: str, **changes: object) -> OpenAccountDraft:
    fields = {"name": "陈静", "id_number": number, "phone": "13800000001"}
    fields.update(changes)
    return OpenAccountDraft.model_validate(fields)


def born(years_ago: int, days: int = 0) -> date:
    return date(TODAY.year - years_ago, TODAY.month, TODAY.day + days)


@pytest.mark.parametrize(
    ("birth", "sequence", "ok"),
    [
        (born(16), MAN, True),  # 16 today
        (born(16, days=1), MAN, False),  # 16 tomorrow
        (born(60, days=1), MAN, True),  # a man of 59
        (born(60), MAN, False),  # a man of 60
        (born(55, days=1), WOMAN, True),  # a woman of 54
        (born(55), WOMAN, False),  # a woman of 55
        (born(57), MAN, True),
    ],
)
def test_age_limits(sim: Simulator, birth: date, sequence: int, ok: bool) -> None:
    result = sim.check_identity(draft(make_id(birth, sequence)))
    assert result.message == ("" if ok else "年龄不符合灵活就业人员开户条件")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "陈"}, "请输入正确的姓名"),
        ({"name": "陈静1", "id_number": "bad"}, "请输入正确的姓名"),
        ({"id_number": "140110199507183426"}, "证件号码格式不正确"),
        ({"id_number": "140105199003071234"}, "您已在我中心设立住房公积金账户"),
        (
            {"id_number": make_id(date(2012, 1, 1)), "phone": ""},
            "年龄不符合灵活就业人员开户条件",
        ),
        ({"phone": "1380000000"}, "手机号码格式不正确"),
        ({}, ""),
    ],
)
def test_identity_rules_in_order(sim: Simulator, changes: dict, message: str) -> None:
    number = changes.pop("id_number", "140110199507183425")
    before = file_bytes(sim)
    assert sim.check_identity(draft(number, **changes)).message == message
    assert file_bytes(sim) == before


def test_other_documents_use_the_birth_date_entered(sim: Simulator) -> None:
    other = draft(
        "H1234567", doc_type="港澳居民来往内地通行证", birth_date="1990-05-01"
    )
    assert sim.check_identity(other).ok
    unknown = other.model_copy(update={"birth_date": ""})
    assert sim.check_identity(unknown).message == "年龄不符合灵活就业人员开户条件"


def test_birth_date_comes_from_the_number(sim: Simulator) -> None:
    assert sim.birth_date("居民身份证", "140110199507183425") == "1995-07-18"
    assert sim.birth_date("居民身份证", " 140110199507183425 ") == "1995-07-18"
    assert sim.birth_date("居民身份证", "14011019950718342") == ""
    assert sim.birth_date("港澳居民来往内地通行证", "H1234567") == ""


def test_sample_cards_have_no_account(sim: Simulator) -> None:
    cards = sim.sample_cards()
    assert [card.name for card in cards] == ["陈静", "刘洋", "杨帆"]
    for card in cards:
        assert sim.check_identity(draft(card.id_number, name=card.name)).ok


def test_the_draft_survives_a_restart_without_secrets(make_sim: MakeSim) -> None:
    sim = make_sim()
    sim.save_draft(draft("140110199507183425", step=2, front_uploaded=True))
    again = make_sim()
    loaded = again.load_draft()
    assert loaded is not None and (loaded.step, loaded.front_uploaded) == (2, True)
    again.discard_draft()
    assert again.load_draft() is None


def complete_application(sim: Simulator) -> OpenAccountDraft:
    day = sim.appointment_dates()[0]
    return draft(
        "140110199507183425",
        front_uploaded=True,
        back_uploaded=True,
        branch="杏花岭分理处",
        date=sim.date_label(day),
        time="10:00-11:00",
    )


def test_uploads_are_needed(sim: Simulator) -> None:
    application = complete_application(sim).model_copy(update={"back_uploaded": False})
    assert sim.apply_open_account(application).message == "请上传证件正反面照片"


def test_apply_books_a_pending_appointment_once(sim: Simulator) -> None:
    sim.save_draft(complete_application(sim))
    result = sim.apply_open_account(complete_application(sim))
    assert result.message == "申报成功"
    booked = result.value
    assert (booked.kind, booked.status, booked.branch) == (
        "开户",
        "待办理",
        "杏花岭分理处",
    )
    assert sim.load_draft() is None
    again = sim.check_identity(draft("140110199507183425"))
    assert again.message == "您已有待办理的预约"


def test_the_counter_opens_the_account(make_sim: MakeSim) -> None:
    sim = make_sim()
    sim.apply_open_account(complete_application(sim))
    sim.set_clock(sim.now().replace(month=4, day=3))
    [result] = sim.process_counter()
    account = result.value
    assert len(account.account_no) == 11 and account.account_no.isdigit()
    assert (account.kind, account.status, account.monthly_amount) == (
        "灵活就业",
        "正常",
        215,
    )
    assert account.paid_through == YearMonth(2026, 3)
    assert account.balance == Decimal("0.00")
    assert (account.name, account.phone, account.branch) == (
        "陈静",
        "13800000001",
        "杏花岭分理处",
    )
    assert account.card_tail == "0001"
    assert sim.password_login("140110199507183425", "183425").message == "登录成功"
    assert sim.check_business_entry().ok
    assert sim.face_names()[5] == "陈静"


def test_applicants_join_the_face_list_after_the_samples(make_sim: MakeSim) -> None:
    sim = make_sim()
    application = complete_application(sim).model_copy(
        update={"name": "张三", "id_number": make_id(date(1990, 1, 1))}
    )
    sim.apply_open_account(application)
    assert sim.face_names()[-1] == "张三"
    assert len(sim.face_names()) == 9


def test_the_counter_numbers_accounts_uniquely(make_sim: MakeSim) -> None:
    sim = make_sim()
    day = sim.appointment_dates()[0]
    for sequence in (111, 113):
        application = complete_application(sim).model_copy(
            update={"id_number": make_id(date(1990, 1, 1), sequence), "date": str(day)}
        )
        assert sim.apply_open_account(application).ok
    numbers = [result.value.account_no for result in sim.process_counter()]
    assert len(set(numbers)) == 2
