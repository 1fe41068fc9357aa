"""The 2,000 USD 1099-NEC threshold covers tax year 2026 only: from 2027 it is indexed for
inflation (P.L. 119-21 section 70433), so a later year has no threshold until its figure is
added, rather than silently reusing 2026's.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCE = ("26 U.S.C. 6041(a) as amended by P.L. 119-21 section 70433 (payments after 31 Dec "
          "2025). Indexed for inflation from tax year 2027: add each later year's figure as "
          "the IRS publishes it.")
OLD_SOURCE = ("26 U.S.C. 6041(a) as amended by P.L. 119-21 section 70433 (payments after "
              "31 Dec 2025; indexed for inflation after 2026)")
CHECKED = dt.date(2026, 12, 4)

threshold = sa.table("reporting_threshold", sa.column("jurisdiction"), sa.column("form"),
                     sa.column("tax_year_from"), sa.column("tax_year_to"),
                     sa.column("amount_minor"), sa.column("source"), sa.column("checked_on"))
SEEDED = sa.and_(threshold.c.jurisdiction == "US", threshold.c.form == "1099-NEC",
                 threshold.c.tax_year_from == 2026, threshold.c.amount_minor == 200_000)


def upgrade() -> None:
    # Only the row as shipped: a threshold the owner already changed stays theirs.
    op.execute(threshold.update().where(SEEDED, threshold.c.tax_year_to.is_(None))
               .values(tax_year_to=2026, source=SOURCE, checked_on=CHECKED))


def downgrade() -> None:
    op.execute(threshold.update().where(SEEDED, threshold.c.tax_year_to == 2026,
                                        threshold.c.source == SOURCE)
               .values(tax_year_to=None, source=OLD_SOURCE))
