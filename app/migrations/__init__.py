"""Alembic migrations. The schema changes only through a revision in `versions/`.

`HEAD_REVISION` and `KNOWN_REVISIONS` let the app check a database's version at start without
importing Alembic (a test keeps them equal to the scripts). Add each new revision to both.
"""

HEAD_REVISION = "0004"
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
