"""Documents: stored once per content under the data folder, owner-only, never left behind;
and the window that lists, attaches, opens and removes an engagement's documents."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from sqlalchemy.orm import Session

from desktop.core.enums import DocumentKind
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import contractors, documents, engagements
from desktop.store.db import Store
from desktop.store.documents import documents_dir
from desktop.ui.documents_dialog import (
    AttachDialog,
    DCol,
    DocumentModel,
    DocumentsDialog,
    format_size,
)
from tests.factories import make_contractor, make_engagement
from tests.threads import dialog_runner, drain


@pytest.fixture
def owners(store: Store) -> tuple[int, int]:
    """(contractor id, engagement id)"""
    who = contractors.create(store, make_contractor()).id
    return who, engagements.create(store, make_engagement(who)).id


def write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def stored_files(store: Store) -> list[Path]:
    root = documents_dir(store)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_attach_list_and_read_back(store: Store, owners: tuple[int, int],
                                   tmp_path: Path) -> None:
    who, engagement = owners
    content = b"%PDF-1.7 signed contract"
    source = write(tmp_path, "contract.pdf", content)
    record = documents.attach(store, engagement_id=engagement, kind="contract", source=source,
                              title="  Signed   contract ", expires_on=dt.date(2027, 1, 31))
    sha = hashlib.sha256(content).hexdigest()
    assert record.kind is DocumentKind.CONTRACT
    assert (record.title, record.file_name, record.media_type) == \
        ("Signed contract", "contract.pdf", "application/pdf")
    assert (record.sha256, record.size_bytes, record.expires_on) == \
        (sha, len(content), dt.date(2027, 1, 31))
    assert (record.engagement_id, record.contractor_id) == (engagement, None)
    assert documents.list_for(store, engagement_id=engagement) == [record]
    assert documents.list_for(store, contractor_id=who) == []
    assert documents.get(store, record.id) == record
    path = documents.path_of(store, record)
    assert path == store.path.parent / "documents" / sha[:2] / sha
    assert path.read_bytes() == content
    source.unlink()  # the stored copy does not depend on the original
    assert path.read_bytes() == content


def test_contractor_documents_and_kind_by_label(store: Store, owners: tuple[int, int],
                                                tmp_path: Path) -> None:
    who, _ = owners
    record = documents.attach(store, contractor_id=who, kind="Tax form",
                              source=write(tmp_path, "w9.bin", b"form"))
    assert record.kind is DocumentKind.TAX_FORM
    assert record.media_type == "application/octet-stream"
    assert record.title == ""
    assert documents.list_for(store, contractor_id=who) == [record]


def test_files_are_private(store: Store, owners: tuple[int, int], tmp_path: Path) -> None:
    source = write(tmp_path, "id.png", b"\x89PNG passport")
    source.chmod(0o644)
    record = documents.attach(store, engagement_id=owners[1], kind=DocumentKind.ID_CHECK,
                              source=source)
    path = documents.path_of(store, record)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(documents_dir(store).stat().st_mode) == 0o700
    assert [p.name for p in documents_dir(store).iterdir() if p.name.startswith(".")] == []


def test_identical_files_are_stored_once_and_kept_until_the_last_row(
        store: Store, owners: tuple[int, int], tmp_path: Path) -> None:
    who, engagement = owners
    first = documents.attach(store, engagement_id=engagement, kind="nda",
                             source=write(tmp_path, "nda.pdf", b"same bytes"))
    second = documents.attach(store, contractor_id=who, kind="nda",
                              source=write(tmp_path, "copy of nda.pdf", b"same bytes"))
    other = documents.attach(store, engagement_id=engagement, kind="other",
                             source=write(tmp_path, "notes.txt", b"different"))
    assert first.sha256 == second.sha256 != other.sha256
    assert second.file_name == "copy of nda.pdf"
    assert len(stored_files(store)) == 2
    shared = documents.path_of(store, first)

    documents.remove(store, first.id, first.version)
    assert shared.read_bytes() == b"same bytes"  # the contractor's copy still needs it
    assert documents.list_for(store, engagement_id=engagement) == [other]
    documents.remove(store, second.id, second.version)
    assert not shared.exists()
    assert stored_files(store) == [documents.path_of(store, other)]


def test_remove_checks_the_version(store: Store, owners: tuple[int, int],
                                   tmp_path: Path) -> None:
    record = documents.attach(store, engagement_id=owners[1], kind="other",
                              source=write(tmp_path, "a.txt", b"a"))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        documents.remove(store, record.id, record.version + 1)
    documents.remove(store, record.id, record.version)
    with pytest.raises(ConflictError, match="removed elsewhere"):
        documents.remove(store, record.id, record.version)


def test_a_failed_insert_leaves_nothing_on_disk(store: Store, owners: tuple[int, int],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(tmp_path, "contract.pdf", b"contract")

    def broken_flush(self: Session, *args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Session, "flush", broken_flush)
    with pytest.raises(RuntimeError, match="disk full"):
        documents.attach(store, engagement_id=owners[1], kind="contract", source=source)
    monkeypatch.undo()
    assert stored_files(store) == []
    assert documents.list_for(store, engagement_id=owners[1]) == []


def test_a_failed_insert_keeps_a_file_other_rows_use(store: Store, owners: tuple[int, int],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(tmp_path, "contract.pdf", b"contract")
    kept = documents.attach(store, engagement_id=owners[1], kind="contract", source=source)
    monkeypatch.setattr(Session, "flush", lambda self, *a, **k: (_ for _ in ()).throw(
        RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        documents.attach(store, contractor_id=owners[0], kind="contract", source=source)
    monkeypatch.undo()
    assert documents.path_of(store, kept).read_bytes() == b"contract"


def test_an_unknown_owner_leaves_nothing_on_disk(store: Store, owners: tuple[int, int],
                                                 tmp_path: Path) -> None:
    source = write(tmp_path, "contract.pdf", b"contract")
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=999, kind="contract", source=source)
    assert error.value.for_field("engagement_id") == "engagement 999 does not exist"
    with pytest.raises(ValidationError) as error:
        documents.attach(store, contractor_id=999, kind="contract", source=source)
    assert error.value.for_field("contractor_id") == "contractor 999 does not exist"
    assert stored_files(store) == []


@pytest.mark.parametrize(("owner", "field", "message"), [
    ({}, "engagement_id", "is required"),
    ({"engagement_id": 1, "contractor_id": 1}, "contractor_id", "must be empty"),
])
def test_exactly_one_owner(store: Store, tmp_path: Path, owner: dict[str, int], field: str,
                           message: str) -> None:
    with pytest.raises(ValidationError) as error:
        documents.attach(store, kind="other", source=write(tmp_path, "a.txt", b"a"),
                         **owner)  # type: ignore[arg-type]
    assert message in (error.value.for_field(field) or "")


def test_bad_kind_and_long_title_are_named(store: Store, owners: tuple[int, int],
                                           tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=owners[1], kind="invoice", title="x" * 201,
                         source=write(tmp_path, "a.txt", b"a"))
    assert "expected one of: contract" in (error.value.for_field("kind") or "")
    assert error.value.for_field("title") == "is 201 characters long; at most 200 fit"


def test_missing_folder_and_unreadable_sources(store: Store, owners: tuple[int, int],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "gone.pdf"
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=owners[1], kind="other", source=missing)
    assert error.value.for_field("file") == f"“{missing}” was not found"
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=owners[1], kind="other", source=tmp_path)
    assert error.value.for_field("file") == f"“{tmp_path}” is a folder, not a file"

    source = write(tmp_path, "locked.pdf", b"secret")
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == source:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=owners[1], kind="other", source=source)
    assert error.value.for_field("file") == f"“{source}” cannot be read (Permission denied)"
    assert list(documents_dir(store).iterdir()) == []  # no staged copy left behind


def test_files_over_50_mb_are_refused(store: Store, owners: tuple[int, int],
                                      tmp_path: Path) -> None:
    big = tmp_path / "scan.tiff"
    with big.open("wb") as fh:  # sparse: no 50 MB written
        fh.truncate(documents.MAX_BYTES + 1)
    with pytest.raises(ValidationError) as error:
        documents.attach(store, engagement_id=owners[1], kind="other", source=big)
    assert error.value.for_field("file") == \
        "“scan.tiff” is 50.1 MB; files over 50 MB are not stored"
    assert stored_files(store) == []
    exactly = tmp_path / "edge.bin"
    with exactly.open("wb") as fh:
        fh.truncate(documents.MAX_BYTES)
    record = documents.attach(store, engagement_id=owners[1], kind="other", source=exactly)
    assert record.size_bytes == documents.MAX_BYTES


def test_a_file_growing_past_the_limit_while_read_is_refused(
        store: Store, owners: tuple[int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = write(tmp_path, "log.txt", b"0123456789" * 10)
    monkeypatch.setattr(documents, "MAX_BYTES", 50)
    monkeypatch.setattr(documents, "_check_source", lambda _source: None)
    with pytest.raises(ValidationError, match="over 50 MB"):
        documents.attach(store, engagement_id=owners[1], kind="other", source=source)
    assert list(documents_dir(store).iterdir()) == []


def test_list_for_needs_one_owner(store: Store) -> None:
    with pytest.raises(ValueError):
        documents.list_for(store)
    with pytest.raises(ValueError):
        documents.list_for(store, engagement_id=1, contractor_id=1)


# --- the documents window ------------------------------------------------------------------
class Chosen:
    """QFileDialog.getOpenFileName answering with one path (or "" for Cancel)."""

    def __init__(self, path: Path | str):
        self.path, self.asked = str(path), 0

    def __call__(self, *args: object, **kwargs: object) -> tuple[str, str]:
        self.asked += 1
        return self.path, ""


def fill_form(kind: str = "contract", title: str | None = None, expires: str = ""):  # type: ignore[no-untyped-def]
    """An AttachDialog.exec that types into the form and presses Attach once."""

    def exec_(self: AttachDialog) -> int:
        self.editors["kind"].set_value(kind)  # type: ignore[attr-defined]
        if title is not None:
            self.editors["title"].setText(title)  # type: ignore[attr-defined]
        self.editors["expires_on"].setText(expires)  # type: ignore[attr-defined]
        self.accept()
        drain(self.runner)
        exec_.form = self  # type: ignore[attr-defined]
        return self.result()

    return exec_


@pytest.fixture
def window(qtbot, store: Store, owners: tuple[int, int]) -> DocumentsDialog:  # type: ignore[no-untyped-def]
    dialog = DocumentsDialog(dialog_runner(store), owners[1], today=dt.date(2026, 6, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_window_attaches_through_the_file_dialog_and_form(
        window: DocumentsDialog, store: Store, owners: tuple[int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.windowTitle() == "Documents: Spring catalogue"
    assert window.model.rowCount() == 0 and window.empty.isVisible()
    assert not window.open_button.isEnabled() and not window.remove_button.isEnabled()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", Chosen(""))
    monkeypatch.setattr(AttachDialog, "exec", fill_form())
    window.attach()  # cancelled file choice: nothing happens
    assert window.model.rowCount() == 0

    source = write(tmp_path, "Signed contract.pdf", b"%PDF signed")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", Chosen(source))
    monkeypatch.setattr(AttachDialog, "exec", fill_form("nda", expires="2027-01-31"))
    window.attach()
    [record] = documents.list_for(store, engagement_id=owners[1])
    assert (record.kind, record.title, record.expires_on) == \
        (DocumentKind.NDA, "Signed contract.pdf", dt.date(2027, 1, 31))
    model = window.model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == \
        ["NDA", "Signed contract.pdf", "Signed contract.pdf", "11 bytes", "Jan 31, 2027"]
    assert window.selected() == record  # the new document is selected
    assert window.open_button.isEnabled() and not window.empty.isVisible()


def test_attach_form_defaults_and_inline_errors(qtbot, store: Store, owners: tuple[int, int],  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    source = write(tmp_path, "W-9 2026.pdf", b"form")
    form = AttachDialog(dialog_runner(store), owners[1], source)
    qtbot.addWidget(form)
    assert form.editors["title"].text() == "W-9 2026.pdf"  # type: ignore[attr-defined]
    assert form.editors["kind"].value() == "tax_form"  # type: ignore[attr-defined]
    labels = [form.editors["kind"].itemText(i)  # type: ignore[attr-defined]
              for i in range(form.editors["kind"].count())]  # type: ignore[attr-defined]
    assert labels == ["Contract", "NDA", "Tax form", "Insurance", "ID check", "Other"]
    form.editors["expires_on"].setText("2027-02-30")  # type: ignore[attr-defined]
    form.accept()
    drain(form.runner)
    assert form.boxes["expires_on"].error.text() == \
        "Expires on 2027-02-30 does not exist in the calendar"
    form.editors["expires_on"].setText("")  # type: ignore[attr-defined]
    form.editors["title"].setText("x" * 201)  # type: ignore[attr-defined]
    form.accept()
    drain(form.runner)
    assert form.boxes["title"].error.text() == "Title is 201 characters long; at most 200 fit"
    assert not form.boxes["expires_on"].error.isVisible()
    source.unlink()  # gone between choosing and attaching
    form.editors["title"].setText("W-9")  # type: ignore[attr-defined]
    form.accept()
    drain(form.runner)
    assert form.general.text() == f"File “{source}” was not found"
    assert form.result() != QDialog.DialogCode.Accepted and form.result_record is None
    assert documents.list_for(store, engagement_id=owners[1]) == []


def test_window_opens_the_stored_file(window: DocumentsDialog, store: Store,
                                      owners: tuple[int, int], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    record = documents.attach(store, engagement_id=owners[1], kind="contract",
                              source=write(tmp_path, "contract.pdf", b"%PDF"))
    window.reload(select_id=record.id)
    opened: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    window.open_button.click()
    assert opened == [str(documents.path_of(store, record))] and warned == []

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.open_selected()
    assert "No application could open “contract.pdf”" in warned[-1]
    documents.path_of(store, record).unlink()  # deleted by hand
    window.open_selected()
    assert "stored copy of “contract.pdf” is missing" in warned[-1]


def test_window_asks_before_removing(window: DocumentsDialog, store: Store,
                                     owners: tuple[int, int], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    record = documents.attach(store, engagement_id=owners[1], kind="contract", title="Contract",
                              source=write(tmp_path, "contract.pdf", b"%PDF"))
    path = documents.path_of(store, record)
    window.reload(select_id=record.id)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or answer[0])
    window.remove_button.click()
    drain(window.runner)
    assert "Remove “Contract” from this engagement?" in asked[0]
    assert window.model.rowCount() == 1 and path.exists()
    answer[0] = QMessageBox.StandardButton.Yes
    window.remove_selected()
    drain(window.runner)
    assert window.model.rowCount() == 0 and not path.exists()
    assert not window.remove_button.isEnabled()


def test_window_reports_a_document_removed_elsewhere(
        window: DocumentsDialog, store: Store, owners: tuple[int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    record = documents.attach(store, engagement_id=owners[1], kind="other",
                              source=write(tmp_path, "a.txt", b"a"))
    window.reload(select_id=record.id)
    documents.remove(store, record.id, record.version)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    window.remove_selected()
    drain(window.runner)
    assert warned == [f"document {record.id} was removed elsewhere"]
    assert window.model.rowCount() == 0


def test_document_model_passes_qt_model_tester(qtmodeltester, store: Store,  # type: ignore[no-untyped-def]
                                               owners: tuple[int, int], tmp_path: Path) -> None:
    model = DocumentModel()
    qtmodeltester.check(model)
    rows = [documents.attach(store, engagement_id=owners[1], kind=kind, source=source,
                             expires_on=expires)
            for kind, source, expires in (
                ("insurance", write(tmp_path, "coi.pdf", b"x" * 3000), dt.date(2026, 1, 1)),
                ("contract", write(tmp_path, "c.pdf", b"c"), None))]
    model.set_rows(rows, dt.date(2026, 6, 1))
    qtmodeltester.check(model)
    assert model.index(0, DCol.SIZE).data() == "2.9 KB"
    assert model.index(0, DCol.EXPIRES).data(Qt.ItemDataRole.ToolTipRole) == \
        "Expired on Jan 1, 2026"
    assert model.index(0, DCol.EXPIRES).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, DCol.EXPIRES).data(Qt.ItemDataRole.ForegroundRole) is None


@pytest.mark.parametrize(("size", "text"), [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"),
                                            (1024, "1.0 KB"), (52_428_800, "50.0 MB")])
def test_sizes_read_as_people_read_them(size: int, text: str) -> None:
    assert format_size(size) == text


def test_a_member_who_only_reads_can_open_but_not_attach_or_remove(
        qtbot, store: Store, owners: tuple[int, int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    documents.attach(store, engagement_id=owners[1], kind="contract",
                     source=write(tmp_path, "contract.pdf", b"%PDF"))
    dialog = DocumentsDialog(dialog_runner(store), owners[1], may_edit=False)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.open_button.isEnabled()
    assert not dialog.attach_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert "only its owner" in dialog.remove_button.toolTip()
