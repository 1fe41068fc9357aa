"""Notes, badges and secondary text take their colours from the palette, so nothing painted
disappears on a dark desktop."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette

from desktop.ui.colours import is_dark, mark, muted, note_colours
from desktop.ui.heat_map import HeatMap


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#e6e6e6")):
        palette.setColor(role, QColor(colour))
    return palette


def contrast(a: QColor, b: QColor) -> int:
    return abs(a.lightness() - b.lightness())


def test_notes_read_in_light_and_dark_palettes() -> None:
    for palette in (QPalette(QColor("#efefef")), dark_palette()):
        for kind in ("demo", "info"):
            back, text, _border = note_colours(palette, kind)
            assert contrast(QColor(back), QColor(text)) > 120, (kind, back, text)
        window = palette.color(QPalette.ColorRole.Window)
        assert contrast(muted(palette), window) > 60
        fill, letter = mark(palette)
        assert contrast(fill, window) > 100 and contrast(fill, letter) > 120
    assert is_dark(dark_palette()) and not is_dark(QPalette(QColor("#efefef")))


def test_the_heat_map_legend_badges_show_on_a_dark_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.setPalette(dark_palette())
    heat.set_points([("Financial", 2, 3)])
    heat.resize(420, heat.heightForWidth(420))
    image: QImage = heat.grab().toImage()
    window = dark_palette().color(QPalette.ColorRole.Window)
    size, x0, y0 = heat._grid()
    dot_r = heat.fontMetrics().height() / 2 + 1
    left = x0 + 5 * size + 14  # the legend's first badge, beside the grid
    centre = QColor(image.pixel(round(left + 2), round(y0 + (heat.fontMetrics().height() + 2) / 2 + 1)))
    assert dot_r > 2 and contrast(centre, window) > 100, centre.name()


def test_secondary_text_follows_the_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.ui.colours import muted_style
    from desktop.ui.detail_pane import DetailPane

    app = QApplication.instance()
    light = app.palette()
    try:
        app.setPalette(dark_palette())
        pane = DetailPane()
        qtbot.addWidget(pane)
        grey = muted(dark_palette()).name()
        assert grey in pane.document().defaultStyleSheet()
        assert muted_style() == f"color: {grey};"
        assert contrast(QColor(grey), QColor("#2b2b2b")) > 60
    finally:
        app.setPalette(light)
