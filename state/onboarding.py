"""First launch and permissions (PRODUCT §2): the onboarding machine, the camera.

Each step is saved the moment it is done, so a relaunch resumes at the first step
not yet done.
"""

from __future__ import annotations

from state import texts
from state.context import Ctx
from state.machines import OnboardingMachine, can, fire
from state.models import AppState, CameraChoice
from state.result import Result

FIELD = "onboarding"


def _step(ctx: Ctx, event: str, **changes: object) -> Result:
    """Fire `event` if the onboarding is at its step; later steps are left alone."""
    state = ctx.repo.app()
    if not can(OnboardingMachine, state, FIELD, event):
        # A screen that repeats a step (a double tap, a stale page) changes nothing.
        return Result.done()
    for name, value in changes.items():
        setattr(state, name, value)
    fire(OnboardingMachine, state, FIELD, event)
    ctx.repo.save_app(state)
    return Result.done()


def agree(ctx: Ctx) -> Result:
    return _step(ctx, "agree")


def disagree() -> Result:
    """不同意: the agreement page stays."""
    return Result.refused(texts.MUST_AGREE)


def finish_intro(ctx: Ctx) -> Result:
    return _step(ctx, "finish_intro")


def answer_location(ctx: Ctx, allowed: bool) -> Result:
    return _step(ctx, "answer_location", located=allowed)


def choose_city(ctx: Ctx, city: str) -> Result:
    """Only the profile's city is served; choosing it ends the onboarding."""
    if city != ctx.profile.city:
        return Result.refused(texts.CITY_NOT_SERVED)
    state = ctx.repo.app()
    if can(OnboardingMachine, state, FIELD, "choose_city"):
        fire(OnboardingMachine, state, FIELD, "choose_city")
    if state.city != city or state.onboarding != "done":
        state.city = city
        ctx.repo.save_app(state)
    return Result.done()


def skip(ctx: Ctx) -> None:
    """Onboarding done, location allowed, the city chosen (flow start `home`)."""
    state = ctx.repo.app()
    if can(OnboardingMachine, state, FIELD, "skip"):
        fire(OnboardingMachine, state, FIELD, "skip")
    state.located = True
    state.city = ctx.profile.city
    ctx.repo.save_app(state)


def camera_needed(state: AppState, asked_this_launch: bool) -> bool:
    """The prompt shows unless the camera is allowed for good or for this launch."""
    # 禁止 is remembered (the console shows it) but asked again next time, as a
    # phone does before "don't ask again": a trainee can always recover.
    return state.camera != texts.ALLOW_WHILE_USING and not asked_this_launch


def answer_camera(ctx: Ctx, choice: CameraChoice) -> Result:
    """Save the answer; 禁止 is refused with the camera message."""
    if choice not in (texts.ALLOW_WHILE_USING, texts.ALLOW_ONCE, texts.DENY):
        raise ValueError(f"unknown camera answer {choice!r}")
    state = ctx.repo.app()
    state.camera = choice
    ctx.repo.save_app(state)
    if choice == texts.DENY:
        return Result.refused(texts.CAMERA_DENIED)
    return Result.done()


def factory_reset(ctx: Ctx) -> None:
    """恢复首次安装状态: onboarding, permissions and login reset; data kept."""
    state = ctx.repo.app()
    if can(OnboardingMachine, state, FIELD, "reset"):
        fire(OnboardingMachine, state, FIELD, "reset")
    state.located = False
    state.city = None
    state.camera = None
    state.user = None
    ctx.repo.save_app(state)
