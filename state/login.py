"""Logging in and registering (PRODUCT §3, §4).

Wrong passwords are counted per person and simulated day; the fifth locks login
until 00:00 of the next day. A wrong password is the one refusal that writes: the
count must survive a restart.
"""

from __future__ import annotations

import re

from state import ids, sms, texts
from state.context import Ctx
from state.forms import RegistrationForm
from state.models import Account, Person
from state.result import Result

_PASSWORD_RULE = re.compile(r"(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9]{8,16}")
REGISTER_PURPOSE = "注册"


def person_by_name(ctx: Ctx, name: str) -> Person | None:
    """The first person known by this name (the 模拟人脸 select lists names)."""
    for person in ctx.repo.people():
        if person.name == name:
            return person
    return None


def _log_in(ctx: Ctx, id_number: str) -> None:
    state = ctx.repo.app()
    state.user = id_number
    ctx.repo.save_app(state)


def alipay_login(ctx: Ctx, face: str) -> Result:
    """支付宝授权登录: the recognised person, if the centre has an account for them."""
    person = None if face == texts.FACE_FAILS else person_by_name(ctx, face)
    if person is None:
        return Result.refused(texts.FACE_FAILED)
    if ctx.repo.account_for(person.id_number) is None:
        return Result.refused(texts.NO_ACCOUNT)
    _log_in(ctx, person.id_number)
    return Result.done(texts.LOGIN_OK, person)


def check_face_identity(ctx: Ctx, name: str, id_number: str) -> Result:
    """下一步 of 刷脸实名登录: number, account, name; value is the stored number."""
    parsed = ids.parse_resident_id(id_number, ctx.today)
    if parsed is None:
        return Result.refused(texts.ID_INVALID)
    account = ctx.repo.account_for(parsed.number)
    if account is None:
        return Result.refused(texts.NO_ACCOUNT)
    if name.strip() != account.name:
        return Result.refused(texts.NAME_MISMATCH)
    return Result.done(value=parsed.number)


def match_face(ctx: Ctx, id_number: str, face: str) -> Result:
    """开始识别 of 刷脸实名登录: the face must be the person being verified."""
    if face == texts.FACE_FAILS:
        return Result.refused(texts.FACE_FAILED)
    number = ids.normalize_id(id_number)
    account = ctx.repo.account_for(number)
    person = ctx.repo.person(number)
    names = {record.name for record in (account, person) if record is not None}
    if face not in names:
        return Result.refused(texts.FACE_MISMATCH)
    return Result.done()


def _expected_password(person: Person | None, account: Account) -> str:
    if person is not None and person.password is not None:
        return person.password
    # Opened at the counter and never registered: the last six characters.
    return account.id_number[-6:]


def password_login(ctx: Ctx, id_number: str, password: str) -> Result:
    """登录 with a password; counts wrong tries and locks until the next day."""
    number = ids.normalize_id(id_number)
    account = ctx.repo.account_for(number)
    if account is None:
        return Result.refused(texts.NO_ACCOUNT)
    person = ctx.repo.person(number) or Person(
        name=account.name, id_number=number, phone=account.phone
    )
    if person.locked_on == ctx.today:
        return Result.refused(texts.LOCKED)

    expected = _expected_password(person, account)
    typed = password if person.password is not None else password.upper()
    if typed == expected:
        person.failed_logins, person.failed_on, person.locked_on = 0, None, None
        ctx.repo.save_person(person)
        _log_in(ctx, number)
        return Result.done(texts.LOGIN_OK, person)
    return _count_wrong_password(ctx, person)


def _count_wrong_password(ctx: Ctx, person: Person) -> Result:
    earlier = person.failed_logins if person.failed_on == ctx.today else 0
    person.failed_logins, person.failed_on = earlier + 1, ctx.today
    limit = ctx.profile.login.wrong_passwords_to_lock
    if person.failed_logins >= limit:
        person.locked_on = ctx.today
        ctx.repo.save_person(person)
        ctx.audit(person.id_number, texts.AUDIT_LOCKED)
        return Result.refused(texts.LOCKED)
    ctx.repo.save_person(person)
    return Result.refused(
        texts.WRONG_PASSWORD.format(left=limit - person.failed_logins)
    )


def check_registration(ctx: Ctx, form: RegistrationForm) -> Result:
    """The rules of §4 in order; value is the SmsCode to use up."""
    fields = (form.name, form.id_number, form.phone, form.password, form.confirm)
    if not all(text.strip() for text in (*fields, form.code)):
        return Result.refused(texts.FILL_ALL)
    parsed = ids.parse_resident_id(form.id_number, ctx.today)
    if parsed is None:
        return Result.refused(texts.ID_INVALID)
    if not ids.is_valid_phone(form.phone):
        return Result.refused(texts.PHONE_INVALID)
    account = ctx.repo.account_for(parsed.number)
    if account is None:
        return Result.refused(texts.OPEN_FIRST)
    if form.phone.strip() != account.phone:
        return Result.refused(texts.PHONE_NOT_ON_FILE)
    person = ctx.repo.person(parsed.number)
    if person is not None and person.password is not None:
        return Result.refused(texts.ALREADY_REGISTERED)
    if not _PASSWORD_RULE.fullmatch(form.password):
        return Result.refused(texts.PASSWORD_RULE)
    if form.password != form.confirm:
        return Result.refused(texts.PASSWORDS_DIFFER)
    code = sms.verify(ctx, form.phone, REGISTER_PURPOSE, form.code)
    if not code:
        return code
    if not form.terms:
        return Result.refused(texts.MUST_TICK_TERMS)
    return code


def register(ctx: Ctx, form: RegistrationForm) -> Result:
    """注册: sets the person's password; the code is used up."""
    checked = check_registration(ctx, form)
    if not checked:
        return checked
    number = ids.normalize_id(form.id_number)
    account = ctx.repo.account_for(number)
    assert account is not None  # checked above
    person = ctx.repo.person(number) or Person(
        name=account.name, id_number=number, phone=account.phone
    )
    person.password = form.password
    ctx.repo.save_person(person)
    sms.use_up(ctx, checked.value)
    ctx.audit(number, texts.AUDIT_REGISTERED)
    return Result.done(texts.REGISTERED, person)


def password_strength(password: str) -> str:
    """弱, 中 or 强: by length and how many kinds of character are mixed."""
    kinds = sum(
        bool(re.search(pattern, password))
        for pattern in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    weak, medium, strong = texts.STRENGTH
    if len(password) < 8 or kinds <= 1:
        return weak
    if kinds == 2 and len(password) < 12:
        return medium
    return strong
