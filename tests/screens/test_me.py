"""个人中心 logged in: masked identity, the ledger newest first, the balance chart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from driving import SIZE, demo_sim, page_lines
from textual.pilot import Pilot
from textual.widgets import Button, Sparkline, Static

from screens.format import card, mask_id, mask_phone, money, month_span
from screens.main import MeScreen
from screens.me import account_widgets
from state.models import Person
from state.months import YearMonth
from tui_app.app import GjjApp


async def open_me(pilot: Pilot[None]) -> None:
    pilot.app.show_tab("个人中心")  # type: ignore[attr-defined]
    await pilot.pause()


async def test_me_shows_the_account_with_id_and_phone_masked(tmp_path: Path) -> None:
    sim = demo_sim(tmp_path, "李强")
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_me(pilot)
        lines = page_lines(app)

        for line in (
            "姓名：李强",
            "证件号码：140105********1234",
            "账户状态：正常",
            "账户余额：6000.00",
            "月缴存额：500.00",
            "缴至年月：2026-02",
            "承办网点：小店分理处",
            "手机号码：138****0001",
        ):
            assert line in lines
        assert not any("140105199003071234" in line for line in lines)
        assert not any("13812340001" in line for line in lines)


async def test_the_ledger_is_newest_first_with_a_balance_chart(tmp_path: Path) -> None:
    sim = demo_sim(tmp_path, "周杰")
    assert sim.back_pay(YearMonth(2026, 1))
    sim.set_clock(datetime(2026, 3, 10, 9, 40))
    assert sim.back_pay(YearMonth(2026, 2))
    sim.set_clock(datetime(2026, 3, 10, 9, 50))
    assert sim.remit()

    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_me(pilot)
        rows = [str(row.render()) for row in app.screen.query("#ledger Static")]

        assert rows[0].startswith("2026-03-10 09:50 汇缴 2026-03")
        assert rows[1].startswith("2026-03-10 09:40 补缴 2026-02")
        assert rows[2].startswith("2026-03-10 09:30 补缴 2025-12至2026-01")
        assert "+300.00  账户余额：4800.00" in rows[0]

        chart = app.screen.query_one("#balance-chart", Sparkline)
        assert chart.region.width > 0
        data = list(chart.data or [])
        assert data[-4:] == [3600.0, 4200.0, 4500.0, 4800.0]


async def test_a_closed_account_is_still_shown_with_its_withdrawal(
    tmp_path: Path,
) -> None:
    sim = demo_sim(tmp_path, "赵敏")
    assert sim.withdraw()

    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_me(pilot)
        lines = page_lines(app)

        assert "账户状态：销户" in lines
        assert "账户余额：0.00" in lines
        rows = [str(row.render()) for row in app.screen.query("#ledger Static")]
        assert "提取" in rows[0] and "-12000.00" in rows[0]
        assert app.screen.query_one("#logout", Button)


async def test_logout_from_the_keyboard_shows_me_logged_out(tmp_path: Path) -> None:
    sim = demo_sim(tmp_path, "李强")
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_me(pilot)
        app.screen.query_one("#logout", Button).focus()
        await pilot.press("enter")
        await pilot.pause()

        assert sim.current_person() is None
        assert isinstance(app.screen, MeScreen)
        assert "未登录" in page_lines(app)


class NoAccountSim:
    """Just enough simulator for a person the centre has no account for."""

    def current_person(self) -> Person:
        return Person(name="陈静", id_number="140110199507183425", phone="13800001111")

    def current_account(self) -> None:
        return None


def test_a_person_without_an_account_gets_identity_and_logout() -> None:
    widgets = list(account_widgets(NoAccountSim()))  # type: ignore[arg-type]

    texts = [str(w.render()) for w in widgets if isinstance(w, Static)]
    assert texts[:3] == [
        "姓名：陈静",
        "证件号码：140110********3425",
        "手机号码：138****1111",
    ]
    assert "暂无住房公积金账户" in texts
    assert not any(isinstance(w, Sparkline) for w in widgets)
    assert isinstance(widgets[-1], Button) and widgets[-1].id == "logout"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("140105199003071234", "140105********1234"),
        (" 14010519900307123x ", "140105********123x"),
        ("AB12345", "AB12345"),
    ],
)
def test_id_numbers_show_first_six_and_last_four(raw: str, shown: str) -> None:
    assert mask_id(raw) == shown


def test_phones_cards_money_and_months_are_shown_as_the_app_does() -> None:
    assert mask_phone("13812340001") == "138****0001"
    assert mask_phone("1381234") == "1381234"
    assert card("6222020000000001") == "尾号0001"
    assert money(12000) == "12000.00"
    assert month_span([YearMonth(2025, 11), YearMonth(2026, 2)]) == "2025-11至2026-02"
    assert month_span([YearMonth(2026, 2)]) == "2026-02"


async def test_me_opens_at_the_top_with_the_name_in_view(tmp_path: Path) -> None:
    app = GjjApp(demo_sim(tmp_path, "李强"), side_panel=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_me(pilot)
        page = app.screen.query_one("#page")
        assert page.scroll_y == 0
        assert app.focused is not None and "tab" in app.focused.classes
