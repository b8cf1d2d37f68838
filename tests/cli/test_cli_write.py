"""cli's one way to write an output file: one Chinese line on failure, no empty or cut-off
file left, and a file that was there stays as it was."""

from __future__ import annotations

import errno

import pytest

from volunteer_app.cli import CommandError
from volunteer_app.cli.common import write_out


def _disk_full(partial) -> None:
    partial.write_bytes(b"half a PDF")          # some bytes made it before the disk filled
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_write_says_why_and_leaves_no_empty_file(tmp_path):
    out = tmp_path / "new" / "roster.pdf"
    with pytest.raises(CommandError, match="磁盘已满"):
        write_out(out, _disk_full)
    assert not out.exists() and not list(out.parent.glob("*partial*"))


def test_a_failed_write_keeps_a_file_that_was_there(tmp_path):
    out = tmp_path / "roster.pdf"
    out.write_bytes(b"last week")
    with pytest.raises(CommandError, match="无法写入"):
        write_out(out, _disk_full)
    assert out.read_bytes() == b"last week"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.pdf"]


def test_a_folder_is_not_a_file_name(tmp_path):
    with pytest.raises(CommandError, match="是一个文件夹"):
        write_out(tmp_path, lambda _partial: None)


def test_a_good_write_writes(tmp_path):
    out = tmp_path / "a" / "b.txt"
    write_out(out, lambda partial: partial.write_text("值班表", encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == "值班表"


def test_a_writer_naming_the_temporary_file_is_told_with_the_file_asked_for(tmp_path):
    """Printing says which file it could not finish: the temporary one beside the target,
    which is gone by the time the person reads the line (月报.partial-1cddb256.pdf)."""
    from volunteer_app.services.ledger.ledger_files import LedgerFileError
    from volunteer_app.services.output_files import OutputError

    out = tmp_path / "月报.pdf"
    for failure in (OutputError, LedgerFileError):
        def cut_short(partial, failure=failure) -> None:
            raise failure(f"PDF文件没有写成（磁盘可能已满）：{partial}")

        with pytest.raises(CommandError) as refused:
            write_out(out, cut_short)
        assert "partial" not in str(refused.value) and str(out) in str(refused.value)
    assert list(tmp_path.iterdir()) == []
