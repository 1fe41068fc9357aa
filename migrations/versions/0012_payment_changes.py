"""Corrections to recorded payments, kept: each edit of a payment and each void (with its
reason) is a row of payment_change holding the payment as it was before and after, so a
mistake can be put right without losing what was recorded, and undone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'payment_change',
        sa.Column('id', sa.Integer(), nullable=False),
        # No foreign keys: a voided payment's row is gone, its history stays.
        sa.Column('payment_id', sa.Integer(), nullable=False),
        sa.Column('installment_id', sa.Integer(), nullable=True),
        sa.Column('engagement_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('before', sa.JSON(), nullable=True),
        sa.Column('after', sa.JSON(), nullable=True),
        sa.Column('reason', sa.Text(), server_default='', nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('changed_by', sa.String(length=120), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_change')))
    op.create_index(op.f('ix_payment_change_payment_id'), 'payment_change', ['payment_id'])
    op.create_index(op.f('ix_payment_change_engagement_id'), 'payment_change',
                    ['engagement_id'])
    if op.get_bind().dialect.name == 'postgresql':  # as 0006 and 0007 do for every table
        for event, rows in (('insert', 'NEW'), ('update', 'NEW'), ('delete', 'OLD')):
            op.execute(f"CREATE TRIGGER crewbook_notify_{event} AFTER {event.upper()} ON "
                       f"payment_change REFERENCING {rows} TABLE AS changed_rows FOR EACH "
                       "STATEMENT EXECUTE FUNCTION crewbook_notify('installments', "
                       "'installment_id')")
        op.execute('CREATE TRIGGER crewbook_changed_by BEFORE INSERT OR UPDATE ON payment_change '
                   'FOR EACH ROW EXECUTE FUNCTION crewbook_changed_by()')


def downgrade() -> None:
    op.drop_index(op.f('ix_payment_change_engagement_id'), table_name='payment_change')
    op.drop_index(op.f('ix_payment_change_payment_id'), table_name='payment_change')
    op.drop_table('payment_change')
