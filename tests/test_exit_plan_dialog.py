"""The exit plan editor: loads and saves with the version it read, names the field in error,
says what is still missing, and shows the last day to give notice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.core.enums import DataDisposition
from desktop.core.exit_plan import validate_exit_plan
from desktop.store import contractors, engagements, exit_plans
from desktop.store.db import Store
from desktop.ui.exit_plan_dialog import ExitPlanDialog
from tests.conftest import settle
from tests.factories import make_contractor, make_engagement
from tests.threads import dialog_runner

ESSENTIALS_MISSING = ("Still missing: how either side may end it (for convenience or for cause), "
                      "handover of work in progress or credentials, what happens to our data "
                      "(return or destruction), the list of access to revoke, knowledge "
                      "transfer, a named backup contractor, pro-rata pay for partial work")


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    who = contractors.create(store, make_contractor()).id
    backup = contractors.create(store, make_contractor(display_name="Pixelhaus", email="")).id
    return {"contractor": who, "backup": backup,
            "engagement": engagements.create(store, make_engagement(who)).id}


def open_dialog(qtbot, store: Store, ids: dict[str, int]) -> ExitPlanDialog:  # type: ignore[no-untyped-def]
    dialog = ExitPlanDialog(dialog_runner(store), ids["engagement"],
                            [(ids["contractor"], "Maya Okafor"), (ids["backup"], "Pixelhaus")])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, dialog: ExitPlanDialog, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = dialog.editors[field]
    editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, text)


def fill(qtbot, dialog: ExitPlanDialog, backup: int) -> None:  # type: ignore[no-untyped-def]
    e = dialog.editors
    e["for_convenience"].setChecked(True)  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "convenience_notice_days", "14")
    e["for_cause"].setChecked(True)  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "cure_days", "7")
    e["handover_work"].setPlainText("Layered files in our drive")  # type: ignore[attr-defined]
    e["handover_credentials"].setPlainText("Shop admin password")  # type: ignore[attr-defined]
    e["data_disposition"].set_value("return_then_destroy")  # type: ignore[attr-defined]
    e["data_disposition_notes"].setPlainText("Within 14 days")  # type: ignore[attr-defined]
    e["knowledge_transfer"].setPlainText("One call")  # type: ignore[attr-defined]
    e["backup_contractor_id"].set_value(backup)  # type: ignore[attr-defined]
    e["access_revocation"].setPlainText("Shop admin\n\nDrive\nShop admin")  # type: ignore[attr-defined]
    e["pro_rata_pay"].setChecked(True)  # type: ignore[attr-defined]
    e["pro_rata_notes"].setPlainText("By hours logged")  # type: ignore[attr-defined]


def test_a_new_plan_is_saved_and_loads_back(qtbot, store: Store, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, ids)
    assert dialog.completeness_text() == ESSENTIALS_MISSING
    fill(qtbot, dialog, ids["backup"])
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = exit_plans.get(store, ids["engagement"])
    assert saved is not None and dialog.result_record == saved
    plan = saved.plan
    assert (plan.for_convenience, plan.convenience_notice_days, plan.for_cause, plan.cure_days) \
        == (True, 14, True, 7)
    assert plan.data_disposition is DataDisposition.RETURN_THEN_DESTROY
    assert plan.access_revocation == ("Shop admin", "Drive")
    assert plan.backup_contractor_id == ids["backup"]
    assert (plan.pro_rata_pay, plan.pro_rata_notes) == (True, "By hours logged")

    again = open_dialog(qtbot, store, ids)
    assert again.raw() == {**dialog.raw(), "access_revocation": "Shop admin\nDrive"}
    assert again.completeness_text() == "Complete"
    again.editors["knowledge_transfer"].setPlainText("")  # type: ignore[attr-defined]
    assert again.completeness_text() == "Still missing: knowledge transfer"
    again.accept()  # saved over the version it loaded
    settle(qtbot, again.runner)
    assert again.result_record is not None
    assert again.result_record.version == saved.version + 1
    assert again.result_record.plan.knowledge_transfer == ""


def test_errors_appear_under_the_field_and_name_it(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                   ids: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, store, ids)
    type_into(qtbot, dialog, "cure_days", "10")
    box = dialog.boxes["cure_days"]
    assert not box.error.isVisible()  # while typing: the tooltip and the summary say it
    assert dialog.boxes["cure_days"].editor.toolTip() == \
        "Cure period (days) applies only with termination for cause"
    assert box.error.text() == "Cure period (days) applies only with termination for cause"
    assert not dialog.boxes["convenience_notice_days"].error.isVisible()
    dialog.editors["for_cause"].setChecked(True)  # type: ignore[attr-defined]
    assert not box.error.isVisible()
    type_into(qtbot, dialog, "cure_days", "ten")
    assert box.error.text() == "Cure period (days) “ten” is not a whole number"
    # The indicator follows the rest of the form while a field is in error.
    assert not dialog.completeness_text().startswith("Still missing: how either side")

    dialog.editors["for_cause"].setChecked(False)  # type: ignore[attr-defined]
    type_into(qtbot, dialog, "cure_days", "10")
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert exit_plans.get(store, ids["engagement"]) is None
    assert dialog.summary.text() == ("Fix 1 field before saving: Cure period (days) applies "
                                    "only with termination for cause")
    assert dialog.boxes["cure_days"].error.isVisible()  # on save, under the field too


def test_untouched_fields_stay_quiet_until_save(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                ids: dict[str, int]) -> None:
    exit_plans.save(store, ids["engagement"], validate_exit_plan({}), None)
    dialog = open_dialog(qtbot, store, ids)
    dialog.editors["convenience_notice_days"].setText("5")  # type: ignore[attr-defined]
    dialog._touched.clear()
    dialog._validate(show_all=False)
    assert not dialog.boxes["convenience_notice_days"].error.isVisible()
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert dialog.boxes["convenience_notice_days"].error.text() == \
        "Notice for convenience (days) applies only with termination for convenience"


def test_completeness_follows_the_essentials_first(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                   ids: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, store, ids)
    e = dialog.editors
    e["for_cause"].setChecked(True)  # type: ignore[attr-defined]
    assert dialog.completeness_text().startswith("Still missing: handover of work in progress")
    e["handover_credentials"].setPlainText("Keys")  # type: ignore[attr-defined]
    e["data_disposition"].set_value("destroy")  # type: ignore[attr-defined]
    assert dialog.completeness_text().startswith("Still missing: the list of access to revoke,")
    e["access_revocation"].setPlainText("  \n")  # type: ignore[attr-defined]
    assert "the list of access to revoke" in dialog.completeness_text()
    e["access_revocation"].setPlainText("Drive")  # type: ignore[attr-defined]
    assert dialog.completeness_text() == ("Still missing: knowledge transfer, a named backup "
                                          "contractor, pro-rata pay for partial work")
    e["knowledge_transfer"].setPlainText("Notes")  # type: ignore[attr-defined]
    e["backup_contractor_id"].set_value(ids["backup"])  # type: ignore[attr-defined]
    e["pro_rata_pay"].setChecked(True)  # type: ignore[attr-defined]
    assert dialog.completeness_text() == "Complete"
    e["data_disposition"].set_value("")  # type: ignore[attr-defined]
    assert dialog.completeness_text() == \
        "Still missing: what happens to our data (return or destruction)"


def test_a_plan_changed_elsewhere_is_not_overwritten(qtbot, store: Store, ids: dict[str, int],  # type: ignore[no-untyped-def]
                                                     conflicts) -> None:
    asked = conflicts.asked
    dialog = open_dialog(qtbot, store, ids)
    elsewhere = exit_plans.save(store, ids["engagement"],
                                validate_exit_plan({"for_cause": True, "cure_days": "10",
                                                    "knowledge_transfer": "Written notes"}),
                                None)
    dialog.editors["for_convenience"].setChecked(True)  # type: ignore[attr-defined]
    dialog.editors["knowledge_transfer"].setPlainText("A call")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, dialog.runner)
    settle(qtbot, dialog.runner)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.result_record is None
    assert asked[0].startswith("The exit plan of “") and "after you opened it" in asked[0]
    assert "• Knowledge transfer: yours “A call”, theirs “Written notes”" in asked[0]
    assert "• Termination for convenience: yours “yes”, theirs “no”" in asked[0]
    assert exit_plans.get(store, ids["engagement"]) == elsewhere
    # Keeping theirs shows theirs in the form, and says so.
    assert dialog.editors["for_cause"].isChecked()  # type: ignore[attr-defined]
    assert not dialog.editors["for_convenience"].isChecked()  # type: ignore[attr-defined]
    assert dialog.theirs_line.isVisible() and "your edit was not saved" in dialog.theirs_line.text()

    mine = exit_plans.save(store, ids["engagement"],  # and again someone saves first
                           validate_exit_plan({"for_cause": True, "cure_days": "14"}),
                           elsewhere.version)
    dialog.editors["for_convenience"].setChecked(True)  # type: ignore[attr-defined]
    dialog.accept()
    for _ in range(3):
        settle(qtbot, dialog.runner)
    assert len(asked) == 2
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = exit_plans.get(store, ids["engagement"])
    assert saved is not None and saved.version > mine.version
    assert saved.plan.for_convenience and saved.plan.for_cause and saved.plan.cure_days == 14
    assert saved.plan.knowledge_transfer == ""  # their second save cleared it; mine left it


def test_last_day_to_give_notice(qtbot, store: Store, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, store, ids)  # ends 2026-05-31 with 14 days' notice
    assert dialog.notice_line.text() == \
        "Last day to give notice: May 17, 2026 (end May 31, 2026, 14 days' notice)"
    open_ended = engagements.create(store, make_engagement(ids["contractor"], end_on="")).id
    dialog = ExitPlanDialog(dialog_runner(store), open_ended, [])
    qtbot.addWidget(dialog)
    assert dialog.last_notice_on is None
    assert dialog.notice_line.text() == \
        "No last day to give notice: the engagement has no end date."


def test_a_backup_missing_from_the_list_is_kept(qtbot, store: Store, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    saved = exit_plans.save(store, ids["engagement"], validate_exit_plan(
        {"backup_contractor_id": str(ids["backup"])}), None)
    dialog = ExitPlanDialog(dialog_runner(store), ids["engagement"], [(ids["contractor"], "Maya Okafor")])
    qtbot.addWidget(dialog)
    combo = dialog.editors["backup_contractor_id"]
    assert combo.currentText() == f"Contractor {ids['backup']} (not in the list)"  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, dialog.runner)
    assert dialog.result_record is not None
    assert dialog.result_record.plan.backup_contractor_id == ids["backup"]
    assert dialog.result_record.version == saved.version


def test_a_member_who_only_reads_sees_the_plan_without_changing_it(
        qtbot, store: Store, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    saved = exit_plans.save(store, ids["engagement"], validate_exit_plan({"for_cause": True}),
                            None)
    dialog = ExitPlanDialog(dialog_runner(store), ids["engagement"], [], may_edit=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.editors["for_cause"].isChecked()  # type: ignore[attr-defined]
    assert not dialog.editors["for_cause"].isEnabled()
    assert dialog.editors["knowledge_transfer"].isReadOnly()  # type: ignore[attr-defined]
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    assert "only its owner changes them" in dialog.theirs_line.text()
    dialog.accept()
    assert exit_plans.get(store, ids["engagement"]) == saved
