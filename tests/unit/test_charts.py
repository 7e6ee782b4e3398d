"""Charts: valid PNGs with the letters right, labels in the coordinator's language, and
matplotlib kept out of the bot's start."""

from __future__ import annotations

import io
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from bot import charts
from bot.i18n import LANGUAGES, Locales
from bot.services import stats as rules
from bot.services.report_form import load_form
from bot.services.volunteers import REGIONS
from bot.ui import stats as ui
from tests.conftest import ROOT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZONE = ZoneInfo("Asia/Tashkent")
DPI = 40  # small and fast; the layout is the same at any resolution


def decoded_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()  # the whole file decodes (CRCs, chunks)
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def test_the_font_has_the_uzbek_apostrophes_and_cyrillic() -> None:
    from matplotlib import font_manager, ft2font

    path = font_manager.findfont(charts.FONT, fallback_to_default=False)
    font = ft2font.FT2Font(path)
    for char in "ʻʼОЎўҚқҒғҲҳЁё":
        assert font.get_char_index(ord(char)) != 0, f"{charts.FONT} lacks {char!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_region_chart_has_all_fourteen_regions_in_the_language(
    locales: Locales, language: str
) -> None:
    tr = locales.get(language)
    counts = {"TK": 5, "FA": 2}
    chart = ui.region_chart(tr, rules.region_chart(counts))
    assert chart.labels == tuple(tr(f"region-{code}") for code in REGIONS)
    assert chart.series[0].values == tuple(counts.get(code, 0) for code in REGIONS)
    if language == "uz":
        assert (
            "Fargʻona viloyati" in chart.labels and "Qoraqalpogʻiston Respublikasi" in chart.labels
        )
    if language == "uz-Cyrl":
        assert "Фарғона вилояти" in chart.labels and "Тошкент шаҳри" in chart.labels
    width, height = decoded_size(charts.render_png([chart], dpi=DPI))
    assert width == charts.WIDTH_INCHES * DPI and height > width  # one row per region


def test_every_overview_chart_renders(locales: Locales) -> None:
    """The four /stats charts, drawn in one worker call, one PNG each; empty ones too."""
    tr = locales.get("ru")
    weeks = rules.ChartData(("2026-11-23", "2026-11-30"), (("registrations", (3, 0)),))
    hearings = rules.ChartData((), (("seats", ()), ("confirmed", ()), ("attended", ())))
    funnel = rules.ChartData(rules.FUNNEL, (("reports", (0, 0, 0, 0)),))
    figures = [
        ui.registrations_chart(tr, weeks),
        ui.attendance_chart(tr, hearings, [], ZONE),
        ui.funnel_chart(tr, funnel),
    ]
    assert figures[0].labels == ("23.11", "30.11")
    assert figures[1].is_empty and figures[2].is_empty
    assert figures[2].empty_text == tr("chart-no-data")
    for png in [charts.render_png([figure], dpi=DPI) for figure in figures]:
        decoded_size(png)


async def test_render_runs_in_a_worker_thread_and_keeps_dollars_literal() -> None:
    chart = charts.Chart(
        title="Budget $5 and $6 <b>",
        labels=("$1 a", "b"),
        series=(charts.Series("one", (1, 2)), charts.Series("two", (0, 4))),
        empty_text="",
    )
    png = await charts.render([chart, chart], title="Two $ panels", dpi=DPI)
    assert decoded_size(png)[0] == charts.WIDTH_INCHES * DPI
    assert len(await charts.render_each([chart, chart], dpi=DPI)) == 2


def test_answer_charts_use_the_checklist_texts(locales: Locales) -> None:
    tr = locales.get("uz")
    form = load_form()
    tally = rules.AnswerTally(
        reports=3,
        questions=(
            rules.QuestionTally(
                "started_on_time", "yes_no", rules.ChartData(("yes", "no"), (("answers", (2, 1)),))
            ),
            rules.QuestionTally(
                "documents_beforehand",
                "choice",
                rules.ChartData(("yes", "partly", "no"), (("answers", (0, 3, 0)),)),
            ),
        ),
    )
    panels = ui.answer_charts(tr, tally)
    assert [p.title for p in panels] == [
        tr("report-short-started_on_time"), tr("report-short-documents_beforehand"),
    ]  # fmt: skip
    assert panels[0].labels == (tr("report-yes"), tr("report-no"))  # Ha, Yoʻq
    assert panels[1].labels == tuple(
        tr(f"report-q-documents_beforehand-{o}")
        for o in form.question("documents_beforehand").options
    )
    assert panels[1].series[0].values == (0, 3, 0)
    decoded_size(charts.render_png(panels, title="Budget 2027", dpi=DPI))


def test_the_bot_starts_without_matplotlib() -> None:
    """Everything the bot loads at start, /stats included, leaves matplotlib unimported."""
    code = (
        "import sys, bot.app, handlers, handlers.stats, bot.charts, bot.ui.stats;"
        "sys.exit('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    assert done.returncode == 0
