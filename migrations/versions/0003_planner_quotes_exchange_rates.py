"""Planner: several quotes per activity (from a contractor or a named source), exchange rates a
plan may use, demo activities marked as such, and the owner's value of an hour on the business
profile. Each activity's single
quote moves into the new quote table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def _tracked() -> list[sa.Column]:
    return [sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False),
            sa.Column('version', sa.Integer(), server_default='1', nullable=False)]


def upgrade() -> None:
    op.create_table('activity_quote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=200), server_default='', nullable=False),
    sa.Column('rate_minor', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=16), server_default='hour', nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('estimated_minutes_per_month', sa.Integer(), server_default='0', nullable=False),
    sa.Column('notes', sa.String(length=500), server_default='', nullable=False),
    *_tracked(),
    sa.CheckConstraint('rate_minor >= 0', name=op.f('ck_activity_quote_rate_not_negative')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_quote_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_activity_quote_contractor_id_contractor'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_quote'))
    )
    with op.batch_alter_table('activity_quote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_quote_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_quote_contractor_id'), ['contractor_id'], unique=False)

    op.create_table('exchange_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_currency', sa.String(length=3), nullable=False),
    sa.Column('to_currency', sa.String(length=3), nullable=False),
    sa.Column('rate', sa.String(length=32), nullable=False),
    *_tracked(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_rate'))
    )

    # The one quote an activity could hold becomes its first quote, for the hours it covers.
    op.execute(
        "INSERT INTO activity_quote (activity_id, source, rate_minor, unit, currency, "
        "estimated_minutes_per_month, notes, created_at, updated_at, version) "
        "SELECT id, 'Quote', quote_minor, quote_unit, currency, minutes_per_month, '', "
        "created_at, updated_at, 1 FROM activity WHERE quote_minor IS NOT NULL")
    # A plain DROP COLUMN (SQLite 3.35+), not a batch copy: copying the table drops the old one,
    # and with foreign keys on that unlinks engagements and deletes the quotes just written.
    op.drop_column('activity', 'quote_minor')
    op.drop_column('activity', 'quote_unit')
    op.add_column('activity', sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False))

    with op.batch_alter_table('business_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_hour_value_minor', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('business_profile', schema=None) as batch_op:
        batch_op.drop_column('owner_hour_value_minor')
    op.drop_column('activity', 'is_demo')
    op.add_column('activity', sa.Column('quote_unit', sa.String(length=16), server_default='month', nullable=False))
    op.add_column('activity', sa.Column('quote_minor', sa.Integer(), nullable=True))
    first = "FROM activity_quote q WHERE q.activity_id = activity.id ORDER BY q.id LIMIT 1"
    op.execute(f"UPDATE activity SET quote_minor = (SELECT rate_minor {first}), "
               f"quote_unit = COALESCE((SELECT unit {first}), 'month')")
    op.drop_table('exchange_rate')
    with op.batch_alter_table('activity_quote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_quote_contractor_id'))
        batch_op.drop_index(batch_op.f('ix_activity_quote_activity_id'))
    op.drop_table('activity_quote')
