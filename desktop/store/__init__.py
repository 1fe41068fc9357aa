"""Persistence: SQLAlchemy models, the engine, migrations, backups and queries. No Qt."""
