"""支付宝授权登录: the authorisation page, then face recognition (PRODUCT §3)."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.widget import Widget
from textual.widgets import Button

from screens.base import PhoneScreen
from screens.face import FaceScreen, with_camera
from screens.widgets import text
from state import texts


class AlipayScreen(PhoneScreen):
    """支付宝授权: 确认 leads to face recognition of the first demo person."""

    PAGE_TITLE = texts.ALIPAY_TITLE

    def compose_page(self) -> Iterable[Widget]:
        yield text("支", "big alipay-logo")
        yield text(texts.ALIPAY_REQUEST, "big")
        yield Button(texts.CONFIRM, id="alipay-confirm", variant="primary")

    @on(Button.Pressed, "#alipay-confirm")
    def confirm(self) -> None:
        with_camera(self.gjj, self.open_face_page)

    def open_face_page(self) -> None:
        faces = self.sim.face_names()
        default = faces[0] if faces else texts.FACE_FAILS
        self.gjj.open(FaceScreen(default, self.recognised))

    def recognised(self, face: str) -> None:
        """Log the recognised person in; without an account stay on the face page."""
        result = self.sim.alipay_login(face)
        if not result:
            self.tell(result.message)
            return
        self.tell(texts.LOGIN_OK)
        self.gjj.go_home()
