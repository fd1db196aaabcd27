"""注册 (PRODUCT §4) driven like a person: keyboard only, the countdown, the mouse."""

from __future__ import annotations

from datetime import timedelta

from driving import SIZE, START, named, notices, tab_to, type_text
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Static

from screens.base import Dialog
from screens.login import LoginScreen
from screens.register import RegisterScreen
from state.simulator import Simulator
from tui_app.app import GjjApp

WANG_FANG = ("王芳", "140106198506122349", "13912340002")


async def open_register(app: GjjApp, pilot: Pilot[None]) -> None:
    app.open(LoginScreen())
    await pilot.pause()
    register = app.screen.query_one("#register", Button)
    await tab_to(pilot, register)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, RegisterScreen)


async def test_registration_can_be_completed_with_the_keyboard_alone(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_register(app, pilot)
        name, id_number, phone = WANG_FANG

        assert app.focused is named(app, Input, "姓名")
        for text in (name, id_number, phone, "Wf123456", "Wf123456"):
            await type_text(pilot, text)
            await pilot.press("enter")  # enter moves to the next field
        assert app.focused is named(app, Input, "验证码")

        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#send-code", Button)
        await pilot.press("enter")
        await pilot.pause()
        code = sim.sms_inbox()[0].code
        assert (
            f"【太原公积金中心】您的验证码为{code}，5分钟内有效，请勿泄露。"
            in notices(app)
        )

        code_input = named(app, Input, "验证码")
        code_input.focus()
        await type_text(pilot, code)
        terms = app.screen.query_one("#terms", Checkbox)
        await tab_to(pilot, terms)
        await pilot.press("space")
        assert terms.value
        await tab_to(pilot, app.screen.query_one("#register-submit", Button))
        await pilot.press("enter")
        await pilot.pause()

        assert "注册成功" in notices(app)
        assert isinstance(app.screen, LoginScreen)
        person = sim.repo.person(id_number)
        assert person is not None and person.password == "Wf123456"


async def test_the_send_button_counts_down_from_the_simulated_clock(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_register(app, pilot)
        named(app, Input, "手机号码").value = WANG_FANG[2]
        button = app.screen.query_one("#send-code", Button)
        await pilot.click(button)
        await pilot.pause()

        assert str(button.label) == "重新发送(60s)"
        assert button.disabled

        sim.set_clock(START + timedelta(seconds=15))
        await pilot.pause(0.7)
        assert str(button.label) == "重新发送(45s)"

        sim.set_clock(START + timedelta(seconds=60))
        await pilot.pause(0.7)
        assert str(button.label) == "发送验证码"
        assert not button.disabled
        assert len(sim.sms_inbox()) == 1


async def test_a_wrong_phone_sends_no_code_and_starts_no_countdown(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_register(app, pilot)
        named(app, Input, "手机号码").value = "1391234"
        button = app.screen.query_one("#send-code", Button)
        await pilot.click(button)
        await pilot.pause()

        assert "手机号码格式不正确" in notices(app)
        assert str(button.label) == "发送验证码"
        assert sim.sms_inbox() == []


async def test_the_strength_meter_follows_the_password(sim: Simulator) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_register(app, pilot)
        meter = app.screen.query_one("#strength", Static)
        assert not meter.display

        for password, shown in (("abc", "弱"), ("abc12345", "中"), ("Abc12345", "强")):
            named(app, Input, "密码").value = password
            await pilot.pause()
            assert meter.display
            assert str(meter.render()) == f"密码强度：{shown}"


async def test_the_terms_open_by_mouse_and_the_checkbox_toggles_by_click(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_register(app, pilot)
        link = app.screen.query_one("#view-terms", Button)
        link.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(link)
        await pilot.pause()
        assert isinstance(app.screen, Dialog)
        assert app.screen.dialog_title == "网上服务条款"
        await pilot.press("escape")
        await pilot.pause()

        terms = app.screen.query_one("#terms", Checkbox)
        await pilot.click(terms)
        await pilot.pause()
        assert terms.value
        assert str(terms.label) == "我已阅读并同意遵守《网上服务条款》"
        assert terms.region.height == 2  # the long label wraps, nothing is cut off
