"""The illustrated manual opens offline in a browser with every screenshot, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chromium import Browser
from conftest import LESSONS

from tui_app.flows import load_flow
from tui_app.manual import build_manual_async
from tui_app.manual.build import account_diagrams
from tui_app.modes import wording

TWO_LESSONS = [LESSONS / "01_onboarding.yaml", LESSONS / "08_remit.yaml"]

ALL_IMAGES_DONE = "[...document.images].every(image => image.complete)"
IMAGES = "[...document.images].map(i => [i.getAttribute('src'), i.naturalWidth])"
HEADINGS = "[...document.querySelectorAll('section > h2')].map(h => h.textContent)"


async def test_manual_opens_offline_with_every_screenshot(
    chromium: str, tmp_path: Path
) -> None:
    manual = await build_manual_async(tmp_path / "manual", TWO_LESSONS, None, False)

    assert manual.passed
    shots = [shot.image for section in manual.sections for shot in section.shots]
    pictured = sum(
        1
        for path in TWO_LESSONS
        for step in load_flow(path).steps
        if step.hint or wording.is_interactive(step)
    )
    assert len(shots) == pictured
    assert all((manual.folder / image).is_file() for image in shots)

    async with Browser() as browser:
        await browser.open(manual.index.as_uri())
        await browser.wait_for(ALL_IMAGES_DONE)
        images = await browser.evaluate(IMAGES)
        headings = await browser.evaluate(HEADINGS)
        inline_svgs = await browser.evaluate("document.querySelectorAll('svg').length")
        png = await browser.screenshot(tmp_path / "manual.png")

    assert [src for src, _ in images] == shots
    assert all(width > 0 for _, width in images), "an image did not load"
    names = [load_flow(path).name for path in TWO_LESSONS]
    assert headings == [f"1. {names[0]}", f"2. {names[1]}", "账户状态图"]
    assert inline_svgs == len(account_diagrams())
    requested = browser.requests
    assert len(requested) > len(shots), requested  # the page and its pictures
    assert all(url.startswith("file://") for url in requested), requested
    assert png.stat().st_size > 10_000
    print(f"manual screenshot: {png}")


async def test_markdown_twin_has_the_same_sections_and_pictures(
    tmp_path: Path,
) -> None:
    manual = await build_manual_async(tmp_path / "m", TWO_LESSONS[:1], None, False)

    markdown = manual.markdown.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    shots = [shot.image for shot in manual.sections[0].shots]
    diagrams = [diagram.file for diagram in account_diagrams()]
    assert pictures == shots + diagrams
    assert all((manual.folder / picture).is_file() for picture in pictures)
    assert f"## 1. {load_flow(TWO_LESSONS[0]).name}" in markdown
    for shot in manual.sections[0].shots:
        assert shot.hint in markdown


async def test_manual_numbers_the_steps_as_training_does(tmp_path: Path) -> None:
    manual = await build_manual_async(tmp_path / "m", TWO_LESSONS[:1], None, False)

    [section] = manual.sections
    steps = section.flow.steps
    numbers = [shot.number for shot in section.shots]
    assert numbers == [None, *range(1, 8)], "the agreement is looked at, not a step"
    assert section.actions == 7 == wording.action_count(steps)
    markdown = manual.markdown.read_text(encoding="utf-8")
    assert "共7步" in markdown
    headings = re.findall(r"^### (第\d+步)?", markdown, re.MULTILINE)
    assert [h for h in headings if h] == [f"第{n}步" for n in range(1, 8)]
    assert "### 第1步 阅读后点击《同意》" in markdown


def test_account_diagram_shows_every_state_and_operation() -> None:
    status = account_diagrams()[0].svg

    for state in ("正常", "封存", "销户"):
        assert f">{state}</text>" in status
    for operation in ("封存", "启封", "退出缴存提取"):
        assert f'class="label">{operation}</text>' in status
    assert status.count('class="edge"') == 3 + 1  # three transitions, the start
    assert "http" not in status.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_command_writes_the_named_lessons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_app.cli import main

    assert main(["manual", "--out", str(tmp_path), "汇缴"]) == 0

    assert "(1 lessons," in capsys.readouterr().out
    assert "## 1. 汇缴" in (tmp_path / "manual.md").read_text(encoding="utf-8")
    assert (tmp_path / "index.html").is_file()


def test_command_refuses_an_unknown_lesson(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui_app.cli import main

    assert main(["manual", "--out", str(tmp_path), "没有这一课"]) == 2

    assert "没有这一课" in capsys.readouterr().err
    assert not (tmp_path / "index.html").exists()
