"""Spools keep what a build lists on disk: read back in order, appended to after an early stop, copied whole."""

from __future__ import annotations

import io
from pathlib import Path

from align.spool import ByteSpool, Spool


def test_a_spool_reads_its_items_back_in_order_and_takes_more_after_a_reader_stopped_early(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "out")
    items = [{"path": "a\nb", "n": 1}, ["\r", "é", 2.5], "وثيقة"]
    for item in items:
        spool.append(item)
    assert next(iter(spool)) == items[0]  # a reader that stops after one item
    spool.append("last")
    assert list(spool) == [*items, "last"] and len(spool) == 4
    assert [path.name for path in (tmp_path / "out").iterdir()] == []  # anonymous: nothing left under OUT


def test_a_byte_spool_is_copied_whole_and_can_be_appended_to_afterwards(tmp_path: Path) -> None:
    spool, copy = ByteSpool(tmp_path), io.BytesIO()
    spool.copy_to(copy)  # nothing appended yet
    spool.append("<p>un</p>".encode())
    spool.append("<p>二</p>".encode())
    spool.copy_to(copy)
    spool.append(b"<p>3</p>")
    spool.copy_to(copy)
    assert copy.getvalue().decode() == "<p>un</p><p>二</p>" * 2 + "<p>3</p>" and len(spool) == 3
