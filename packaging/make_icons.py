"""Render the application icon set into `resources/icons/` (PNG sizes, .ico, .icns).

Run from the repository root: `python packaging/make_icons.py`. The icon is drawn with
QPainter from geometry only (no fonts, no source image), so the output is the same on every
machine with the pinned PySide6 and needs no extra package: the .ico and .icns containers are
written here by hand with PNG payloads (Windows Vista+ and macOS 10.7+ read those).
The results are committed; re-run this only when the drawing changes.
"""

from __future__ import annotations

import argparse
import logging
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, and the pixel size each one must have.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)
BLUE_TOP, BLUE_BOTTOM = QColor("#1B96FF"), QColor("#0B5CAB")
BADGE_RED = QColor("#D92B2B")


class IconPainter:
    """Draws the icon (a white cloud on a blue tile with a red "!" badge) at any size."""

    def render(self, size: int) -> QImage:
        """The icon as a premultiplied ARGB image of `size` x `size` pixels."""
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 256.0, size / 256.0)  # draw in a 256-unit box
        self._tile(painter)
        self._cloud(painter)
        self._badge(painter)
        painter.end()
        return image

    def _tile(self, painter: QPainter) -> None:
        gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 256))
        gradient.setColorAt(0.0, BLUE_TOP)
        gradient.setColorAt(1.0, BLUE_BOTTOM)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52)

    def _cloud(self, painter: QPainter) -> None:
        cloud = QPainterPath()
        cloud.setFillRule(Qt.FillRule.WindingFill)  # overlapping shapes form one outline
        cloud.addEllipse(QPointF(88, 128), 42, 42)
        cloud.addEllipse(QPointF(132, 104), 52, 52)
        cloud.addEllipse(QPointF(176, 132), 38, 38)
        cloud.addRoundedRect(QRectF(46, 126, 168, 44), 22, 22)
        painter.setBrush(QColor("white"))
        painter.drawPath(cloud.simplified())
        # Three table rows inside the cloud: "records".
        painter.setBrush(QColor(BLUE_BOTTOM))
        for y, width in ((106, 92), (126, 92), (146, 56)):
            painter.drawRoundedRect(QRectF(70, y - 6, width, 12), 6, 6)

    def _badge(self, painter: QPainter) -> None:
        centre, radius = QPointF(186, 186), 50.0
        painter.setPen(QPen(QColor("white"), 10))
        painter.setBrush(BADGE_RED)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(centre.x() - 8, centre.y() - 32, 16, 40), 7, 7)
        painter.drawEllipse(QPointF(centre.x(), centre.y() + 22), 9, 9)


def png_bytes(image: QImage) -> bytes:
    """`image` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG image per size (ICONDIR + ICONDIRENTRY table)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose elements are PNGs (type, big-endian length incl. 8-byte header, data)."""
    body = b"".join(kind + struct.pack(">I", len(pngs[size]) + 8) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write_icons(out_dir: Path) -> list[Path]:
    """Render every size and write the PNGs, app.png (256), app.ico and app.icns; returns the paths."""
    painter = IconPainter()
    all_sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(painter.render(size)) for size in all_sizes}
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, bytes] = {f"app-{size}.png": pngs[size] for size in PNG_SIZES}
    written["app.png"] = pngs[256]
    written["app.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    written["app.icns"] = icns_bytes(pngs)
    for name, data in written.items():
        (out_dir / name).write_bytes(data)
    return [out_dir / name for name in written]


def main(argv: list[str] | None = None) -> int:
    """Command line: `python packaging/make_icons.py [--out DIR]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "resources" / "icons")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([])
    paths = write_icons(args.out)
    del app
    for path in paths:
        print(f"{path.name}\t{path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
