"""The terms an engagement was signed on, kept with the review the signing froze, so the risk
summary of a signed engagement shows the state it was signed in and what changed since.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Reviews frozen before this revision keep NULL: their terms at signing were not recorded.
    op.add_column('risk_review', sa.Column('signed_terms', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('risk_review') as batch:
        batch.drop_column('signed_terms')
