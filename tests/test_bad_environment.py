"""A read-only folder or mount, a read-only database file and a full disk are told as what they
are, in one line, and harm nothing; a damaged file is refused without files appearing beside it;
a data folder path that is a file says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import contractors, demo
from desktop.store.db import Damaged
from desktop.store.paths import db_path
from desktop.store.session import open_store
from tests.confined import crewbook_on, full_disk, read_only
from tests.factories import make_contractor


@pytest.fixture
def book(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    for n in range(5):
        contractors.create(opened.store, make_contractor(display_name=f"Person {n}"))
    opened.store.close()
    return data_folder


def count_in(folder: Path) -> int:
    con = sqlite3.connect(db_path(folder))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return con.execute("SELECT count(*) FROM contractor").fetchone()[0]
    finally:
        con.close()


def one_line_error(done, words: str) -> None:  # type: ignore[no-untyped-def]
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crewbook: error: "), done.stderr
    assert words in lines[0]


@pytest.mark.parametrize("args", [("contractors", "list"), ("contractors", "add", "--name", "X"),
                                  ("demo",)], ids=" ".join)
def test_a_read_only_mount_is_called_read_only(book: Path, args: tuple[str, ...]) -> None:
    before = sorted(p.name for p in book.iterdir())
    done = crewbook_on(read_only(book), book, *args)
    one_line_error(done, "is read-only")
    assert "damaged" not in done.stderr and "restore" not in done.stderr.lower()
    assert sorted(p.name for p in book.iterdir()) == before
    assert count_in(book) == 5


def test_a_read_only_database_file_is_called_read_only(book: Path) -> None:
    done = crewbook_on(read_only(db_path(book)), book, "contractors", "add", "--name", "X")
    one_line_error(done, "is read-only")
    assert count_in(book) == 5


def test_a_full_disk_during_an_import_saves_nothing_and_says_so(book: Path,
                                                               tmp_path: Path) -> None:
    sheet = tmp_path / "many.csv"
    sheet.write_text("Name,Email,Notes\n" + "".join(
        f"Person {n},p{n}@example.com,{'a long note ' * 40}\n" for n in range(4000)), "utf-8")
    done = crewbook_on(full_disk(book, 8192, keep_free_kib=400), book, "import", str(sheet))
    one_line_error(done, "is full")
    after = Path(f"{book}.after")
    assert count_in(after) == 5


def test_a_full_disk_during_the_demo_saves_nothing_and_says_so(book: Path) -> None:
    done = crewbook_on(full_disk(book, 4096, keep_free_kib=40), book, "demo")
    one_line_error(done, "is full")
    after = Path(f"{book}.after")
    assert count_in(after) == 5


def test_a_full_disk_at_start_is_not_called_damaged(book: Path) -> None:
    done = crewbook_on(full_disk(book, 4096, keep_free_kib=0), book, "contractors", "add",
                       "--name", "X")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    one_line_error(done, "is full")
    assert "damaged" not in done.stderr


def test_a_data_folder_that_is_a_file_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    taken = tmp_path / "notes.txt"
    taken.write_text("mine")
    code, _out, err = cli("contractors", "list", folder=taken)
    assert code == 1
    assert "is a file, not a folder" in err and "Errno" not in err
    code, _out, err = cli("contractors", "list", folder=taken / "inside")
    assert code == 1 and "part of that path is a file" in err
    assert taken.read_text() == "mine"


def test_refusing_a_damaged_file_leaves_nothing_beside_it(data_folder: Path) -> None:
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()  # a clean close: no -wal or -shm left
    path = db_path(data_folder)
    data = bytearray(path.read_bytes())
    for at in range(4096 * 3, len(data) - 4096, 4096):  # every page but the first two
        data[at:at + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    before = sorted(p.name for p in data_folder.iterdir())
    with pytest.raises(Damaged, match="is damaged"):
        open_store(data_folder)
    assert sorted(p.name for p in data_folder.iterdir()) == before
    assert path.read_bytes() == bytes(data)
