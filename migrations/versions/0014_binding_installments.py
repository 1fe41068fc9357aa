"""Whether an installment binds us, stored on it: `installment.binding` is true while its
engagement is signed, completed or terminated (a draft's schedule is a plan). The database
keeps it right itself, with triggers on both tables, so no write can forget it. What is owed
is then one index range per currency with no join, and the first ones due are read in order
off a second index that stops at the list's end. An index on the engagement's place answers
"does any binding engagement lie where a late-payment rule applies?" without a scan, and the
notice-date index carries the end date, so "ending soon" reads no rows it then throws away.

The flag is not part of the installment as a person edits it: setting it moves neither its
`version` nor, on a team database, who saved it last.

SQLite drops a table's triggers when a batch migration copies the table: a later revision
that copies `installment` or `engagement` must create the triggers here again.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BINDING = "('signed', 'completed', 'terminated')"  # desktop.core.engagement.BINDING
OPEN = "status IN ('planned', 'part_paid')"
OWED_COLUMNS = ['binding', 'currency', 'due_on', 'amount_minor', 'paid_minor', 'status']

SQLITE_TRIGGERS = (
    # A new installment, or one moved to another engagement (or its flag set by hand).
    *(f"""
CREATE TRIGGER installment_binding_{event} AFTER {what} ON installment
WHEN NEW.binding IS NOT coalesce((SELECT status IN {BINDING} FROM engagement
                                  WHERE id = NEW.engagement_id), 0)
BEGIN
    UPDATE installment SET binding = coalesce((SELECT status IN {BINDING} FROM engagement
                                               WHERE id = NEW.engagement_id), 0)
    WHERE id = NEW.id;
END""" for event, what in (('insert', 'INSERT'),
                            ('update', 'UPDATE OF engagement_id, binding'))),
    f"""
CREATE TRIGGER engagement_binding AFTER UPDATE OF status ON engagement
WHEN (OLD.status IN {BINDING}) IS NOT (NEW.status IN {BINDING})
BEGIN
    UPDATE installment SET binding = (NEW.status IN {BINDING}) WHERE engagement_id = NEW.id;
END""",
)

# PostgreSQL: triggers of one kind fire in name order, so this one runs after
# crewbook_changed_by (0007) and can give the row back who saved it last when nothing but the
# flag changed.
POSTGRESQL_FUNCTIONS = (f"""
CREATE OR REPLACE FUNCTION crewbook_installment_binding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.binding := coalesce((SELECT status IN {BINDING} FROM engagement
                             WHERE id = NEW.engagement_id), false);
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'binding' - 'changed_by'
                            = to_jsonb(OLD) - 'binding' - 'changed_by' THEN
        NEW.changed_by := OLD.changed_by;
    END IF;
    RETURN NEW;
END $$""", f"""
CREATE OR REPLACE FUNCTION crewbook_engagement_binding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE installment SET binding = (NEW.status IN {BINDING})
    WHERE engagement_id = NEW.id AND binding IS DISTINCT FROM (NEW.status IN {BINDING});
    RETURN NULL;
END $$""")
POSTGRESQL_TRIGGERS = (
    'CREATE TRIGGER crewbook_installment_binding BEFORE INSERT OR UPDATE OF engagement_id, '
    'binding ON installment FOR EACH ROW EXECUTE FUNCTION crewbook_installment_binding()',
    'CREATE TRIGGER crewbook_engagement_binding AFTER UPDATE OF status ON engagement FOR EACH '
    'ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) '
    'EXECUTE FUNCTION crewbook_engagement_binding()',
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    op.add_column('installment', sa.Column('binding', sa.Boolean(), server_default='0',
                                           nullable=False))
    if postgresql:  # filling the flag is not an edit: no stamps, no notices
        op.execute('ALTER TABLE installment DISABLE TRIGGER USER')
    op.execute(f"UPDATE installment SET binding = {'true' if postgresql else '1'} WHERE "
               f"engagement_id IN (SELECT id FROM engagement WHERE status IN {BINDING})")
    if postgresql:
        op.execute('ALTER TABLE installment ENABLE TRIGGER USER')
        for statement in (*POSTGRESQL_FUNCTIONS, *POSTGRESQL_TRIGGERS):
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    owed = {'sqlite_where': sa.text(f'binding = 1 AND {OPEN}'),
            'postgresql_where': sa.text(f'binding AND {OPEN}')}
    op.create_index('ix_installment_owed', 'installment', OWED_COLUMNS, **owed)
    op.create_index('ix_installment_owed_by_day', 'installment', ['status', 'due_on', 'id'],
                    **owed)
    op.create_index('ix_engagement_place', 'engagement', ['jurisdiction_country', 'status'])
    op.drop_index('ix_engagement_status_notice', table_name='engagement')
    op.create_index('ix_engagement_status_notice_end', 'engagement',
                    ['status', 'notice_by', 'end_on'])


def downgrade() -> None:
    op.drop_index('ix_engagement_status_notice_end', table_name='engagement')
    op.create_index('ix_engagement_status_notice', 'engagement', ['status', 'notice_by'])
    op.drop_index('ix_engagement_place', table_name='engagement')
    op.drop_index('ix_installment_owed_by_day', table_name='installment')
    op.drop_index('ix_installment_owed', table_name='installment')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER IF EXISTS crewbook_engagement_binding ON engagement')
        op.execute('DROP TRIGGER IF EXISTS crewbook_installment_binding ON installment')
        op.execute('DROP FUNCTION IF EXISTS crewbook_engagement_binding()')
        op.execute('DROP FUNCTION IF EXISTS crewbook_installment_binding()')
    else:
        for name in ('engagement_binding', 'installment_binding_update',
                     'installment_binding_insert'):
            op.execute(f'DROP TRIGGER IF EXISTS {name}')
    # not a batch copy: that would run the children's ON DELETE rules (as 0007)
    op.drop_column('installment', 'binding')
