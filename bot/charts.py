"""Bar charts as PNG images, drawn with matplotlib's Agg backend.

matplotlib takes about half a second to import and a chart some tenths of a second to
draw, so it is imported only when a chart is asked for (never at the bot's start), and
drawing runs in a worker thread: other people keep getting answers meanwhile. Figures
are built with the object API, not pyplot (whose global state is not thread-safe), and
one lock draws one chart at a time (matplotlib's text and font caches are shared).

Sized for a phone: 5 inches wide at 200 dpi (1000 px), text at 11 points, so a label is
about as tall on screen as the chat's own text. DejaVu Sans (shipped with matplotlib)
has the Uzbek okina and tutuq (ʻ U+02BB, ʼ U+02BC) and Cyrillic; tests/unit/test_charts.py
checks that it still does.
"""

from __future__ import annotations

import asyncio
import io
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

FONT = "DejaVu Sans"
WIDTH_INCHES = 5.0
DPI = 200
FONT_SIZE = 11
LABEL_CHARS = 28  # longer labels (hearing titles) end in "…"
TITLE_CHARS = 48  # longer titles wrap
COLORS = ("#1f6fb4", "#f28e2b", "#3a9e4f", "#b07aa1")

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """One panel: bars for each label, one bar per series (a legend when several)."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    empty_text: str  # shown instead of bars when there is nothing to count
    horizontal: bool = True

    @property
    def is_empty(self) -> bool:
        return not self.labels or not any(any(s.values) for s in self.series)


async def render(panels: Sequence[Chart], title: str = "", dpi: int = DPI) -> bytes:
    """Draw the panels one under another into one PNG, off the event loop."""
    return await asyncio.to_thread(render_png, panels, title, dpi)


async def render_each(charts: Sequence[Chart], dpi: int = DPI) -> list[bytes]:
    """One PNG per chart, drawn in one trip to a worker thread."""
    return await asyncio.to_thread(lambda: [render_png([chart], "", dpi) for chart in charts])


def render_png(panels: Sequence[Chart], title: str = "", dpi: int = DPI) -> bytes:
    with _lock:
        return _render_png(panels, title, dpi)


def _render_png(panels: Sequence[Chart], title: str, dpi: int) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    heights = [_panel_height(panel) for panel in panels]
    extra = 0.5 * len(textwrap.wrap(title, TITLE_CHARS)) if title else 0
    figure = Figure(figsize=(WIDTH_INCHES, sum(heights) + extra), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    if title:
        figure.suptitle(
            _text(_wrap(title)), fontsize=FONT_SIZE + 2, fontweight="bold", fontfamily=FONT
        )
    # A sub-figure per panel: its title and legend span the whole width, labels included.
    parts = figure.subfigures(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0]
    for part, panel in zip(parts, panels, strict=True):
        _draw(part, panel)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _panel_height(panel: Chart) -> float:
    title = 0.3 * len(textwrap.wrap(panel.title, TITLE_CHARS))
    if panel.is_empty:
        return title + 1.0
    if panel.horizontal:
        per_label = 0.22 + 0.16 * len(panel.series)
        legend = 0.35 if len(panel.series) > 1 else 0
        return title + 0.6 + per_label * len(panel.labels) + legend
    return title + 3.2


def _draw(part: Any, panel: Chart) -> None:
    part.suptitle(
        _text(_wrap(panel.title)), x=0.02, ha="left", fontsize=FONT_SIZE + 1, fontfamily=FONT
    )
    ax = part.subplots()
    if panel.is_empty:
        ax.text(
            0.5, 0.5, _text(panel.empty_text), ha="center", va="center",
            fontsize=FONT_SIZE, fontfamily=FONT, color="#666666", transform=ax.transAxes,
        )  # fmt: skip
        ax.set_axis_off()
        return
    from matplotlib.ticker import MaxNLocator

    count = len(panel.series)
    width = 0.8 / count
    positions = range(len(panel.labels))
    for index, series in enumerate(panel.series):
        offsets = [p - 0.4 + width * (index + 0.5) for p in positions]
        color = COLORS[index % len(COLORS)]
        label = _text(series.name)
        if panel.horizontal:
            bars = ax.barh(offsets, series.values, height=width, color=color, label=label)
        else:
            bars = ax.bar(offsets, series.values, width=width, color=color, label=label)
        ax.bar_label(bars, padding=2, fontsize=FONT_SIZE - 2, fontfamily=FONT)
    labels = [_short(_text(label)) for label in panel.labels]
    value_axis = ax.xaxis if panel.horizontal else ax.yaxis
    value_axis.set_major_locator(MaxNLocator(integer=True))
    if panel.horizontal:
        ax.set_yticks(list(positions), labels, fontsize=FONT_SIZE, fontfamily=FONT)
        ax.invert_yaxis()  # the first label on top, as it is read
        ax.margins(x=0.12)
    else:
        ax.set_xticks(
            list(positions), labels, fontsize=FONT_SIZE - 1, fontfamily=FONT,
            rotation=45, ha="right", rotation_mode="anchor",
        )  # fmt: skip
        ax.margins(y=0.12)
    ax.tick_params(axis="x" if panel.horizontal else "y", labelsize=FONT_SIZE - 2)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if count > 1:
        part.legend(
            loc="outside lower center", ncols=count, frameon=False,
            prop={"family": FONT, "size": FONT_SIZE - 1},
        )  # fmt: skip


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, TITLE_CHARS)) or text


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _text(text: str) -> str:
    # A "$" would start matplotlib's math mode; hearing titles are typed by people.
    return text.replace("$", r"\$")
