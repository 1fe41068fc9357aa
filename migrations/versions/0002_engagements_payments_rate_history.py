"""Engagements, payments and rate history: paid amounts on installments, end reasons,
the rate-change log, dashboard indexes, and the EU and UK payment rules as data.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('rate_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('rate_minor', sa.Integer(), nullable=True),
    sa.Column('rate_unit', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_rate_change_contractor_id_contractor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_change'))
    )
    with op.batch_alter_table('rate_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_change_contractor_id'), ['contractor_id'], unique=False)

    with op.batch_alter_table('communication_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communication_log_engagement_id'))
        batch_op.create_index('ix_communication_log_engagement_day', ['engagement_id', 'logged_on'], unique=False)

    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archive_reason', sa.String(length=500), server_default='', nullable=False))

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_expires_on'), ['expires_on'], unique=False)

    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_by', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_contact_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('check_in_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ended_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False))
        batch_op.create_index('ix_engagement_status_end', ['status', 'end_on'], unique=False)
        batch_op.create_index('ix_engagement_status_notice', ['status', 'notice_by'], unique=False)
        batch_op.create_index('ix_engagement_status_cadence', ['status', 'comm_cadence', 'check_in_since'], unique=False)

    with op.batch_alter_table('risk_review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('copyrightable', sa.Boolean(), server_default='1', nullable=False))

    with op.batch_alter_table('installment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period_end', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('paid_minor', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('settled_on', sa.Date(), nullable=True))
        batch_op.drop_index(batch_op.f('ix_installment_due_on'))
        batch_op.create_index('ix_installment_status_due', ['status', 'due_on', 'currency', 'amount_minor', 'paid_minor'], unique=False)


    _seed_rules()
    _start_rate_history()
    _fill_dashboard_dates()


CHECKED = dt.date(2026, 11, 25)


def _seed_rules() -> None:
    rule = sa.table(
        "payment_rule", *(sa.column(c) for c in (
            "country", "region", "name", "written_contract_from_minor", "currency",
            "aggregation_days", "default_payment_days", "max_payment_days", "effective_from",
            "source", "checked_on", "created_at", "updated_at")))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    common = {"region": "", "written_contract_from_minor": None, "currency": "",
              "aggregation_days": None, "default_payment_days": 30, "max_payment_days": 60,
              "checked_on": CHECKED, "created_at": now, "updated_at": now}
    op.bulk_insert(rule, [
        {**common, "country": "EU", "name": "EU Late Payment Directive (business to business)",
         "effective_from": dt.date(2013, 3, 16),
         "source": "Directive 2011/7/EU, Article 3(3) and 3(5): 30 days by default; terms over "
                   "60 days only if expressly agreed and not grossly unfair"},
        {**common, "country": "GB", "name": "UK Late Payment of Commercial Debts Act",
         "effective_from": dt.date(2013, 3, 16),
         "source": "Late Payment of Commercial Debts (Interest) Act 1998, section 4, as amended "
                   "by SI 2013/395: 30 days by default; over 60 days only if expressly agreed "
                   "and not grossly unfair"},
    ])


def _fill_dashboard_dates() -> None:
    """Existing engagements get their last notice date, last contact and check-in base."""
    conn = op.get_bind()
    engagement = sa.table("engagement", *(sa.column(c) for c in (
        "id", "start_on", "end_on", "notice_days", "notice_by", "last_contact_on",
        "check_in_since")))
    log = sa.table("communication_log", sa.column("engagement_id"), sa.column("logged_on"))
    last = dict(conn.execute(sa.select(log.c.engagement_id, sa.func.max(log.c.logged_on))
                             .group_by(log.c.engagement_id)).all())

    def day(value: object) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value  # type: ignore[return-value]
        return dt.date.fromisoformat(str(value))

    rows = conn.execute(sa.select(engagement.c.id, engagement.c.start_on, engagement.c.end_on,
                                  engagement.c.notice_days)).all()
    for row in rows:
        end, contact = day(row.end_on), day(last.get(row.id))
        notice_by = None
        if end is not None and row.notice_days is not None:
            notice_by = end - dt.timedelta(days=row.notice_days)
        conn.execute(engagement.update().where(engagement.c.id == row.id).values(
            notice_by=notice_by, last_contact_on=contact,
            check_in_since=contact or day(row.start_on)))


def _start_rate_history() -> None:
    """Each contractor's current rate becomes the first entry of their rate history."""
    conn = op.get_bind()
    contractor = sa.table("contractor", *(sa.column(c) for c in (
        "id", "rate_minor", "rate_unit", "currency", "created_at")))
    rows = conn.execute(sa.select(contractor).where(contractor.c.rate_minor.is_not(None))).all()
    if not rows:
        return
    history = sa.table("rate_change", *(sa.column(c) for c in (
        "contractor_id", "changed_on", "rate_minor", "rate_unit", "currency", "recorded_at")))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def day(value: object) -> dt.date:
        stamp = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        return stamp.date()

    op.bulk_insert(history, [
        {"contractor_id": r.id, "changed_on": day(r.created_at), "rate_minor": r.rate_minor,
         "rate_unit": r.rate_unit, "currency": r.currency, "recorded_at": now} for r in rows])


def downgrade() -> None:
    with op.batch_alter_table('installment', schema=None) as batch_op:
        batch_op.drop_index('ix_installment_status_due')
        batch_op.create_index(batch_op.f('ix_installment_due_on'), ['due_on'], unique=False)
        batch_op.drop_column('settled_on')
        batch_op.drop_column('paid_minor')
        batch_op.drop_column('period_end')

    with op.batch_alter_table('risk_review', schema=None) as batch_op:
        batch_op.drop_column('copyrightable')

    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_index('ix_engagement_status_cadence')
        batch_op.drop_index('ix_engagement_status_notice')
        batch_op.drop_index('ix_engagement_status_end')
        batch_op.drop_column('is_demo')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('ended_on')
        batch_op.drop_column('check_in_since')
        batch_op.drop_column('last_contact_on')
        batch_op.drop_column('notice_by')

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_expires_on'))

    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.drop_column('archive_reason')

    with op.batch_alter_table('communication_log', schema=None) as batch_op:
        batch_op.drop_index('ix_communication_log_engagement_day')
        batch_op.create_index(batch_op.f('ix_communication_log_engagement_id'), ['engagement_id'], unique=False)

    with op.batch_alter_table('rate_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_change_contractor_id'))

    op.drop_table('rate_change')
