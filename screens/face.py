"""The face recognition page both logins share, and the camera prompt before it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.widget import Widget
from textual.widgets import Button, Select

from screens.base import Dialog, PhoneScreen
from screens.widgets import select_field, text
from state import texts

if TYPE_CHECKING:
    from tui_app.app import GjjApp

CAMERA_CHOICES = (texts.ALLOW_WHILE_USING, texts.ALLOW_ONCE, texts.DENY)
FACE_FRAME = "╭──────────╮\n│  ◠    ◠  │\n│    ──    │\n╰──────────╯"


def with_camera(app: GjjApp, then: Callable[[], None]) -> None:
    """Ask the camera prompt when it is needed, then go on unless it was 禁止."""
    if not app.sim.camera_needed():
        then()
        return

    def answered(choice: str | None) -> None:
        if choice is None:
            return  # escape: the prompt was put away unanswered; ask again next time
        result = app.sim.answer_camera(choice)  # type: ignore[arg-type]
        if not result:
            app.tell(result.message)
            return
        then()

    app.push_screen(Dialog(texts.CAMERA_QUESTION, CAMERA_CHOICES), answered)


class FaceScreen(PhoneScreen):
    """请将人脸对准识别框: pick a simulated face, 开始识别 hands it to `on_face`."""

    PAGE_TITLE = texts.FACE_TITLE
    AUTO_FOCUS = "#start-face"

    def __init__(self, default: str, on_face: Callable[[str], None]) -> None:
        super().__init__()
        self.default = default
        self.on_face = on_face
        """Gets the chosen face (never `（识别失败）`) and decides what follows."""

    def compose_page(self) -> Iterable[Widget]:
        faces = [*self.sim.face_names(), texts.FACE_FAILS]
        default = self.default if self.default in faces else faces[0]
        yield text(texts.FACE_PROMPT, "big")
        yield text(FACE_FRAME, "face-frame")
        yield select_field(
            texts.SIMULATED_FACE, faces, allow_blank=False, value=default
        )
        yield Button(texts.START_RECOGNITION, id="start-face", variant="primary")

    def chosen_face(self) -> str:
        value = self.query_one(Select).value
        return value if isinstance(value, str) else texts.FACE_FAILS

    @on(Button.Pressed, "#start-face")
    def start(self) -> None:
        """开始识别: a failed recognition stays here; otherwise the caller decides."""
        face = self.chosen_face()
        if face == texts.FACE_FAILS:
            self.tell(texts.FACE_FAILED)
            return
        self.on_face(face)
