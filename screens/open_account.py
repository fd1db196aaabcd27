"""灵活就业人员开户申请: identity, ID photos, appointment; kept as a draft (§5)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from screens.appointment import AppointmentPicker
from screens.base import PhoneScreen
from screens.result import ResultScreen
from screens.transfer import appointment_lines
from screens.widgets import field, named, select_field, text
from state import texts
from state.models import OpenAccountDraft, Person

if TYPE_CHECKING:
    from tui_app.app import GjjApp

BIRTH_AUTO = "根据证件号码自动填写"
BIRTH_TYPED = "YYYY-MM-DD"
SCANNER_FRAME = "┌────────────────┐\n│  身份证人像面  │\n└────────────────┘"


def open_account_wizard(app: GjjApp) -> None:
    """Open the wizard, resuming a saved draft at its step with its values."""
    wizard = Wizard(app, app.sim.load_draft() or OpenAccountDraft())
    pages: list[type[WizardPage]] = [IdentityPage, UploadPage, AppointmentPage]
    for page in pages[: max(1, min(wizard.draft.step, len(pages)))]:
        app.open(page(wizard))


def return_to_login(app: GjjApp) -> None:
    """Back to the 登录 page the application was started from (or 首页)."""
    from screens.login import LoginScreen

    while len(app.screen_stack) > 2 and not isinstance(app.screen, LoginScreen):
        app.pop_screen()


class Wizard:
    """The draft being filled in; every change is saved at once."""

    def __init__(self, app: GjjApp, draft: OpenAccountDraft) -> None:
        self.app = app
        self.draft = draft

    def update(self, **changes: Any) -> None:
        self.draft = self.draft.model_copy(update=changes)
        self.app.sim.save_draft(self.draft)


class WizardPage(PhoneScreen):
    """One step of the wizard; ‹ 返回 goes one step back and the draft follows."""

    PAGE_TITLE = texts.OPEN_ACCOUNT
    STEP = 1

    def __init__(self, wizard: Wizard) -> None:
        super().__init__()
        self.wizard = wizard

    @property
    def draft(self) -> OpenAccountDraft:
        return self.wizard.draft

    def compose_page(self) -> Iterable[Widget]:
        yield text(texts.OPEN_STEPS[self.STEP - 1], "step-title")
        yield from self.compose_step()

    def compose_step(self) -> Iterable[Widget]:
        return []

    def action_back(self) -> None:
        if self.STEP > 1:
            self.wizard.update(step=self.STEP - 1)
        super().action_back()

    def go_to_next_step(self, page: type[WizardPage]) -> None:
        self.wizard.update(step=self.STEP + 1)
        self.gjj.open(page(self.wizard))


class IdentityPage(WizardPage):
    """Step 1: scan a sample ID card, or type the holder's identity and phone."""

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.doc_type = wizard.draft.doc_type

    def compose_step(self) -> Iterable[Widget]:
        draft = self.draft
        yield Button(texts.SCAN_ID, id="scan-id")
        yield field(texts.NAME, "请输入姓名", value=draft.name)
        doc_types = list(texts.DOC_TYPES)
        yield select_field(texts.DOC_TYPE, doc_types, False, value=draft.doc_type)
        yield field(texts.DOC_NUMBER, "请输入证件号码", value=draft.id_number)
        yield field(texts.BIRTH_DATE, BIRTH_TYPED, value=draft.birth_date)
        yield field(texts.PHONE, "请输入手机号码", value=draft.phone)
        yield Button(texts.NEXT, id="identity-next", variant="primary")

    def on_mount(self) -> None:
        self.show_birth_date_mode()

    def input(self, label: str) -> Input:
        return named(self, Input, label)

    def show_birth_date_mode(self) -> None:
        """Read-only and filled for 居民身份证; typed in for the other types."""
        birth = self.input(texts.BIRTH_DATE)
        birth.disabled = self.doc_type == texts.RESIDENT_ID
        birth.placeholder = BIRTH_AUTO if birth.disabled else BIRTH_TYPED

    @on(Input.Submitted)
    def submitted(self) -> None:
        """Enter moves to the next control, as the phone keyboard's 下一项 does."""
        self.focus_next()

    def fill_birth_date(self) -> None:
        """居民身份证: 出生日期 follows the number, empty while it is not valid."""
        number = self.input(texts.DOC_NUMBER).value
        self.input(texts.BIRTH_DATE).value = self.sim.birth_date(self.doc_type, number)

    @on(Input.Changed)
    def input_changed(self, event: Input.Changed) -> None:
        keys = {
            texts.NAME: "name",
            texts.DOC_NUMBER: "id_number",
            texts.BIRTH_DATE: "birth_date",
            texts.PHONE: "phone",
        }
        key = keys.get(event.input.name or "")
        if key is None:
            return
        self.wizard.update(**{key: event.value})
        if key == "id_number" and self.doc_type == texts.RESIDENT_ID:
            self.fill_birth_date()

    @on(Select.Changed)
    def doc_type_changed(self, event: Select.Changed) -> None:
        """Other document types have 出生日期 typed in; 居民身份证 fills it."""
        if event.select.name != texts.DOC_TYPE or not isinstance(event.value, str):
            return
        if event.value == self.doc_type:
            return
        was_resident = self.doc_type == texts.RESIDENT_ID
        self.doc_type = event.value
        self.wizard.update(doc_type=event.value)
        self.show_birth_date_mode()
        if event.value == texts.RESIDENT_ID:
            self.fill_birth_date()
        elif was_resident:
            self.input(texts.BIRTH_DATE).value = ""

    @on(Button.Pressed, "#scan-id")
    def scan(self) -> None:
        self.gjj.open(ScannerScreen(self.card_scanned))

    def card_scanned(self, card: Person) -> None:
        """The scanned card fills 姓名, 证件类型 and 证件号码."""
        named(self, Select, texts.DOC_TYPE).value = card.doc_type
        self.input(texts.NAME).value = card.name
        self.input(texts.DOC_NUMBER).value = card.id_number

    @on(Button.Pressed, "#identity-next")
    def next_pressed(self) -> None:
        """下一步: the rules of §5 in order; refusals stay on this step."""
        self.wizard.update(
            name=self.input(texts.NAME).value,
            doc_type=self.doc_type,
            id_number=self.input(texts.DOC_NUMBER).value,
            birth_date=self.input(texts.BIRTH_DATE).value,
            phone=self.input(texts.PHONE).value,
        )
        result = self.sim.check_identity(self.draft)
        if not result:
            self.tell(result.message)
            return
        if isinstance(result.value, OpenAccountDraft):
            self.wizard.update(**result.value.model_dump(exclude={"step"}))
        self.go_to_next_step(UploadPage)


class ScannerScreen(PhoneScreen):
    """扫描二代身份证信息: the simulated camera offers the sample cards by name."""

    PAGE_TITLE = texts.SCAN_ID

    def __init__(self, on_card: Callable[[Person], None]) -> None:
        super().__init__()
        self.on_card = on_card

    def compose_page(self) -> Iterable[Widget]:
        yield text(texts.SCANNER_HINT, "big")
        yield text(SCANNER_FRAME, "scanner-frame")
        for number, card in enumerate(self.sim.sample_cards()):
            yield Button(card.name, id=f"card-{number}", classes="card")

    @on(Button.Pressed, ".card")
    def card_chosen(self, event: Button.Pressed) -> None:
        cards = self.sim.sample_cards()
        card = cards[int((event.button.id or "card-0").removeprefix("card-"))]
        self.gjj.go_back()
        self.on_card(card)


class UploadPage(WizardPage):
    """Step 2: simulated photos of both sides of the ID card."""

    STEP = 2

    def compose_step(self) -> Iterable[Widget]:
        for side, label, done in (
            ("front", texts.SHOOT_FRONT, self.draft.front_uploaded),
            ("back", texts.SHOOT_BACK, self.draft.back_uploaded),
        ):
            with Horizontal(classes="upload-row"):
                yield Button(label, id=f"shoot-{side}", classes="shoot")
                yield Static(texts.UPLOADED if done else "", id=f"{side}-state")
        yield Button(texts.NEXT, id="upload-next", variant="primary")

    @on(Button.Pressed, ".shoot")
    def shoot(self, event: Button.Pressed) -> None:
        side = (event.button.id or "").removeprefix("shoot-")
        self.wizard.update(**{f"{side}_uploaded": True})
        self.query_one(f"#{side}-state", Static).update(texts.UPLOADED)

    @on(Button.Pressed, "#upload-next")
    def next_pressed(self) -> None:
        if not (self.draft.front_uploaded and self.draft.back_uploaded):
            self.tell(texts.UPLOAD_BOTH)
            return
        self.go_to_next_step(AppointmentPage)


class AppointmentPage(WizardPage):
    """Step 3: the appointment; 下一步 submits the application."""

    STEP = 3

    def compose_step(self) -> Iterable[Widget]:
        draft = self.draft
        yield AppointmentPicker(draft.branch, draft.date, draft.time)
        yield Button(texts.NEXT, id="appointment-next", variant="primary")

    @on(AppointmentPicker.Changed)
    def picker_changed(self, event: AppointmentPicker.Changed) -> None:
        picker = event.picker
        day = picker.day
        self.wizard.update(
            branch=picker.branch or "",
            date=day.isoformat() if day else "",
            time=picker.time or "",
        )

    @on(Button.Pressed, "#appointment-next")
    def next_pressed(self) -> None:
        """下一步: books the 开户 appointment and shows 申报成功."""
        chosen = self.query_one(AppointmentPicker).chosen()
        if chosen is None:
            self.tell(texts.CHOOSE_APPOINTMENT)
            return
        branch, day, time = chosen
        self.wizard.update(branch=branch, date=day.isoformat(), time=time)
        result = self.sim.apply_open_account(self.draft)
        if not result:
            self.tell(result.message)
            return
        self.sim.discard_draft()
        lines = appointment_lines(branch, self.sim.date_label(day), time)
        lines.append(texts.APPLIED_NOTE)
        done = ResultScreen(texts.APPLIED, texts.APPLIED, lines, self.finished)
        self.app.switch_screen(done)

    def finished(self) -> None:
        """完成: back to the 登录 page."""
        return_to_login(self.gjj)
