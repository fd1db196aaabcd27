"""开户申请 (§5), the appointment picker (§6) and 转入 (§10) beyond what flows show."""

from __future__ import annotations

from driving import SIZE, named, notices
from textual.widgets import Button, Input, Select
from textual.widgets._select import SelectOverlay

from screens.appointment import AppointmentPicker
from screens.open_account import IdentityPage, ScannerScreen, open_account_wizard
from screens.transfer import TransferScreen, open_transfer
from state.ids import check_char
from state.models import Account, OpenAccountDraft
from state.simulator import Simulator
from tui_app.app import GjjApp


def fill_slot(sim: Simulator, branch: str, time: str) -> None:
    """Five applicants book the same branch, first date and time: the slot is full."""
    day = sim.appointment_dates()[0]
    for number in range(5):
        first17 = f"14010519900101{number:02d}1"
        draft = OpenAccountDraft(
            name="测试人" + "甲乙丙丁戊"[number],
            id_number=first17 + check_char(first17),
            phone=f"1380000100{number}",
            front_uploaded=True,
            back_uploaded=True,
            branch=branch,
            date=day.isoformat(),
            time=time,
        )
        result = sim.apply_open_account(draft)
        assert result.ok, result.message


async def test_a_full_slot_is_marked_greyed_out_and_refused(sim: Simulator) -> None:
    fill_slot(sim, "小店分理处", "09:00-10:00")
    sim.login_as("王芳")
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open(TransferScreen())
        await pilot.pause()
        named(app, Select, "承办网点").value = "小店分理处"
        day_label = sim.date_label(sim.appointment_dates()[0])
        named(app, Select, "预约日期").value = day_label
        await pilot.pause()

        times = named(app, Select, "预约时间")
        labels = [str(prompt) for prompt, v in times._options if v is not Select.NULL]
        assert labels[0] == "09:00-10:00（已约满）"
        assert labels[1] == "10:00-11:00"
        overlay = times.query_one(SelectOverlay)
        assert overlay.get_option_at_index(1).disabled
        assert not overlay.get_option_at_index(2).disabled

        # The keyboard skips the full slot: down from the blank lands on the next one.
        times.focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert times.value == "10:00-11:00"

        times.value = "09:00-10:00（已约满）"  # as a script might force it
        await pilot.pause()
        assert "该时段已约满，请选择其他时间" in notices(app)
        assert times.is_blank()
        assert app.screen.query_one(AppointmentPicker).chosen() is None


async def test_transfer_refuses_an_account_that_is_not_sealed(sim: Simulator) -> None:
    sim.login_as("王芳")
    account = sim.current_account()
    assert isinstance(account, Account)
    with sim.db.transaction():  # an employer account still paying: not sealed
        sim.repo.save_account(account.model_copy(update={"status": "正常"}))
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        open_transfer(app)
        await pilot.pause()
        assert "账户未封存，不能办理转入" in notices(app)
        assert not isinstance(app.screen, TransferScreen)
        assert sim.pending_appointments() == []


async def test_every_keystroke_is_saved_in_the_draft(sim: Simulator) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        open_account_wizard(app)
        await pilot.pause()
        named(app, Input, "姓名").focus()
        await pilot.press(*"张伟")
        named(app, Input, "证件号码").focus()
        await pilot.press(*"140105199001010016")
        await pilot.pause()

        draft = sim.load_draft()
        assert draft is not None
        assert (draft.step, draft.name, draft.id_number) == (
            1,
            "张伟",
            "140105199001010016",
        )
        assert draft.birth_date == "1990-01-01"
        assert named(app, Input, "出生日期").value == "1990-01-01"

        await pilot.press("backspace")
        await pilot.pause()
        assert named(app, Input, "出生日期").value == ""
        assert sim.load_draft().birth_date == ""  # type: ignore[union-attr]


async def test_birth_date_is_read_only_for_resident_ids_only(sim: Simulator) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        open_account_wizard(app)
        await pilot.pause()
        birth = named(app, Input, "出生日期")
        assert birth.disabled

        named(app, Input, "证件号码").focus()
        await pilot.press("tab")
        assert app.focused is named(app, Input, "手机号码")  # tab skips 出生日期

        named(app, Select, "证件类型").value = "外国人永久居留身份证"
        await pilot.pause()
        assert not birth.disabled
        assert sim.load_draft().doc_type == "外国人永久居留身份证"  # type: ignore[union-attr]


async def test_the_scanner_fills_the_identity_by_mouse(sim: Simulator) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        open_account_wizard(app)
        await pilot.pause()
        await pilot.click("#scan-id")
        await pilot.pause()
        assert isinstance(app.screen, ScannerScreen)
        cards = [str(b.label) for b in app.screen.query(".card").results(Button)]
        assert cards == ["陈静", "刘洋", "杨帆"]

        await pilot.click("#card-2")
        await pilot.pause()
        assert isinstance(app.screen, IdentityPage)
        assert named(app, Input, "姓名").value == "杨帆"
        assert named(app, Input, "证件号码").value == "140121200104052185"
        assert named(app, Input, "出生日期").value == "2001-04-05"
        draft = sim.load_draft()
        assert draft is not None and draft.id_number == "140121200104052185"


async def test_success_discards_the_draft_and_books_the_appointment(
    sim: Simulator,
) -> None:
    day = sim.appointment_dates()[1]
    sim.save_draft(
        OpenAccountDraft(
            step=3,
            name="陈静",
            id_number="140110199507183425",
            phone="13800000001",
            front_uploaded=True,
            back_uploaded=True,
            branch="清徐管理部",
            date=day.isoformat(),
            time="15:00-16:00",
        )
    )
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        open_account_wizard(app)
        await pilot.pause()
        assert app.screen.query_one(AppointmentPicker).chosen() == (
            "清徐管理部",
            day,
            "15:00-16:00",
        )
        await pilot.click("#appointment-next")
        await pilot.pause()

        assert sim.load_draft() is None
        booked = sim.latest_appointment()
        assert booked is not None
        assert (booked.kind, booked.status, booked.branch) == (
            "开户",
            "待办理",
            "清徐管理部",
        )
        assert (booked.date, booked.time) == (day, "15:00-16:00")
