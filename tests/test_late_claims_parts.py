"""Late claims read in parts (open now, settled on no recorded day, settled later): an
installment reaches the claims through whichever part holds it, and only once."""

from __future__ import annotations

import datetime as dt

from desktop.store import payments
from desktop.store.db import Store
from desktop.store.late_payment import late_claims
from tests.test_late_payment import owing

D = dt.date


def test_a_paid_installment_without_a_settled_day_still_counts_before_its_payment(
        store: Store) -> None:
    inst = owing(store, "FR", D(2025, 9, 30), 100_000)
    payments.record_payment(store, inst, amount_minor=50_000, currency="EUR",
                            paid_on=D(2025, 10, 5), method="bank transfer")
    row = payments.installment(store, inst)
    # Lowered to what was paid: paid in full, with no settled day recorded.
    row = payments.edit_installment(store, inst, label=row.label, due_on=row.due_on,
                                    amount_minor=50_000, expected_version=row.version)
    assert (row.stored_status, row.settled_on) == ("paid", None)
    assert list(late_claims(store, D(2025, 10, 4)).by_installment) == [inst]
    assert not late_claims(store, D(2025, 10, 30))


def test_each_installment_is_claimed_once_whichever_part_holds_it(store: Store) -> None:
    open_one = owing(store, "DE", D(2025, 9, 30), 100_000)
    settled_later = owing(store, "DE", D(2025, 9, 30), 100_000)
    payments.record_payment(store, settled_later, amount_minor=100_000, currency="EUR",
                            paid_on=D(2025, 10, 20), method="bank transfer")
    claims = late_claims(store, D(2025, 10, 10))
    assert sorted(claims.by_installment) == sorted([open_one, settled_later])
    assert list(late_claims(store, D(2025, 10, 30)).by_installment) == [open_one]
