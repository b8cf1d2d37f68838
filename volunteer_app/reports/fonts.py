"""The CJK font for windows and print-outs.

Qt draws Chinese only with a font that has the glyphs; the families are tried in the order
the office PCs are likely to have them. PDFs embed the chosen font (Qt subsets TrueType and
CFF CJK fonts as CID fonts with a ToUnicode map, so the text can be copied and searched).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei")


def cjk_family() -> str | None:
    """The first preferred family installed here, or None when the PC has no CJK font."""
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def cjk_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([family, *PREFERRED_FAMILIES])
    font.setPointSizeF(point_size)
    # Noto Sans CJK's 'locl' feature swaps Latin digits for variant glyphs that its cmap does
    # not reach, and Qt's PDF writer then leaves them out of the ToUnicode map: "ZY2026-00011"
    # printed fine but copied (and searched) as "ZY -". The SC face needs no 'locl' for Han.
    font.setFeature(QFont.Tag("locl"), 0)
    return font
