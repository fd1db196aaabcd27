"""Make Rich's SVG screenshots render on the cell grid in any browser, offline.

Rich's `export_svg` writes one `<text>` per run of same-styled characters and stretches
it with `textLength = len(text) × cell width`. A Chinese character takes two cells, so
a run with Chinese text gets half the room it needs and the browser squashes or
overlaps the glyphs. It also names the Fira Code web font on a CDN. Here every
character is placed by its own cell (its centre, `text-anchor: middle`), so a wide
character gets exactly two cells whatever font draws it, the CDN fonts are dropped and
the font stack names local monospace and CJK fonts.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.cells import cell_len

FONT_ASPECT = 0.61
"""Rich's default cell width as a fraction of the font size (`export_svg`)."""
LINE_FACTOR = 1.22
"""Rich's line height as a multiple of the font size."""
MONO_STACK = (
    '"DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", '
    '"Noto Sans CJK SC", "WenQuanYi Zen Hei Mono", "WenQuanYi Micro Hei Mono", '
    "monospace"
)
"""Latin and box-drawing glyphs from a terminal font; Chinese falls to a CJK font."""
TITLE_STACK = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", Arial, sans-serif'

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")
_MATRIX_FONT = re.compile(r"font-family:\s*Fira Code,\s*monospace;")
_FULL_WIDTH = re.compile(r"\s*font-variant-east-asian:\s*full-width;")
_TITLE_FONT = re.compile(r"font-family:\s*arial;")
_FONT_SIZE = re.compile(r"-matrix\s*\{[^}]*?font-size:\s*([\d.]+)px", re.S)
_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_TRANSLATE = re.compile(r'<g transform="translate\(([\d.-]+), ([\d.-]+)\)"')
_VIEWBOX = re.compile(r'viewBox="[^"]*"')


@dataclass(frozen=True)
class Grid:
    """The cell geometry of one exported screenshot, in SVG units."""

    cell_width: float
    line_height: float
    left: float
    """Where column 0 starts (the terminal's translate)."""
    top: float


def grid_of(svg: str) -> Grid:
    """The cell size and origin Rich used for this SVG."""
    found = _FONT_SIZE.search(svg)
    font_size = float(found.group(1)) if found else 20.0
    origin = _TRANSLATE.search(svg)
    left, top = (float(origin.group(1)), float(origin.group(2))) if origin else (0, 0)
    return Grid(font_size * FONT_ASPECT, font_size * LINE_FACTOR, left, top)


def fix_svg(svg: str) -> str:
    """The screenshot with local fonts and every character placed by its cells."""
    svg = _FONT_FACE.sub("", svg)
    svg = _MATRIX_FONT.sub(f"font-family: {MONO_STACK};", svg)
    svg = _FULL_WIDTH.sub("", svg)
    svg = _TITLE_FONT.sub(f"font-family: {TITLE_STACK};", svg)
    cell_width = grid_of(svg).cell_width
    return _TEXT.sub(lambda match: _place(match, cell_width), svg)


def crop_svg(svg: str, cells: tuple[int, int, int, int], pad: float = 4.0) -> str:
    """Show only the cells (x, y, width, height) of the screen, e.g. the phone."""
    grid = grid_of(svg)
    x, y, width, height = cells
    left = grid.left + x * grid.cell_width - pad
    top = grid.top + y * grid.line_height + 1.5 - pad
    # No padding below: it would show the top of the row under the phone.
    box = (
        f'viewBox="{left:g} {top:g} {width * grid.cell_width + 2 * pad:g} '
        f'{height * grid.line_height + pad:g}"'
    )
    return _VIEWBOX.sub(box, svg, count=1)


def _clusters(text: str) -> list[str]:
    """Characters, each with the zero-width marks that follow it."""
    clusters: list[str] = []
    for character in text:
        if clusters and cell_len(character) == 0:
            clusters[-1] += character
        else:
            clusters.append(character)
    return clusters


def _place(match: re.Match[str], cell_width: float) -> str:
    attributes = dict(_ATTR.findall(match.group(1)))
    if "clip-path" not in attributes:  # the window title, not a terminal cell run
        return match.group(0)
    text = html.unescape(match.group(2))
    start = float(attributes.pop("x", "0"))
    attributes.pop("textLength", None)
    attributes["text-anchor"] = "middle"

    centres: list[float] = []
    cells = 0
    clusters = _clusters(text)
    for cluster in clusters:
        width = max(1, cell_len(cluster))
        centres.append(start + (cells + width / 2) * cell_width)
        cells += width

    # SVG gives one x per character; a cluster of several code points, or one
    # outside the BMP, needs an element of its own to stay on its cells.
    if all(len(cluster) == 1 and ord(cluster) < 0x10000 for cluster in clusters):
        xs = " ".join(f"{centre:g}" for centre in centres)
        return _tag(attributes, xs, text)
    return "".join(
        _tag(attributes, f"{centre:g}", cluster)
        for centre, cluster in zip(centres, clusters, strict=True)
    )


def _tag(attributes: dict[str, str], xs: str, text: str) -> str:
    rest = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    body = html.escape(text, quote=False).replace(" ", "&#160;")
    return f'<text x="{xs}" {rest}>{body}</text>'
