"""Simulated text messages with verification codes (PRODUCT §9).

A code belongs to one phone and one purpose, is valid for the profile's minutes
(the end itself included: 4:59 and 5:00 pass, 5:01 is expired) and is used up only
when the operation it was sent for succeeds. Only the newest code of a phone and
purpose counts, as in real apps: asking again replaces the earlier code.
"""

from __future__ import annotations

import math
from typing import get_args

from state import ids, texts
from state.context import Ctx
from state.models import SmsCode
from state.result import Result

PURPOSES: tuple[str, ...] = get_args(SmsCode.model_fields["purpose"].annotation)


def _latest(ctx: Ctx, phone: str, purpose: str) -> SmsCode | None:
    sent = [m for m in ctx.repo.sms() if m.phone == phone and m.purpose == purpose]
    return sent[-1] if sent else None


def resend_wait(ctx: Ctx, phone: str, purpose: str) -> int:
    """Whole seconds before another code may be sent (0: now)."""
    latest = _latest(ctx, phone.strip(), purpose)
    if latest is None:
        return 0
    elapsed = (ctx.now - latest.sent_at).total_seconds()
    if elapsed < 0:
        # The trainer moved the clock back past the last code: allow a new one.
        return 0
    return max(0, math.ceil(ctx.profile.sms.resend_seconds - elapsed))


def check_send(ctx: Ctx, phone: str, purpose: str) -> Result:
    """The phone's format, then the resend wait."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown SMS purpose {purpose!r}")
    if not ids.is_valid_phone(phone):
        return Result.refused(texts.PHONE_INVALID)
    wait = resend_wait(ctx, phone, purpose)
    if wait:
        return Result.refused(texts.RESEND_WAIT.format(seconds=wait))
    return Result.done()


def send(ctx: Ctx, phone: str, purpose: str) -> Result:
    """Send a new 6-digit code; value is the SmsCode, message the text shown."""
    checked = check_send(ctx, phone, purpose)
    if not checked:
        return checked
    code = f"{ctx.rng.randrange(1_000_000):06d}"
    message = SmsCode(
        phone=phone.strip(),
        purpose=purpose,  # type: ignore[arg-type]
        code=code,
        sent_at=ctx.now,
    )
    ctx.repo.add_sms(message)
    return Result.done(texts.SMS_TEXT.format(code=code), message)


def verify(ctx: Ctx, phone: str, purpose: str, code: str) -> Result:
    """`验证码错误` or `验证码已过期`; value is the SmsCode to use up on success."""
    latest = _latest(ctx, phone.strip(), purpose)
    if latest is None or latest.used or latest.code != code.strip():
        return Result.refused(texts.CODE_WRONG)
    age = (ctx.now - latest.sent_at).total_seconds()
    if age > ctx.profile.sms.valid_seconds or age < 0:
        return Result.refused(texts.CODE_EXPIRED)
    return Result.done(value=latest)


def use_up(ctx: Ctx, message: SmsCode) -> None:
    """The operation succeeded: the code cannot be used again."""
    ctx.repo.mark_sms_used(message)


def inbox(ctx: Ctx) -> list[SmsCode]:
    """Every code sent, newest first."""
    return list(reversed(ctx.repo.sms()))
