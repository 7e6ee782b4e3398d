"""The printable check-in poster: a QR code with the hearing's title and time under it.

segno computes the code (pure Python); matplotlib, already needed for charts, lays the
page out with a font that has oʻ, gʻ and Cyrillic. Both are imported only when a poster
is asked for, and the drawing runs in a worker thread (it takes a few hundred ms).
"""

from __future__ import annotations

import io
import textwrap

A4_INCHES = (8.27, 11.69)
DPI = 150  # 1240 x 1753 pixels: sharp on A4; the code itself about 16 cm wide
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def poster_png(url: str, title: str, when: str, hint: str) -> bytes:
    import segno
    from matplotlib.figure import Figure  # Agg, with no pyplot global state

    code = segno.make(url, error="m", micro=False)
    size = len(code.matrix)
    blank = [0] * (size + 2 * QUIET_ZONE)
    rows = [blank] * QUIET_ZONE
    rows += [
        [0] * QUIET_ZONE + [int(bool(v)) for v in row] + [0] * QUIET_ZONE for row in code.matrix
    ]
    rows += [blank] * QUIET_ZONE

    figure = Figure(figsize=A4_INCHES, dpi=DPI)
    width = 0.8
    height = width * A4_INCHES[0] / A4_INCHES[1]
    axes = figure.add_axes((0.1, 0.93 - height, width, height))
    axes.imshow(rows, cmap="Greys", interpolation="nearest", vmin=0, vmax=1)
    axes.set_axis_off()
    lines = textwrap.wrap(title, width=34)[:4]
    y = 0.9 - height - 0.04
    for line in lines:
        figure.text(0.5, y, line, ha="center", va="top", fontsize=24, fontweight="bold")
        y -= 0.04
    figure.text(0.5, y - 0.01, when, ha="center", va="top", fontsize=18)
    figure.text(0.5, 0.06, hint, ha="center", va="bottom", fontsize=14, color="#444444")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
