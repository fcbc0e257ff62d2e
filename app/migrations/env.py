"""Alembic environment for Dugnad: batch mode for SQLite, foreign keys off while migrating.

SQLite cannot ALTER most things, so Alembic rebuilds tables ("batch"); foreign keys must be off
while it does, and `PRAGMA foreign_key_check` afterwards proves nothing was left dangling.
"""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
        problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign key check failed after migration: {problems[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
