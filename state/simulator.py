"""The one entry point screens, the flow runner and the console use to act.

Each operation checks its rules in the order PRODUCT.md gives and returns a `Result`:
a refusal carries the exact Chinese message and changes nothing; an accepted
operation saves its change, with its ledger or audit entries, in one transaction.
Reads return fresh pydantic models from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from state.clock import SimClock
from state.models import (
    Account,
    AppState,
    Appointment,
    AuditEvent,
    CameraChoice,
    LedgerEntry,
    OpenAccountDraft,
    Person,
    SmsCode,
)
from state.months import YearMonth
from state.result import Result
from state.storage import Database


@dataclass
class RegistrationForm:
    name: str = ""
    id_number: str = ""
    phone: str = ""
    password: str = ""
    confirm: str = ""
    code: str = ""
    terms: bool = False


@dataclass
class Slot:
    time: str
    full: bool


class Simulator:
    """The centre, the phone's saved state and the simulated clock, behind one API."""

    def __init__(self, db: Database, clock: SimClock) -> None:
        self.db = db
        self.clock = clock
        self.camera_once = False
        """仅本次允许 was given in this launch (it is asked again next launch)."""

    def now(self) -> datetime:
        return self.clock.now()

    # --- app state and onboarding (PRODUCT §2) -------------------------------

    def app_state(self) -> AppState:
        raise NotImplementedError

    def agree(self) -> Result:
        """同意 on the agreement page; the onboarding moves to the intro."""
        raise NotImplementedError

    def finish_intro(self) -> Result:
        """立即体验 on the third intro page; the onboarding moves to location."""
        raise NotImplementedError

    def answer_location(self, allowed: bool) -> Result:
        """确认 + 仅使用期间允许/仅本次允许 (allowed) or 取消/禁止; moves to city."""
        raise NotImplementedError

    def choose_city(self, city: str) -> Result:
        """Only 太原市 is served (`该城市暂未开通`); finishes the onboarding."""
        raise NotImplementedError

    def skip_onboarding(self) -> None:
        """Onboarding done, located, 太原市 chosen (the flow start `home`)."""
        raise NotImplementedError

    def camera_needed(self) -> bool:
        """Whether the camera prompt must be shown before face recognition."""
        raise NotImplementedError

    def answer_camera(self, choice: CameraChoice) -> Result:
        """Record the prompt's answer; 禁止 is refused with `需要相机权限…`."""
        raise NotImplementedError

    def factory_reset(self) -> None:
        """恢复首次安装状态: onboarding, permissions and login reset, data kept."""
        raise NotImplementedError

    # --- people and login (PRODUCT §3, §4) -----------------------------------

    def current_person(self) -> Person | None:
        raise NotImplementedError

    def current_account(self) -> Account | None:
        raise NotImplementedError

    def face_names(self) -> list[str]:
        """Names for the 模拟人脸 select, in order, without `（识别失败）`."""
        raise NotImplementedError

    def alipay_login(self, face: str) -> Result:
        """Log in the person recognised by name; `（识别失败）` fails."""
        raise NotImplementedError

    def check_face_identity(self, name: str, id_number: str) -> Result:
        """下一步 of 刷脸实名登录; value is the normalised ID number."""
        raise NotImplementedError

    def match_face(self, id_number: str, face: str) -> Result:
        """开始识别 of 刷脸实名登录: the face must be the person being verified."""
        raise NotImplementedError

    def password_login(self, id_number: str, password: str) -> Result:
        """登录 with a password; counts wrong tries and locks until the next day."""
        raise NotImplementedError

    def login_as(self, name: str) -> None:
        """Log a known person in directly (the flow start `{login: NAME}`)."""
        raise NotImplementedError

    def logout(self) -> None:
        raise NotImplementedError

    def register(self, form: RegistrationForm) -> Result:
        raise NotImplementedError

    @staticmethod
    def password_strength(password: str) -> str:
        """弱, 中 or 强 for the meter under the password field."""
        raise NotImplementedError

    # --- simulated SMS (PRODUCT §9) ------------------------------------------

    def send_code(self, phone: str, purpose: str) -> Result:
        """Send a code; value is the SmsCode. Checks the phone's format first."""
        raise NotImplementedError

    def resend_wait(self, phone: str, purpose: str) -> int:
        """Seconds before another code may be sent to this phone (0 = now)."""
        raise NotImplementedError

    def sms_inbox(self) -> list[SmsCode]:
        """Every code sent, newest first."""
        raise NotImplementedError

    # --- applying to open an account (PRODUCT §5) ----------------------------

    def sample_cards(self) -> list[Person]:
        """The sample ID cards of the simulated scanner."""
        raise NotImplementedError

    def birth_date(self, doc_type: str, id_number: str) -> str:
        """`YYYY-MM-DD` from a valid 居民身份证 number, else ``""``."""
        raise NotImplementedError

    def check_identity(self, draft: OpenAccountDraft) -> Result:
        """下一步 of the identity step, rules in the order of §5."""
        raise NotImplementedError

    def load_draft(self) -> OpenAccountDraft | None:
        raise NotImplementedError

    def save_draft(self, draft: OpenAccountDraft) -> None:
        raise NotImplementedError

    def discard_draft(self) -> None:
        raise NotImplementedError

    def apply_open_account(self, draft: OpenAccountDraft) -> Result:
        """The last 下一步: books the 开户 appointment; value is the Appointment."""
        raise NotImplementedError

    # --- appointments and the counter (PRODUCT §6, §7) -----------------------

    def appointment_dates(self) -> list[date]:
        """The next 7 working days after the simulated date."""
        raise NotImplementedError

    @staticmethod
    def date_label(day: date) -> str:
        """`2026-03-11 周三`."""
        raise NotImplementedError

    def slots(self, branch: str, day: date) -> list[Slot]:
        raise NotImplementedError

    def check_transfer(self) -> Result:
        """Entry checks of 转入灵活就业预约 for the logged-in person."""
        raise NotImplementedError

    def book_transfer(self, branch: str, day: date, time: str) -> Result:
        """确定 in the dialog: books the 转入 appointment; value is the Appointment."""
        raise NotImplementedError

    def pending_appointments(self) -> list[Appointment]:
        raise NotImplementedError

    def latest_appointment(self) -> Appointment | None:
        raise NotImplementedError

    def complete_appointment(self, number: int) -> Result:
        """办结 at the counter: 开户 creates the account, 转入 converts it."""
        raise NotImplementedError

    def process_counter(self) -> list[Result]:
        """办结 every pending appointment (the flow step `counter: process`)."""
        raise NotImplementedError

    # --- business operations (PRODUCT §10) -----------------------------------

    def check_business_entry(self) -> Result:
        """Entry checks of 灵活就业人员业务办理 for the logged-in person."""
        raise NotImplementedError

    def remit(self) -> Result:
        """汇缴 of the current month (checked on 汇缴支付 and again on 确认支付)."""
        raise NotImplementedError

    def check_remit(self) -> Result:
        """The 汇缴 rules only; value is (month, amount) for the dialog."""
        raise NotImplementedError

    def back_pay_months(self) -> list[YearMonth]:
        """Months selectable as 补缴结束年月; empty means `无需补缴`."""
        raise NotImplementedError

    def check_back_pay(self, until: YearMonth) -> Result:
        """The 补缴 rules only; value is (months, amount) for the dialog."""
        raise NotImplementedError

    def back_pay(self, until: YearMonth) -> Result:
        raise NotImplementedError

    def seal(self) -> Result:
        raise NotImplementedError

    def unseal(self) -> Result:
        raise NotImplementedError

    def send_phone_change_code(self, new_phone: str) -> Result:
        """获取验证码 of 信息变更: format, not the same number, then the code."""
        raise NotImplementedError

    def change_phone(self, new_phone: str, code: str) -> Result:
        raise NotImplementedError

    def amount_range(self) -> tuple[int, int]:
        raise NotImplementedError

    def adjust_amount(self, text: str) -> Result:
        """月缴存额调整 with the amount as typed (whole 元)."""
        raise NotImplementedError

    def withdraw(self) -> Result:
        """退出缴存提取: pays the balance out and closes the account."""
        raise NotImplementedError

    def ledger(self, account_no: str) -> list[LedgerEntry]:
        """The account's entries, newest first."""
        raise NotImplementedError

    def audit_log(self) -> list[AuditEvent]:
        raise NotImplementedError

    # --- clock and demo data (PRODUCT §7, §11, §12) --------------------------

    def set_clock(self, moment: datetime) -> None:
        """Move the simulated time (interest due on 30 June is settled)."""
        raise NotImplementedError

    def load_demo(self) -> None:
        """Add the demo people of §12 relative to the simulated now, if missing."""
        raise NotImplementedError

    def reset_demo(self) -> None:
        """重置演示数据: every person, account and booking back to the demo set."""
        raise NotImplementedError
