"""Applying to open an account (PRODUCT §5): identity rules, the draft, the booking."""

from __future__ import annotations

from datetime import date

from state import appointments, ids, texts
from state.context import Ctx
from state.models import Appointment, OpenAccountDraft, Person
from state.result import Result


def birth_of(ctx: Ctx, draft: OpenAccountDraft) -> tuple[date, bool | None] | None:
    """Birth date and sex (None: unknown) from the number or the 出生日期 field."""
    if draft.doc_type == texts.RESIDENT_ID:
        parsed = ids.parse_resident_id(draft.id_number, ctx.today)
        return (parsed.birth, parsed.male) if parsed else None
    try:
        return date.fromisoformat(draft.birth_date.strip()), None
    except ValueError:
        return None


def age_allowed(ctx: Ctx, draft: OpenAccountDraft) -> bool:
    """From 16 to under 60 (men) / 55 (women) on the simulated date."""
    found = birth_of(ctx, draft)
    if found is None:
        return False
    birth, male = found
    limits = ctx.profile.age
    # Other documents do not say the sex; the wider (men's) limit applies then.
    below = limits.female_below if male is False else limits.male_below
    return limits.low <= ids.age_on(birth, ctx.today) < below


def has_account(ctx: Ctx, id_number: str) -> bool:
    """An account not closed: a closed one does not stop opening a new one."""
    account = ctx.repo.account_for(id_number)
    return account is not None and account.status != texts.CLOSED


def check_identity(ctx: Ctx, draft: OpenAccountDraft) -> Result:
    """下一步 of the identity step; value is the draft as stored (number normalised)."""
    if not ids.is_valid_name(draft.name):
        return Result.refused(texts.NAME_INVALID)
    if not ids.is_valid_doc(draft.doc_type, draft.id_number, ctx.today):
        return Result.refused(texts.ID_INVALID)
    if not age_allowed(ctx, draft):
        return Result.refused(texts.AGE_NOT_ALLOWED)
    number = ids.normalize_doc(draft.doc_type, draft.id_number)
    if has_account(ctx, number):
        return Result.refused(texts.ALREADY_HAS_ACCOUNT)
    if appointments.pending_for(ctx, number, "开户"):
        return Result.refused(texts.HAS_PENDING)
    # §5 lists no phone rule, but the phone becomes the account's and its card's:
    # it is checked after every listed rule so their order stays as written.
    if not ids.is_valid_phone(draft.phone):
        return Result.refused(texts.PHONE_INVALID)
    birth = ids.birth_label(draft.doc_type, number, ctx.today) or draft.birth_date
    normal = draft.model_copy(
        update={
            "name": draft.name.strip(),
            "id_number": number,
            "phone": draft.phone.strip(),
            "birth_date": birth.strip(),
        }
    )
    return Result.done(value=normal)


def load_draft(ctx: Ctx) -> OpenAccountDraft | None:
    return ctx.repo.app().draft


def save_draft(ctx: Ctx, draft: OpenAccountDraft | None) -> None:
    state = ctx.repo.app()
    state.draft = draft
    ctx.repo.save_app(state)


def check_application(ctx: Ctx, draft: OpenAccountDraft) -> Result:
    """Every rule of the wizard again, in its order; value is the normalised draft."""
    identity = check_identity(ctx, draft)
    if not identity:
        return identity
    if not (draft.front_uploaded and draft.back_uploaded):
        return Result.refused(texts.UPLOAD_BOTH)
    try:
        day = date.fromisoformat(draft.date[:10]) if draft.date else None
    except ValueError:
        day = None
    slot = appointments.check_slot(ctx, draft.branch, day, draft.time)
    if not slot:
        return slot
    return identity


def apply(ctx: Ctx, draft: OpenAccountDraft) -> Result:
    """The last 下一步: books the 开户 appointment; value is the Appointment."""
    checked = check_application(ctx, draft)
    if not checked:
        return checked
    normal: OpenAccountDraft = checked.value
    template = Appointment(
        number=0,
        kind="开户",
        name=normal.name,
        doc_type=normal.doc_type,
        id_number=normal.id_number,
        phone=normal.phone,
        branch=normal.branch,
        date=date.fromisoformat(normal.date[:10]),
        time=normal.time,
        booked_at=ctx.now,
    )
    _remember_applicant(ctx, normal)
    appointment = appointments.book(ctx, template)
    save_draft(ctx, None)
    return Result.done(texts.APPLIED, appointment)


def _remember_applicant(ctx: Ctx, draft: OpenAccountDraft) -> None:
    """The applicant joins the 模拟人脸 list (a known person keeps their password)."""
    person = ctx.repo.person(draft.id_number) or Person(
        name=draft.name, id_number=draft.id_number
    )
    person.name, person.doc_type, person.phone = draft.name, draft.doc_type, draft.phone
    ctx.repo.save_person(person)
