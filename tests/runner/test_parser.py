"""A flow file is checked before it runs; every error names its file and line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tui_app.flows import FlowError, parse_flow, run_paths
from tui_app.flows import model as m

GOOD = """\
name: 汇缴
task: 为李强办理本月汇缴
clock: "2026-03-10 09:30"
start: {login: 李强}
personas: demo
size: [120, 40]
steps:
  - tap: 业务办理
    hint: 点击底部的《业务办理》
  - input: {field: 姓名, text: " 李 强 "}
  - input:
      field: 验证码
      text: ${sms}
  - choose: {field: 预约日期, option: 2026-03-11}
  - swipe: left
  - press: escape
  - see: 交易成功
  - not_see: 失败
  - clock: "2026-04-01 08:00"
  - counter: process
  - restart: true
  - screenshot: remit-done
goal:
  - account: {status: 正常, paid_through: "2026-03", balance: 6500.00}
  - appointment: {date: 2026-03-11, time: 09:00-10:00}
"""


def parse(text: str) -> m.Flow:
    return parse_flow(text, Path("flow.yaml"))


def test_a_complete_flow_is_read_into_typed_steps() -> None:
    flow = parse(GOOD)

    assert (flow.name, flow.task) == ("汇缴", "为李强办理本月汇缴")
    assert flow.clock == datetime(2026, 3, 10, 9, 30)
    assert flow.start == m.Start("login", "李强")
    assert (flow.personas, flow.size) == ("demo", (120, 40))
    assert parse("name: x\npersonas: none\nsteps:\n  - see: a\n").personas == "none"
    assert [type(step).__name__ for step in flow.steps] == [
        "Tap", "Input", "Input", "Choose", "Swipe", "Press", "See", "NotSee",
        "SetClock", "Counter", "Restart", "Screenshot",
    ]  # fmt: skip
    tap, spaced, sms, choose, swipe = flow.steps[:5]
    assert (tap.line, tap.hint, tap.text) == (
        8,
        "点击底部的《业务办理》",
        "tap: 业务办理",
    )
    assert spaced.value == " 李 强 " and spaced.line == 10
    assert (sms.field, sms.value, sms.line) == ("验证码", "${sms}", 11)
    assert choose.option == "2026-03-11"  # a date stays text, as written
    assert swipe.key == "right"
    assert flow.goal[0].expected == {
        "status": "正常",
        "paid_through": "2026-03",
        "balance": "6500.00",
    }
    assert flow.goal[1].line == 25


def test_defaults_are_a_fresh_start_with_the_demo_people() -> None:
    flow = parse("name: x\nsteps:\n  - see: 首页\n")
    assert flow.start == m.Start("fresh")
    assert (flow.personas, flow.size, flow.clock, flow.goal) == (
        "demo",
        (100, 36),
        None,
        (),
    )


INVALID = [
    ("name: x\nsteps:\n  - tapp: 登录\n", 3, "unknown verb 'tapp'"),
    ("name: x\nsteps:\n  - {tap: 登录, see: 首页}\n", 3, "has tap and see"),
    ("name: x\nsteps:\n  - hint: 只有提示\n", 3, "no verb, only a hint"),
    ("name: x\nsteps:\n  - input: {field: 姓名}\n", 3, "input is missing 'text'"),
    ("name: x\nsteps:\n  - input: {text: 李强}\n", 3, "input is missing 'field'"),
    ("name: x\nsteps:\n  - input: 姓名\n", 3, "input needs {field: …, text: …}"),
    ("name: x\nsteps:\n  - choose: {field: a, value: b}\n", 3, "no field 'value'"),
    ("name: x\nsteps:\n  - tap: [a, b]\n", 3, "tap must be text, not a list"),
    ("name: x\nsteps:\n  - tap:\n", 3, "tap is missing a value"),
    ("name: x\nsteps:\n  - see: '  '\n", 3, "see must not be empty"),
    ("name: x\nsteps:\n  - swipe: up\n", 3, "swipe must be left or right"),
    ("name: x\nsteps:\n  - press: ctrl c\n", 3, "press needs one key name"),
    ("name: x\nsteps:\n  - clock: 2026-03-10\n", 3, "not a time YYYY-MM-DD HH:MM"),
    ("name: x\nsteps:\n  - clock: '2026-02-30 09:00'\n", 3, "not a real date"),
    ("name: x\nsteps:\n  - counter: run\n", 3, "counter must be process"),
    ("name: x\nsteps:\n  - restart: false\n", 3, "restart must be written"),
    ("name: x\nsteps:\n  - screenshot: a/b\n", 3, "plain file name"),
    ("name: x\nsteps:\n  - account: {color: red}\n", 3, "unknown account field"),
    ("name: x\nsteps:\n  - account: {balance: 65}\n", 3, "two decimals"),
    ("name: x\nsteps:\n  - appointment: {when: x}\n", 3, "unknown appointment field"),
    ("name: x\nsteps:\n  - appointment: {kind: 销户}\n", 3, "开户 or 转入"),
    ("name: x\nsteps:\n  - 登录\n", 3, "a step must be a mapping"),
    ("name: x\nsteps:\n  - see\n", 3, "step 'see' needs a value"),
    ("name: x\nsteps: 登录\n", 2, "'steps' must be a list of steps"),
    ("name: x\nsteps:\n", 2, "'steps' must be a list of steps, but is empty"),
    ("name: x\nsteps: []\n", 2, "'steps' has no steps"),
    ("name: x\n", 1, "the flow has no 'steps'"),
    ("steps:\n  - see: a\n", 1, "the flow has no 'name'"),
    ("name: x\nname: y\nsteps:\n  - see: a\n", 2, "'name' is given twice"),
    ("name: x\nstart: away\nsteps:\n  - see: a\n", 2, "start must be fresh, home"),
    ("name: x\nstart: {logon: a}\nsteps:\n  - see: a\n", 2, "{login: NAME}"),
    ("name: x\npersonas: all\nsteps:\n  - see: a\n", 2, "personas must be demo or"),
    ("name: x\nstart: {login: 无名氏}\nsteps:\n  - see: a\n", 2, "not a demo person"),
    (
        "name: x\nstart: {login: 李强}\npersonas: none\nsteps:\n  - see: a\n",
        2,
        "personas is none",
    ),
    ("name: x\nsize: [100]\nsteps:\n  - see: a\n", 2, "size must be two whole"),
    ("name: x\nsize: [100, '36']\nsteps:\n  - see: a\n", 2, "size must be two"),
    ("name: x\nsize: 100x36\nsteps:\n  - see: a\n", 2, "size must be two"),
    ("name: x\nclock: 9:30\nsteps:\n  - see: a\n", 2, "not a time"),
    ("name: x\nspeed: 2\nsteps:\n  - see: a\n", 2, "unknown key 'speed'"),
    ("name: x\nsteps:\n  - see: a\ngoal:\n  - tap: b\n", 5, "cannot be used in 'goal'"),
    ("- see: a\n", 1, "a flow file must be a mapping, not a list"),
    ("", 1, "the file is empty"),
    ("name: x\nsteps:\n  - see: [a\n", 3, "YAML syntax error"),
    ("name: x\nsteps:\n  - see: a\n   bad: indent\n", 4, "YAML syntax error"),
]


@pytest.mark.parametrize(("text", "line", "message"), INVALID)
def test_an_invalid_flow_names_the_line_and_what_is_wrong(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(FlowError) as raised:
        parse(text)

    assert raised.value.line == line, str(raised.value)
    assert message in raised.value.message
    assert str(raised.value).startswith(f"flow.yaml:{line}: ")


def test_the_step_as_written_is_kept_for_reports() -> None:
    flow = parse(
        "name: x\nsteps:\n  - {tap: 登录, hint: 点这里}\n  - input:\n"
        "      field: 姓名\n      text: 李强\n"
    )
    assert flow.steps[0].text == "{tap: 登录, hint: 点这里}"
    assert flow.steps[1].text == "input: {field: 姓名, text: 李强}"


def test_run_exits_2_and_prints_file_and_line_for_an_invalid_flow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nsteps:\n  - tap: a\n  - jump: b\n", encoding="utf-8")
    junit = tmp_path / "junit.xml"

    status = run_paths([tmp_path], junit=junit, out=tmp_path / "out")

    assert status == 2
    assert f"{bad}:4: unknown verb 'jump'" in capsys.readouterr().err
    assert "FlowError" in junit.read_text(encoding="utf-8")


def test_run_exits_2_for_a_missing_path_or_an_empty_folder(tmp_path: Path) -> None:
    assert run_paths([tmp_path / "nope.yaml"], out=tmp_path / "out") == 2
    assert run_paths([tmp_path], out=tmp_path / "out") == 2
