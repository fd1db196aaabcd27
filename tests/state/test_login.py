"""PRODUCT §3 and §4: face logins, passwords with lockout, registration rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from state.simulator import RegistrationForm, Simulator
from tests.state.conftest import MakeSim, at, file_bytes, make_id

LI = "140105199003071234"
WANG = "140106198506122349"


def test_face_names_list_demo_people_then_sample_cards(sim: Simulator) -> None:
    assert sim.face_names() == [
        "李强", "王芳", "赵敏", "孙伟", "周杰", "陈静", "刘洋", "杨帆",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("face", "message", "user"),
    [
        ("李强", "登录成功", LI),
        ("王芳", "登录成功", WANG),
        ("陈静", "未查询到您的住房公积金账户", None),
        ("（识别失败）", "人脸识别失败，请重试", None),
    ],
)
def test_alipay_login(
    sim: Simulator, face: str, message: str, user: str | None
) -> None:
    assert sim.alipay_login(face).message == message
    assert sim.app_state().user == user


@pytest.mark.parametrize(
    ("name", "number", "message"),
    [
        ("李强", "140105199003071235", "证件号码格式不正确"),
        ("陈静", "140110199507183425", "未查询到您的住房公积金账户"),
        ("王芳", LI, "姓名与身份证号不一致"),
        ("李强", f" {LI} ", ""),
    ],
)
def test_face_login_identity_checks(
    sim: Simulator, name: str, number: str, message: str
) -> None:
    result = sim.check_face_identity(name, number)
    assert result.message == message
    if result.ok:
        assert result.value == LI


@pytest.mark.parametrize(
    ("face", "message"),
    [
        ("李强", ""),
        ("王芳", "人脸与身份信息不一致"),
        ("（识别失败）", "人脸识别失败，请重试"),
    ],
)
def test_face_must_be_the_person_verified(
    sim: Simulator, face: str, message: str
) -> None:
    assert sim.match_face(LI, face).message == message


def test_registered_password_logs_in(sim: Simulator) -> None:
    result = sim.password_login(LI, "Lq123456")
    assert result.message == "登录成功"
    person = sim.current_person()
    assert person is not None and person.name == "李强"


def test_unregistered_person_logs_in_with_the_last_six_characters(
    sim: Simulator,
) -> None:
    assert sim.password_login(WANG, "122349").message == "登录成功"


def test_the_default_password_stops_working_after_registration(sim: Simulator) -> None:
    assert sim.password_login(LI, "071234").message == "密码错误，还可尝试4次"


def test_fifth_wrong_password_locks_until_the_next_day(sim: Simulator) -> None:
    messages = [sim.password_login(LI, "wrong").message for _ in range(5)]
    assert messages == [
        "密码错误，还可尝试4次",
        "密码错误，还可尝试3次",
        "密码错误，还可尝试2次",
        "密码错误，还可尝试1次",
        "密码错误次数过多，账户已锁定",
    ]
    before = file_bytes(sim)
    assert sim.password_login(LI, "Lq123456").message == "密码错误次数过多，账户已锁定"
    assert sim.password_login(LI, "wrong").message == "密码错误次数过多，账户已锁定"
    assert file_bytes(sim) == before
    sim.clock.set(at("2026-03-10 23:59"))
    assert sim.password_login(LI, "Lq123456").message == "密码错误次数过多，账户已锁定"
    sim.clock.set(at("2026-03-11 00:00"))
    assert sim.password_login(LI, "wrong").message == "密码错误，还可尝试4次"
    assert sim.password_login(LI, "Lq123456").message == "登录成功"


def test_the_lock_is_per_person(sim: Simulator) -> None:
    for _ in range(5):
        sim.password_login(LI, "wrong")
    assert sim.password_login(WANG, "122349").message == "登录成功"


def test_a_good_password_resets_the_count(sim: Simulator) -> None:
    for _ in range(3):
        sim.password_login(LI, "wrong")
    sim.password_login(LI, "Lq123456")
    assert sim.password_login(LI, "wrong").message == "密码错误，还可尝试4次"


def test_login_lasts_across_a_restart_until_logout(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    again = Simulator(sim.db.__class__(sim.db.path), sim.clock)
    person = again.current_person()
    assert person is not None and person.name == "李强"
    again.logout()
    assert again.current_person() is None and again.current_account() is None


def test_login_as_an_unknown_name_is_an_error(sim: Simulator) -> None:
    with pytest.raises(LookupError):
        sim.login_as("张三")


# --- registration -------------------------------------------------------------


def good_form(sim: Simulator, phone: str = "13912340002") -> RegistrationForm:
    code = sim.send_code(phone, "注册").value.code
    return RegistrationForm("王芳", WANG, phone, "abc12345", "abc12345", code, True)


OTHER = make_id(date(1990, 1, 1))
REFUSALS = [
    ({"name": ""}, "请填写完整信息"),
    ({"code": " "}, "请填写完整信息"),
    ({"confirm": ""}, "请填写完整信息"),
    ({"id_number": "140106198506122340"}, "证件号码格式不正确"),
    ({"phone": "1391234000"}, "手机号码格式不正确"),
    ({"id_number": OTHER}, "未查询到您的住房公积金账户，请先开户"),
    ({"phone": "13912340009"}, "手机号码与预留手机号不一致"),
    ({"id_number": LI, "phone": "13812340001"}, "该证件号码已注册，请直接登录"),
    ({"password": "abc1234", "confirm": "abc1234"}, "密码须为8-16位字母和数字组合"),
    (
        {"password": "a1" * 8 + "b", "confirm": "a1" * 8 + "b"},
        "密码须为8-16位字母和数字组合",
    ),
    ({"password": "abcdefgh", "confirm": "abcdefgh"}, "密码须为8-16位字母和数字组合"),
    ({"password": "12345678", "confirm": "12345678"}, "密码须为8-16位字母和数字组合"),
    ({"password": "abc_12345", "confirm": "abc_12345"}, "密码须为8-16位字母和数字组合"),
    ({"confirm": "abc12346"}, "两次输入的密码不一致"),
    ({"code": "999999x"}, "验证码错误"),
    ({"terms": False}, "请阅读并同意网上服务条款"),
]


@pytest.mark.parametrize(("change", "message"), REFUSALS)
def test_registration_refusals(sim: Simulator, change: dict, message: str) -> None:
    form = replace(good_form(sim), **change)
    before = file_bytes(sim)
    assert sim.register(form).message == message
    assert file_bytes(sim) == before


def test_registration_sets_the_password_and_uses_the_code(sim: Simulator) -> None:
    form = good_form(sim)
    assert sim.register(form).message == "注册成功"
    assert sim.password_login(WANG, "abc12345").message == "登录成功"
    sim.logout()
    assert sim.password_login(WANG, "122349").message == "密码错误，还可尝试4次"
    assert sim.sms_inbox()[0].used


def test_registration_code_expires_after_five_minutes(sim: Simulator) -> None:
    form = good_form(sim)
    sim.clock.set(sim.now() + timedelta(minutes=5, seconds=1))
    assert sim.register(form).message == "验证码已过期"
    assert not sim.sms_inbox()[0].used


def test_a_refused_registration_keeps_the_code_usable(sim: Simulator) -> None:
    form = good_form(sim)
    assert not sim.register(replace(form, terms=False))
    assert sim.register(form).ok


@pytest.mark.parametrize(
    ("password", "strength"),
    [
        ("", "弱"),
        ("abc", "弱"),
        ("abcdefgh", "弱"),
        ("12345678", "弱"),
        ("abc12345", "中"),
        ("Lq123456", "强"),
        ("abcdefgh12345", "强"),
        ("abc12345!", "强"),
    ],
)
def test_password_strength(password: str, strength: str) -> None:
    assert Simulator.password_strength(password) == strength
