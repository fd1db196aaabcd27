"""刷脸实名登录: name and ID, face recognition, then the password (PRODUCT §3)."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button, Input

from screens.base import PhoneScreen
from screens.face import FaceScreen, with_camera
from screens.widgets import field, named, text
from state import texts
from state.ids import mask_id


class FaceLoginScreen(PhoneScreen):
    """姓名 and 身份证号; 下一步 checks them, then opens face recognition."""

    PAGE_TITLE = texts.FACE_LOGIN
    AUTO_FOCUS = "#page Input"

    def __init__(self) -> None:
        super().__init__()
        self.id_number = ""
        """The normalised ID number the checks accepted."""

    def compose_page(self) -> Iterable[Widget]:
        yield field(texts.NAME, "请输入姓名")
        yield field(texts.ID_NUMBER, "请输入身份证号")
        yield Button(texts.NEXT, id="face-next", variant="primary")

    def value_of(self, label: str) -> str:
        return named(self, Input, label).value

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in 姓名 moves on to 身份证号; in 身份证号 it is 下一步."""
        if event.input.name == texts.NAME:
            self.focus_next()
        else:
            self.next_pressed()

    @on(Button.Pressed, "#face-next")
    def next_pressed(self) -> None:
        """下一步: ID format, an account, the name; then camera and face."""
        name = self.value_of(texts.NAME).strip()
        result = self.sim.check_face_identity(name, self.value_of(texts.ID_NUMBER))
        if not result:
            self.tell(result.message)
            return
        self.id_number = str(result.value)
        with_camera(self.gjj, lambda: self.gjj.open(FaceScreen(name, self.recognised)))

    def recognised(self, face: str) -> None:
        """The face must be the person's; then the password page replaces it."""
        result = self.sim.match_face(self.id_number, face)
        if not result:
            self.tell(result.message)
            return
        name = self.value_of(texts.NAME).strip()
        self.app.switch_screen(PasswordScreen(name, self.id_number))


class PasswordScreen(PhoneScreen):
    """密码 and 登录 after a successful face match; ‹ 返回 goes to the ID form."""

    PAGE_TITLE = texts.FACE_LOGIN
    AUTO_FOCUS = "#page Input"

    def __init__(self, name: str, id_number: str) -> None:
        super().__init__()
        self.person_name = name
        self.id_number = id_number

    def compose_page(self) -> Iterable[Widget]:
        yield text(texts.line(texts.NAME, self.person_name), "info-line")
        yield text(texts.line(texts.ID_NUMBER, mask_id(self.id_number)), "info-line")
        yield field(texts.PASSWORD, "请输入登录密码", password=True)
        yield Button(texts.LOGIN, id="password-login", variant="primary")

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.login()

    @on(Button.Pressed, "#password-login")
    def login(self) -> None:
        """登录: wrong and locked are notifications and the page stays."""
        password = self.query_one(Input).value
        result = self.sim.password_login(self.id_number, password)
        if not result:
            self.tell(result.message)
            return
        self.tell(texts.LOGIN_OK)
        self.gjj.go_home()
