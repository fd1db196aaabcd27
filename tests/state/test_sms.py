"""PRODUCT §9: six-digit codes, five simulated minutes, per phone and purpose."""

from __future__ import annotations

from datetime import timedelta

import pytest

from state.simulator import Simulator
from tests.state.conftest import file_bytes

PHONE = "13912340002"


def test_a_code_is_six_digits_in_the_centres_message(sim: Simulator) -> None:
    result = sim.send_code(PHONE, "注册")
    code = result.value.code
    assert len(code) == 6 and code.isdigit()
    assert (
        result.message
        == f"【太原公积金中心】您的验证码为{code}，5分钟内有效，请勿泄露。"
    )
    assert sim.sms_inbox()[0].code == code


def test_a_bad_phone_gets_no_code(sim: Simulator) -> None:
    before = file_bytes(sim)
    assert sim.send_code("1391234000", "注册").message == "手机号码格式不正确"
    assert file_bytes(sim) == before


@pytest.mark.parametrize(
    ("elapsed", "expired"),
    [
        (timedelta(minutes=4, seconds=59), False),
        (timedelta(minutes=5), False),
        (timedelta(minutes=5, seconds=1), True),
    ],
)
def test_a_code_is_valid_five_minutes(
    sim: Simulator, elapsed: timedelta, expired: bool
) -> None:
    from state import sms

    code = sim.send_code(PHONE, "注册").value.code
    sim.clock.set(sim.now() + elapsed)
    result = sms.verify(sim._ctx(), PHONE, "注册", code)
    assert result.message == ("验证码已过期" if expired else "")


def test_a_code_counts_only_for_its_phone_and_purpose(sim: Simulator) -> None:
    from state import sms

    code = sim.send_code(PHONE, "注册").value.code
    ctx = sim._ctx()
    assert sms.verify(ctx, "13912340003", "注册", code).message == "验证码错误"
    assert sms.verify(ctx, PHONE, "信息变更", code).message == "验证码错误"
    assert sms.verify(ctx, PHONE, "注册", code).ok


@pytest.mark.parametrize(("seconds", "wait"), [(0, 60), (1, 59), (59, 1), (60, 0)])
def test_a_new_code_after_sixty_seconds(
    sim: Simulator, seconds: int, wait: int
) -> None:
    sim.send_code(PHONE, "注册")
    sim.clock.set(sim.now() + timedelta(seconds=seconds))
    assert sim.resend_wait(PHONE, "注册") == wait
    assert sim.send_code(PHONE, "注册").ok is (wait == 0)


def test_the_wait_is_per_phone(sim: Simulator) -> None:
    sim.send_code(PHONE, "注册")
    assert sim.resend_wait("13912340003", "注册") == 0
    assert sim.send_code("13912340003", "注册").ok


def test_a_new_code_replaces_the_old_one(sim: Simulator) -> None:
    from state import sms

    old = sim.send_code(PHONE, "注册").value.code
    sim.clock.set(sim.now() + timedelta(seconds=61))
    new = sim.send_code(PHONE, "注册").value.code
    ctx = sim._ctx()
    assert sms.verify(ctx, PHONE, "注册", new).ok
    if old != new:
        assert sms.verify(ctx, PHONE, "注册", old).message == "验证码错误"


def test_inbox_is_newest_first(sim: Simulator) -> None:
    sim.send_code(PHONE, "注册")
    sim.send_code("13912340003", "注册")
    assert [m.phone for m in sim.sms_inbox()] == ["13912340003", PHONE]


def test_an_unknown_purpose_is_a_programming_error(sim: Simulator) -> None:
    with pytest.raises(ValueError):
        sim.send_code(PHONE, "登录")
