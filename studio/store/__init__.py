"""Persistence: SQLAlchemy 2 tables, engine set-up, repositories, Alembic migrations."""
