"""In the manual's screenshots every Chinese character takes exactly two cells.

Rich stretches each run of text over `len(text)` cells, so a run with Chinese in it is
squashed into half its room; the post-processed SVG places every character by its
own cells instead, and a browser draws each Chinese glyph inside its two cells.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from chromium import Browser
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.widgets import Static

from tui_app.manual.svgfix import fix_svg, grid_of

LINE = "用户AB协议《条款》：OK"
"""Wide and narrow characters mixed, with full-width punctuation."""
TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")


class OneLine(App[None]):
    CSS = "Static { padding: 0; margin: 0; }"

    def compose(self) -> ComposeResult:
        yield Static(LINE)


async def screenshot() -> str:
    app = OneLine()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        return app.export_screenshot()


def runs(svg: str) -> list[tuple[list[float], str]]:
    """Every terminal text element: its x positions and its characters."""
    found = []
    for attributes, body in TEXT.findall(svg):
        if "clip-path" not in attributes:
            continue
        xs = re.search(r'\bx="([^"]*)"', attributes)
        assert xs is not None
        found.append(([float(x) for x in xs.group(1).split()], html.unescape(body)))
    return found


async def test_each_wide_character_is_centred_on_its_two_cells() -> None:
    raw = await screenshot()
    fixed = fix_svg(raw)
    cell = grid_of(fixed).cell_width

    xs, text = next(run for run in runs(fixed) if run[1].startswith("用户"))
    assert text == LINE
    assert len(xs) == len(text), "one x for every character"
    column = 0
    for x, character in zip(xs, text, strict=True):
        width = cell_len(character)
        centre = (column + width / 2) * cell
        assert abs(x - centre) < 0.01, f"{character!r} is off columns {column}+{width}"
        column += width
    assert column == 22  # 9 wide characters and 4 narrow ones
    assert 'text-anchor="middle"' in fixed and "textLength" not in fixed


async def test_rich_alone_squashes_the_chinese_run() -> None:
    """Why the post-processing exists: Rich gives the run one cell per character."""
    raw = await screenshot()
    cell = grid_of(raw).cell_width

    match = re.search(r'textLength="([\d.]+)"[^>]*>用户', raw)
    assert match is not None
    assert abs(float(match.group(1)) - len(LINE) * cell) < 0.01
    assert len(LINE) < cell_len(LINE)


async def test_chromium_draws_each_chinese_glyph_inside_its_cells(
    chromium: str, tmp_path: Path
) -> None:
    fixed = fix_svg(await screenshot())
    cell = grid_of(fixed).cell_width
    page = tmp_path / "cells.html"
    page.write_text(f'<html><body style="margin:0">{fixed}</body></html>', "utf-8")

    measure = """
      (() => {
        const run = [...document.querySelectorAll('text')]
          .find(t => t.textContent.replace(/\\u00a0/g, ' ').startsWith('用户'));
        const text = run.textContent;
        const xs = run.getAttribute('x').split(' ').map(Number);
        return [...text].map((ch, i) => {
          const box = run.getExtentOfChar(i);
          return [ch, xs[i], box.x, box.width];
        });
      })()
    """
    async with Browser(width=600, height=200) as browser:
        await browser.open(page.as_uri())
        await browser.wait_for("document.fonts.status === 'loaded'")
        glyphs = await browser.evaluate(measure)
        await browser.screenshot(tmp_path / "cells.png")

    assert len(glyphs) == len(LINE)
    for character, centre, left, width in glyphs:
        cells = cell_len(character)
        room = cells * cell
        assert left >= centre - room / 2 - 0.5, f"{character!r} spills left"
        assert left + width <= centre + room / 2 + 0.5, f"{character!r} spills right"
        if cells == 2 and character not in "《》：":
            # A real CJK glyph is about one em wide: wider than one cell.
            assert width > 1.3 * cell, f"{character!r} is squashed ({width:.1f})"
