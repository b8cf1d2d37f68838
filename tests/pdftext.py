"""Reading a PDF back as text, the way a person copying from it would see it."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

# Some CJK fonts (Noto Sans CJK) share one glyph between an ideograph and its radical form,
# so pdftotext may give the radical. Map the ones our reports use back to the ideograph.
_RADICALS = {
    "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车", "\u2ed0": "钅",
    "\u2ed3": "长", "\u2ed4": "门", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞",
    "\u2ee0": "饣", "\u2ee2": "马", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦",
    "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
    "\u2f8f": "行", "\u2f00": "一",
    "\u2ea0": "民",
}


def pdf_text(path: Path | str, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    text = subprocess.run([*command, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(_RADICALS.get(ch) or _kangxi(ch) for ch in text)


def _kangxi(ch: str) -> str:
    """Kangxi radicals (U+2F00–U+2FD5: ⼩ for 小, ⽉ for 月) normalise to their ideographs."""
    return unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fd5" else ch


def pdf_pages(path: Path | str) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
