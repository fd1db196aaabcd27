"""The phone's chrome: the footer's keys and the status bar's time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from driving import SIZE, demo_sim
from rich.cells import cell_len
from textual.widgets import Select
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from screens.face_login import FaceLoginScreen
from screens.login import LoginScreen
from tui_app.app import GjjApp


def footer_keys(app: GjjApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_moving_focus_keeps_the_footer_and_new_keys_rebuild_it(
    tmp_path: Path,
) -> None:
    app = GjjApp(demo_sim(tmp_path), side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        app.open(FaceLoginScreen())
        await pilot.pause()
        before = footer_keys(app)
        assert [key.description for key in before][0] == "返回"
        await pilot.press("tab")
        await pilot.pause()
        assert footer_keys(app) == before  # the very same widgets: not rebuilt

        app.open(LoginScreen())
        await pilot.pause()
        await pilot.click("#open-account")
        await pilot.pause()
        select = app.screen.query(Select).first()
        select.focus()
        await pilot.press("enter")  # the drop-down adds its own key
        await pilot.pause()
        shown = [key.description for key in footer_keys(app)]
        assert "关闭列表" in shown


async def test_the_status_bar_shows_the_simulated_minute(tmp_path: Path) -> None:
    sim = demo_sim(tmp_path)
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#status-bar")
        assert str(bar.render()).startswith("09:30 ")
        sim.clock.set(datetime(2026, 3, 10, 17, 5))
        await pilot.pause(0.6)
        assert str(bar.render()).startswith("17:05 ")
        assert str(bar.render()).endswith("5G ▮▮▮ 100%")


async def test_the_palette_says_in_chinese_when_nothing_matches(
    tmp_path: Path,
) -> None:
    from textual.command import CommandList

    app = GjjApp(demo_sim(tmp_path), side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"qqqq")
        await pilot.pause(0.8)
        options = app.screen.query_one(CommandList)
        prompts = [
            str(options.get_option_at_index(n).prompt.renderable)
            for n in range(options.option_count)
        ]
        assert prompts == ["没有匹配的命令"]


def test_the_console_record_shows_money_as_the_app_does(tmp_path: Path) -> None:
    from screens.console.sections import record_lines

    sim = demo_sim(tmp_path)
    sim.login_as("赵敏")
    account = sim.current_account()
    assert account is not None
    lines = record_lines(account)
    assert "月缴存额：800.00" in lines
    assert "账户余额：12000.00" in lines


async def test_tab_never_stops_on_a_page_with_nothing_to_scroll(tmp_path: Path) -> None:
    app = GjjApp(demo_sim(tmp_path), side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        app.open(FaceLoginScreen())
        await pilot.pause()
        stops = []
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not None
            stops.append(app.focused.id or app.focused.name)
        assert "page" not in stops
        assert {"姓名", "身份证号", "face-next", "back"} <= set(stops)


async def test_an_sms_code_stays_whole_on_one_line_inside_the_phone(
    tmp_path: Path,
) -> None:
    app = GjjApp(demo_sim(tmp_path), side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.tell("【太原公积金中心】您的验证码为123456，5分钟内有效，请勿泄露。")
        await pilot.pause(0.3)
        toast = app.screen.query_one(Toast)
        phone = app.screen.query_one("#phone").region
        first_line = "【太原公积金中心】您的验证码为123456"
        assert toast.content_region.width >= cell_len(first_line)
        assert phone.x < toast.region.x and toast.region.right < phone.right
