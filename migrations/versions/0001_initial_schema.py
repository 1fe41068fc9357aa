"""Initial schema: the whole domain model, plus legal rules seeded as data.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('minutes_per_month', sa.Integer(), server_default='0', nullable=False),
    sa.Column('importance', sa.Integer(), server_default='3', nullable=False),
    sa.Column('competence', sa.Integer(), server_default='3', nullable=False),
    sa.Column('owner_hour_value_minor', sa.Integer(), nullable=True),
    sa.Column('quote_minor', sa.Integer(), nullable=True),
    sa.Column('quote_unit', sa.String(length=16), server_default='month', nullable=False),
    sa.Column('currency', sa.String(length=3), server_default='', nullable=False),
    sa.Column('decision', sa.String(length=16), server_default='undecided', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('competence BETWEEN 1 AND 5', name=op.f('ck_activity_competence_1_to_5')),
    sa.CheckConstraint('importance BETWEEN 1 AND 5', name=op.f('ck_activity_importance_1_to_5')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    op.create_table('business_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('country', sa.String(length=2), server_default='', nullable=False),
    sa.Column('region', sa.String(length=8), server_default='', nullable=False),
    sa.Column('base_currency', sa.String(length=3), server_default='USD', nullable=False),
    sa.Column('locale', sa.String(length=16), server_default='en_US', nullable=False),
    sa.Column('tax_year_start_month', sa.Integer(), server_default='1', nullable=False),
    sa.Column('tax_year_start_day', sa.Integer(), server_default='1', nullable=False),
    sa.Column('annual_revenue_minor', sa.Integer(), nullable=True),
    sa.Column('written_contract_from_minor', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_profile'))
    )
    op.create_table('contractor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('legal_name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('kind', sa.String(length=16), server_default='individual', nullable=False),
    sa.Column('company', sa.String(length=200), server_default='', nullable=False),
    sa.Column('email', sa.String(length=254), server_default='', nullable=False),
    sa.Column('phone', sa.String(length=40), server_default='', nullable=False),
    sa.Column('website', sa.String(length=300), server_default='', nullable=False),
    sa.Column('address', sa.String(length=500), server_default='', nullable=False),
    sa.Column('country', sa.String(length=2), server_default='', nullable=False),
    sa.Column('timezone', sa.String(length=64), server_default='', nullable=False),
    sa.Column('tax_id', sa.String(length=40), server_default='', nullable=False),
    sa.Column('tax_form', sa.String(length=16), server_default='none', nullable=False),
    sa.Column('tax_form_on', sa.Date(), nullable=True),
    sa.Column('rate_minor', sa.Integer(), nullable=True),
    sa.Column('rate_unit', sa.String(length=16), server_default='hour', nullable=False),
    sa.Column('currency', sa.String(length=3), server_default='', nullable=False),
    sa.Column('preferred_channel', sa.String(length=16), server_default='email', nullable=False),
    sa.Column('status', sa.String(length=16), server_default='prospect', nullable=False),
    sa.Column('source', sa.String(length=16), server_default='other', nullable=False),
    sa.Column('identity_verified_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractor'))
    )
    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.create_index('ix_contractor_email', ['email'], unique=False)
        batch_op.create_index('ix_contractor_status', ['status'], unique=False)

    op.create_table('payment_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=8), server_default='', nullable=False),
    sa.Column('name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('written_contract_from_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), server_default='', nullable=False),
    sa.Column('aggregation_days', sa.Integer(), nullable=True),
    sa.Column('default_payment_days', sa.Integer(), nullable=True),
    sa.Column('max_payment_days', sa.Integer(), nullable=True),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_rule'))
    )
    op.create_table('reporting_threshold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('jurisdiction', sa.String(length=8), nullable=False),
    sa.Column('form', sa.String(length=24), nullable=False),
    sa.Column('tax_year_from', sa.Integer(), nullable=False),
    sa.Column('tax_year_to', sa.Integer(), nullable=True),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_threshold'))
    )
    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    op.create_table('contractor_tag',
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_contractor_tag_contractor_id_contractor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_contractor_tag_tag_id_tag'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contractor_id', 'tag_id', name=op.f('pk_contractor_tag'))
    )
    with op.batch_alter_table('contractor_tag', schema=None) as batch_op:
        batch_op.create_index('ix_contractor_tag_tag_id', ['tag_id'], unique=False)

    op.create_table('engagement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='draft', nullable=False),
    sa.Column('goals', sa.Text(), server_default='', nullable=False),
    sa.Column('scope', sa.Text(), server_default='', nullable=False),
    sa.Column('deliverables', sa.Text(), server_default='', nullable=False),
    sa.Column('acceptance_criteria', sa.Text(), server_default='', nullable=False),
    sa.Column('pricing_model', sa.String(length=16), server_default='fixed', nullable=False),
    sa.Column('billing_period', sa.String(length=16), server_default='', nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=True),
    sa.Column('rate_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), server_default='', nullable=False),
    sa.Column('estimated_hours', sa.Integer(), nullable=True),
    sa.Column('hours_cap', sa.Integer(), nullable=True),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('notice_days', sa.Integer(), nullable=True),
    sa.Column('payment_terms_days', sa.Integer(), nullable=True),
    sa.Column('ip_terms', sa.String(length=500), server_default='', nullable=False),
    sa.Column('ip_assignment_signed', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('nda_signed_on', sa.Date(), nullable=True),
    sa.Column('data_access', sa.String(length=24), server_default='none', nullable=False),
    sa.Column('subcontracting_allowed', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('jurisdiction_country', sa.String(length=2), server_default='', nullable=False),
    sa.Column('jurisdiction_region', sa.String(length=8), server_default='', nullable=False),
    sa.Column('comm_channel', sa.String(length=16), server_default='', nullable=False),
    sa.Column('comm_cadence', sa.String(length=16), server_default='', nullable=False),
    sa.Column('comm_contact', sa.String(length=120), server_default='', nullable=False),
    sa.Column('comm_overlap', sa.String(length=120), server_default='', nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('signed_by', sa.String(length=120), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('amount_minor IS NULL OR amount_minor >= 0', name=op.f('ck_engagement_amount_not_negative')),
    sa.CheckConstraint('rate_minor IS NULL OR rate_minor >= 0', name=op.f('ck_engagement_rate_not_negative')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_engagement_activity_id_activity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_engagement_contractor_id_contractor'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_engagement'))
    )
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_engagement_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_engagement_contractor_id'), ['contractor_id'], unique=False)

    op.create_table('communication_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('logged_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=16), server_default='', nullable=False),
    sa.Column('summary', sa.Text(), server_default='', nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_communication_log_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communication_log'))
    )
    with op.batch_alter_table('communication_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communication_log_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=True),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), server_default='other', nullable=False),
    sa.Column('title', sa.String(length=200), server_default='', nullable=False),
    sa.Column('file_name', sa.String(length=255), server_default='', nullable=False),
    sa.Column('media_type', sa.String(length=100), server_default='', nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('contractor_id IS NOT NULL OR engagement_id IS NOT NULL', name=op.f('ck_document_belongs_somewhere')),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_document_contractor_id_contractor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_document_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('exit_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('for_convenience', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('convenience_notice_days', sa.Integer(), nullable=True),
    sa.Column('for_cause', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('cure_days', sa.Integer(), nullable=True),
    sa.Column('handover_work', sa.Text(), server_default='', nullable=False),
    sa.Column('handover_credentials', sa.Text(), server_default='', nullable=False),
    sa.Column('data_disposition', sa.String(length=24), server_default='', nullable=False),
    sa.Column('data_disposition_notes', sa.Text(), server_default='', nullable=False),
    sa.Column('knowledge_transfer', sa.Text(), server_default='', nullable=False),
    sa.Column('backup_contractor_id', sa.Integer(), nullable=True),
    sa.Column('access_revocation', sa.JSON(), nullable=False),
    sa.Column('pro_rata_pay', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('pro_rata_notes', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['backup_contractor_id'], ['contractor.id'], name=op.f('fk_exit_plan_backup_contractor_id_contractor'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_exit_plan_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exit_plan')),
    sa.UniqueConstraint('engagement_id', name=op.f('uq_exit_plan_engagement_id'))
    )
    op.create_table('installment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.Column('label', sa.String(length=120), server_default='', nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='planned', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('amount_minor >= 0', name=op.f('ck_installment_amount_not_negative')),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_installment_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installment'))
    )
    with op.batch_alter_table('installment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_installment_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_installment_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('quality', sa.Integer(), nullable=False),
    sa.Column('timeliness', sa.Integer(), nullable=False),
    sa.Column('communication', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('would_rehire', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), server_default='', nullable=False),
    sa.Column('rated_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('communication BETWEEN 1 AND 5', name=op.f('ck_rating_communication_1_to_5')),
    sa.CheckConstraint('quality BETWEEN 1 AND 5', name=op.f('ck_rating_quality_1_to_5')),
    sa.CheckConstraint('timeliness BETWEEN 1 AND 5', name=op.f('ck_rating_timeliness_1_to_5')),
    sa.CheckConstraint('value BETWEEN 1 AND 5', name=op.f('ck_rating_value_1_to_5')),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_rating_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating')),
    sa.UniqueConstraint('engagement_id', name=op.f('uq_rating_engagement_id'))
    )
    op.create_table('risk_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('catalog_version', sa.String(length=20), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('replacement_time', sa.String(length=16), server_default='', nullable=False),
    sa.Column('deadline_hardness', sa.Integer(), nullable=True),
    sa.Column('area_results', sa.JSON(), nullable=False),
    sa.Column('overall_band', sa.String(length=16), server_default='', nullable=False),
    sa.Column('blockers', sa.JSON(), nullable=False),
    sa.Column('reviewer', sa.String(length=120), server_default='', nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('frozen_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_risk_review_engagement_id_engagement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_review'))
    )
    with op.batch_alter_table('risk_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_review_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('installment_id', sa.Integer(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('method', sa.String(length=24), server_default='', nullable=False),
    sa.Column('reference', sa.String(length=120), server_default='', nullable=False),
    sa.Column('invoice_number', sa.String(length=60), server_default='', nullable=False),
    sa.Column('notes', sa.String(length=500), server_default='', nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_payment_amount_positive')),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_payment_contractor_id_contractor'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], name=op.f('fk_payment_engagement_id_engagement'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['installment_id'], ['installment.id'], name=op.f('fk_payment_installment_id_installment'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_installment_id'), ['installment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_paid_on'), ['paid_on'], unique=False)


    _seed_rules()


# Rules with legal sources, as data. Amounts in US cents. Checked on the date given.
CHECKED = dt.date(2026, 11, 25)


def _seed_rules() -> None:
    threshold = sa.table(
        "reporting_threshold", *(sa.column(c) for c in (
            "jurisdiction", "form", "tax_year_from", "tax_year_to", "amount_minor", "currency",
            "source", "checked_on", "created_at", "updated_at")))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    op.bulk_insert(threshold, [
        {"jurisdiction": "US", "form": "1099-NEC", "tax_year_from": 2020, "tax_year_to": 2025,
         "amount_minor": 60_000, "currency": "USD",
         "source": "26 U.S.C. 6041(a); IRS Instructions for Forms 1099-MISC and 1099-NEC",
         "checked_on": CHECKED, "created_at": now, "updated_at": now},
        {"jurisdiction": "US", "form": "1099-NEC", "tax_year_from": 2026, "tax_year_to": None,
         "amount_minor": 200_000, "currency": "USD",
         "source": "26 U.S.C. 6041(a) as amended by P.L. 119-21 section 70433 (payments after "
                   "31 Dec 2025; indexed for inflation after 2026)",
         "checked_on": CHECKED, "created_at": now, "updated_at": now},
    ])
    rule = sa.table(
        "payment_rule", *(sa.column(c) for c in (
            "country", "region", "name", "written_contract_from_minor", "currency",
            "aggregation_days", "default_payment_days", "max_payment_days", "effective_from",
            "source", "checked_on", "created_at", "updated_at")))
    common = {"country": "US", "currency": "USD", "aggregation_days": 120,
              "default_payment_days": 30, "max_payment_days": None, "checked_on": CHECKED,
              "created_at": now, "updated_at": now}
    op.bulk_insert(rule, [
        {**common, "region": "NY", "name": "New York State Freelance Isn't Free Act",
         "written_contract_from_minor": 80_000, "effective_from": dt.date(2024, 8, 28),
         "source": "N.Y. General Business Law art. 44-A, sections 1410-1415"},
        {**common, "region": "IL", "name": "Illinois Freelance Worker Protection Act",
         "written_contract_from_minor": 50_000, "effective_from": dt.date(2024, 7, 1),
         "source": "820 ILCS 193"},
        {**common, "region": "CA", "name": "California Freelance Worker Protection Act",
         "written_contract_from_minor": 25_000, "effective_from": dt.date(2025, 1, 1),
         "source": "Cal. Business and Professions Code sections 18100-18108 (SB 988, 2024)"},
    ])


def downgrade() -> None:
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_paid_on'))
        batch_op.drop_index(batch_op.f('ix_payment_installment_id'))
        batch_op.drop_index(batch_op.f('ix_payment_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_payment_contractor_id'))

    op.drop_table('payment')
    with op.batch_alter_table('risk_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_review_engagement_id'))

    op.drop_table('risk_review')
    op.drop_table('rating')
    with op.batch_alter_table('installment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_installment_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_installment_due_on'))

    op.drop_table('installment')
    op.drop_table('exit_plan')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_document_contractor_id'))

    op.drop_table('document')
    with op.batch_alter_table('communication_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communication_log_engagement_id'))

    op.drop_table('communication_log')
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_engagement_contractor_id'))
        batch_op.drop_index(batch_op.f('ix_engagement_activity_id'))

    op.drop_table('engagement')
    with op.batch_alter_table('contractor_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_contractor_tag_tag_id')

    op.drop_table('contractor_tag')
    op.drop_table('tag')
    op.drop_table('reporting_threshold')
    op.drop_table('payment_rule')
    with op.batch_alter_table('contractor', schema=None) as batch_op:
        batch_op.drop_index('ix_contractor_status')
        batch_op.drop_index('ix_contractor_email')

    op.drop_table('contractor')
    op.drop_table('business_profile')
    op.drop_table('activity')
