"""灵活就业人员业务办理 driven like a person: keyboard only, refusals, results."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from driving import SIZE, demo_sim, notices, page_lines, press_button
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from screens.base import Dialog
from screens.business import BusinessMenuScreen
from screens.operations.change_phone import ChangePhoneScreen
from screens.operations.remit import RemitScreen
from screens.operations.unseal import UnsealScreen
from screens.result import ResultScreen
from state.months import YearMonth
from state.simulator import Simulator
from tui_app.app import GjjApp


@pytest.fixture
def li_qiang(tmp_path: Path) -> Simulator:
    return demo_sim(tmp_path, "李强")


@pytest.fixture
def zhou_jie(tmp_path: Path) -> Simulator:
    return demo_sim(tmp_path, "周杰")


async def open_operation(pilot: Pilot[None], label: str) -> None:
    """From 首页 to an operation page with the keyboard alone."""
    await press_button(pilot, "业务办理")
    await press_button(pilot, "灵活就业人员业务办理")
    await press_button(pilot, label)


async def test_remit_from_the_keyboard_alone_ends_on_a_fresh_menu(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "汇缴")
        assert isinstance(app.screen, RemitScreen)
        assert "账户状态：正常" in page_lines(app)

        await press_button(pilot, "汇缴支付")
        assert isinstance(app.screen, Dialog)
        assert "金额：500.00" in app.screen.lines
        await press_button(pilot, "确认支付")

        assert isinstance(app.screen, ResultScreen)
        assert "交易成功" in page_lines(app)
        account = li_qiang.current_account()
        assert account is not None
        assert account.paid_through == YearMonth(2026, 3)
        assert str(account.balance) == "6500.00"

        old_menus = [s for s in app.screen_stack if isinstance(s, BusinessMenuScreen)]
        await press_button(pilot, "完成")
        assert isinstance(app.screen, BusinessMenuScreen)
        assert app.screen is not old_menus[0]
        menus = [s for s in app.screen_stack if isinstance(s, BusinessMenuScreen)]
        assert len(menus) == 1
        assert not any(isinstance(s, RemitScreen) for s in app.screen_stack)
        focused = app.focused
        assert isinstance(focused, Button) and str(focused.label) == "汇缴"


async def test_escape_cancels_the_dialog_then_leaves_the_page(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "汇缴")
        await press_button(pilot, "汇缴支付")
        assert isinstance(app.screen, Dialog)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RemitScreen)
        assert isinstance(app.focused, Button)
        assert str(app.focused.label) == "汇缴支付"
        account = li_qiang.current_account()
        assert account is not None and account.paid_through == YearMonth(2026, 2)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BusinessMenuScreen)


async def test_a_refusal_is_a_notification_and_the_page_stays_usable(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "启封")
        await press_button(pilot, "完成办理")

        assert notices(app) == ["账户为正常状态，无需启封"]
        assert isinstance(app.screen, UnsealScreen)
        button = app.screen.query_one("#finish", Button)
        assert not button.disabled and app.focused is button


async def test_the_verify_lines_are_read_again_after_an_action(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "汇缴")
        assert "账户状态：正常" in page_lines(app)

        li_qiang.seal()  # as a second phone or the counter would, behind the page
        await press_button(pilot, "汇缴支付")
        await pilot.pause()

        assert notices(app) == ["账户已封存，请先办理启封"]
        assert "账户状态：封存" in page_lines(app)
        assert "账户状态：正常" not in page_lines(app)


async def test_back_pay_presets_the_last_month_and_arrows_choose_another(
    zhou_jie: Simulator,
) -> None:
    app = GjjApp(zhou_jie, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "补缴")
        select = app.screen.query_one(Select)
        assert select.value == "2026-02"

        select.focus()
        await pilot.press("enter", "up", "up", "enter")
        await pilot.pause()
        assert select.value == "2025-12"

        await press_button(pilot, "补缴支付")
        assert isinstance(app.screen, Dialog)
        assert "补缴月份：2025-12" in app.screen.lines
        assert "金额：300.00" in app.screen.lines
        await press_button(pilot, "确认支付")

        account = zhou_jie.current_account()
        assert account is not None and account.paid_through == YearMonth(2025, 12)


async def test_phone_change_from_the_keyboard_with_the_countdown(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "信息变更")
        assert isinstance(app.screen, ChangePhoneScreen)
        assert not app.screen.query_one("#phone-form").display

        await press_button(pilot, "修改")
        assert isinstance(app.focused, Input) and app.focused.name == "新手机号"
        await pilot.press(*"13900001111", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

        code = li_qiang.sms_inbox()[0].code
        sms = f"【太原公积金中心】您的验证码为{code}，5分钟内有效，请勿泄露。"
        assert sms in notices(app)
        button = app.screen.query_one("#get-code", Button)
        assert str(button.label) == "重新发送(60s)" and button.disabled
        assert isinstance(app.focused, Input) and app.focused.name == "验证码"

        await pilot.press(*code, "enter")
        await pilot.pause()
        assert "手机号码变更成功" in page_lines(app)
        account = li_qiang.current_account()
        assert account is not None and account.phone == "13900001111"


async def test_the_countdown_ends_when_the_clock_has_moved_a_minute(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "信息变更")
        await press_button(pilot, "修改")
        await pilot.press(*"13900001111")
        await press_button(pilot, "获取验证码")

        li_qiang.set_clock(datetime(2026, 3, 10, 9, 31))
        await pilot.pause(1.2)

        button = app.screen.query_one("#get-code", Button)
        assert str(button.label) == "获取验证码" and not button.disabled


async def test_verify_lines_mask_the_phone(li_qiang: Simulator) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "封存")
        lines = page_lines(app)
        assert "手机号码：138****0001" in lines
        assert not any("13812340001" in line for line in lines)
        statics = app.screen.query(Static)
        assert all("13812340001" not in str(static.render()) for static in statics)


async def test_the_menu_moves_with_the_arrows_and_opens_with_enter(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press_button(pilot, "业务办理")
        await press_button(pilot, "灵活就业人员业务办理")
        assert isinstance(app.focused, Button) and str(app.focused.label) == "汇缴"

        await pilot.press("down", "down", "up", "up", "up")
        assert str(app.focused.label) == "退出缴存提取"
        await pilot.press("down", "enter")
        await pilot.pause()

        assert app.screen.page_title() == "汇缴"
        assert isinstance(app.focused, Button)
        assert str(app.focused.label) == "汇缴支付"


async def test_after_done_the_menu_has_the_operation_just_done_in_focus(
    li_qiang: Simulator,
) -> None:
    app = GjjApp(li_qiang, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_operation(pilot, "封存")
        await press_button(pilot, "完成办理")
        assert isinstance(app.screen, ResultScreen)
        await press_button(pilot, "完成")

        assert isinstance(app.screen, BusinessMenuScreen)
        assert isinstance(app.focused, Button) and str(app.focused.label) == "封存"
    account = li_qiang.current_account()
    assert account is not None and account.status == "封存"
