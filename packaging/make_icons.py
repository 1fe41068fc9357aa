"""Render Crewbook's icon from its SVG into the PNG, ICO and ICNS files the app ships.

Run it by hand after changing ``resources/icons/crewbook.svg``, then commit what it wrote:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

It writes, next to the SVG:

    resources/icons/png/crewbook-{16,22,24,32,48,64,128,256,512}.png
    resources/icons/crewbook.ico     (16, 24, 32, 48, 64, 128 and 256 px)
    resources/icons/crewbook.icns    (32 to 1024 px, as macOS asks for them)

Each PNG is drawn straight from the SVG at its own size by PySide6's QSvgRenderer, on a
transparent background with antialiasing, so no size is a scaled copy of another. The
Windows and macOS icon files are packed from those PNGs with Pillow; the 1024 px picture that
the ICNS format also wants is drawn from the SVG the same way and is not kept as a PNG.

Pillow is needed by this script only (``pip install Pillow``); the app never imports it.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "crewbook.svg"
PNG_DIR = ICONS / "png"
ICO = ICONS / "crewbook.ico"
ICNS = ICONS / "crewbook.icns"

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What Pillow's ICNS writer stores (ic11..ic14 are the @2x variants of 16..256).
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    return PNG_DIR / f"crewbook-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The whole SVG drawn into a transparent square of ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)  # fully transparent
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    try:
        from PIL import Image
    except ImportError:
        print("make_icons.py needs Pillow: pip install Pillow", file=sys.stderr)
        return 1

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"Cannot read {SVG}", file=sys.stderr)
        return 1

    PNG_DIR.mkdir(parents=True, exist_ok=True)
    pictures: dict[int, Image.Image] = {}
    for size in (*PNG_SIZES, 1024):
        encoded = png_bytes(render(renderer, size))
        if size in PNG_SIZES:
            png_path(size).write_bytes(encoded)
            print(f"wrote {png_path(size).relative_to(ICONS.parent.parent)}")
        picture = Image.open(io.BytesIO(encoded))
        picture.load()
        pictures[size] = picture.convert("RGBA")

    ico_frames = [pictures[size] for size in ICO_SIZES]
    ico_frames[-1].save(
        ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=ico_frames[:-1]
    )
    print(f"wrote {ICO.relative_to(ICONS.parent.parent)}")

    icns_frames = [pictures[size] for size in ICNS_SIZES]
    icns_frames[-1].save(ICNS, format="ICNS", append_images=icns_frames[:-1])
    print(f"wrote {ICNS.relative_to(ICONS.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
