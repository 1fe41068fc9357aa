"""Today's questions as index ranges: a partial index over open installments (planned or
part-paid) that covers what is owed, and one over settled installments by the day they were
settled, for what may still have been unpaid on an earlier day.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("status IN ('planned', 'part_paid')")
SETTLED = sa.text("status NOT IN ('planned', 'part_paid', 'cancelled')")


def upgrade() -> None:
    op.create_index('ix_installment_open', 'installment',
                    ['status', 'due_on', 'currency', 'amount_minor', 'paid_minor',
                     'engagement_id'], sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_index('ix_installment_settled', 'installment', ['settled_on', 'due_on'],
                    sqlite_where=SETTLED, postgresql_where=SETTLED)


def downgrade() -> None:
    op.drop_index('ix_installment_settled', table_name='installment')
    op.drop_index('ix_installment_open', table_name='installment')
