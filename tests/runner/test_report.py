"""What a run reports: console lines, screenshots and JUnit XML for CI."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from standin import standin_options

from tui_app.flows import (
    FlowHooks,
    StepEvent,
    StepOutcome,
    parse_flow,
    run_flow,
    run_paths_async,
)

PASSING = """\
name: 通过的流程
steps:
  - tap: 登录
  - screenshot: after-login
  - see: 已点击登录
"""
FAILING = """\
name: 失败的流程
steps:
  - tap: 登录
  - tap: 重复
  - see: 不会执行
"""


def write_flows(folder: Path) -> None:
    folder.mkdir()
    (folder / "b-failing.yaml").write_text(FAILING, encoding="utf-8")
    (folder / "a-passing.yaml").write_text(PASSING, encoding="utf-8")


async def test_a_folder_run_reports_each_flow_on_the_console_and_in_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_flows(tmp_path / "flows")
    out, junit = tmp_path / "out", tmp_path / "reports" / "junit.xml"

    status = await run_paths_async(
        [tmp_path / "flows"], junit, out, None, standin_options(out, settle=0.2)
    )

    assert status == 1
    shot = out / "failure-b-failing-step-002.svg"
    assert_console(capsys.readouterr().out.splitlines(), shot)
    assert shot.read_text(encoding="utf-8").startswith("<svg")
    assert (out / "after-login.svg").exists()
    assert_junit(junit, shot)


def assert_console(lines: list[str], shot: Path) -> None:
    """Flows in name order; the failure's step, text, reason and screenshot."""
    assert lines[0].startswith("PASSED 通过的流程 (")
    assert lines[1].startswith("FAILED 失败的流程 (")
    assert lines[2] == "  at step 2 (line 4): tap: 重复"
    assert lines[3] == "  reason: 2 controls are labelled '重复'"
    assert lines[4] == f"  screenshot: {shot}"
    assert lines[5] == "1 passed, 1 failed"


def assert_junit(junit: Path, shot: Path) -> None:
    """One testcase per flow, steps in system-out, the screenshot attached."""
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    passed, failed = suite.findall("testcase")
    assert passed.get("name") == "通过的流程" and passed.find("failure") is None
    assert "step 2: ok screenshot: after-login" in passed.findtext("system-out", "")
    failure = failed.find("failure")
    assert failure is not None
    assert failure.get("message") == "2 controls are labelled '重复'"
    output = failed.findtext("system-out", "")
    assert "step 1: ok tap: 登录" in output
    assert "step 2: FAILED tap: 重复" in output
    assert "step 3" not in output  # nothing runs after a failure
    assert f"[[ATTACHMENT|{shot.resolve()}]]" in output
    prop = failed.find("properties/property")
    assert prop is not None and prop.get("value") == str(shot)


async def test_all_passing_flows_exit_0(tmp_path: Path) -> None:
    flow = tmp_path / "ok.yaml"
    flow.write_text(PASSING, encoding="utf-8")

    status = await run_paths_async(
        [flow], None, tmp_path / "out", None, standin_options(tmp_path / "out")
    )

    assert status == 0


async def test_hooks_see_every_step_before_and_after_it_runs(tmp_path: Path) -> None:
    seen: list[str] = []

    async def before(event: StepEvent) -> None:
        seen.append(f"before {event.section} {event.number} {event.step.verb}")

    async def after(event: StepEvent, outcome: StepOutcome) -> None:
        assert event.driver.app.screen is not None
        seen.append(f"after {event.number} {'ok' if outcome.passed else 'failed'}")

    flow = parse_flow(FAILING, tmp_path / "f.yaml")
    options = standin_options(tmp_path / "out", settle=0.2)

    result = await run_flow(flow, options, FlowHooks(before, after))

    assert not result.passed
    assert seen == [
        "before step 1 tap",
        "after 1 ok",
        "before step 2 tap",
        "after 2 failed",
    ]
