"""The trainer console (PRODUCT §7): F2, the clock, the counter, resets, palette."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from driving import START, notices
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from screens.console import ConsoleScreen, TrainerConsole
from screens.login import LoginScreen
from screens.main import HomeScreen
from screens.onboarding import AgreementScreen
from state.models import OpenAccountDraft
from state.months import YearMonth
from state.simulator import Simulator
from tui_app.app import GjjApp

WIDE, NARROW = (140, 40), (100, 36)
CHEN_JING = "140110199507183425"  # a sample ID card: no account yet


def apply_for_chen_jing(sim: Simulator) -> int:
    """陈静 applies to open an account; returns the 开户 appointment's number."""
    day = sim.appointment_dates()[0]
    draft = OpenAccountDraft(
        step=3,
        name="陈静",
        id_number=CHEN_JING,
        birth_date="1995-07-18",
        phone="13800001111",
        front_uploaded=True,
        back_uploaded=True,
        branch="迎泽分理处",
        date=sim.date_label(day),
        time="10:00-11:00",
    )
    result = sim.apply_open_account(draft)
    assert result.ok, result.message
    return result.value.number


async def activate(pilot: Pilot[None], selector: str) -> None:
    """Focus a console control (scrolling it into view) and press enter, as a person."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def activate_field(pilot: Pilot[None], selector: str) -> None:
    """Tab into a field: its whole text is selected, so typing replaces it."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()


async def choose_in_dialog(pilot: Pilot[None], label: str) -> None:
    buttons = pilot.app.screen.query(Button)
    await pilot.click(next(b for b in buttons if str(b.label) == label))
    await pilot.pause()


async def test_f2_shows_the_console_beside_the_phone(sim: Simulator) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        assert not app.screen.query("#side TrainerConsole")

        await pilot.press("f2")
        await pilot.pause()

        console = app.screen.query_one("#side TrainerConsole", TrainerConsole)
        assert console.display and console.region.width > 0
        assert isinstance(app.screen, HomeScreen)
        now = app.screen.query_one("#clock-now", Static)
        assert str(now.render()).startswith("2026-03-10 09:30 周二")

        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query("#side TrainerConsole")


async def test_setting_the_clock_moves_the_simulator_and_the_status_bar(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate_field(pilot, "#clock-input")
        await pilot.press(*"2026-07-01 16:45")
        await pilot.click("#set-clock")
        await pilot.pause(0.6)

        assert sim.now() == datetime(2026, 7, 1, 16, 45)
        status = app.screen.query_one("#status-bar", Static)
        assert str(status.render()).startswith("16:45 ")


async def test_a_clock_in_the_wrong_format_is_refused_in_chinese(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate_field(pilot, "#clock-input")
        await pilot.press(*"明天上午", "enter")
        await pilot.pause()

        assert "时间格式应为 YYYY-MM-DD HH:MM" in notices(app)
        assert sim.now() == START


async def test_plus_one_month_keeps_the_day_clamped_to_the_month(
    sim: Simulator,
) -> None:
    sim.set_clock(datetime(2026, 1, 31, 9, 0))
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate(pilot, "#plus-month")
        assert sim.now() == datetime(2026, 2, 28, 9, 0)

        await activate(pilot, "#plus-day")
        assert sim.now() == datetime(2026, 3, 1, 9, 0)


async def test_complete_at_the_counter_opens_the_account(sim: Simulator) -> None:
    number = apply_for_chen_jing(sim)
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query(f"#complete-{number}")

        await activate(pilot, f"#complete-{number}")

        assert sim.pending_appointments() == []
        assert not app.screen.query(f"#complete-{number}")
        assert notices(app)
    sim.login_as("陈静")
    account = sim.current_account()
    assert account is not None
    assert account.id_number == CHEN_JING
    assert len(account.account_no) == 11 and account.account_no.isdigit()
    assert (account.kind, account.status) == ("灵活就业", "正常")
    assert account.monthly_amount == 215
    assert account.paid_through == YearMonth(2026, 2)
    assert account.balance == Decimal("0.00")
    assert (account.branch, account.card_tail) == ("迎泽分理处", "1111")


async def test_factory_reset_returns_to_the_agreement_and_keeps_the_data(
    sim: Simulator,
) -> None:
    sim.login_as("李强")
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate(pilot, "#factory-reset")
        await choose_in_dialog(pilot, "确定")

        assert isinstance(app.screen, AgreementScreen)
        assert sim.app_state().onboarding == "agreement"
        assert sim.current_person() is None
        assert app.screen.query("#side TrainerConsole")  # still open for the trainer
    assert "李强" in sim.face_names()
    sim.login_as("李强")
    account = sim.current_account()
    assert account is not None and account.balance == Decimal("6000.00")


async def test_enter_on_the_reset_question_cancels(sim: Simulator) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate(pilot, "#factory-reset")
        await pilot.press("enter")  # the keyboard starts on 取消
        await pilot.pause()

        assert isinstance(app.screen, HomeScreen)
        assert sim.app_state().onboarding == "done"


@pytest.mark.parametrize("side_panel, size", [(True, NARROW), (False, WIDE)])
async def test_without_room_beside_the_phone_f2_opens_a_console_page(
    sim: Simulator, side_panel: bool, size: tuple[int, int]
) -> None:
    app = GjjApp(sim, side_panel=side_panel)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        assert app.screen.query_one(TrainerConsole).region.width > 0

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_after_complete_the_focus_stays_in_the_counter_list(
    sim: Simulator,
) -> None:
    first = apply_for_chen_jing(sim)
    draft = OpenAccountDraft(
        step=3, name="刘洋", id_number="140181199303114570", birth_date="1993-03-11",
        phone="13800002222", front_uploaded=True, back_uploaded=True,
        branch="迎泽分理处", date=sim.date_label(sim.appointment_dates()[0]),
        time="10:00-11:00",
    )  # fmt: skip
    second = sim.apply_open_account(draft).value.number
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await activate(pilot, f"#complete-{first}")
        await pilot.pause()
        assert app.focused is app.screen.query_one(f"#complete-{second}")

        await pilot.press("enter")
        await pilot.pause()
        assert sim.pending_appointments() == []
        assert app.focused is None, "Enter again must not move the clock"


async def test_palette_completes_every_pending_appointment(sim: Simulator) -> None:
    apply_for_chen_jing(sim)
    sim.login_as("王芳")  # sealed employer account: may transfer in
    day = sim.appointment_dates()[1]
    assert sim.book_transfer("小店分理处", day, "14:00-15:00").ok
    sim.logout()
    assert len(sim.pending_appointments()) == 2
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"柜台：办结全部预约")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)

        assert sim.pending_appointments() == []
        assert "已办结2个预约" in notices(app)
    sim.login_as("王芳")
    account = sim.current_account()
    assert account is not None
    assert (account.kind, account.status) == ("灵活就业", "正常")
    assert account.balance == Decimal("18650.00")


async def test_palette_set_clock_opens_the_console_at_the_time_field(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"时钟：设置")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)

        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "clock-input"
        await pilot.press(*"2026-03-12 08:00", "enter")
        await pilot.pause()
        assert sim.now() == datetime(2026, 3, 12, 8, 0)


async def test_after_the_clock_moves_the_phone_page_shows_current_data(
    sim: Simulator,
) -> None:
    sim.set_clock(datetime(2026, 6, 30, 9, 0))
    sim.login_as("李强")
    before = sim.current_account()
    assert before is not None
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        app.show_tab("个人中心")
        await pilot.press("f2")
        await activate(pilot, "#plus-day")  # past 30 June: interest is settled
        await pilot.pause()

        after = sim.current_account()
        assert after is not None and after.balance > before.balance
        lines = [str(line.render()) for line in app.screen.query("#page Static")]
        assert f"账户余额：{after.balance:.2f}" in lines
        assert app.focused is not None and app.focused.id == "plus-day"


async def test_the_inbox_shows_a_code_sent_while_the_console_is_open(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        sent = sim.send_code("13812340001", "注册").value

        await pilot.pause(1.3)  # the console reads the simulator every second

        lines = [str(line.render()) for line in app.screen.query("#side Static")]
        assert any(sent.code in line and "13812340001" in line for line in lines)


async def test_reset_demo_data_restores_the_demo_people_and_shows_home(
    sim: Simulator,
) -> None:
    sim.login_as("李强")
    assert sim.seal().ok
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        app.show_tab("个人中心")
        await pilot.press("f2")
        await activate(pilot, "#reset-demo")
        await choose_in_dialog(pilot, "确定")

        assert isinstance(app.screen, HomeScreen)
    sim.login_as("李强")
    account = sim.current_account()
    assert account is not None and account.status == "正常"


@pytest.mark.parametrize("width", [110, 120, 140])
async def test_opening_the_console_leaves_the_phone_as_it_was(
    sim: Simulator, width: int
) -> None:
    sim.login_as("李强")
    app = GjjApp(sim)
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        app.show_tab("个人中心")
        await pilot.pause(1.0)

        def phone_layout() -> list[tuple[str, object]]:
            phone = app.screen.query_one("#phone")
            return [(repr(phone), phone.region)] + [
                (repr(widget), widget.region) for widget in phone.walk_children()
            ]

        before = phone_layout()
        await pilot.press("f2")
        await pilot.pause(1.2)  # and after the console's first poll

        assert phone_layout() == before


@pytest.mark.parametrize("logged_in", [False, True])
@pytest.mark.parametrize("width", [110, 120, 140])
async def test_every_console_button_is_whole_and_inside_the_panel(
    sim: Simulator, width: int, logged_in: bool
) -> None:
    if logged_in:
        sim.login_as("李强")
    app = GjjApp(sim)
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        console = app.screen.query_one("#side TrainerConsole", TrainerConsole)

        for button in console.query(Button).results(Button):
            button.focus()  # scrolled into view, as the keyboard would
            for _ in range(20):  # the scroll happens after a refresh or two
                await pilot.pause(0.02)
                if console.region.contains_region(button.region):
                    break
            assert console.region.contains_region(button.region), button.id
            drawn = button.render_lines(button.region.reset_offset)
            rows = [strip.text for strip in drawn]
            assert any(str(button.label) in row for row in rows), button.id


async def test_tab_goes_from_the_phone_straight_to_the_clock_field(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query_one(TrainerConsole).focusable

        app.screen.query(".tab").last().focus()  # the phone's last stop
        await pilot.press("tab")
        await pilot.press(*"2026-04-01 10:00", "enter")
        await pilot.pause()

        assert sim.now() == datetime(2026, 4, 1, 10, 0)


async def test_the_full_screen_console_starts_in_the_clock_field(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)

        focused = app.focused
        assert isinstance(focused, Input) and focused.id == "clock-input"
        await pilot.press(*"2026-04-01 10:00", "enter")
        await pilot.pause()

        assert sim.now() == datetime(2026, 4, 1, 10, 0)


async def test_the_console_opened_on_a_sub_page_stays_open_after_going_back(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=WIDE) as pilot:
        app.open(LoginScreen())
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query(TrainerConsole)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query(TrainerConsole), "the page below shows it too"

        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query(TrainerConsole), "one F2 closes it"


async def test_the_full_page_console_opens_at_its_top_with_its_headings(
    sim: Simulator,
) -> None:
    app = GjjApp(sim)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConsoleScreen)
        assert app.focused is app.screen.query_one("#clock-input")
        assert app.screen.query_one(TrainerConsole).scroll_y == 0
