"""What the modes say about a step: the exact instruction, the demo caption."""

from __future__ import annotations

from collections.abc import Sequence

from tui_app.flows import Step
from tui_app.flows import model as m

KEY_NAMES = {
    "escape": "Esc",
    "enter": "回车",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "空格",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}
INTERACTIVE = (m.Tap, m.Input, m.Choose, m.Swipe, m.Press)
"""Steps the trainee does; the others run by themselves."""


def key_name(key: str) -> str:
    return KEY_NAMES.get(key, key.upper() if key.startswith("f") else key)


def action(step: Step, text: str | None = None) -> str:
    """The step as a person does it: `点击《同意》`, `在《姓名》中输入 刘洋`.

    `text` replaces what an input step types (its `${sms}` filled in).
    """
    if isinstance(step, m.Tap):
        return f"点击《{step.label}》"
    if isinstance(step, m.Input):
        return f"在《{step.field}》中输入 {text if text is not None else step.value}"
    if isinstance(step, m.Choose):
        return f"在《{step.field}》中选择 {step.option}"
    if isinstance(step, m.Swipe):
        if step.direction == "left":
            return "向左滑动（按 → 键）"
        return "向右滑动（按 ← 键）"
    if isinstance(step, m.Press):
        return f"按 {key_name(step.key)} 键"
    return caption(step)


def instruction(step: Step, text: str | None = None) -> str:
    """The third level of help: exactly what to do, as `请点击《同意》`."""
    return "请" + action(step, text)


def hint(step: Step) -> str:
    """The step's hint in the manual's words, or its action when it has none."""
    return step.hint or action(step)


def caption(step: Step) -> str:
    """A short line for a step that runs by itself (demo captions)."""
    if isinstance(step, m.See):
        return f"屏幕显示：{step.expected}"
    if isinstance(step, m.NotSee):
        return f"屏幕不再显示：{step.unexpected}"
    if isinstance(step, m.SetClock):
        return f"模拟时间调整为 {step.moment:%Y-%m-%d %H:%M}"
    if isinstance(step, m.Counter):
        return "柜台办结全部预约"
    if isinstance(step, m.Restart):
        return "重新启动手机公积金"
    if isinstance(step, m.AccountCheck | m.AppointmentCheck):
        what = "账户" if isinstance(step, m.AccountCheck) else "预约"
        values = "，".join(f"{k}={v}" for k, v in step.expected.items())
        return f"核对{what}：{values}"
    if isinstance(step, m.Screenshot):
        return "截图"
    return action(step)


def is_interactive(step: Step) -> bool:
    return isinstance(step, INTERACTIVE)


def action_numbers(steps: Sequence[Step]) -> list[int | None]:
    """Each step's number among the trainee's actions, None for the other steps.

    The one numbering of a lesson's steps: training's `第 3/9 步`, the demo's and the
    manual's headings all count only what a person does (taps, inputs, chooses,
    swipes, presses), so a trainer can point at the same step in all three.
    """
    numbers: list[int | None] = []
    done = 0
    for step in steps:
        if is_interactive(step):
            done += 1
            numbers.append(done)
        else:
            numbers.append(None)
    return numbers


def action_count(steps: Sequence[Step]) -> int:
    """How many steps a person does: the total of `第 3/9 步`."""
    return sum(number is not None for number in action_numbers(steps))


def progress(number: int, steps: Sequence[Step]) -> str:
    """`第 3/9 步`: action `number` of the lesson's actions."""
    return f"第 {number}/{action_count(steps)} 步"


def elapsed(seconds: float) -> str:
    """`03:07` (minutes and seconds) for timers and summaries."""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"


ACCOUNT_FIELDS = {
    "status": "账户状态", "kind": "缴存类型", "monthly_amount": "月缴存额",
    "paid_through": "缴至年月", "balance": "账户余额", "phone": "手机号码",
    "branch": "开户网点",
}  # fmt: skip
APPOINTMENT_FIELDS = {
    "kind": "预约类型", "status": "办理状态", "id_number": "证件号码",
    "branch": "承办网点", "date": "预约日期", "time": "预约时间",
}  # fmt: skip


def goal_missed(step: Step, sim: object) -> str:
    """Why a goal check does not hold, in the trainer's words."""
    from tui_app.flows.checks import mismatches

    if isinstance(step, m.AccountCheck):
        record = sim.current_account()  # type: ignore[attr-defined]
        names, missing = ACCOUNT_FIELDS, "没有登录的缴存人账户"
    elif isinstance(step, m.AppointmentCheck):
        record = sim.latest_appointment()  # type: ignore[attr-defined]
        names, missing = APPOINTMENT_FIELDS, "还没有预约"
    elif isinstance(step, m.See):
        return f"屏幕上没有出现“{step.expected}”"
    elif isinstance(step, m.NotSee):
        return f"屏幕上不应出现“{step.unexpected}”"
    else:
        return "未达到任务目标"
    if record is None:
        return missing
    wrong = [
        f"{names.get(name, name)}为 {actual or '（无）'}，应为 {want}"
        for name, actual, want in mismatches(record, step.expected)
    ]
    return "；".join(wrong) or "未达到任务目标"
