"""Flow results for people (console lines) and for CI (JUnit XML)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from tui_app.flows.model import FlowError
from tui_app.flows.runner import FlowResult, StepOutcome


def console_lines(result: FlowResult) -> list[str]:
    """One line per flow; a failure adds where, the step as written, why and a shot."""
    status = "PASSED" if result.passed else "FAILED"
    lines = [f"{status} {result.flow.name} ({result.flow.path}) {result.seconds:.1f}s"]
    failure = result.failure
    if failure is not None:
        if failure.step is None:
            lines.append(f"  at {failure.where}: start: {result.flow.start}")
        else:
            where = f"{failure.where} (line {failure.step.line})"
            lines.append(f"  at {where}: {failure.text}")
        lines.append(f"  reason: {failure.reason}")
        if result.screenshot is not None:
            lines.append(f"  screenshot: {result.screenshot}")
    return lines


def summary_line(results: list[FlowResult]) -> str:
    failed = sum(not result.passed for result in results)
    return f"{len(results) - failed} passed, {failed} failed"


def step_log(outcome: StepOutcome) -> str:
    mark = "ok" if outcome.passed else "FAILED"
    line = f"{outcome.where}: {mark} {outcome.text} ({outcome.seconds:.2f}s)"
    return line if outcome.passed else f"{line}\n    {outcome.reason}"


def junit_xml(results: list[FlowResult], invalid: list[FlowError]) -> ET.ElementTree:
    """One testcase per flow; invalid files become testcases with an error."""
    failures = sum(not result.passed for result in results)
    suite = ET.Element(
        "testsuite",
        name="gjj-sim flows",
        tests=str(len(results) + len(invalid)),
        failures=str(failures),
        errors=str(len(invalid)),
        time=f"{sum(result.seconds for result in results):.3f}",
    )
    for result in results:
        suite.append(_testcase(result))
    for error in invalid:
        case = ET.SubElement(
            suite, "testcase", name=error.path.name, classname=error.path.stem, time="0"
        )
        ET.SubElement(case, "error", message=str(error), type="FlowError").text = str(
            error
        )
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.ElementTree(root)


def _testcase(result: FlowResult) -> ET.Element:
    case = ET.Element(
        "testcase",
        name=result.flow.name,
        classname=result.flow.path.stem,
        file=str(result.flow.path),
        time=f"{result.seconds:.3f}",
    )
    output = [step_log(outcome) for outcome in result.outcomes]
    failure = result.failure
    if failure is not None:
        if result.screenshot is not None:
            properties = ET.SubElement(case, "properties")
            ET.SubElement(
                properties,
                "property",
                name="attachment",
                value=str(result.screenshot),
            )
        element = ET.SubElement(
            case, "failure", message=failure.reason, type="StepFailed"
        )
        element.text = "\n".join(console_lines(result))
        if result.screenshot is not None:
            output.append(f"[[ATTACHMENT|{result.screenshot.resolve()}]]")
    ET.SubElement(case, "system-out").text = "\n".join(output)
    return case


def write_junit(
    path: Path, results: list[FlowResult], invalid: list[FlowError]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    junit_xml(results, invalid).write(path, encoding="utf-8", xml_declaration=True)
