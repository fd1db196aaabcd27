"""Write the manual as one HTML page and its Markdown twin, both readable offline."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from tui_app.manual.capture import Section, Shot

TITLE = "手机公积金模拟器 操作手册"
CONTENTS = "目录"
STATES_HEADING = "账户状态图"
STATES_ANCHOR = "states"
STATES_NOTE = "账户在各项业务办理后的状态变化（箭头上为引起变化的业务）。"
FAILED_NOTE = "本节未能完整生成，以下截图只到出错的步骤为止。"
STEP = "第{n}步"
STEPS_TOTAL = "共{total}步，步骤编号与培训模式一致。"


@dataclass
class Diagram:
    """A state machine drawn as SVG, inlined in the page and a file for Markdown."""

    title: str
    svg: str
    file: str
    """Path relative to the manual's folder."""


def write_html(path: Path, sections: list[Section], diagrams: list[Diagram]) -> None:
    body = [f"<h1>{html.escape(TITLE)}</h1>", _contents_html(sections, diagrams)]
    body += [_section_html(section) for section in sections]
    if diagrams:
        body.append(_states_html(diagrams))
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(TITLE)}</title>\n<style>{PAGE_STYLE}</style>\n"
        "</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8")


def write_markdown(
    path: Path, sections: list[Section], diagrams: list[Diagram]
) -> None:
    lines = [f"# {TITLE}", "", f"## {CONTENTS}", ""]
    for section in sections:
        lines.append(f"{section.index}. [{section.flow.name}](#{section.anchor})")
    if diagrams:
        lines.append(f"{len(sections) + 1}. [{STATES_HEADING}](#{STATES_ANCHOR})")
    for section in sections:
        lines += ["", f'<a id="{section.anchor}"></a>', ""]
        lines += [f"## {section.index}. {section.flow.name}", ""]
        if section.flow.task:
            lines += [f"> {section.flow.task}", ""]
        lines += [STEPS_TOTAL.format(total=section.actions), ""]
        if section.failure is not None:
            lines += [f"**{FAILED_NOTE}**", ""]
        for shot in section.shots:
            label = f"{_step_label(shot)} " if shot.number is not None else ""
            lines += [f"### {label}{shot.hint}", ""]
            lines += [f"![{shot.hint}]({shot.image})", ""]
    if diagrams:
        lines += ["", f'<a id="{STATES_ANCHOR}"></a>', "", f"## {STATES_HEADING}", ""]
        lines += [STATES_NOTE, ""]
        for diagram in diagrams:
            lines += [f"### {diagram.title}", "", f"![{diagram.title}]({diagram.file})"]
            lines.append("")
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def _contents_html(sections: list[Section], diagrams: list[Diagram]) -> str:
    items = [
        f'<li><a href="#{s.anchor}">{html.escape(s.flow.name)}</a></li>'
        for s in sections
    ]
    if diagrams:
        items.append(f'<li><a href="#{STATES_ANCHOR}">{STATES_HEADING}</a></li>')
    return f"<nav><h2>{CONTENTS}</h2><ol>{''.join(items)}</ol></nav>"


def _section_html(section: Section) -> str:
    name = html.escape(section.flow.name)
    parts = [f'<section id="{section.anchor}">', f"<h2>{section.index}. {name}</h2>"]
    if section.flow.task:
        parts.append(f'<p class="task">{html.escape(section.flow.task)}</p>')
    parts.append(f'<p class="total">{STEPS_TOTAL.format(total=section.actions)}</p>')
    if section.failure is not None:
        parts.append(f'<p class="failed">{FAILED_NOTE}</p>')
    parts.append('<ol class="steps">')
    for shot in section.shots:
        hint = html.escape(shot.hint)
        label = (
            f'<span class="n">{_step_label(shot)}</span>'
            if shot.number is not None
            else ""
        )
        parts.append(
            f"<li><figure><figcaption>{label}{hint}</figcaption>"
            f'<img src="{html.escape(shot.image)}" alt="{hint}"></figure></li>'
        )
    parts += ["</ol>", "</section>"]
    return "\n".join(parts)


def _step_label(shot: Shot) -> str:
    """`第3步`, numbered as training numbers it; empty for an unnumbered look."""
    return "" if shot.number is None else STEP.format(n=shot.number)


def _states_html(diagrams: list[Diagram]) -> str:
    parts = [f'<section id="{STATES_ANCHOR}">', f"<h2>{STATES_HEADING}</h2>"]
    parts.append(f"<p>{STATES_NOTE}</p>")
    for diagram in diagrams:
        title = html.escape(diagram.title)
        parts.append(f'<figure class="diagram"><figcaption>{title}</figcaption>')
        parts += [diagram.svg, "</figure>"]
    parts.append("</section>")
    return "\n".join(parts)


PAGE_STYLE = """
body { margin: 0; background: #f4f5f7; color: #1d2430;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei",
  "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin-top: 0; }
nav ol { columns: 2; }
section { background: #fff; border-radius: 8px; padding: 8px 24px 24px;
  margin: 24px 0; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12); }
.total { color: #4a5568; font-size: 90%; }
.task { color: #4a5568; border-left: 4px solid #2f5fb3; padding-left: 8px; }
.failed { color: #9b1c1c; font-weight: bold; }
ol.steps { list-style: none; padding: 0; display: grid; gap: 20px;
  grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); }
figure { margin: 0; }
figcaption { margin-bottom: 8px; line-height: 1.5; }
.n { display: inline-block; margin-right: 8px; padding: 0 6px; border-radius: 4px;
  background: #2f5fb3; color: #fff; font-size: 90%; }
ol.steps img { width: 100%; max-width: 360px; display: block; }
.diagram svg { max-width: 100%; height: auto; }
"""
