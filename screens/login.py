"""登录: the four ways in (PRODUCT §3)."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.base import PhoneScreen
from state import texts


class LoginScreen(PhoneScreen):
    """The login page: 支付宝授权登录, 刷脸实名登录, 注册, 灵活就业人员开户申请."""

    PAGE_TITLE = texts.LOGIN_TITLE

    def compose_page(self) -> Iterable[Widget]:
        yield Button(texts.ALIPAY_LOGIN, id="alipay", variant="primary")
        yield Button(texts.FACE_LOGIN, id="face-login")
        yield Button(texts.REGISTER, id="register")
        yield Button(texts.OPEN_ACCOUNT, id="open-account")

    @on(Button.Pressed, "#alipay")
    def alipay(self) -> None:
        from screens.alipay import AlipayScreen

        self.gjj.open(AlipayScreen())

    @on(Button.Pressed, "#face-login")
    def face_login(self) -> None:
        from screens.face_login import FaceLoginScreen

        self.gjj.open(FaceLoginScreen())

    @on(Button.Pressed, "#register")
    def register(self) -> None:
        from screens.register import RegisterScreen

        self.gjj.open(RegisterScreen())

    @on(Button.Pressed, "#open-account")
    def open_account(self) -> None:
        from screens.open_account import open_account_wizard

        open_account_wizard(self.gjj)
