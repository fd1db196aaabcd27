"""The one entry point screens, the flow runner and the console use to act.

Each operation checks its rules in the order PRODUCT.md gives and returns a `Result`:
a refusal carries the exact Chinese message and changes nothing; an accepted
operation saves its change, with its ledger or audit entries, in one transaction.
Reads return fresh pydantic models from the database. The rules live in the modules
this façade delegates to; every call runs in one transaction with one fixed "now",
and a transaction that writes nothing leaves the file untouched.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

from state import (
    applying,
    appointments,
    counter,
    demo,
    interest,
    login,
    onboarding,
    operations,
    sms,
    texts,
)
from state.clock import SimClock, add_month, moment_for, offset_for
from state.context import Ctx
from state.forms import RegistrationForm, Slot
from state.models import (
    Account,
    Appointment,
    AppState,
    AuditEvent,
    CameraChoice,
    LedgerEntry,
    OpenAccountDraft,
    Person,
    SmsCode,
)
from state.months import YearMonth
from state.profile import Profile, default_profile
from state.repo import Repo
from state.result import Result
from state.storage import Database

__all__ = ["RegistrationForm", "Simulator", "Slot"]

T = TypeVar("T")


class Simulator:
    """The centre, the phone's saved state and the simulated clock, behind one API."""

    def __init__(
        self,
        db: Database,
        clock: SimClock,
        profile: Profile | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.profile = profile or default_profile()
        self.rng = rng or random.Random()
        """Draws the SMS codes; tests pass a seeded one."""
        self.repo = Repo(db)
        self.camera_once = False
        """仅本次允许 was given in this launch (it is asked again next launch)."""

    def now(self) -> datetime:
        return self.clock.now()

    def _ctx(self) -> Ctx:
        return Ctx(self.repo, self.profile, self.now(), self.rng)

    def _run(self, action: Callable[[Ctx], T]) -> T:
        """One transaction with one "now"; nothing is written unless `action` writes."""
        with self.db.transaction():
            return action(self._ctx())

    # --- app state and onboarding (PRODUCT §2) -------------------------------

    def app_state(self) -> AppState:
        return self.repo.app()

    def agree(self) -> Result:
        """同意 on the agreement page; the onboarding moves to the intro."""
        return self._run(onboarding.agree)

    def disagree(self) -> Result:
        """不同意: refused with `需同意用户协议与隐私政策后才能使用`."""
        return onboarding.disagree()

    def finish_intro(self) -> Result:
        """立即体验 on the third intro page; the onboarding moves to location."""
        return self._run(onboarding.finish_intro)

    def answer_location(self, allowed: bool) -> Result:
        """确认 + 仅使用期间允许/仅本次允许 (allowed) or 取消/禁止; moves to city."""
        return self._run(lambda ctx: onboarding.answer_location(ctx, allowed))

    def choose_city(self, city: str) -> Result:
        """Only 太原市 is served (`该城市暂未开通`); finishes the onboarding."""
        return self._run(lambda ctx: onboarding.choose_city(ctx, city))

    def skip_onboarding(self) -> None:
        """Onboarding done, located, 太原市 chosen (the flow start `home`)."""
        self._run(onboarding.skip)

    def camera_needed(self) -> bool:
        """Whether the camera prompt must be shown before face recognition."""
        return onboarding.camera_needed(self.repo.app(), self.camera_once)

    def answer_camera(self, choice: CameraChoice) -> Result:
        """Record the prompt's answer; 禁止 is refused with `需要相机权限…`."""
        result = self._run(lambda ctx: onboarding.answer_camera(ctx, choice))
        self.camera_once = choice == texts.ALLOW_ONCE
        return result

    def factory_reset(self) -> None:
        """恢复首次安装状态: onboarding, permissions and login reset, data kept."""
        self._run(onboarding.factory_reset)
        self.camera_once = False

    # --- people and login (PRODUCT §3, §4) -----------------------------------

    def current_person(self) -> Person | None:
        return self._ctx().user()

    def current_account(self) -> Account | None:
        return self._ctx().user_account()

    def face_names(self) -> list[str]:
        """Names for the 模拟人脸 select, in order, without `（识别失败）`."""
        return demo.face_order(self.repo.people())

    def alipay_login(self, face: str) -> Result:
        """Log in the person recognised by name; `（识别失败）` fails."""
        return self._run(lambda ctx: login.alipay_login(ctx, face))

    def check_face_identity(self, name: str, id_number: str) -> Result:
        """下一步 of 刷脸实名登录; value is the normalised ID number."""
        return login.check_face_identity(self._ctx(), name, id_number)

    def match_face(self, id_number: str, face: str) -> Result:
        """开始识别 of 刷脸实名登录: the face must be the person being verified."""
        return login.match_face(self._ctx(), id_number, face)

    def password_login(self, id_number: str, password: str) -> Result:
        """登录 with a password; counts wrong tries and locks until the next day."""
        return self._run(lambda ctx: login.password_login(ctx, id_number, password))

    def login_as(self, name: str) -> None:
        """Log a known person in directly (the flow start `{login: NAME}`)."""
        with self.db.transaction():
            ctx = self._ctx()
            person = login.person_by_name(ctx, name)
            if person is None:
                raise LookupError(f"no person called {name!r} is known")
            state = ctx.repo.app()
            state.user = person.id_number
            ctx.repo.save_app(state)

    def logout(self) -> None:
        with self.db.transaction():
            state = self.repo.app()
            if state.user is not None:
                state.user = None
                self.repo.save_app(state)

    def register(self, form: RegistrationForm) -> Result:
        return self._run(lambda ctx: login.register(ctx, form))

    @staticmethod
    def password_strength(password: str) -> str:
        """弱, 中 or 强 for the meter under the password field."""
        return login.password_strength(password)

    # --- simulated SMS (PRODUCT §9) ------------------------------------------

    def send_code(self, phone: str, purpose: str) -> Result:
        """Send a code; value is the SmsCode. Checks the phone's format first."""
        return self._run(lambda ctx: sms.send(ctx, phone, purpose))

    def resend_wait(self, phone: str, purpose: str) -> int:
        """Seconds before another code may be sent to this phone (0 = now)."""
        return sms.resend_wait(self._ctx(), phone, purpose)

    def sms_inbox(self) -> list[SmsCode]:
        """Every code sent, newest first."""
        return sms.inbox(self._ctx())

    # --- applying to open an account (PRODUCT §5) ----------------------------

    def sample_cards(self) -> list[Person]:
        """The sample ID cards of the simulated scanner."""
        return [card.model_copy() for card in demo.SAMPLE_CARDS]

    def birth_date(self, doc_type: str, id_number: str) -> str:
        """`YYYY-MM-DD` from a valid 居民身份证 number, else ``""``."""
        from state.ids import birth_label

        return birth_label(doc_type, id_number, self.now().date())

    def check_identity(self, draft: OpenAccountDraft) -> Result:
        """下一步 of the identity step, rules in the order of §5."""
        return applying.check_identity(self._ctx(), draft)

    def load_draft(self) -> OpenAccountDraft | None:
        return applying.load_draft(self._ctx())

    def save_draft(self, draft: OpenAccountDraft) -> None:
        self._run(lambda ctx: applying.save_draft(ctx, draft))

    def discard_draft(self) -> None:
        self._run(lambda ctx: applying.save_draft(ctx, None))

    def apply_open_account(self, draft: OpenAccountDraft) -> Result:
        """The last 下一步: books the 开户 appointment; value is the Appointment."""
        return self._run(lambda ctx: applying.apply(ctx, draft))

    # --- appointments and the counter (PRODUCT §6, §7) -----------------------

    def appointment_dates(self) -> list[date]:
        """The next 7 working days after the simulated date."""
        return appointments.appointment_dates(self._ctx())

    @staticmethod
    def date_label(day: date) -> str:
        """`2026-03-11 周三`."""
        return appointments.date_label(day)

    def slots(self, branch: str, day: date) -> list[Slot]:
        return appointments.slots(self._ctx(), branch, day)

    def check_transfer(self) -> Result:
        """Entry checks of 转入灵活就业预约 for the logged-in person."""
        return appointments.check_transfer(self._ctx())

    def book_transfer(self, branch: str, day: date, time: str) -> Result:
        """确定 in the dialog: books the 转入 appointment; value is the Appointment."""
        return self._run(lambda ctx: appointments.book_transfer(ctx, branch, day, time))

    def pending_appointments(self) -> list[Appointment]:
        return appointments.pending(self._ctx())

    def latest_appointment(self) -> Appointment | None:
        return appointments.latest(self._ctx())

    def complete_appointment(self, number: int) -> Result:
        """办结 at the counter: 开户 creates the account, 转入 converts it."""
        return self._run(lambda ctx: counter.complete(ctx, number))

    def process_counter(self) -> list[Result]:
        """办结 every pending appointment (the flow step `counter: process`)."""
        return self._run(counter.process_all)

    # --- business operations (PRODUCT §10) -----------------------------------

    def check_business_entry(self) -> Result:
        """Entry checks of 灵活就业人员业务办理 for the logged-in person."""
        return operations.check_entry(self._ctx())

    def remit(self) -> Result:
        """汇缴 of the current month (checked on 汇缴支付 and again on 确认支付)."""
        return self._run(operations.remit)

    def check_remit(self) -> Result:
        """The 汇缴 rules only; value is (month, amount) for the dialog."""
        return operations.check_remit(self._ctx())

    def back_pay_months(self) -> list[YearMonth]:
        """Months selectable as 补缴结束年月; empty means `无需补缴`."""
        return operations.back_pay_months(self._ctx())

    def check_back_pay(self, until: YearMonth) -> Result:
        """The 补缴 rules only; value is (months, amount) for the dialog."""
        return operations.check_back_pay(self._ctx(), until)

    def back_pay(self, until: YearMonth) -> Result:
        return self._run(lambda ctx: operations.back_pay(ctx, until))

    def seal(self) -> Result:
        return self._run(operations.seal)

    def unseal(self) -> Result:
        return self._run(operations.unseal)

    def send_phone_change_code(self, new_phone: str) -> Result:
        """获取验证码 of 信息变更: format, not the same number, then the code."""
        return self._run(lambda ctx: operations.send_phone_change_code(ctx, new_phone))

    def change_phone(self, new_phone: str, code: str) -> Result:
        return self._run(lambda ctx: operations.change_phone(ctx, new_phone, code))

    def amount_range(self) -> tuple[int, int]:
        return self.profile.amount_low, self.profile.amount_high

    def adjust_amount(self, text: str) -> Result:
        """月缴存额调整 with the amount as typed (whole 元)."""
        return self._run(lambda ctx: operations.adjust_amount(ctx, text))

    def check_withdraw(self) -> Result:
        """The 退出缴存提取 rules only; value is the account (its balance is paid)."""
        return operations.check_withdraw(self._ctx())

    def withdraw(self) -> Result:
        """退出缴存提取: pays the balance out and closes the account."""
        return self._run(operations.withdraw)

    def ledger(self, account_no: str) -> list[LedgerEntry]:
        """The account's entries, newest first."""
        return list(reversed(self.repo.ledger(account_no)))

    def audit_log(self) -> list[AuditEvent]:
        """Every recorded change, newest first."""
        return list(reversed(self.repo.audit()))

    # --- clock and demo data (PRODUCT §7, §11, §12) --------------------------

    def set_clock(self, moment: datetime) -> None:
        """Move the simulated time (interest due on 30 June is settled)."""
        self.clock.set(moment)
        with self.db.transaction():
            ctx = self._ctx()
            state = ctx.repo.app()
            state.clock_offset_seconds = offset_for(moment)
            ctx.repo.save_app(state)
            ctx.audit("", texts.AUDIT_CLOCK, moment.strftime("%Y-%m-%d %H:%M"))
            interest.settle_due(ctx)

    def advance_clock(self, delta: timedelta) -> None:
        """The console's 前进一天 and similar: `set_clock` by a step."""
        self.set_clock(self.now() + delta)

    def advance_month(self) -> None:
        """Same day and time next month, clamped to the month's last day."""
        self.set_clock(add_month(self.now()))

    def resume_clock(self, offset_seconds: float | None = None) -> None:
        """Resume the trainer's clock saved by `set_clock` (or the offset given)."""
        if offset_seconds is None:
            offset_seconds = self.repo.app().clock_offset_seconds
        if offset_seconds is None:
            return
        self.clock.set(moment_for(offset_seconds))
        if self.interest_due():
            self.settle_interest()

    def interest_due(self) -> bool:
        """Whether a 30 June has passed that is not yet in the balances."""
        return interest.is_due(self._ctx())

    def settle_interest(self) -> int:
        """Settle the interest due (the app may call this as its clock ticks)."""
        return self._run(interest.settle_due)

    def load_demo(self) -> None:
        """Add the demo people of §12 relative to the simulated now, if missing."""
        self._run(demo.load)

    def load_sample_cards(self) -> None:
        """Only the sample-card holders: the scanner's cards, with no demo people."""
        self._run(demo.load_sample_cards)

    def reset_demo(self) -> None:
        """重置演示数据: every person, account and booking back to the demo set."""
        self._run(demo.reset)
