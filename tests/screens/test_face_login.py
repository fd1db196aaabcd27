"""Both logins (PRODUCT §3): the mouse, the camera prompt and what is stored."""

from __future__ import annotations

from driving import SIZE, named, notices
from textual.widgets import Button, Input, Select

from screens.alipay import AlipayScreen
from screens.base import Dialog
from screens.face import FaceScreen
from screens.face_login import FaceLoginScreen, PasswordScreen
from screens.main import HomeScreen
from state.simulator import Simulator
from tui_app.app import GjjApp


async def test_a_mouse_click_on_start_logs_the_alipay_person_in(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open(AlipayScreen())
        await pilot.pause()
        await pilot.click("#alipay-confirm")
        await pilot.pause()
        assert isinstance(app.screen, Dialog)
        await pilot.click(
            next(
                b for b in app.screen.query(Button) if str(b.label) == "仅使用期间允许"
            )
        )
        await pilot.pause()

        assert isinstance(app.screen, FaceScreen)
        assert app.screen.query_one(Select).value == "李强"  # the first demo person
        assert app.focused is app.screen.query_one("#start-face")
        await pilot.click("#start-face")
        await pilot.pause()

        assert "登录成功" in notices(app)
        assert isinstance(app.screen, HomeScreen)
        person = sim.current_person()
        assert person is not None and person.name == "李强"
        assert sim.app_state().camera == "仅使用期间允许"


async def test_escape_on_the_camera_prompt_answers_nothing_and_stays(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open(AlipayScreen())
        await pilot.pause()
        await pilot.click("#alipay-confirm")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        assert isinstance(app.screen, AlipayScreen)
        assert sim.app_state().camera is None
        assert sim.camera_needed()


async def test_face_login_defaults_to_the_person_and_reveals_the_password(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        sim.answer_camera("仅使用期间允许")
        app.open(FaceLoginScreen())
        await pilot.pause()
        assert app.focused is named(app, Input, "姓名")
        await pilot.press(*"赵敏", "enter", *"140107197811043526", "enter")
        await pilot.pause()

        assert isinstance(app.screen, FaceScreen)
        assert app.screen.query_one(Select).value == "赵敏"
        await pilot.press("enter")  # 开始识别 has the focus
        await pilot.pause()

        assert isinstance(app.screen, PasswordScreen)
        assert app.focused is named(app, Input, "密码")
        await pilot.press(*"Zm123456", "enter")
        await pilot.pause()
        assert "登录成功" in notices(app)
        person = sim.current_person()
        assert person is not None and person.id_number == "140107197811043526"


async def test_a_wrong_password_keeps_the_page_and_logs_nobody_in(
    sim: Simulator,
) -> None:
    app = GjjApp(sim, side_panel=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open(PasswordScreen("李强", "140105199003071234"))
        await pilot.pause()
        await pilot.press(*"nope1234", "enter")
        await pilot.pause()

        assert "密码错误，还可尝试4次" in notices(app)
        assert isinstance(app.screen, PasswordScreen)
        assert named(app, Input, "密码").value == "nope1234"
        assert sim.current_person() is None
