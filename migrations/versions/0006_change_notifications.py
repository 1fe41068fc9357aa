"""Live changes on a team database: every statement that writes a table notifies the channel
`crewbook_changes` with the kind of record and the ids it touched (a kind alone when more than
200 rows changed), so every open window refreshes what another person saved. PostgreSQL only:
a local SQLite book has one window, which knows its own changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each table, the kind of change it makes (desktop.operations.changes.Changes) and the column
# naming the record that changed ('' when the kind needs no ids).
TABLES = {
    'contractor': ('contractors', 'id'),
    'contractor_tag': ('contractors', 'contractor_id'),
    'rate_change': ('contractors', 'contractor_id'),
    'engagement': ('engagements', 'id'),
    'exit_plan': ('engagements', 'engagement_id'),
    'communication_log': ('engagements', 'engagement_id'),
    'rating': ('engagements', 'engagement_id'),
    'risk_review': ('engagements', 'engagement_id'),
    'installment': ('installments', 'id'),
    'payment': ('installments', 'installment_id'),
    'activity': ('activities', 'id'),
    'activity_quote': ('activities', 'activity_id'),
    'document': ('documents', 'id'),
    'exchange_rate': ('settings', ''),
    'business_profile': ('settings', ''),
    'reporting_threshold': ('settings', ''),
    'payment_rule': ('settings', ''),
}
EVENTS = {'INSERT': 'NEW', 'UPDATE': 'NEW', 'DELETE': 'OLD'}

FUNCTION = r"""
CREATE OR REPLACE FUNCTION crewbook_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    how_many bigint;
    ids text;
BEGIN
    IF id_column = '' THEN
        PERFORM pg_notify('crewbook_changes', kind);
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT count(*), string_agg(DISTINCT i::text, '','') FROM '
                   '(SELECT %I AS i FROM changed_rows WHERE %I IS NOT NULL LIMIT 201) s',
                   id_column, id_column)
        INTO how_many, ids;
    IF how_many = 0 THEN
        RETURN NULL;
    ELSIF how_many > 200 THEN
        PERFORM pg_notify('crewbook_changes', kind || ':*');
    ELSE
        PERFORM pg_notify('crewbook_changes', kind || ':' || ids);
    END IF;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(FUNCTION)
    for table, (kind, column) in TABLES.items():
        for event, rows in EVENTS.items():
            op.execute(
                f'CREATE TRIGGER crewbook_notify_{event.lower()} AFTER {event} ON {table} '
                f'REFERENCING {rows} TABLE AS changed_rows FOR EACH STATEMENT '
                f"EXECUTE FUNCTION crewbook_notify('{kind}', '{column}')")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        for event in EVENTS:
            op.execute(f'DROP TRIGGER IF EXISTS crewbook_notify_{event.lower()} ON {table}')
    op.execute('DROP FUNCTION IF EXISTS crewbook_notify()')
