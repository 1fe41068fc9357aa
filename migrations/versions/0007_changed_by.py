"""Who saved each record last: a `changed_by` column on every editable table. On a team
database a trigger fills it with the session's database user, so it cannot be claimed for
someone else; a local book stores the computer's login.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('contractor', 'engagement', 'exit_plan', 'communication_log', 'rating',
          'installment', 'payment', 'activity', 'activity_quote', 'exchange_rate',
          'risk_review', 'document', 'business_profile', 'reporting_threshold', 'payment_rule')

FUNCTION = """
CREATE OR REPLACE FUNCTION crewbook_changed_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := session_user;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    for table in TABLES:  # a plain ADD COLUMN on SQLite too: no table is copied
        op.add_column(table, sa.Column('changed_by', sa.String(length=120), server_default='',
                                       nullable=False))
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(FUNCTION)
    for table in TABLES:
        op.execute(f'CREATE TRIGGER crewbook_changed_by BEFORE INSERT OR UPDATE ON {table} '
                   'FOR EACH ROW EXECUTE FUNCTION crewbook_changed_by()')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in TABLES:
            op.execute(f'DROP TRIGGER IF EXISTS crewbook_changed_by ON {table}')
        op.execute('DROP FUNCTION IF EXISTS crewbook_changed_by()')
    for table in TABLES:  # not a batch copy: that would run the children's ON DELETE rules
        op.drop_column(table, 'changed_by')
